import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ContractSchema, OperationSchema, type OperationEntity } from '@app/db';
import type { z } from 'zod';
import type { operationInputSchema, Operation } from '@app/shared';
import type { Actor, RequestMeta } from './actor.js';
import { errors } from './errors.js';
import { scoped } from '../infra/scope.js';
import { audit } from '../infra/audit.js';
import { communeByCode } from '../infra/referentials/communes.js';
import { toOperation } from './portfolio/views.js';

type Input = z.output<typeof operationInputSchema>;

async function contractCounts(em: EntityManager, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await em.getConnection().execute<{ operation_id: string; n: string }[]>(
    `select operation_id, count(*) as n from contract where operation_id in (${ids.map(() => '?').join(',')}) group by operation_id`,
    ids,
  );
  return new Map(rows.map((r) => [r.operation_id, Number(r.n)]));
}

export async function listOperations(
  em: EntityManager,
  actor: Actor,
  query: { q?: string; buyerId?: string; page: number; pageSize: number },
): Promise<{ items: Operation[]; total: number; page: number; pageSize: number }> {
  const where: Record<string, unknown> = {};
  if (query.q) where.name = { $ilike: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
  if (query.buyerId) where.buyer = query.buyerId;
  const [rows, total] = await em.findAndCount(OperationSchema, scoped(actor, 'Operation', where), {
    populate: ['buyer'], orderBy: { name: 'asc', id: 'asc' }, limit: query.pageSize, offset: (query.page - 1) * query.pageSize,
  });
  const counts = await contractCounts(em, rows.map((r) => r.id));
  return { items: rows.map((r) => toOperation(r, counts.get(r.id) ?? 0)), total, page: query.page, pageSize: query.pageSize };
}

async function findOperation(em: EntityManager, actor: Actor, id: string): Promise<OperationEntity> {
  const op = await em.findOne(OperationSchema, scoped(actor, 'Operation', { id }), { populate: ['buyer'] });
  if (!op) throw errors.notFound('Opération');
  return op;
}

export async function getOperation(em: EntityManager, actor: Actor, id: string): Promise<Operation> {
  const op = await findOperation(em, actor, id);
  return toOperation(op, await em.count(ContractSchema, { operation: op.id }));
}

function communeFields(input: Input) {
  if (!input.communeCode) return { communeCode: null, communeName: null, departement: null };
  const commune = communeByCode(input.communeCode);
  if (!commune) throw errors.field('communeCode', 'Cette commune est inconnue du code officiel géographique (COG 2026).');
  return { communeCode: commune.code, communeName: commune.name, departement: commune.departement };
}

const snapshot = (o: OperationEntity) => ({ name: o.name, anru: o.anru, communeCode: o.communeCode ?? null, description: o.description ?? null });

export async function createOperation(em: EntityManager, actor: Actor, meta: RequestMeta, data: Input): Promise<Operation> {
  return em.transactional(async (tx) => {
    const op = tx.create(OperationSchema, {
      id: randomUUID(), buyer: actor.organisationId, name: data.name, anru: data.anru, description: data.description, ...communeFields(data),
    });
    audit(tx, actor, meta, { action: 'create', entityType: 'Operation', entityId: op.id, after: snapshot(op) });
    await tx.flush();
    await tx.populate(op, ['buyer']);
    return toOperation(op, 0);
  });
}

export async function updateOperation(em: EntityManager, actor: Actor, meta: RequestMeta, id: string, data: Input): Promise<Operation> {
  return em.transactional(async (tx) => {
    const op = await findOperation(tx, actor, id);
    const before = snapshot(op);
    Object.assign(op, { name: data.name, anru: data.anru, description: data.description, ...communeFields(data) });
    audit(tx, actor, meta, { action: 'update', entityType: 'Operation', entityId: op.id, before, after: snapshot(op) });
    await tx.flush();
    return toOperation(op, await tx.count(ContractSchema, { operation: op.id }));
  });
}

