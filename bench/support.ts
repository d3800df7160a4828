// Shared by the benchmarks: a scratch database migrated from the committed migrations, the real Koa app on
// a loopback port, and a signed-in buyer. Not a test: it prints figures.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { initOrm, migrate, OrganisationSchema, UserSchema, type Orm } from '@app/db';
import { createApp, createContainer, hashPassword, loadConfig } from '@app/api';

export const BASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin(sql: string): Promise<void> {
  const orm = await initOrm(withDb(BASE_URL, 'postgres'), { entities: [], discovery: { warnWhenNoEntities: false } } as never);
  await orm.em.getConnection().execute(sql);
  await orm.close();
}

export interface Bench {
  orm: Orm;
  url: string;
  cookie: string;
  buyerId: string;
  close(): Promise<void>;
}

/** A fresh database and app; the buyer "Département du Lot" (SIRET 22460001400019) signed in. */
export async function startBench(): Promise<Bench> {
  // BENCH_REUSE=<database> measures again on a database kept by BENCH_KEEP=1 (no generation).
  const reuse = process.env.BENCH_REUSE;
  const name = reuse ?? `suivi_bench_${process.pid}`;
  if (!reuse) {
    await admin(`drop database if exists "${name}" with (force)`);
    await admin(`create database "${name}"`);
  }
  const orm = await initOrm(withDb(BASE_URL, name), { pool: { min: 0, max: 10 } });
  await migrate(orm);
  const em = orm.em.fork();
  const password = 'Mot-de-passe-de-bench-1';
  const buyer = (await em.findOne(OrganisationSchema, { siret: '22460001400019' }))
    ?? em.create(OrganisationSchema, { id: randomUUID(), kind: 'buyer', name: 'Département du Lot', siret: '22460001400019' });
  if (!reuse) em.create(UserSchema, { id: randomUUID(), organisation: buyer, email: 'bench@exemple.fr', fullName: 'Bench', role: 'buyer', passwordHash: await hashPassword(password) });
  await em.flush();
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
  const server = http.createServer(createApp(createContainer(config, orm, pino({ level: 'silent' }))).callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@exemple.fr', password }) });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  return {
    orm, url, cookie, buyerId: buyer.id,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await orm.close();
      // BENCH_KEEP=1 keeps the database to study the plans (EXPLAIN) afterwards.
      if (process.env.BENCH_KEEP !== '1' && !reuse) await admin(`drop database if exists "${name}" with (force)`);
      else console.log(`base conservée : ${name}`);
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Runs `fn` `runs` times (after 2 warm-ups) and returns p50 / p95 / max in ms. */
export async function measure(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < 2; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)), max: Math.round(times[times.length - 1]!) };
}
