import type { MikroORM } from '@mikro-orm/postgresql';

/** Keys of the session advisory locks this application takes (first key: the application, second: the purpose). */
const APP_KEY = 0x5c1a;
export const LOCKS = { migrations: 1, startup: 2 } as const;

interface RawClient {
  query(sql: string, params: unknown[]): Promise<unknown>;
}

/**
 * Runs `work` while holding a PostgreSQL advisory lock, so that when several processes start at once
 * on one database (replicas, a rolling upgrade), one of them does it and the others wait for it, then
 * find nothing left to do. The lock is held by a connection of its own, outside the transactions that
 * `work` runs, and is released when that connection ends, even if the process dies.
 */
export async function withAdvisoryLock<T>(orm: MikroORM, purpose: keyof typeof LOCKS, work: () => Promise<T>): Promise<T> {
  const knex = orm.em.getConnection().getKnex();
  const client = (await knex.client.acquireConnection()) as RawClient;
  try {
    await client.query('select pg_advisory_lock($1, $2)', [APP_KEY, LOCKS[purpose]]);
    try {
      return await work();
    } finally {
      await client.query('select pg_advisory_unlock($1, $2)', [APP_KEY, LOCKS[purpose]]);
    }
  } finally {
    await knex.client.releaseConnection(client);
  }
}
