/**
 * The contractor's insertion plan (issue 15): planned hours per month × trade × modality, entered at
 * kick-off. Compared with the counted hours month by month; while fewer than three months of the
 * clause are closed (their declaration deadline passed), the projection follows the plan rather than
 * the pace of the last three months (forecast.ts); a plan that can no longer reach the required hours
 * is flagged. Months outside the clause's dates are refused.
 */
import { z } from 'zod';
import { roundTo } from './arithmetic.js';
import { lastDayOfMonth, monthOf, monthsInRange, type YearMonth } from './calendar.js';
import { forecastCompletion, lastClosedMonth, type Forecast, type ForecastOutcome } from './forecast.js';
import { formatHours, monthLabelFr } from './format.js';
import { andThen, fail, ok, validateWith, makeViolation, type Result, type Violation } from './result.js';
import { enumField, idField, insertionClauseSchema, isoDateField, listField, minutesField, yearMonthField, type InsertionClause } from './schemas.js';
import { MODALITIES, type Modality } from './vocabulary.js';

/** Below this many closed months, the projection follows the plan (the pace needs three months). */
export const PLAN_FORECAST_MONTHS = 3;

const planLineSchema = z.object({
  month: yearMonthField('Mois prévu'),
  /** Trade code (corps d'état, LABOUR_SHARE_BY_TRADE) or free job label. */
  trade: idField('Corps d’état'),
  modality: enumField(MODALITIES, 'Modalité'),
  plannedMinutes: minutesField('Heures prévues'),
});
export type PlanLine = z.infer<typeof planLineSchema>;

const planInputSchema = z.object({
  clause: insertionClauseSchema,
  plan: listField(planLineSchema, 'Plan d’insertion'),
  /** The clause's counted hours by month (counting.ts `byMonth`). */
  countedByMonth: listField(z.object({ month: yearMonthField('Mois'), countedMinutes: minutesField('Heures comptées') }), 'Heures comptées par mois'),
  today: isoDateField('Date du jour'),
});
export type PlanInput = z.input<typeof planInputSchema>;

export interface PlanMonth {
  readonly month: YearMonth;
  readonly plannedMinutes: number;
  readonly countedMinutes: number;
  readonly cumulativePlannedMinutes: number;
  readonly cumulativeCountedMinutes: number;
  /** Counted − planned for the month (negative: behind the plan). */
  readonly gapMinutes: number;
  /** Its declaration deadline has passed: its counted figure is complete. */
  readonly closed: boolean;
}

export type PlanFlagCode = 'plan_below_required' | 'plan_no_longer_reaches';

export interface PlanComparison {
  readonly requiredMinutes: number;
  readonly plannedTotalMinutes: number;
  readonly countedTotalMinutes: number;
  /** Counted hours of the closed months + the larger of planned and counted for the others. */
  readonly reachableMinutes: number;
  readonly months: readonly PlanMonth[];
  readonly byTrade: readonly { readonly trade: string; readonly plannedMinutes: number }[];
  readonly byModality: readonly { readonly modality: Modality; readonly plannedMinutes: number }[];
  readonly flags: readonly { readonly code: PlanFlagCode; readonly message: string }[];
}

function checkPlan(clause: InsertionClause, plan: readonly PlanLine[]): Violation[] {
  const first = monthOf(clause.startDate);
  const last = monthOf(clause.endDate);
  const seen = new Set<string>();
  return plan.flatMap((line, index) => {
    if (line.month < first || line.month > last) {
      return [makeViolation('plan_month_outside_contract', `plan.${index}.month`, `${monthLabelFr(line.month)} est en dehors de la clause (${monthLabelFr(first)} à ${monthLabelFr(last)}).`)];
    }
    const key = `${line.month}|${line.trade}|${line.modality}`;
    if (seen.has(key)) return [makeViolation('duplicate_plan_line', `plan.${index}`, `Deux lignes du plan pour ${monthLabelFr(line.month)}, ${line.trade}, ${line.modality}.`)];
    seen.add(key);
    return [];
  });
}

