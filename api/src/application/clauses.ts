import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ContractSchema, InsertionClauseSchema, MandateSchema, OrganisationSchema, PurchaseOrderSchema, type InsertionClauseEntity } from '@app/db';
import type { ClauseDetail, clauseInputSchema, purchaseOrderInputSchema } from '@app/shared';
import type { Actor, RequestMeta } from './actor.js';
import { errors } from './errors.js';
import { scoped } from '../infra/scope.js';
import { audit } from '../infra/audit.js';
import { loadGraphOf, loadLotGraph, recomputeClause, type ContractGraph } from './portfolio/graph.js';
import { rulesFromSettings } from './portfolio/clause-sizing.js';
import { toClause } from './portfolio/views.js';

type ClauseInput = z.output<typeof clauseInputSchema>;
type OrderInput = z.output<typeof purchaseOrderInputSchema>;

async function loadClauseGraph(em: EntityManager, actor: Actor, clauseId: string): Promise<{ graph: ContractGraph; clause: InsertionClauseEntity }> {
  const found = await em.findOne(InsertionClauseSchema, scoped(actor, 'InsertionClause', { id: clauseId }));
  if (!found) throw errors.notFound('Clause');
  const contract = await em.findOneOrFail(ContractSchema, { id: found.contract.id }, { populate: ['buyer', 'operation'] });
  const graph = await loadGraphOf(em, contract);
  return { graph, clause: graph.clauseOf.get(found.lot.id)! };
}

export async function getClause(em: EntityManager, actor: Actor, id: string, today: string): Promise<ClauseDetail> {
  const { graph, clause } = await loadClauseGraph(em, actor, id);
  return toClause(graph, clause, today);
}

/** The facilitator in charge must be a structure the contract's buyer mandated. */
async function facilitatorFor(em: EntityManager, buyerId: string, facilitatorId: string | null) {
  if (!facilitatorId) return null;
  const mandated = await em.count(MandateSchema, { buyer: buyerId, facilitator: facilitatorId });
  if (!mandated) throw errors.field('facilitatorId', 'Choisissez une structure de facilitation mandatée par l’acheteur.');
  return em.findOneOrFail(OrganisationSchema, { id: facilitatorId });
}

function checkMethod(graph: ContractGraph, input: ClauseInput) {
  if (input.method?.method === 'per_order' && !graph.contract.frameworkAgreement) {
    throw errors.field('method.method', 'Le calcul par bons de commande est réservé aux accords-cadres.');
  }
}

const snapshot = (c: InsertionClauseEntity) => ({
  type: c.type, methodParams: c.methodParams ?? null, requiredMinutes: c.requiredMinutes ?? null, unroundedHours: c.unroundedHours ?? null,
  startDate: c.startDate ?? null, endDate: c.endDate ?? null, targetPublics: c.targetPublics, facilitatorId: c.facilitator?.id ?? null,
  rules: c.rules, waived: c.waived,
});

async function apply(em: EntityManager, graph: ContractGraph, clause: InsertionClauseEntity, input: ClauseInput, today: string) {
  checkMethod(graph, input);
  const contract = graph.contract;
  Object.assign(clause, {
    type: input.type,
    methodParams: input.method,
    startDate: input.startDate ?? contract.startDate ?? contract.notifiedOn ?? null,
    endDate: input.endDate ?? contract.endDate ?? null,
    targetPublics: input.targetPublics,
    facilitator: await facilitatorFor(em, contract.buyer.id, input.facilitatorId),
    rules: rulesFromSettings(input.settings),
    waived: input.waived,
  });
  if (clause.startDate && clause.endDate && clause.endDate < clause.startDate) throw errors.field('endDate', 'La fin de la clause précède son début.');
  recomputeClause(graph, clause, today);
}

export async function createClause(em: EntityManager, actor: Actor, meta: RequestMeta, lotId: string, input: ClauseInput, today: string): Promise<ClauseDetail> {
  return em.transactional(async (tx) => {
    const { graph, lot } = await loadLotGraph(tx, actor, lotId);
    if (graph.clauseOf.has(lot.id)) throw errors.conflict('Ce lot porte déjà une clause : modifiez-la.');
    const clause = tx.create(InsertionClauseSchema, {
      id: randomUUID(), lot: lot.id, contract: graph.contract.id, buyer: graph.contract.buyer.id, holderIdentifier: lot.holderIdentifier,
      type: input.type, warnings: [], hoursHistory: [], targetPublics: [], rules: {}, countedMinutes: 0, waived: false, toSize: false,
    });
    graph.clauseOf.set(lot.id, clause);
    await apply(tx, graph, clause, input, today);
    audit(tx, actor, meta, { action: 'create', entityType: 'InsertionClause', entityId: clause.id, after: snapshot(clause) });
    await tx.flush();
    return toClause(graph, clause, today);
  });
}

export async function updateClause(em: EntityManager, actor: Actor, meta: RequestMeta, id: string, input: ClauseInput, today: string): Promise<ClauseDetail> {
  return em.transactional(async (tx) => {
    const { graph, clause } = await loadClauseGraph(tx, actor, id);
    const before = snapshot(clause);
    await apply(tx, graph, clause, input, today);
    audit(tx, actor, meta, { action: 'update', entityType: 'InsertionClause', entityId: clause.id, before, after: snapshot(clause) });
    await tx.flush();
    return toClause(graph, clause, today);
  });
}

/** An order under a framework agreement: with the `per_order` method, the required hours are re-evaluated at each order. */
export async function createPurchaseOrder(em: EntityManager, actor: Actor, meta: RequestMeta, clauseId: string, input: OrderInput, today: string): Promise<ClauseDetail> {
  return em.transactional(async (tx) => {
    const { graph, clause } = await loadClauseGraph(tx, actor, clauseId);
    if (!graph.contract.frameworkAgreement) throw errors.field('(corps)', 'Les bons de commande ne concernent que les accords-cadres.');
    const before = { requiredMinutes: clause.requiredMinutes ?? null };
    const order = tx.create(PurchaseOrderSchema, { id: randomUUID(), clause: clause.id, reference: input.reference, orderedOn: input.orderedOn, amountCents: input.amountCents });
    graph.ordersOf.set(clause.id, [...(graph.ordersOf.get(clause.id) ?? []), order]);
    recomputeClause(graph, clause, today);
    audit(tx, actor, meta, {
      action: 'order', entityType: 'InsertionClause', entityId: clause.id, before,
      after: { order: { id: order.id, reference: input.reference, orderedOn: input.orderedOn, amountCents: input.amountCents }, requiredMinutes: clause.requiredMinutes ?? null },
    });
    await tx.flush();
    return toClause(graph, clause, today);
  });
}
