import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { pino } from 'pino';
import { initOrm, type Orm } from '@app/db';
import { createApp, createContainer, findPgDump, loadConfig } from '@app/api';
import { adminUrl, dropDatabase, withDatabase } from '../support/databases.js';
import { withDbName } from '../support/global-setup.js';
import { Client } from '../support/client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld } from '../support/factories.js';
import type { World } from '../support/route-cases/types.js';
import { attachProof, declare, scenarioOfA, TODAY, type DeclarationScenario } from '../support/declaration-factories.js';

const cli = fileURLToPath(new URL('../../api/dist/ops/cli.js', import.meta.url));
const run = promisify(execFile);
/** `npm run backup` / `npm run restore` as an operator runs them (the built CLI), on the given database and proofs. */
const ops = (args: string[], env: Record<string, string>) => run(process.execPath, [cli, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });

const baseUrl = inject('databaseUrl');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'suivi-sauvegarde-'));
let app: TestApp;
let w: World;
let scenario: DeclarationScenario;
let proof: { declarationId: string; proofId: string };

const tableCounts = async (orm: Orm) => {
  const conn = orm.em.fork().getConnection();
  const tables = (await conn.execute(`select tablename from pg_tables where schemaname = 'public' order by tablename`)) as { tablename: string }[];
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) counts[tablename] = Number(((await conn.execute(`select count(*) from "${tablename}"`)) as [{ count: string }])[0].count);
  return counts;
};

/** The figures people read: the buyer's dashboard, the clause's, the contractor's declarations and a proof file. */
const figures = async (url: string) => {
  const as = (who: { client: Client }) => Object.assign(new Client(url), { cookie: who.client.cookie });
  const dashboard = await as(w.buyerA).get('/api/dashboards/buyer');
  const clause = await as(w.buyerA).get(`/api/dashboards/clauses/${scenario.clauseId}`);
  const declarations = await as(w.contractorA).get(`/api/declarations?contractId=${scenario.contractId}`);
  const file = await as(w.facilitatorA).get(`/api/declarations/${proof.declarationId}/proofs/${proof.proofId}`);
  for (const res of [dashboard, clause, declarations, file]) expect(res.status, res.text).toBe(200);
  return { dashboard: dashboard.body, clause: clause.body, declarations: declarations.body, proof: file.text };
};

beforeAll(async () => {
  app = await startTestApp({ TODAY });
  w = await createWorld(app);
  scenario = await scenarioOfA(w, { people: 2 });
  const [p1, p2] = scenario.placements;
  const validated = await declare(w.contractorA, p1!.placementId, { month: '2026-03', workedMinutes: 140 * 60 });
  const attached = await attachProof(w.contractorA, validated.id);
  proof = { declarationId: validated.id, proofId: attached.items[0]!.id };
  const current = await w.facilitatorA.client.get(`/api/declarations/${validated.id}`);
  const ok = await w.facilitatorA.client.post(`/api/declarations/${validated.id}/validate`, { version: current.body.version });
  expect(ok.status, ok.text).toBe(200);
  await declare(w.contractorA, p2!.placementId, { month: '2026-04', workedMinutes: 120 * 60 }); // left to validate
}, 60_000);

afterAll(async () => {
  await app?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

// The embedded PostgreSQL 18 has no pg_dump and the system's client (15) cannot read it: `copy` is what
// `npm run backup` does there. On PostgreSQL 15 (CI's second pass), pg_dump's plain format is tested too.
const serverMajor = async () => Number(((await app.orm.em.fork().getConnection().execute(`select current_setting('server_version_num')::int / 10000 as major`)) as [{ major: number }])[0].major);
const formats = ['copy', 'pg_dump'] as const;

describe.each(formats)('sauvegarde (%s) puis restauration dans une base vide', (format) => {
  it('retrouve les mêmes lignes, les mêmes chiffres et les mêmes justificatifs', async (ctx) => {
    if (format === 'pg_dump' && !findPgDump(await serverMajor())) ctx.skip();
    const before = await figures(app.baseUrl);
    const counts = await tableCounts(app.orm);
    const dir = path.join(work, format);
    const saved = await ops(['backup', dir], { DATABASE_URL: app.databaseUrl, PROOFS_DIR: app.config.proofsDir, BACKUP_FORMAT: format });
    expect(saved.stdout).toContain('Sauvegarde écrite');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format, proofs: { files: 1 } });
    // Personal data: readable by the service's user only.
    for (const f of ['', 'database.sql.gz', 'manifest.json', 'proofs']) expect(fs.statSync(path.join(dir, f)).mode & 0o077, f).toBe(0);

    const name = `suivi_t_${process.pid}_restauration_${format}`;
    await withDatabase(adminUrl(baseUrl), (sql) => sql(`create database "${name}"`));
    const restoredProofs = path.join(work, `preuves-${format}`);
    const orm = await initOrm(withDbName(baseUrl, name));
    const server = http.createServer();
    try {
      const restored = await ops(['restore', dir], { DATABASE_URL: withDbName(baseUrl, name), PROOFS_DIR: restoredProofs });
      expect(restored.stdout).toContain('Sauvegarde restaurée');
      // pg-boss's queue is not saved (rebuilt at start): every table of ours is.
      expect(await tableCounts(orm)).toEqual(counts);
      // The application on the restored database and proofs: the same sessions, figures and files.
      const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', PROOFS_DIR: restoredProofs, TODAY });
      server.on('request', createApp(createContainer(config, orm, pino({ level: 'silent' }))).callback());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const after = await figures(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      expect(after).toEqual(before);
      expect(after.dashboard).not.toEqual({}); // figures there to compare
      // A second restore into the same (no longer empty) database is refused, nothing written.
      await expect(ops(['restore', dir], { DATABASE_URL: withDbName(baseUrl, name), PROOFS_DIR: restoredProofs })).rejects.toThrow(/pas vide/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await orm.close();
      await dropDatabase(baseUrl, name);
    }
  }, 60_000);
});
