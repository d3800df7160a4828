import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { startEmbeddedPostgres, initOrm } from '@app/db';
import { freePort } from '../support/server-process.js';

const script = fileURLToPath(new URL('../support/scripts/hold-embedded.mjs', import.meta.url));
const dataRoot = fileURLToPath(new URL('../../.data/', import.meta.url));
fs.mkdirSync(dataRoot, { recursive: true }); // absent on a fresh clone
const dataDir = fs.mkdtempSync(path.join(dataRoot, 'stale-'));

const postgresRunningOn = (dir: string): boolean => {
  const out = execFileSync('ps', ['-eo', 'args']).toString();
  return out.split('\n').some((line) => line.includes('postgres') && line.includes(dir));
};

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

it('redémarre après un arrêt brutal (SIGKILL) qui a laissé un PostgreSQL orphelin', async () => {
  const port = await freePort();
  const child = spawn(process.execPath, [script, dataDir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => b.toString().includes('prêt') && resolve());
    child.on('exit', (code) => reject(new Error(`le script s’est arrêté (${code})`)));
  });
  child.kill('SIGKILL');
  await new Promise((r) => child.on('exit', r));
  expect(postgresRunningOn(dataDir)).toBe(true); // the orphan still holds the data dir

  const db = await startEmbeddedPostgres({ dataDir, port });
  const orm = await initOrm(db.url, { entities: [], discovery: { warnWhenNoEntities: false } } as never);
  const [row] = await orm.em.getConnection().execute<{ enc: string; rpc: string; autovacuum: string; pid: number }[]>(
    "select current_setting('server_encoding') as enc, current_setting('random_page_cost') as rpc, current_setting('autovacuum') as autovacuum, pg_backend_pid() as pid",
  );
  expect(row!.enc).toBe('UTF8');
  // Settings for an SSD laptop (db/src/embedded-settings.ts).
  expect([row!.rpc, row!.autovacuum]).toEqual(['1.1', 'on']);
  // Detached: the server is not in our process group, so a Ctrl-C in our terminal does not reach it.
  const groupOf = (pid: number) => Number(execFileSync('ps', ['-o', 'pgid=', '-p', String(pid)]).toString().trim());
  expect(groupOf(row!.pid)).not.toBe(groupOf(process.pid));
  await orm.close();
  await db.stop();
  await new Promise((r) => setTimeout(r, 300));
  expect(postgresRunningOn(dataDir)).toBe(false);
}, 60_000);
