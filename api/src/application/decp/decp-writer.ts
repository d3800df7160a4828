import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AmendmentSchema, ContractPartySchema, ContractSchema, InsertionClauseSchema, LotSchema, type AmendmentEntity,
} from '@app/db';
import type { DecpContract } from '../../infra/decp/index.js';
import { loadGraphOf, recomputeClause } from '../portfolio/graph.js';
import type { Classified } from './decp-classify.js';
import { amendmentRows, contractSearch, endDateOf, newRecordRows, partyRows } from './decp-mapping.js';

const BATCH = 500;

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
  clausesCreated: number;
  amendmentsCreated: number;
}

/** New records: plain multi-row inserts, batch by batch (10,000 records in a few seconds). */
async function insertNew(em: EntityManager, buyerId: string, records: DecpContract[], today: string): Promise<{ clauses: number; amendments: number }> {
  const now = new Date();
  const rows = records.map((c) => newRecordRows(c, buyerId, today, now));
  const clauses = rows.flatMap((r) => (r.clause ? [r.clause] : []));
  const amendments = rows.flatMap((r) => r.amendments);
  await em.insertMany(ContractSchema, rows.map((r) => r.contract));
  await em.insertMany(ContractPartySchema, rows.flatMap((r) => r.parties));
  await em.insertMany(LotSchema, rows.map((r) => r.lot));
  if (clauses.length) await em.insertMany(InsertionClauseSchema, clauses);
  if (amendments.length) await em.insertMany(AmendmentSchema, amendments);
  return { clauses: clauses.length, amendments: amendments.length };
}

/**
 * A record already imported whose file brings new modifications: they become amendments, and the
 * contract takes the current amount, duration and holders; a sized clause is recomputed by the domain.
 * Officer-entered clause data is never overwritten.
 */
async function applyModifications(em: EntityManager, contractId: string, c: DecpContract, applied: number, today: string): Promise<number> {
  const contract = await em.findOneOrFail(ContractSchema, { id: contractId }, { populate: ['buyer', 'operation'] });
  const graph = await loadGraphOf(em, contract);
  const lot = graph.lots[0];
  if (!lot) return 0;
  const clause = graph.clauseOf.get(lot.id);
  const rows = amendmentRows(c, contract.id, lot.id, applied, new Date());
  const created: AmendmentEntity[] = rows.map((r) => em.create(AmendmentSchema, r));
  graph.amendmentsOf.set(lot.id, [...(graph.amendmentsOf.get(lot.id) ?? []), ...created].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate)));
  const previousEnd = contract.endDate ?? null;
  const endDate = endDateOf(c.notifiedOn, c.durationMonths);
  Object.assign(contract, {
    amountCents: c.amountCents ?? contract.amountCents,
    durationMonths: c.durationMonths,
    endDate: endDate ?? contract.endDate,
    decpModifications: c.modifications.length,
    searchText: contractSearch(c),
  });
  lot.amountCents += rows.reduce((sum, r) => sum + r.deltaAmountCents, 0);
  const holder = c.holders[0];
  if (holder) Object.assign(lot, { holderIdType: holder.idType, holderIdentifier: holder.id, holderName: holder.name });
  for (const p of graph.parties) em.remove(p);
  graph.parties = partyRows(contract.id, c.holders, c.subcontractors).map((r) => em.create(ContractPartySchema, r));
  if (clause) {
    if (!clause.endDate || clause.endDate === previousEnd) clause.endDate = contract.endDate ?? null;
    recomputeClause(graph, clause, today);
  }
  await em.flush();
  em.clear();
  return rows.length;
}

export async function writeRecords(
  em: EntityManager,
  buyerId: string,
  c: Classified,
  today: string,
  onProgress: (processed: number) => Promise<void>,
): Promise<WriteCounts> {
  const counts: WriteCounts = { created: 0, updated: 0, unchanged: 0, clausesCreated: 0, amendmentsCreated: 0 };
  for (let i = 0; i < c.mine.length; i += BATCH) {
    const batch = c.mine.slice(i, i + BATCH);
    const fresh = batch.filter((r) => c.actionOf(r) === 'create');
    if (fresh.length) {
      const added = await insertNew(em, buyerId, fresh, today);
      counts.created += fresh.length;
      counts.clausesCreated += added.clauses;
      counts.amendmentsCreated += added.amendments;
    }
    for (const record of batch) {
      const action = c.actionOf(record);
      if (action === 'unchanged') counts.unchanged++;
      if (action !== 'update') continue;
      const known = c.existing.get(record.key)!;
      counts.amendmentsCreated += await applyModifications(em, known.id, record, known.decpModifications, today);
      counts.updated++;
    }
    await onProgress(Math.min(i + BATCH, c.mine.length));
  }
  return counts;
}
