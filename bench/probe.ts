import { initOrm } from '@app/db';
import { ensureDashboardRows } from '../api/src/application/dashboards/dashboard-rows.js';
import { buyerDashboard } from '../api/src/application/dashboards/buyer-dashboard.js';
import { buyerDashboardQuerySchema } from '@app/shared';
const orm = await initOrm(process.env.DATABASE_URL!);
const [{ id }] = (await orm.em.getConnection().execute(`select id from organisation where siret = '22460001400019'`)) as { id: string }[];
const actor = { role: 'buyer', organisationId: id, mandatingBuyerIds: [] } as never;
for (let i = 0; i < 5; i++) {
  let t = performance.now();
  await ensureDashboardRows(orm.em.fork() as never, 'ic.buyer_id = ?', [id], '2026-11-20');
  const a = performance.now() - t; t = performance.now();
  await buyerDashboard(orm.em.fork() as never, actor, buyerDashboardQuerySchema.parse({}), '2026-11-20');
  console.log({ ensure: Math.round(a), all: Math.round(performance.now() - t) });
}
await orm.close();