function compare(clause: InsertionClause, plan: readonly PlanLine[], countedByMonth: readonly { month: YearMonth; countedMinutes: number }[], today: string): PlanComparison {
  const closedUpTo = lastClosedMonth(today, clause.rules.declarations.deadlineDay);
  const planned = new Map<YearMonth, number>();
  for (const line of plan) planned.set(line.month, (planned.get(line.month) ?? 0) + line.plannedMinutes);
  const counted = new Map<YearMonth, number>();
  for (const row of countedByMonth) counted.set(row.month, (counted.get(row.month) ?? 0) + row.countedMinutes);
  let cumulativePlanned = 0;
  let cumulativeCounted = 0;
  let reachable = 0;
  const months = monthsInRange(monthOf(clause.startDate), monthOf(clause.endDate)).map((month) => {
    const plannedMinutes = planned.get(month) ?? 0;
    const countedMinutes = counted.get(month) ?? 0;
    const closed = month <= closedUpTo;
    cumulativePlanned += plannedMinutes;
    cumulativeCounted += countedMinutes;
    reachable += closed ? countedMinutes : Math.max(countedMinutes, plannedMinutes);
    return { month, plannedMinutes, countedMinutes, cumulativePlannedMinutes: cumulativePlanned, cumulativeCountedMinutes: cumulativeCounted, gapMinutes: countedMinutes - plannedMinutes, closed };
  });
  const required = clause.requiredMinutes;
  const flags: { code: PlanFlagCode; message: string }[] = [];
  if (cumulativePlanned < required) {
    flags.push({ code: 'plan_below_required', message: `Le plan ne prévoit que ${formatHours(cumulativePlanned)} pour ${formatHours(required)} requises.` });
  } else if (reachable < required) {
    flags.push({
      code: 'plan_no_longer_reaches',
      message: `Le plan n’atteint plus les heures requises : ${formatHours(reachable)} au mieux (comptées des mois clos et prévues ensuite) pour ${formatHours(required)}.`,
    });
  }
  const sumBy = <K extends string>(key: (line: PlanLine) => K): Map<K, number> => {
    const totals = new Map<K, number>();
    for (const line of plan) totals.set(key(line), (totals.get(key(line)) ?? 0) + line.plannedMinutes);
    return totals;
  };
  const byModality = sumBy((line) => line.modality);
  return {
    requiredMinutes: required,
    plannedTotalMinutes: cumulativePlanned,
    countedTotalMinutes: cumulativeCounted,
    reachableMinutes: reachable,
    months,
    byTrade: [...sumBy((line) => line.trade)].map(([trade, plannedMinutes]) => ({ trade, plannedMinutes })).sort((a, b) => (a.trade < b.trade ? -1 : 1)),
    byModality: MODALITIES.filter((modality) => byModality.has(modality)).map((modality) => ({ modality, plannedMinutes: byModality.get(modality) ?? 0 })),
    flags,
  };
}

/** The plan against the counted hours, month by month, with its flags. */
export function comparePlanWithCounted(input: PlanInput): Result<PlanComparison> {
  return andThen(validateWith(planInputSchema, input), ({ clause, plan, countedByMonth, today }): Result<PlanComparison> => {
    const problems = checkPlan(clause, plan);
    return problems.length > 0 ? fail(problems) : ok(compare(clause, plan, countedByMonth, today));
  });
}

export interface PlannedForecast {
  /** `plan` while fewer than three months of the clause are closed, `pace` afterwards (forecast.ts). */
  readonly basis: 'plan' | 'pace';
  readonly closedMonths: number;
  readonly forecast: Forecast;
}

/** The projection of forecast.ts, following the plan while fewer than three months are closed. */
export function forecastWithPlan(input: PlanInput): Result<PlannedForecast> {
  return andThen(validateWith(planInputSchema, input), ({ clause, plan, countedByMonth, today }): Result<PlannedForecast> => {
    const problems = checkPlan(clause, plan);
    if (problems.length > 0) return fail(problems);
    const comparison = compare(clause, plan, countedByMonth, today);
    const closedMonths = comparison.months.filter((month) => month.closed).length;
    const counted = comparison.countedTotalMinutes;
    if (closedMonths >= PLAN_FORECAST_MONTHS || counted >= clause.requiredMinutes || comparison.plannedTotalMinutes === 0) {
      return andThen(forecastCompletion({ clause, countedByMonth, today }), (forecast) => ok({ basis: 'pace' as const, closedMonths, forecast }));
    }
    let cumulative = 0;
    const metIn = comparison.months.find((month) => (cumulative += month.closed ? month.countedMinutes : Math.max(month.countedMinutes, month.plannedMinutes)) >= clause.requiredMinutes);
    const outcome: ForecastOutcome = metIn ? { kind: 'met_by', date: lastDayOfMonth(metIn.month) } : { kind: 'not_at_this_pace', dateIfContinued: null };
    const projected = comparison.reachableMinutes;
    const required = clause.requiredMinutes;
    const message = metIn
      ? `D’après le plan d’insertion (moins de ${PLAN_FORECAST_MONTHS} mois clos), l’objectif serait atteint en ${monthLabelFr(metIn.month)} ; projection à la fin : ${formatHours(projected)} pour ${formatHours(required)}.`
      : `D’après le plan d’insertion (moins de ${PLAN_FORECAST_MONTHS} mois clos), l’objectif ne serait pas atteint : ${formatHours(projected)} pour ${formatHours(required)}.`;
    return ok({
      basis: 'plan' as const,
      closedMonths,
      forecast: {
        windowMonths: [],
        windowMinutes: 0,
        dailyRateMinutes: 0,
        countedMinutes: counted,
        projectedMinutesAtEnd: projected,
        projectedProgress: required > 0 ? roundTo(projected / required) : null,
        outcome,
        message,
      },
    });
  });
}
