import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AmendmentSchema, ContractPartySchema, ContractSchema, InsertionClauseSchema, LotSchema, type AmendmentEntity,
} from '@app/db';
import type { DecpContract } from '../../infra/decp/index.js';
import { bulkInsert } from '../../infra/bulk-insert.js';
import { loadGraphsOf, recomputeClause } from '../portfolio/graph.js';
import type { Classified, ExistingContract } from './decp-classify.js';
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
  await bulkInsert(em, ContractSchema, rows.map((r) => r.contract));
  await bulkInsert(em, ContractPartySchema, rows.flatMap((r) => r.parties));
  await bulkInsert(em, LotSchema, rows.map((r) => r.lot));
  await bulkInsert(em, InsertionClauseSchema, clauses);
  await bulkInsert(em, AmendmentSchema, amendments);
  return { clauses: clauses.length, amendments: amendments.length };
}

/**
 * Records already imported whose file brings new modifications: they become amendments, and the
 * contracts take the current amount, duration and holders; a sized clause is recomputed by the domain.
 * Officer-entered clause data is never overwritten. One batch: six reads and one flush.
 */
async function applyModifications(em: EntityManager, updates: { record: DecpContract; known: ExistingContract }[], today: string): Promise<number> {
  const contracts = await em.find(ContractSchema, { id: { $in: updates.map((u) => u.known.id) } }, { populate: ['buyer', 'operation'] });
  const graphs = new Map((await loadGraphsOf(em, contracts)).map((g) => [g.contract.id, g]));
  const now = new Date();
  let created = 0;
  for (const { record: c, known } of updates) {
    const graph = graphs.get(known.id)!;
    const contract = graph.contract;
    const lot = graph.lots[0];
    if (!lot) continue;
    const clause = graph.clauseOf.get(lot.id);
    const rows = amendmentRows(c, contract.id, lot.id, known.decpModifications, now);
    const added: AmendmentEntity[] = rows.map((r) => em.create(AmendmentSchema, r));
    graph.amendmentsOf.set(lot.id, [...(graph.amendmentsOf.get(lot.id) ?? []), ...added].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate)));
    const previousEnd = contract.endDate ?? null;
    Object.assign(contract, {
      amountCents: c.amountCents ?? contract.amountCents,
      durationMonths: c.durationMonths,
      endDate: endDateOf(c.notifiedOn, c.durationMonths) ?? contract.endDate,
      decpModifications: c.modifications.length,
      searchText: contractSearch(c),
    });
    lot.amountCents += rows.reduce((sum, r) => sum + r.deltaAmountCents, 0);
    const holder = c.holders[0];
    if (holder) Object.assign(lot, { holderIdType: holder.idType.slice(0, 30), holderIdentifier: holder.id.slice(0, 30), holderName: holder.name?.slice(0, 200) ?? null });
    for (const p of graph.parties) em.remove(p);
    graph.parties = partyRows(contract.id, c.holders, c.subcontractors).map((r) => em.create(ContractPartySchema, r));
    if (clause) {
      if (!clause.endDate || clause.endDate === previousEnd) clause.endDate = contract.endDate ?? null;
      recomputeClause(graph, clause, today);
    }
    created += rows.length;
  }
  await em.flush();
  em.clear();
  return created;
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
    const updates = [];
    for (const record of batch) {
      const action = c.actionOf(record);
      if (action === 'unchanged') counts.unchanged++;
      if (action === 'update') updates.push({ record, known: c.existing.get(record.key)! });
    }
    if (updates.length) {
      counts.amendmentsCreated += await applyModifications(em, updates, today);
      counts.updated += updates.length;
    }
    await onProgress(Math.min(i + BATCH, c.mine.length));
  }
  return counts;
}
