import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { errorsIn, freePort, postgresProcessesOn, startServerProcess, type ServerProcess } from '../support/server-process.js';

// Under the repository (not /tmp): as root, the embedded server runs as "postgres", who must reach it.
const dataRoot = fileURLToPath(new URL('../../.data/', import.meta.url));
fs.mkdirSync(dataRoot, { recursive: true });
const dataDir = fs.mkdtempSync(path.join(dataRoot, 'ctrl-c-'));
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.stop('SIGKILL').catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('Ctrl-C dans le terminal (SIGINT à tout le groupe de processus) : arrêt propre, journal sans erreur, plus de PostgreSQL', async () => {
  const pgDir = path.join(dataDir, 'pg');
  server = await startServerProcess({ DATABASE_URL: '', EMBEDDED_PG_DIR: pgDir, EMBEDDED_PG_PORT: String(await freePort()), SEED_DEMO: 'false' });
  expect(postgresProcessesOn(pgDir)).toHaveLength(1);
  // A request served, and its connection left open (keep-alive), as a browser leaves it.
  const health = await fetch(`${server.url}/api/health`);
  expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });

  // What a terminal does on Ctrl-C: the signal goes to every process of the foreground group.
  expect(await server.stop('SIGINT')).toBe(0);

  expect(errorsIn(server.logs)).toEqual([]);
  expect(server.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['arrêt en cours', 'arrêté']));
  expect(postgresProcessesOn(pgDir)).toEqual([]);
  // PostgreSQL stopped last: no connection of ours was still open for it to cut.
  const pgLog = fs.readFileSync(`${pgDir}.log`, 'utf8');
  expect(pgLog).toContain('database system is shut down');
  expect(pgLog).not.toContain('terminating connection due to administrator command');
}, 120_000);
