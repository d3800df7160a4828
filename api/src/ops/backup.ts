import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import type { MikroORM } from '@mikro-orm/postgresql';
import { findPgDump } from './pg-dump.js';
import { writeFileFrom, writeTables, type PgClient } from './sql-archive.js';

/** What a backup holds besides its files; restore reads it first. */
export interface BackupManifest {
  application: 'suivi-clauses';
  createdAt: string;
  /** `pg_dump`: pg_dump's plain script (schema and data). `copy`: the data only, the schema being the listed migrations. */
  format: 'pg_dump' | 'copy';
  serverVersion: string;
  pgDump: string | null;
  migrations: string[];
  /** Rows per table, read in the same snapshot as the data (format `copy`). */
  tables: Record<string, number> | null;
  proofs: { files: number; bytes: number };
}

export const DATABASE_FILE = 'database.sql.gz';
export const PROOFS_SUBDIR = 'proofs';
export const MANIFEST_FILE = 'manifest.json';

/** Not data: the migrations' own bookkeeping (the restore applies the listed migrations). */
const NOT_COPIED = ['mikro_orm_migrations'];

async function withClient<T>(orm: MikroORM, run: (client: PgClient) => Promise<T>): Promise<T> {
  const knex = orm.em.getConnection().getKnex();
  const client = (await knex.client.acquireConnection()) as PgClient;
  try {
    return await run(client);
  } finally {
    await knex.client.releaseConnection(client);
  }
}

async function runPgDump(pgDumpPath: string, databaseUrl: string, file: string): Promise<void> {
  // Plain SQL, so that a restore needs no PostgreSQL client (restore.ts replays it); pg-boss's queue is rebuilt at start.
  const child = spawn(pgDumpPath, ['--format=plain', '--no-owner', '--no-privileges', '--exclude-schema=pgboss', `--dbname=${databaseUrl}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await writeFileFrom(child.stdout.pipe(createGzip()), file);
  const code = await exited;
  if (code !== 0) throw new Error(`pg_dump a échoué (code ${code}) : ${stderr.trim()}`);
}

/** Copies the stored proof files (not the uploads under way in incoming/). */
function copyProofs(from: string, to: string): { files: number; bytes: number } {
  fs.mkdirSync(to, { recursive: true, mode: 0o700 });
  let files = 0;
  let bytes = 0;
  if (!fs.existsSync(from)) return { files, bytes };
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    fs.copyFileSync(path.join(from, entry.name), path.join(to, entry.name));
    fs.chmodSync(path.join(to, entry.name), 0o600);
    files++;
    bytes += fs.statSync(path.join(to, entry.name)).size;
  }
  return { files, bytes };
}

/**
 * Writes a backup to `dir` (created, must not exist): the database, then the proof files (after the
 * database, so that every proof the saved rows name is there), then manifest.json.
 * The database goes through pg_dump when one able to read this server is found, else through our own
 * COPY of every table in one snapshot (`format: 'copy'`).
 */
export async function backup(orm: MikroORM, options: { databaseUrl: string; proofsDir: string; dir: string; format?: 'auto' | 'pg_dump' | 'copy' }): Promise<BackupManifest> {
  fs.mkdirSync(path.dirname(options.dir), { recursive: true });
  // Personal data and proofs: readable by the service's user only. Fails if it exists: a backup is never overwritten.
  fs.mkdirSync(options.dir, { mode: 0o700 });
  const file = path.join(options.dir, DATABASE_FILE);
  const { serverVersion, serverMajor, migrations } = await withClient(orm, async (client) => {
    const { rows } = await client.query(`select current_setting('server_version') as v, current_setting('server_version_num')::int / 10000 as major`);
    const applied = await client.query(`select name from mikro_orm_migrations order by id`);
    return { serverVersion: String(rows[0]!.v), serverMajor: Number(rows[0]!.major), migrations: applied.rows.map((r) => String(r.name)) };
  });
  const wanted = options.format ?? 'auto';
  const pgDump = wanted === 'copy' ? null : findPgDump(serverMajor);
  if (wanted === 'pg_dump' && !pgDump) throw new Error(`aucun pg_dump de version ${serverMajor} ou plus récente (PG_DUMP=… pour l’indiquer)`);

  let tables: Record<string, number> | null = null;
  if (pgDump) {
    await runPgDump(pgDump.path, options.databaseUrl, file);
  } else {
    tables = await withClient(orm, async (client) => {
      await client.query('begin isolation level repeatable read read only');
      try {
        const gzip = createGzip();
        const written = writeFileFrom(gzip, file);
        gzip.write(`-- Suivi des clauses sociales : données (le schéma est celui des migrations de manifest.json)\n\n`);
        const counts = await writeTables(client, gzip, NOT_COPIED);
        gzip.end();
        await written;
        return counts;
      } finally {
        await client.query('rollback');
      }
    });
  }
  const proofs = copyProofs(options.proofsDir, path.join(options.dir, PROOFS_SUBDIR));
  const manifest: BackupManifest = {
    application: 'suivi-clauses',
    createdAt: new Date().toISOString(),
    format: pgDump ? 'pg_dump' : 'copy',
    serverVersion,
    pgDump: pgDump?.version ?? null,
    migrations,
    tables,
    proofs,
  };
  fs.writeFileSync(path.join(options.dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}
