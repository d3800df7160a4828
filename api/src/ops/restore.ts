import fs from 'node:fs';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { withAdvisoryLock } from '@app/db';
import { DATABASE_FILE, MANIFEST_FILE, PROOFS_SUBDIR, type BackupManifest } from './backup.js';
import { publicTables, replaySqlScript, type PgClient } from './sql-archive.js';

export interface RestoreOutcome {
  format: BackupManifest['format'];
  /** Rows loaded per table. */
  tables: Record<string, number>;
  proofs: number;
}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new Error(`${file} introuvable : ce dossier n’est pas une sauvegarde (npm run backup)`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.application !== 'suivi-clauses') throw new Error(`${file} : sauvegarde d’une autre application`);
  return manifest;
}

/** Proof files go back under their random names; an existing file of the same name is never overwritten. */
function restoreProofs(from: string, to: string): number {
  if (!fs.existsSync(from)) return 0;
  fs.mkdirSync(to, { recursive: true, mode: 0o700 });
  let count = 0;
  for (const name of fs.readdirSync(from)) {
    const target = path.join(to, name);
    if (fs.existsSync(target)) continue;
    fs.copyFileSync(path.join(from, name), target, fs.constants.COPYFILE_EXCL);
    count++;
  }
  return count;
}

/**
 * Restores the backup in `dir` into the (empty) database of `orm` and the proof files into `proofsDir`.
 * Needs no PostgreSQL client program: a fresh machine with only the embedded PostgreSQL can do it.
 * - `pg_dump`: its script creates the schema, loads the data, then the indexes and constraints;
 * - `copy`: the listed migrations build the schema, then the data is loaded with triggers and foreign
 *   keys off (`session_replication_role = replica`, as pg_dump's --disable-triggers: superuser only),
 *   and the row counts are checked against the manifest.
 */
export async function restore(orm: MikroORM, options: { dir: string; proofsDir: string }): Promise<RestoreOutcome> {
  const manifest = readManifest(options.dir);
  const knex = orm.em.getConnection().getKnex();
  const client = (await knex.client.acquireConnection()) as PgClient;
  let tables: Record<string, number>;
  try {
    const existing = await publicTables(client);
    if (existing.length) throw new Error(`la base cible n’est pas vide (${existing.length} tables) : restaurez dans une base neuve`);
    const file = path.join(options.dir, DATABASE_FILE);
    if (manifest.format === 'pg_dump') {
      tables = await replaySqlScript(client, file);
      if (!(await publicTables(client)).length) throw new Error(`${file} ne contient aucune table : sauvegarde vide ou tronquée`);
    } else {
      const known = (await orm.getMigrator().getPendingMigrations()).map((m) => m.name);
      const unknown = manifest.migrations.filter((m) => !known.includes(m));
      if (unknown.length) throw new Error(`sauvegarde faite par une version plus récente (migrations inconnues : ${unknown.join(', ')})`);
      const last = manifest.migrations.at(-1);
      if (last) await withAdvisoryLock(orm, 'migrations', () => orm.getMigrator().up({ to: last }));
      // What the migrations wrote themselves (reference rows) is replaced by the saved rows.
      const loaded = Object.keys(manifest.tables ?? {});
      const truncate = loaded.length ? `truncate ${loaded.map((t) => `public."${t}"`).join(', ')};` : '';
      tables = await replaySqlScript(client, file, `set local session_replication_role = replica; ${truncate}`);
      for (const [table, rows] of Object.entries(manifest.tables ?? {})) {
        if ((tables[table] ?? 0) !== rows) throw new Error(`table ${table} : ${tables[table] ?? 0} lignes restaurées pour ${rows} sauvegardées`);
      }
    }
  } finally {
    await knex.client.releaseConnection(client);
  }
  const proofs = restoreProofs(path.join(options.dir, PROOFS_SUBDIR), options.proofsDir);
  return { format: manifest.format, tables, proofs };
}
