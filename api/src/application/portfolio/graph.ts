import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AmendmentSchema, ContractPartySchema, ContractSchema, InsertionClauseSchema, LotSchema, PurchaseOrderSchema,
  type AmendmentEntity, type ContractEntity, type ContractPartyEntity, type InsertionClauseEntity, type LotEntity, type PurchaseOrderEntity,
} from '@app/db';
import { clauseRules, groupBy, type ClauseRules, type ClauseRulesOverrides, type ClauseType, type HoursMethodInput, type HoursPolicy, type Violation } from '@app/shared';
import type { Actor } from '../actor.js';
import { errors, AppError } from '../errors.js';
import { scoped } from '../../infra/scope.js';
import { searchText } from '../../infra/search-text.js';
import { complianceOf, sizeClause } from './clause-sizing.js';

/** A contract with everything its page shows: parties, lots, their clauses, amendments and orders. */
export interface ContractGraph {
  contract: ContractEntity;
  parties: ContractPartyEntity[];
  lots: LotEntity[];
  clauseOf: Map<string, InsertionClauseEntity>;
  amendmentsOf: Map<string, AmendmentEntity[]>;
  ordersOf: Map<string, PurchaseOrderEntity[]>;
}

/** Loads the contract when the actor may see it (404 otherwise, another tenant's included). */
export async function loadGraph(em: EntityManager, actor: Actor, contractId: string): Promise<ContractGraph> {
  const contract = await em.findOne(ContractSchema, scoped(actor, 'Contract', { id: contractId }), { populate: ['buyer', 'operation'] });
  if (!contract) throw errors.notFound('Marché');
  return loadGraphOf(em, contract);
}

export async function loadGraphOf(em: EntityManager, contract: ContractEntity): Promise<ContractGraph> {
  return (await loadGraphsOf(em, [contract]))[0]!;
}

/** The graphs of several contracts in six queries whatever their number (the DECP import updates hundreds at once). */
export async function loadGraphsOf(em: EntityManager, contracts: ContractEntity[]): Promise<ContractGraph[]> {
  if (!contracts.length) return [];
  const ids = { contract: { $in: contracts.map((c) => c.id) } };
  // One after the other: inside a transaction they share one connection.
  const parties = await em.find(ContractPartySchema, ids, { orderBy: { role: 'asc', position: 'asc' } });
  const lots = await em.find(LotSchema, ids, { orderBy: { number: 'asc' } });
  const clauses = await em.find(InsertionClauseSchema, ids, { populate: ['facilitator'] });
  const amendments = await em.find(AmendmentSchema, ids, { orderBy: { effectiveDate: 'asc', createdAt: 'asc' } });
  const orders = clauses.length ? await em.find(PurchaseOrderSchema, { clause: { $in: clauses.map((c) => c.id) } }, { orderBy: { orderedOn: 'asc', createdAt: 'asc' } }) : [];
  const partiesOf = groupBy(parties, (p) => p.contract.id);
  const lotsOf = groupBy(lots, (l) => l.contract.id);
  const clausesOf = groupBy(clauses, (c) => c.contract.id);
  const amendmentsOf = groupBy(amendments, (a) => a.contract.id);
  const ordersOf = groupBy(orders, (o) => o.clause.id);
  return contracts.map((contract) => ({
    contract,
    parties: partiesOf.get(contract.id) ?? [],
    lots: lotsOf.get(contract.id) ?? [],
    clauseOf: new Map((clausesOf.get(contract.id) ?? []).map((c) => [c.lot.id, c])),
    amendmentsOf: groupBy(amendmentsOf.get(contract.id) ?? [], (a) => a.lot.id),
    ordersOf: new Map((clausesOf.get(contract.id) ?? []).map((c) => [c.id, ordersOf.get(c.id) ?? []])),
  }));
}

/** The lot and its contract graph, when the actor may see the lot. */
export async function loadLotGraph(em: EntityManager, actor: Actor, lotId: string): Promise<{ graph: ContractGraph; lot: LotEntity }> {
  const lot = await em.findOne(LotSchema, scoped(actor, 'Lot', { id: lotId }));
  if (!lot) throw errors.notFound('Lot');
  const contract = await em.findOneOrFail(ContractSchema, { id: lot.contract.id }, { populate: ['buyer', 'operation'] });
  const graph = await loadGraphOf(em, contract);
  return { graph, lot: graph.lots.find((l) => l.id === lot.id)! };
}

