import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { problemJson } from './middleware/problem.js';
import { buildRouter, type Handlers } from './router.js';

/** The router built from the contracts, every handler answering `result`, on a bare Koa app. */
async function get(path: string, result: unknown): Promise<{ status: number; body: any }> {
  const handlers = new Proxy({}, { get: () => async () => result }) as Handlers;
  const app = new Koa();
  app.use(async (ctx, next) => {
    ctx.state.requestId = 'req-1';
    ctx.state.log = pino({ level: 'silent' });
    await next();
  });
  app.use(problemJson as never);
  app.use(buildRouter(handlers).routes() as never);
  const server = http.createServer(app.callback()).listen(0);
  await new Promise((r) => server.once('listening', r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
    return { status: res.status, body: await res.json() };
  } finally {
    server.close();
  }
}

describe('routeur — la réponse respecte son contrat', () => {
  it('une réponse conforme est renvoyée, les champs non déclarés retirés', async () => {
    const res = await get('/api/health', { status: 'ok', database: 'ok', version: '1', secret: 'x' });
    expect(res).toEqual({ status: 200, body: { status: 'ok', database: 'ok', version: '1' } });
  });

  it('une réponse hors contrat est une erreur interne (500), jamais la faute du client (400)', async () => {
    const res = await get('/api/health', { status: 'ok' });
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('internal');
    expect(JSON.stringify(res.body)).not.toContain('database');
  });
});
