/**
 * The dashboards' read model: each clause's figures computed by the domain (assessCompliance,
 * forecastCompletion, statusReason) from the stored copies kept in step with validations — counted
 * minutes (insertion_clause), monthly totals (clause_month_total), missing periods
 * (clause_declaration_state). Two queries for any number of clauses; no rule is written here.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assessCompliance,
  CLAUSE_TYPES_WITH_HOURS,
  clauseRules,
  forecastCompletion,
  clauseFlagReasons,
  statusReason,
  type ClauseRulesOverrides,
  type ComplianceAssessment,
  type DashboardClause,
  type Forecast,
  type InsertionClause,
  type Modality,
} from '@app/shared';
import { pgArray, sqlOf } from '../../infra/sql.js';

export interface ClauseRecord {
  id: string;
  lot_id: string;
  contract_id: string;
  operation_id: string | null;
  buyer_id: string;
  holder_identifier: string;
  required_minutes: number;
  start_date: string;
  end_date: string;
  waived: boolean;
  rules: Record<string, unknown>;
  counted_minutes: number;
  amount_cents: string | number;
  lot_title: string;
  lot_number: number;
  holder_name: string;
  contract_reference: string;
  operation_name: string | null;
  missing_periods: number;
  oldest_missing_month: string | null;
  pending_minutes: number;
}

export interface MonthCell {
  clause_id: string;
  month: string;
  modality: Modality;
  minutes: number;
}

/** A clause with its domain objects, for the totals and the charts. */
export interface ComputedClause {
  row: DashboardClause;
  clause: InsertionClause;
  assessment: ComplianceAssessment;
  forecast: Forecast;
  months: { month: string; countedMinutes: number }[];
}

const HOURS_TYPES = pgArray([...CLAUSE_TYPES_WITH_HOURS]);


/**
 * Clauses with an hours target (sized, dated) matching `where` (on alias ic), with their stored figures.
 * `where` is a trusted SQL fragment written by the callers with `?` parameters.
 */
export async function loadClauseRecords(em: EntityManager, where: string, params: unknown[]): Promise<ClauseRecord[]> {
  return sqlOf(em)<ClauseRecord>(
    `select ic.id, ic.lot_id, ic.contract_id, ic.operation_id, ic.buyer_id, ic.holder_identifier, ic.required_minutes,
            ic.start_date::text as start_date, ic.end_date::text as end_date, ic.waived, ic.rules, ic.counted_minutes,
            l.amount_cents, l.title as lot_title, l.number as lot_number, coalesce(l.holder_name, ic.holder_identifier) as holder_name,
            c.reference as contract_reference, o.name as operation_name,
            coalesce(s.missing_periods, 0) as missing_periods, s.oldest_missing_month, coalesce(s.pending_minutes, 0) as pending_minutes
       from insertion_clause ic
       join lot l on l.id = ic.lot_id
       join contract c on c.id = ic.contract_id
       left join operation o on o.id = ic.operation_id
       left join clause_declaration_state s on s.clause_id = ic.id
      where ${where} and ic.type = any(?::varchar[]) and ic.required_minutes is not null and ic.start_date is not null and ic.end_date is not null`,
    [...params, HOURS_TYPES],
  );
}

/** Monthly totals (clause × month × modality) of the given clauses, or of a whole buyer. */
export async function loadMonthCells(em: EntityManager, scope: { buyerId: string } | { clauseIds: readonly string[] }): Promise<MonthCell[]> {
  const byBuyer = 'buyerId' in scope;
  return sqlOf(em)<MonthCell>(
    `select clause_id, month, modality, counted_minutes as minutes from clause_month_total where ${byBuyer ? 'buyer_id = ?' : 'clause_id = any(?::uuid[])'}`,
    [byBuyer ? scope.buyerId : pgArray([...scope.clauseIds])],
  );
}

// Stored rules are complete, but re-deriving them through the domain keeps one source of defaults;
// a buyer's clauses share a few distinct rule sets, so they are derived once each.
const rulesCache = new Map<string, InsertionClause['rules']>();
function rulesOf(stored: Record<string, unknown>): InsertionClause['rules'] {
  const key = JSON.stringify(stored);
  let rules = rulesCache.get(key);
  if (!rules) {
    if (rulesCache.size > 1000) rulesCache.clear();
    rules = clauseRules(stored as ClauseRulesOverrides);
    rulesCache.set(key, rules);
  }
  return rules;
}

export function computeClause(record: ClauseRecord, cells: readonly MonthCell[], today: string): ComputedClause | null {
  const clause: InsertionClause = {
    id: record.id,
    lotId: record.lot_id,
    contractorId: record.holder_identifier,
    startDate: record.start_date,
    endDate: record.end_date,
    requiredMinutes: record.required_minutes,
    amountCents: Number(record.amount_cents),
    waived: record.waived,
    rules: rulesOf(record.rules),
  };
  const perMonth = new Map<string, number>();
  for (const cell of cells) perMonth.set(cell.month, (perMonth.get(cell.month) ?? 0) + cell.minutes);
  const months = [...perMonth].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, countedMinutes]) => ({ month, countedMinutes }));
  const assessed = assessCompliance({ clause, countedMinutes: record.counted_minutes, invoicedAmountCents: null, missingPeriods: record.missing_periods, today });
  const forecast = forecastCompletion({ clause, countedByMonth: months, today });
  if (!assessed.ok || !forecast.ok) return null;
  const assessment = assessed.value;
  const outcome = forecast.value.outcome;
  const status = assessment.status;
  return {
    clause,
    assessment,
    forecast: forecast.value,
    months,
    row: {
      id: record.id,
      lotId: record.lot_id,
      lotTitle: record.lot_title,
      lotNumber: record.lot_number,
      contractId: record.contract_id,
      contractReference: record.contract_reference,
      operationId: record.operation_id,
      operationName: record.operation_name,
      contractorSiret: record.holder_identifier,
      contractorName: record.holder_name,
      startDate: record.start_date,
      endDate: record.end_date,
      requiredMinutes: assessment.requiredMinutes,
      countedMinutes: assessment.countedMinutes,
      expectedMinutes: assessment.byTime.expectedMinutes,
      pendingMinutes: record.pending_minutes,
      elapsed: assessment.byTime.elapsed,
      pace: assessment.byTime.pace,
      progress: assessment.progress,
      status,
      missingPeriods: record.missing_periods,
      oldestMissingMonth: record.oldest_missing_month,
      flagged: clauseFlagReasons({ status, missingPeriods: assessment.lateDeclaration.missingPeriods }).length > 0,
      reason: statusReason(clause, assessment),
      forecast: {
        kind: outcome.kind,
        projectedMinutesAtEnd: forecast.value.projectedMinutesAtEnd,
        date: outcome.kind === 'met_by' ? outcome.date : outcome.kind === 'not_at_this_pace' ? outcome.dateIfContinued : null,
        message: forecast.value.message,
      },
    },
  };
}

/** Figures of many clauses: cells grouped once, then each clause through the domain. */
export function computeClauses(records: readonly ClauseRecord[], cells: readonly MonthCell[], today: string): ComputedClause[] {
  const byClause = new Map<string, MonthCell[]>();
  for (const cell of cells) {
    const list = byClause.get(cell.clause_id);
    if (list) list.push(cell);
    else byClause.set(cell.clause_id, [cell]);
  }
  const out: ComputedClause[] = [];
  for (const record of records) {
    const computed = computeClause(record, byClause.get(record.id) ?? [], today);
    if (computed) out.push(computed);
  }
  return out;
}
