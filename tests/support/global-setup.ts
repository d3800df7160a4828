import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { initOrm, loadReferentials, migrate, startEmbeddedPostgres, type EmbeddedDatabase } from '@app/db';
import { adminUrl, dropDatabase, withDatabase } from './databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    templateDatabase: string;
  }
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Once per run: a PostgreSQL (TEST_DATABASE_URL, or an embedded server under .data/pg-test), and a
 * template database built by the committed migrations. Each test file then clones the template.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedDatabase | null = null;
  let baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(repoRoot, '.data/pg-test'), port: Number(process.env.TEST_PG_PORT ?? 54330) });
    baseUrl = embedded.url;
  }
  const template = `suivi_template_${process.pid}`;
  await withDatabase(adminUrl(baseUrl), async (sql) => {
    // Leftovers of a killed run would pile up: drop those whose process (the pid in their name) is gone.
    const rows = (await sql(`select datname from pg_database where datname ~ '^suivi_(template|t)_[0-9]+'`)) as { datname: string }[];
    for (const { datname } of rows) {
      const pid = Number(datname.split('_')[2]);
      if (!isAlive(pid)) await sql(`drop database if exists "${datname}" with (force)`);
    }
    await sql(`create database "${template}"`);
  });
  const orm = await initOrm(withDbName(baseUrl, template));
  await migrate(orm);
  await loadReferentials(orm.em.fork());
  await orm.close();
  project.provide('databaseUrl', baseUrl);
  project.provide('templateDatabase', template);
  return async () => {
    await dropDatabase(baseUrl, template);
    await embedded?.stop();
  };
}

export function withDbName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
