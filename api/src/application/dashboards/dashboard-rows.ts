/**
 * The dashboards' per-clause rows (clause_dashboard_row): the figures computed by the domain
 * (clause-figures.ts), stored so that a buyer's 2,000 clauses are filtered, sorted and summed by
 * PostgreSQL. Rows are rewritten with the totals on every validation (the declaration state and the
 * monthly totals only change there), and before any read for the clauses whose row is missing, from
 * another day, or older than an edit of the clause or its lot.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { CLAUSE_TYPES_WITH_HOURS, elapsedByTime } from '@app/shared';
import { pgArray, sqlOf } from '../../infra/sql.js';
import { computeClauses, loadClauseRecords, loadMonthCells, type ComputedClause } from './clause-figures.js';

const BATCH = 1000;

function expectedByYear({ clause }: ComputedClause): Record<string, number> {
  const out: Record<string, number> = {};
  for (let year = Number(clause.startDate.slice(0, 4)); year <= Number(clause.endDate.slice(0, 4)); year += 1) {
    const share = elapsedByTime(clause.startDate, clause.endDate, `${year + 1}-01-01`) - elapsedByTime(clause.startDate, clause.endDate, `${year}-01-01`);
    out[year] = Math.round(clause.requiredMinutes * share);
  }
  return out;
}

/** Recomputes and stores the rows of these clauses (those without an hours target get none). */
export async function refreshDashboardRows(em: EntityManager, clauseIds: readonly string[], today: string): Promise<void> {
  if (clauseIds.length === 0) return;
  const sql = sqlOf(em);
  const records = await loadClauseRecords(em, 'ic.id = any(?::uuid[])', [pgArray([...clauseIds])]);
  const cells = records.length ? await loadMonthCells(em, { clauseIds: records.map((r) => r.id) }) : [];
  const buyerOf = new Map(records.map((r) => [r.id, r.buyer_id]));
  const computedAt = new Date().toISOString();
  const rows = computeClauses(records, cells, today).map((computed) => {
    const r = computed.row;
    return {
      clause_id: r.id, buyer_id: buyerOf.get(r.id)!, operation_id: r.operationId, contract_id: r.contractId, holder_identifier: r.contractorSiret,
      computed_on: today, computed_at: computedAt, start_date: r.startDate, end_date: r.endDate,
      required_minutes: r.requiredMinutes, counted_minutes: r.countedMinutes, expected_minutes: r.expectedMinutes, pending_minutes: r.pendingMinutes,
      elapsed: r.elapsed, pace: r.pace, progress: r.progress, status: r.status, missing_periods: r.missingPeriods, oldest_missing_month: r.oldestMissingMonth,
      flagged: r.flagged, reason: r.reason, forecast_kind: r.forecast.kind, forecast_projected_minutes: r.forecast.projectedMinutesAtEnd,
      forecast_date: r.forecast.date, forecast_message: r.forecast.message, expected_by_year: expectedByYear(computed),
    };
  });
  // Clauses that lost their hours target lose their row; the others are upserted (two readers refreshing
  // the same stale rows at once both succeed).
  const kept = new Set(rows.map((row) => row.clause_id));
  const gone = clauseIds.filter((id) => !kept.has(id));
  if (gone.length) await sql(`delete from clause_dashboard_row where clause_id = any(?::uuid[])`, [pgArray(gone)]);
  if (rows.length) {
    const columns = Object.keys(rows[0]!).filter((column) => column !== 'clause_id');
    await sql(
      `insert into clause_dashboard_row select * from json_populate_recordset(null::clause_dashboard_row, ?::json)
       on conflict (clause_id) do update set (${columns.join(', ')}) = (${columns.map((column) => `excluded.${column}`).join(', ')})`,
      [JSON.stringify(rows)],
    );
  }
  await refreshBuyerRollups(em, [...new Set(records.map((r) => r.buyer_id))]);
}

/**
 * The buyers' roll-ups (per status, per month) rewritten from their rows and monthly totals: upserts
 * that skip unchanged lines (no churn), then the lines no longer backed by a row go; two validations at
 * once never collide.
 */
