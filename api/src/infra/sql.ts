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
  return `{${values
    .map((value) => (value === null ? 'NULL' : typeof value === 'string' ? `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : String(value)))
    .join(',')}}`;
}
