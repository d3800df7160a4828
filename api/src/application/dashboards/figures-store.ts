/**
 * The dashboards' stored figures (clause_month_total, clause_declaration_state): written from the
 * domain's results, in the caller's transaction, whenever a clause's progress is refreshed — so the
 * dashboards read sums and never recount. Set-based SQL: one statement per table, whatever the count.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray, sqlOf } from '../../infra/sql.js';
import type { ClauseProgress } from '../declarations/clause-progress.js';
import { refreshDashboardRows } from './dashboard-rows.js';

export async function writeDashboardFigures(em: EntityManager, items: readonly ClauseProgress[], today: string): Promise<void> {
  if (items.length === 0) return;
  const sql = sqlOf(em);
  const ids = pgArray(items.map((item) => item.clauseId));
  const cells = items.flatMap((item) => (item.byMonthModality ?? []).filter((cell) => cell.countedMinutes !== 0).map((cell) => ({ clauseId: item.clauseId, ...cell })));
  await sql(`delete from clause_month_total where clause_id = any(?::uuid[])`, [ids]);
  if (cells.length) {
    await sql(
      `insert into clause_month_total (clause_id, month, modality, buyer_id, counted_minutes)
       select v.clause_id, v.month, v.modality, ic.buyer_id, v.minutes
         from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::int[]) as v(clause_id, month, modality, minutes)
         join insertion_clause ic on ic.id = v.clause_id`,
      [pgArray(cells.map((c) => c.clauseId)), pgArray(cells.map((c) => c.month)), pgArray(cells.map((c) => c.modality)), pgArray(cells.map((c) => c.countedMinutes))],
    );
  }
  await sql(
    `insert into clause_declaration_state (clause_id, buyer_id, missing_periods, oldest_missing_month, pending_minutes, computed_on)
     select v.clause_id, ic.buyer_id, v.missing, v.oldest, v.pending, ?::date
       from unnest(?::uuid[], ?::int[], ?::varchar[], ?::int[]) as v(clause_id, missing, oldest, pending)
       join insertion_clause ic on ic.id = v.clause_id
     on conflict (clause_id) do update set missing_periods = excluded.missing_periods, oldest_missing_month = excluded.oldest_missing_month,
       pending_minutes = excluded.pending_minutes, computed_on = excluded.computed_on`,
    [
      today,
      ids,
      pgArray(items.map((item) => item.missingPeriods)),
      pgArray(items.map((item) => [...item.missing].map((m) => m.month).sort()[0] ?? null)),
      pgArray(items.map((item) => item.pendingMinutes)),
    ],
  );
  // The clauses' dashboard rows follow, from these very totals.
  await refreshDashboardRows(em, items.map((item) => item.clauseId), today);
}
