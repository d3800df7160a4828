import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ContractPartySchema, ContractSchema, OperationSchema, type ContractEntity } from '@app/db';
import type { Contract, contractInputSchema } from '@app/shared';
import type { Actor, RequestMeta } from './actor.js';
import { errors } from './errors.js';
import { audit } from '../infra/audit.js';
import { cpvByCode } from '../infra/referentials/cpv.js';
import { contractSearchText, loadGraph, loadGraphOf, recomputeClause, type ContractGraph } from './portfolio/graph.js';
import { toContract } from './portfolio/views.js';

type ContractInput = z.output<typeof contractInputSchema>;

export async function getContract(em: EntityManager, actor: Actor, id: string, today: string): Promise<Contract> {
  return toContract(await loadGraph(em, actor, id), today);
}

/** The operation must belong to the contract's buyer (a facilitator cannot move a contract to another buyer's operation). */
async function checkOperation(em: EntityManager, buyerId: string, operationId: string | null) {
  if (!operationId) return null;
  const op = await em.findOne(OperationSchema, { id: operationId, buyer: buyerId });
  if (!op) throw errors.field('operationId', 'Opération introuvable parmi celles de l’acheteur.');
  return op;
}

function cpvFields(code: string | null) {
  if (!code) return { cpvCode: null, cpvLabel: null };
  const entry = cpvByCode(code);
  if (!entry) throw errors.field('cpvCode', 'Ce code CPV n’existe pas dans le vocabulaire CPV 2008.');
  return { cpvCode: entry.code, cpvLabel: entry.label };
}

function writeParties(em: EntityManager, contractId: string, input: ContractInput) {
  const rows = [
    ...input.holders.map((h, i) => ({ ...h, role: i === 0 ? 'holder' : 'co_contractor', position: i })),
    ...input.subcontractors.map((s, i) => ({ ...s, role: 'subcontractor', position: i })),
  ];
  return rows.map((r) => em.create(ContractPartySchema, { id: randomUUID(), contract: contractId, role: r.role, idType: 'SIRET', identifier: r.siret, name: r.name, position: r.position }));
}

const snapshot = (c: ContractEntity, parties: { role: string; identifier: string }[]) => ({
  operationId: c.operation?.id ?? null, reference: c.reference, object: c.object, procedure: c.procedure ?? null, cpvCode: c.cpvCode ?? null,
  notifiedOn: c.notifiedOn ?? null, startDate: c.startDate ?? null, endDate: c.endDate ?? null, amountCents: c.amountCents,
  frameworkAgreement: c.frameworkAgreement, parties: parties.map((p) => `${p.role}:${p.identifier}`),
});

export async function createContract(em: EntityManager, actor: Actor, meta: RequestMeta, input: ContractInput, today: string): Promise<Contract> {
  return em.transactional(async (tx) => {
    const operation = await checkOperation(tx, actor.organisationId, input.operationId);
    const contract = tx.create(ContractSchema, {
      id: randomUUID(), buyer: actor.organisationId, operation, reference: input.reference, object: input.object, procedure: input.procedure,
      ...cpvFields(input.cpvCode), notifiedOn: input.notifiedOn, startDate: input.startDate, endDate: input.endDate,
      amountCents: input.amountCents, frameworkAgreement: input.frameworkAgreement, source: 'manual',
    });
    const parties = writeParties(tx, contract.id, input);
    contract.searchText = contractSearchText(contract, parties);
    audit(tx, actor, meta, { action: 'create', entityType: 'Contract', entityId: contract.id, after: snapshot(contract, parties) });
    await tx.flush();
    const saved = await tx.findOneOrFail(ContractSchema, { id: contract.id }, { populate: ['buyer', 'operation'] });
    return toContract(await loadGraphOf(tx, saved), today);
  });
}

/** Holders holding a lot cannot leave the contract before the lot gets another holder. */
function checkLotHolders(graph: ContractGraph, input: ContractInput) {
  const holders = new Set(input.holders.map((h) => h.siret));
  for (const lot of graph.lots) {
    if (lot.holderIdType === 'SIRET' && !holders.has(lot.holderIdentifier)) {
      throw errors.field('holders', `Le titulaire ${lot.holderIdentifier} tient le lot ${lot.number} : changez d’abord le titulaire de ce lot.`);
    }
  }
}

export async function updateContract(em: EntityManager, actor: Actor, meta: RequestMeta, id: string, input: ContractInput, today: string): Promise<Contract> {
  return em.transactional(async (tx) => {
    const graph = await loadGraph(tx, actor, id);
    const contract = graph.contract;
    checkLotHolders(graph, input);
    const before = snapshot(contract, graph.parties);
    const operation = await checkOperation(tx, contract.buyer.id, input.operationId);
    Object.assign(contract, {
      operation, reference: input.reference, object: input.object, procedure: input.procedure, ...cpvFields(input.cpvCode),
      notifiedOn: input.notifiedOn, startDate: input.startDate, endDate: input.endDate, amountCents: input.amountCents,
      frameworkAgreement: input.frameworkAgreement,
    });
    // Parties are replaced as a whole (names and order as typed); DECP parties keep their identifier type.
    for (const p of graph.parties) tx.remove(p);
    graph.parties = writeParties(tx, contract.id, input);
    contract.searchText = contractSearchText(contract, graph.parties);
    for (const clause of graph.clauseOf.values()) recomputeClause(graph, clause, today);
    audit(tx, actor, meta, { action: 'update', entityType: 'Contract', entityId: contract.id, before, after: snapshot(contract, graph.parties) });
    await tx.flush();
    return toContract(graph, today);
  });
}