async function refreshBuyerRollups(em: EntityManager, buyerIds: readonly string[]): Promise<void> {
  if (buyerIds.length === 0) return;
  const sql = sqlOf(em);
  const buyers = pgArray([...buyerIds]);
  await sql(
    `insert into buyer_status_total (buyer_id, status, clause_count, required_minutes, counted_minutes, towards_minutes, shortfall_minutes, expected_minutes, late_clauses)
     select r.buyer_id, r.status, count(*), sum(r.required_minutes), sum(r.counted_minutes), sum(least(r.counted_minutes, r.required_minutes)),
            sum(greatest(r.required_minutes - r.counted_minutes, 0)), sum(r.expected_minutes), count(*) filter (where r.missing_periods > 0)
       from clause_dashboard_row r where r.buyer_id = any(?::uuid[]) group by r.buyer_id, r.status
     on conflict (buyer_id, status) do update set clause_count = excluded.clause_count, required_minutes = excluded.required_minutes,
       counted_minutes = excluded.counted_minutes, towards_minutes = excluded.towards_minutes, shortfall_minutes = excluded.shortfall_minutes,
       expected_minutes = excluded.expected_minutes, late_clauses = excluded.late_clauses
     where (buyer_status_total.*) is distinct from (excluded.*)`,
    [buyers],
  );
  await sql(
    `delete from buyer_status_total t where t.buyer_id = any(?::uuid[])
        and not exists (select 1 from clause_dashboard_row r where r.buyer_id = t.buyer_id and r.status = t.status)`,
    [buyers],
  );
  await sql(
    `insert into buyer_month_total (buyer_id, month, counted_minutes)
     select m.buyer_id, m.month, sum(m.counted_minutes) from clause_month_total m where m.buyer_id = any(?::uuid[]) group by m.buyer_id, m.month
     on conflict (buyer_id, month) do update set counted_minutes = excluded.counted_minutes
     where buyer_month_total.counted_minutes is distinct from excluded.counted_minutes`,
    [buyers],
  );
  await sql(
    `delete from buyer_month_total t where t.buyer_id = any(?::uuid[])
        and not exists (select 1 from clause_month_total m where m.buyer_id = t.buyer_id and m.month = t.month)`,
    [buyers],
  );
}

/**
 * Brings the rows matching `where` (alias ic) up to date for `today`: the stale ones are recomputed by
 * the domain in batches. Returns how many were.
 */
export async function ensureDashboardRows(em: EntityManager, where: string, params: unknown[], today: string): Promise<number> {
  const sql = sqlOf(em);
  if (where === 'ic.buyer_id = ?') {
    // One buyer: when its rows are all of today and none is older than the latest edit of its clauses
    // and lots (index-only reads), nothing is stale and the full comparison is skipped.
    const [fresh] = await sql<{ fresh: boolean }>(
      `select coalesce((select min(computed_on) = ?::date and min(computed_at) >= greatest(
                (select max(updated_at) from insertion_clause where buyer_id = ?), (select max(updated_at) from lot where buyer_id = ?))
              from clause_dashboard_row where buyer_id = ?), false) as fresh`,
      [today, params[0], params[0], params[0]],
    );
    if (fresh?.fresh) return 0;
  }
  const stale = await sql<{ id: string }>(
    `select ic.id from insertion_clause ic join lot l on l.id = ic.lot_id
       left join clause_dashboard_row r on r.clause_id = ic.id
      where ${where} and ic.type = any(?::varchar[]) and ic.required_minutes is not null and ic.start_date is not null and ic.end_date is not null
        and (r.clause_id is null or r.computed_on <> ?::date or ic.updated_at > r.computed_at or l.updated_at > r.computed_at)`,
    [...params, pgArray([...CLAUSE_TYPES_WITH_HOURS]), today],
  );
  for (let i = 0; i < stale.length; i += BATCH) {
    await refreshDashboardRows(em, stale.slice(i, i + BATCH).map((row) => row.id), today);
  }
  return stale.length;
}
