import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClauseRulesOverrides, ClauseType } from '@app/shared';
import { clauseRules } from '@app/shared';
import { complianceOf } from './clause-sizing.js';
import { refreshClauseProgress } from '../declarations/clause-progress.js';
import { ensureDashboardRows } from '../dashboards/dashboard-rows.js';

const BATCH = 1000;

interface StaleRow {
  id: string;
  lot_id: string;
  holder_identifier: string;
  type: string;
  required_minutes: number | null;
  start_date: string | Date | null;
  end_date: string | Date | null;
  lot_amount_cents: string | number;
  waived: boolean;
  rules: Record<string, unknown>;
  counted_minutes: number;
  missing_periods: number | null;
}

const day = (v: string | Date | null): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/**
 * A status depends on the day (elapsed time): the stored copy that the lists filter on is recomputed
 * by the domain for the clauses last assessed on another day than `today`. Idempotent, by batches; returns the count.
 */
export async function refreshComplianceStatuses(em: EntityManager, today: string): Promise<number> {
  const conn = em.getConnection();
  let refreshed = 0;
  // A declaration period becomes late on its deadline even when nothing happens: the clauses with
  // placements whose declaration state is from another day are recounted by the domain first.
  for (;;) {
    const stale = await conn.execute<{ id: string }[]>(
      `select ic.id from insertion_clause ic
        where exists (select 1 from placement p where p.lot_id = ic.lot_id)
          and not exists (select 1 from clause_declaration_state s where s.clause_id = ic.id and s.computed_on = ?::date)
        order by ic.id limit 200`,
      [today],
    );
    if (!stale.length) break;
    await em.fork().transactional((tx) => refreshClauseProgress(tx, stale.map((row) => row.id), today));
    refreshed += stale.length;
  }
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await conn.execute<StaleRow[]>(
      `select ic.id, ic.lot_id, ic.holder_identifier, ic.type, ic.required_minutes, ic.start_date, ic.end_date, l.amount_cents as lot_amount_cents,
              ic.waived, ic.rules, ic.counted_minutes, s.missing_periods
         from insertion_clause ic join lot l on l.id = ic.lot_id
         left join clause_declaration_state s on s.clause_id = ic.id
        where ic.id > ?::uuid and ic.compliance_computed_on is distinct from ?::date
        order by ic.id limit ${BATCH}`,
      [after, today],
    );
    if (!rows.length) {
      // The dashboards' rows depend on the day too (expected line, pace, forecast).
      await ensureDashboardRows(em.fork(), 'true', [], today);
      return refreshed;
    }
    const updates = rows.map((r) => {
      const { compliance } = complianceOf(
        {
          id: r.id, lotId: r.lot_id, holderIdentifier: r.holder_identifier, type: r.type as ClauseType, requiredMinutes: r.required_minutes,
          startDate: day(r.start_date), endDate: day(r.end_date), amountCents: Number(r.lot_amount_cents), waived: r.waived,
          rules: clauseRules(r.rules as ClauseRulesOverrides), countedMinutes: r.counted_minutes, missingPeriods: r.missing_periods ?? 0,
        },
        today,
      );
      return [r.id, compliance?.status ?? null] as const;
    });
    await conn.execute(
      `update insertion_clause ic set compliance_status = v.status, compliance_computed_on = ?::date
         from (values ${updates.map(() => '(?::uuid, ?::varchar)').join(',')}) as v(id, status) where ic.id = v.id`,
      [today, ...updates.flat()],
    );
    refreshed += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}
