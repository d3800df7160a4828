// Usage: DATABASE_URL=… npx tsx db/scripts/create-migration.ts
// Builds a scratch database from the committed migrations, then writes a new migration for what the entities add.
import { initOrm } from '../src/orm.js';
import { MikroORM } from '@mikro-orm/postgresql';

const base = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const scratch = `migration_scratch_${process.pid}`;
const admin = await initOrm(base, { entities: [], discovery: { warnWhenNoEntities: false } } as never);
await admin.em.getConnection().execute(`create database "${scratch}"`);
await admin.close();
const url = base.replace(/\/[^/]*$/, `/${scratch}`);
const orm: MikroORM = await initOrm(url);
try {
  await orm.getMigrator().up();
  const result = await orm.getMigrator().createMigration(undefined, false, (await orm.getMigrator().getExecutedMigrations()).length === 0);
  console.log(result.fileName ? `Migration écrite : ${result.fileName}` : 'Aucun changement : pas de migration.');
} finally {
  await orm.close();
  const cleanup = await initOrm(base, { entities: [], discovery: { warnWhenNoEntities: false } } as never);
  await cleanup.em.getConnection().execute(`drop database "${scratch}"`);
  await cleanup.close();
}
