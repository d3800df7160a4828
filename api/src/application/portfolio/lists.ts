import type { z } from 'zod';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ContractPartySchema, ContractSchema, InsertionClauseSchema, LotSchema } from '@app/db';
import {
  CLAUSE_TYPES, CLAUSE_TYPES_WITH_HOURS, sumRequiredMinutes,
  type ClauseListItem, type clauseListQuerySchema, type ComplianceStatus, type contractListQuerySchema, type ContractSummary, type exportQuerySchema,
} from '@app/shared';
import type { Actor } from '../actor.js';
import { scoped } from '../../infra/scope.js';
import { likePattern } from '../../infra/search-text.js';
import { toParty } from './views.js';

type ClauseFilters = Omit<z.output<typeof exportQuerySchema>, 'format'>;
type ClauseQuery = z.output<typeof clauseListQuerySchema>;
type ContractQuery = z.output<typeof contractListQuerySchema>;

const digits = (v: string) => v.replace(/\s/g, '');

/** Filters of the clause list, on the clause's own columns (indexed copies), within the actor's scope. */
export function clauseWhere(actor: Actor, f: ClauseFilters): object {
  const where: Record<string, unknown> = {};
  if (f.buyerId) where.buyer = f.buyerId;
  if (f.operationId) where.operation = f.operationId;
  if (f.contractorSiret) where.holderIdentifier = digits(f.contractorSiret);
  if (f.trade) where.trade = f.trade;
  if (f.type) where.type = f.type;
  if (f.status === 'to_size') where.toSize = true;
  else if (f.status === 'no_hours') where.type = { $in: CLAUSE_TYPES.filter((t) => !CLAUSE_TYPES_WITH_HOURS.includes(t)) };
  else if (f.status) where.complianceStatus = f.status;
  const and: object[] = [];
  if (f.from) and.push({ $or: [{ endDate: null }, { endDate: { $gte: f.from } }] });
  if (f.to) and.push({ $or: [{ startDate: null }, { startDate: { $lte: f.to } }] });
  if (f.q) and.push({ searchText: { $like: likePattern(f.q) } });
  return scoped(actor, 'InsertionClause', and.length ? { ...where, $and: and } : where);
}

const ref = (o: { id: string; name: string } | null | undefined) => (o ? { id: o.id, name: o.name } : null);

export async function listClauses(em: EntityManager, actor: Actor, query: ClauseQuery): Promise<{ items: ClauseListItem[]; total: number; page: number; pageSize: number }> {
  const [rows, total] = await em.findAndCount(InsertionClauseSchema, clauseWhere(actor, query), {
    populate: ['lot', 'contract', 'buyer', 'operation', 'facilitator'],
    orderBy: { createdAt: 'desc', id: 'desc' },
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const items = rows.map((c) => ({
    id: c.id,
    type: c.type as ClauseListItem['type'],
    buyer: ref(c.buyer)!,
    operation: ref(c.operation),
    contract: { id: c.contract.id, reference: c.contract.reference, object: c.contract.object },
    lot: { id: c.lot.id, number: c.lot.number, title: c.lot.title, amountCents: c.lot.amountCents },
    holder: { identifier: c.lot.holderIdentifier, name: c.lot.holderName ?? null },
    trade: c.trade ?? null,
    requiredMinutes: c.requiredMinutes ?? null,
    hoursToSize: c.toSize,
    complianceStatus: (c.complianceStatus ?? null) as ComplianceStatus | null,
    startDate: c.startDate ?? null,
    endDate: c.endDate ?? null,
    facilitator: ref(c.facilitator),
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Contracts list: filters on the contract, and on its lots or clauses through indexed EXISTS sub-queries. */
export async function listContracts(em: EntityManager, actor: Actor, query: ContractQuery): Promise<{ items: ContractSummary[]; total: number; page: number; pageSize: number }> {
  const where: Record<string, unknown> = {};
  if (query.buyerId) where.buyer = query.buyerId;
  if (query.operationId) where.operation = query.operationId;
  if (query.source) where.source = query.source;
  const and: object[] = [];
  if (query.notifiedFrom) and.push({ notifiedOn: { $gte: query.notifiedFrom } });
  if (query.notifiedTo) and.push({ notifiedOn: { $lte: query.notifiedTo } });
  if (query.q) and.push({ searchText: { $like: likePattern(query.q) } });
  const qb = em.createQueryBuilder(ContractSchema, 'c').where(scoped(actor, 'Contract', and.length ? { ...where, $and: and } : where));
  if (query.contractorSiret) qb.andWhere('exists (select 1 from lot l where l.contract_id = c.id and l.holder_identifier = ?)', [digits(query.contractorSiret)]);
  if (query.trade) qb.andWhere('exists (select 1 from lot l where l.contract_id = c.id and l.trade = ?)', [query.trade]);
  if (query.hoursToSize !== undefined) {
    qb.andWhere(`${query.hoursToSize ? '' : 'not '}exists (select 1 from insertion_clause ic where ic.contract_id = c.id and ic.to_size)`);
  }
  if (query.status === 'to_size') qb.andWhere('exists (select 1 from insertion_clause ic where ic.contract_id = c.id and ic.to_size)');
  else if (query.status === 'no_hours') {
    qb.andWhere(`exists (select 1 from insertion_clause ic where ic.contract_id = c.id and ic.type in (${CLAUSE_TYPES.filter((t) => !CLAUSE_TYPES_WITH_HOURS.includes(t)).map((t) => `'${t}'`).join(',')}))`);
  } else if (query.status) qb.andWhere('exists (select 1 from insertion_clause ic where ic.contract_id = c.id and ic.compliance_status = ?)', [query.status]);
  const total = await qb.clone().getCount();
  const contracts = await qb
    .leftJoinAndSelect('c.buyer', 'b')
    .leftJoinAndSelect('c.operation', 'o')
    .orderBy({ createdAt: 'desc', id: 'desc' })
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .getResultList();
  const ids = contracts.map((c) => c.id);
  const [lots, clauses, parties] = ids.length
    ? await Promise.all([
        em.find(LotSchema, { contract: { $in: ids } }, { fields: ['id', 'contract'] }),
        em.find(InsertionClauseSchema, { contract: { $in: ids } }, { fields: ['id', 'contract', 'requiredMinutes', 'toSize'] }),
        em.find(ContractPartySchema, { contract: { $in: ids }, role: { $ne: 'subcontractor' } }, { orderBy: { position: 'asc' } }),
      ])
    : [[], [], []];
  const items = contracts.map((c) => {
    const own = clauses.filter((cl) => cl.contract.id === c.id);
    return {
      id: c.id,
      buyer: ref(c.buyer)!,
      operation: ref(c.operation),
      reference: c.reference,
      object: c.object,
      cpv: c.cpvCode ? { code: c.cpvCode, label: c.cpvLabel ?? '' } : null,
      notifiedOn: c.notifiedOn ?? null,
      startDate: c.startDate ?? null,
      endDate: c.endDate ?? null,
      amountCents: c.amountCents,
      frameworkAgreement: c.frameworkAgreement,
      source: c.source as ContractSummary['source'],
      holders: parties.filter((p) => p.contract.id === c.id).sort((a, b) => (a.role === 'holder' ? -1 : b.role === 'holder' ? 1 : a.position - b.position)).map(toParty),
      lotCount: lots.filter((l) => l.contract.id === c.id).length,
      requiredMinutes: sumRequiredMinutes(own.map((cl) => ({ requiredMinutes: cl.requiredMinutes ?? 0 }))),
      hoursToSize: own.filter((cl) => cl.toSize).length,
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
