import { MikroORM } from '@mikro-orm/postgresql';

type Sql = (query: string, params?: unknown[]) => Promise<unknown[]>;

/** The maintenance database of a server (where CREATE/DROP DATABASE run). */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export async function withDatabase<T>(url: string, run: (sql: Sql) => Promise<T>): Promise<T> {
  const orm = await MikroORM.init({ clientUrl: url, entities: [], discovery: { warnWhenNoEntities: false }, pool: { min: 0, max: 1 } });
  try {
    return await run((q, p) => orm.em.getConnection().execute(q, p ?? []));
  } finally {
    await orm.close();
  }
}

export async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  await withDatabase(adminUrl(baseUrl), (sql) => sql(`drop database if exists "${name}" with (force)`));
}
