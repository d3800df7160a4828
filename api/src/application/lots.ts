import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AmendmentSchema, LotSchema, type LotEntity } from '@app/db';
import type { amendmentInputSchema, HeldLot, Lot, lotInputSchema } from '@app/shared';
import type { Actor, RequestMeta } from './actor.js';
import { errors } from './errors.js';
import { scopeFilter } from '../infra/scope.js';
import { audit } from '../infra/audit.js';
import { loadGraph, loadGraphOf, loadLotGraph, recomputeClause, type ContractGraph } from './portfolio/graph.js';
import { toHeldLot, toLot } from './portfolio/views.js';
import { ContractSchema } from '@app/db';

type LotInput = z.output<typeof lotInputSchema>;
type AmendmentInput = z.output<typeof amendmentInputSchema>;

/** The lot's holder is one of the contract's holders or co-contractors. */
function holderOf(graph: ContractGraph, siret: string) {
  const party = graph.parties.find((p) => p.role !== 'subcontractor' && p.identifier === siret);
  if (!party) throw errors.field('holderSiret', 'Le titulaire du lot doit être un titulaire ou un cotraitant du marché.');
  return party;
}

function checkNumber(graph: ContractGraph, number: number, self?: string) {
  if (graph.lots.some((l) => l.number === number && l.id !== self)) throw errors.field('number', `Le lot n° ${number} existe déjà dans ce marché.`);
}

const deltas = (graph: ContractGraph, lotId: string) => (graph.amendmentsOf.get(lotId) ?? []).reduce((sum, a) => sum + a.deltaAmountCents, 0);

const snapshot = (l: LotEntity) => ({
  number: l.number, title: l.title, trade: l.trade ?? null, initialAmountCents: l.initialAmountCents, amountCents: l.amountCents, holder: l.holderIdentifier,
});

export async function createLot(em: EntityManager, actor: Actor, meta: RequestMeta, contractId: string, input: LotInput, today: string): Promise<Lot> {
  return em.transactional(async (tx) => {
    const graph = await loadGraph(tx, actor, contractId);
    checkNumber(graph, input.number);
    const holder = holderOf(graph, input.holderSiret);
    const lot = tx.create(LotSchema, {
      id: randomUUID(), contract: graph.contract.id, buyer: graph.contract.buyer.id, number: input.number, title: input.title, trade: input.trade,
      initialAmountCents: input.amountCents, amountCents: input.amountCents, holderIdType: holder.idType, holderIdentifier: holder.identifier, holderName: holder.name,
    });
    graph.lots.push(lot);
    audit(tx, actor, meta, { action: 'create', entityType: 'Lot', entityId: lot.id, after: snapshot(lot) });
    await tx.flush();
    return toLot(graph, lot, today);
  });
}

export async function updateLot(em: EntityManager, actor: Actor, meta: RequestMeta, lotId: string, input: LotInput, today: string): Promise<Lot> {
  return em.transactional(async (tx) => {
    const { graph, lot } = await loadLotGraph(tx, actor, lotId);
    checkNumber(graph, input.number, lot.id);
    const holder = holderOf(graph, input.holderSiret);
    const before = snapshot(lot);
    Object.assign(lot, {
      number: input.number, title: input.title, trade: input.trade, initialAmountCents: input.amountCents,
      amountCents: input.amountCents + deltas(graph, lot.id), holderIdType: holder.idType, holderIdentifier: holder.identifier, holderName: holder.name,
    });
    if (lot.amountCents < 0) throw errors.field('amountCents', 'Avec les avenants déjà enregistrés, le montant du lot deviendrait négatif.');
    const clause = graph.clauseOf.get(lot.id);
    if (clause) recomputeClause(graph, clause, today);
    audit(tx, actor, meta, { action: 'update', entityType: 'Lot', entityId: lot.id, before, after: snapshot(lot) });
    await tx.flush();
    return toLot(graph, lot, today);
  });
}

/**
 * An amendment changes the lot's (and the contract's) amount, possibly its end date, and — by its
 * hours policy — the clause's required hours; the history of required hours is recomputed by the domain.
 */
export async function createAmendment(em: EntityManager, actor: Actor, meta: RequestMeta, lotId: string, input: AmendmentInput, today: string): Promise<Lot> {
  return em.transactional(async (tx) => {
    const { graph, lot } = await loadLotGraph(tx, actor, lotId);
    const contract = graph.contract;
    if (lot.amountCents + input.deltaAmountCents < 0) throw errors.field('deltaAmountCents', 'Le montant du lot deviendrait négatif.');
    if (input.newEndDate && contract.startDate && input.newEndDate < contract.startDate) {
      throw errors.field('newEndDate', 'La nouvelle date de fin précède le début du marché.');
    }
    const clause = graph.clauseOf.get(lot.id);
    const before = { lotAmountCents: lot.amountCents, contractEndDate: contract.endDate ?? null, requiredMinutes: clause?.requiredMinutes ?? null };
    const amendment = tx.create(AmendmentSchema, {
      id: randomUUID(), lot: lot.id, contract: contract.id, reference: input.reference, effectiveDate: input.effectiveDate,
      deltaAmountCents: input.deltaAmountCents, hoursPolicy: input.hoursPolicy, explicitRequiredMinutes: input.explicitRequiredMinutes,
      newEndDate: input.newEndDate, object: input.object, source: 'manual',
    });
    graph.amendmentsOf.set(lot.id, [...(graph.amendmentsOf.get(lot.id) ?? []), amendment].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate)));
    lot.amountCents += input.deltaAmountCents;
    contract.amountCents = Math.max(0, contract.amountCents + input.deltaAmountCents);
    if (input.newEndDate) {
      // The clause follows the contract's end when it ended with it.
      if (clause && (!clause.endDate || clause.endDate === contract.endDate)) clause.endDate = input.newEndDate;
      contract.endDate = input.newEndDate;
    }
    if (clause) recomputeClause(graph, clause, today);
    audit(tx, actor, meta, {
      action: 'amend', entityType: 'Lot', entityId: lot.id, before,
      after: {
        amendment: { id: amendment.id, reference: input.reference, effectiveDate: input.effectiveDate, deltaAmountCents: input.deltaAmountCents, hoursPolicy: input.hoursPolicy },
        lotAmountCents: lot.amountCents, contractEndDate: contract.endDate ?? null, requiredMinutes: clause?.requiredMinutes ?? null,
      },
    });
    await tx.flush();
    return toLot(graph, lot, today);
  });
}

const HELD_LOTS_LIMIT = 500;

/** Lots visible to the actor (the contractor: the lots it holds), most recent contracts first. */
export async function listLots(em: EntityManager, actor: Actor): Promise<{ items: HeldLot[]; total: number }> {
  const [lots, total] = await em.findAndCount(LotSchema, scopeFilter(actor, 'Lot'), { orderBy: { createdAt: 'desc', id: 'asc' }, limit: HELD_LOTS_LIMIT });
  const contractIds = [...new Set(lots.map((l) => l.contract.id))];
  const contracts = await em.find(ContractSchema, { id: { $in: contractIds } }, { populate: ['buyer', 'operation'] });
  const graphs = new Map<string, ContractGraph>();
  for (const c of contracts) graphs.set(c.id, await loadGraphOf(em, c));
  return { items: lots.map((l) => toHeldLot(graphs.get(l.contract.id)!, l)), total };
}

export async function getLot(em: EntityManager, actor: Actor, lotId: string): Promise<HeldLot> {
  const { graph, lot } = await loadLotGraph(em, actor, lotId);
  return toHeldLot(graph, lot);
}