/**
 * The clause's rules: what it stores over the domain defaults. A clause written through the form stores
 * its full rules; a clause imported from DECP stores none (nothing was chosen yet) and follows the defaults.
 */
export const rulesOf = (clause: { rules: Record<string, unknown> }): ClauseRules => clauseRules(clause.rules as ClauseRulesOverrides);

/** Domain violations as a 422 problem naming each field. */
export function violationsError(violations: readonly Violation[], prefix: string): AppError {
  const first = violations[0];
  return new AppError('rule_violation', violations.map((v) => v.message).join(' '), {
    rule: first?.code,
    errors: violations.map((v) => ({ path: [prefix, v.path].filter(Boolean).join('.'), message: v.message })),
  });
}

/** The date the clause's initial required hours take effect (before any amendment). */
export const initialEffectiveDate = (graph: ContractGraph, clause: { startDate?: string | null }): string =>
  graph.contract.notifiedOn ?? clause.startDate ?? graph.contract.startDate ?? graph.contract.createdAt.toISOString().slice(0, 10);

/**
 * Recomputes what a clause derives from its lot and contract: required hours (method, orders,
 * amendments), compliance status, and the copies the lists filter on. Throws 422 when the domain refuses.
 */
export function recomputeClause(graph: ContractGraph, clause: InsertionClauseEntity, today: string): void {
  const lot = graph.lots.find((l) => l.id === clause.lot.id);
  if (!lot) throw new Error(`lot ${clause.lot.id} absent du marché ${graph.contract.id}`);
  const outcome = sizeClause({
    type: clause.type as ClauseType,
    method: clause.methodParams as HoursMethodInput | null,
    orders: (graph.ordersOf.get(clause.id) ?? []).map((o) => ({ id: o.id, orderedOn: o.orderedOn, amountCents: o.amountCents })),
    amendments: (graph.amendmentsOf.get(lot.id) ?? []).map((a) => ({
      reference: a.reference,
      effectiveDate: a.effectiveDate,
      deltaAmountCents: a.deltaAmountCents,
      hoursPolicy: a.hoursPolicy as HoursPolicy,
      explicitRequiredMinutes: a.explicitRequiredMinutes ?? null,
    })),
    initial: { effectiveDate: initialEffectiveDate(graph, clause), amountCents: lot.initialAmountCents },
    today,
  });
  if (!outcome.ok) throw violationsError(outcome.violations, outcome.where);
  const s = outcome.sizing;
  clause.method = clause.methodParams ? String((clause.methodParams as { method: string }).method) : null;
  clause.requiredMinutes = s.requiredMinutes;
  clause.initialRequiredMinutes = s.initialRequiredMinutes;
  clause.unroundedHours = s.unroundedHours;
  clause.formula = s.formula;
  clause.warnings = s.warnings;
  clause.hoursHistory = s.history;
  clause.toSize = s.toSize;
  const { compliance } = complianceOf(
    {
      id: clause.id, lotId: lot.id, holderIdentifier: lot.holderIdentifier, type: clause.type as ClauseType,
      requiredMinutes: clause.requiredMinutes ?? null, startDate: clause.startDate ?? null, endDate: clause.endDate ?? null,
      amountCents: lot.amountCents, waived: clause.waived ?? false, rules: rulesOf(clause), countedMinutes: clause.countedMinutes ?? 0,
    },
    today,
  );
  clause.complianceStatus = compliance?.status ?? null;
  clause.complianceComputedOn = today;
  syncClauseCopies(graph, lot, clause);
}

/** Copies of the lot and contract kept on the clause for the lists. */
export function syncClauseCopies(graph: ContractGraph, lot: LotEntity, clause: InsertionClauseEntity): void {
  const contract = graph.contract;
  clause.holderIdentifier = lot.holderIdentifier;
  clause.trade = lot.trade ?? null;
  clause.operation = contract.operation ?? null;
  clause.searchText = searchText(contract.reference, contract.object, lot.title, lot.holderName, lot.holderIdentifier);
}

export function contractSearchText(contract: { reference: string; object: string }, parties: { identifier: string; name?: string | null }[]): string {
  return searchText(contract.reference, contract.object, ...parties.flatMap((p) => [p.identifier, p.name]));
}
