// The dashboard benchmarks' database: kept between `npm run bench:seed` and `npm run bench`.
import { initOrm } from '@app/db';

/** The day the bench data is read on: every generated declaration month is past its deadline. */
export const BENCH_TODAY = '2026-11-20';

export function benchDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/suivi_bench_dashboard';
}

export async function recreateDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const orm = await initOrm(u.toString(), { entities: [], discovery: { warnWhenNoEntities: false } } as never);
  await orm.em.getConnection().execute(`drop database if exists "${name}" with (force)`);
  await orm.em.getConnection().execute(`create database "${name}"`);
  await orm.close();
}
