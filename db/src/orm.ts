import { MikroORM } from '@mikro-orm/postgresql';
import type { Options } from '@mikro-orm/postgresql';
import { ormConfig } from './config.js';
import { withAdvisoryLock } from './lock.js';

export type Orm = MikroORM;

export async function initOrm(clientUrl: string, overrides: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(ormConfig(clientUrl, overrides));
}

/**
 * Applies pending migrations, under an advisory lock: when several processes start together on one
 * database, one applies them and the others, once it is done, find none pending. Returns the names applied.
 */
export async function migrate(orm: MikroORM): Promise<string[]> {
  return withAdvisoryLock(orm, 'migrations', async () => {
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  });
}

/** SQL the entities would need beyond what the migrations built: empty when they agree. */
export async function pendingSchemaDiff(orm: MikroORM): Promise<string> {
  return (await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).trim();
}
