import { initOrm } from '@app/db';
import { computeClauses, loadClauseRecords, loadMonthCells } from '../api/src/application/dashboards/clause-figures.js';
import { assessCompliance, forecastCompletion, clauseRules } from '@app/shared';
const orm = await initOrm(process.env.DATABASE_URL!);
const [{ id }] = (await orm.em.getConnection().execute(`select id from organisation where siret = '22460001400019'`)) as { id: string }[];
for (let i = 0; i < 4; i++) {
  let t = performance.now();
  const em = orm.em.fork() as never;
  const rec = await loadClauseRecords(em, 'ic.buyer_id = ?', [id]);
  const a = performance.now() - t; t = performance.now();
  const cells = await loadMonthCells(em, { buyerId: id });
  const b = performance.now() - t; t = performance.now();
  computeClauses(rec, cells, '2026-11-20');
  const c = performance.now() - t; t = performance.now();
  const clause = { id: 'x', lotId: 'l', contractorId: 'c', startDate: '2025-01-01', endDate: '2026-12-31', requiredMinutes: 60000, amountCents: 1, waived: false, rules: clauseRules({}) };
  for (let k = 0; k < 2000; k++) assessCompliance({ clause, countedMinutes: 100, invoicedAmountCents: null, missingPeriods: 0, today: '2026-11-20' });
  const d = performance.now() - t; t = performance.now();
  for (let k = 0; k < 2000; k++) forecastCompletion({ clause, countedByMonth: [{ month: '2026-01', countedMinutes: 100 }], today: '2026-11-20' });
  const e = performance.now() - t;
  console.log({ records: Math.round(a), cells: Math.round(b), compute: Math.round(c), assess2000: Math.round(d), forecast2000: Math.round(e), n: rec.length, nc: cells.length });
}
await orm.close();
