import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { pino } from 'pino';
import { z } from 'zod';
import { NotFoundError, UniqueConstraintViolationException, OptimisticLockError } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { problemJson } from './problem.js';
import { errors } from '../../application/errors.js';

/** The error middleware alone, on a bare Koa app (as Strapi tests its own). */
async function answer(thrown: () => unknown): Promise<{ status: number; type: string | null; body: any }> {
  const app = new Koa();
  app.use(async (ctx, next) => {
    ctx.state.requestId = 'req-1';
    ctx.state.log = pino({ level: 'silent' });
    await next();
  });
  app.use(problemJson as never);
  app.use(() => {
    throw thrown();
  });
  const server = http.createServer(app.callback()).listen(0);
  await new Promise((r) => server.once('listening', r));
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/x`);
  server.close();
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
}

describe('table des erreurs → problem+json', () => {
  it.each([
    ['erreur de validation zod', () => z.object({ n: z.number() }).parse({ n: 'a' }), 400, 'validation'],
    ['ressource absente (MikroORM)', () => new NotFoundError('Organisation not found'), 404, 'not_found'],
    ['contrainte d’unicité', () => new UniqueConstraintViolationException(new Error('duplicate key')), 409, 'conflict'],
    ['verrou optimiste', () => OptimisticLockError.lockFailed('HourDeclaration'), 409, 'conflict'],
    ['règle métier', () => errors.ruleViolation('C2', 'Heures antérieures à la validation.'), 422, 'rule_violation'],
    ['non connecté', () => errors.unauthenticated(), 401, 'unauthenticated'],
    ['interdit', () => errors.forbidden(), 403, 'forbidden'],
  ])('%s → %i %s', async (_label, thrown, status, code) => {
    const res = await answer(thrown);
    expect(res.status).toBe(status);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status, code, requestId: 'req-1', instance: '/api/x' });
  });

  it('erreur inconnue : 500 au titre générique, sans rien de l’erreur interne', async () => {
    const res = await answer(() => new Error('password=hunter2 at db.ts:42'));
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      type: 'https://suivi-clauses.fr/problems/internal', title: 'Erreur interne du serveur', status: 500,
      code: 'internal', instance: '/api/x', requestId: 'req-1',
    });
  });

  it('la règle violée accompagne un 422', async () => {
    const res = await answer(() => errors.ruleViolation('C2', 'Heures antérieures à la validation.'));
    expect(res.body.rule).toBe('C2');
    expect(res.body.detail).toBe('Heures antérieures à la validation.');
  });
});
