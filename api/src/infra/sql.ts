import type { EntityManager } from '@mikro-orm/postgresql';

export type Sql = <T = Record<string, unknown>>(query: string, params?: unknown[]) => Promise<T[]>;

/** Raw SQL in the caller's unit of work (its transaction, if any), `?` placeholders. */
export const sqlOf =
  (em: EntityManager): Sql =>
  <T>(query: string, params: unknown[] = []) =>
    em.getConnection().execute(query, params, 'all', em.getTransactionContext()) as Promise<T[]>;

/**
 * A PostgreSQL array literal, bound as one parameter (`= any(?::uuid[])`, `unnest(?::int[])`): the
 * query builder would otherwise spread a JS array into a list of parameters.
 */
export function pgArray(values: readonly (string | number | bigint | null)[]): string {
  // One pass, no regular expression for the common value without quote or backslash (ids, months, hours).
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) out += ',';
    if (value === null || value === undefined) out += 'NULL';
    else if (typeof value !== 'string') out += String(value);
    else if (value.includes('"') || value.includes('\\')) out += `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    else out += `"${value}"`;
  }
  return `${out}}`;
}

/**
 * Like `sqlOf`, but the parameters are bound by the driver ($1, $2…) instead of being inlined into the
 * statement's text: for statements that carry large arrays (an import's 100 000 lines), where quoting
 * every value into a text of tens of megabytes, then parsing it, costs more than the work itself.
 */
export const boundSqlOf =
  (em: EntityManager): Sql =>
  async <T>(query: string, params: unknown[] = []) => {
    const connection = em.getConnection();
    const statement = connection.getKnex().raw(query, params as never[]);
    const context = em.getTransactionContext();
    if (context) statement.transacting(context);
    try {
      return ((await statement) as { rows: T[] }).rows;
    } catch (error) {
      throw connection.getPlatform().getExceptionConverter().convertException(error as Error);
    }
  };
