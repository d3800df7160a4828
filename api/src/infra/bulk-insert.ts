import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntitySchema } from '@mikro-orm/core';

/**
 * Multi-row INSERT of plain rows through the query builder of the current transaction, columns taken
 * from the entity metadata (relations by id, JSON serialised). For the DECP import only: about twice as
 * fast as `em.insertMany`, which processes every value of every row; nothing enters the identity map.
 */
export async function bulkInsert(em: EntityManager, schema: EntitySchema<any, any>, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const meta = em.getMetadata().get(schema.meta.className);
  const columns = Object.values(meta.properties)
    .filter((p) => p.fieldNames?.length === 1 && (p.kind === 'scalar' || p.kind === 'm:1' || (p.kind === '1:1' && p.owner)))
    .map((p) => ({ name: p.name, column: p.fieldNames[0]!, json: p.customType?.constructor?.name === 'JsonType' }));
  const knex = em.getConnection().getKnex();
  const query = knex(meta.tableName).insert(
    rows.map((row) => Object.fromEntries(columns.filter((c) => row[c.name] !== undefined).map((c) => [c.column, c.json && row[c.name] !== null ? JSON.stringify(row[c.name]) : row[c.name]]))),
  );
  await em.getConnection().execute(query, [], 'run', em.getTransactionContext());
}
