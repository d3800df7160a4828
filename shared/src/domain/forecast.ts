/**
 * Projected end (decisions.md §9): counted hours extrapolated to the end date at the pace of the last
 * three counted months, and the date the requirement would be met — or "not at this pace".
 */
import { z } from 'zod';
import { roundTo } from './arithmetic.js';
import {
  addDays,
  addMonthsToMonth,
  daysBetween,
  firstDayOfMonth,
  lastDayOfMonth,
  maxIsoDate,
  minIsoDate,
  monthOf,
  monthsInRange,
  type IsoDate,
  type YearMonth,
} from './calendar.js';
import { declarationDeadline } from './deadlines.js';
import { formatDateFr, formatHours } from './format.js';
import { andThen, ok, validateWith, type Result } from './result.js';
import { insertionClauseSchema, isoDateField, listField, minutesField, yearMonthField } from './schemas.js';

export type ForecastOutcome =
  | { readonly kind: 'already_met'; readonly month: YearMonth }
  | { readonly kind: 'met_by'; readonly date: IsoDate }
  | { readonly kind: 'not_at_this_pace'; readonly dateIfContinued: IsoDate | null };

export interface Forecast {
  /** The months whose pace is extrapolated (up to 3, within the clause). */
  readonly windowMonths: readonly YearMonth[];
  readonly windowMinutes: number;
  /** Counted minutes per calendar day over the window (4 decimals). */
  readonly dailyRateMinutes: number;
  readonly countedMinutes: number;
  readonly projectedMinutesAtEnd: number;
  /** projected ÷ required (4 decimals), null when nothing is required. */
  readonly projectedProgress: number | null;
  readonly outcome: ForecastOutcome;
  /** French sentence for the dashboard. */
  readonly message: string;
}

const forecastInputSchema = z.object({
  clause: insertionClauseSchema,
  countedByMonth: listField(z.object({ month: yearMonthField('Mois'), countedMinutes: minutesField('Heures comptées') }), 'Heures comptées par mois'),
  today: isoDateField('Date du jour'),
});
export type ForecastInput = z.input<typeof forecastInputSchema>;

/** Latest month whose declaration deadline has passed on `today`: its figures are complete. */
export function lastClosedMonth(today: IsoDate, deadlineDay: number): YearMonth {
  const previous = addMonthsToMonth(monthOf(today), -1);
  return today > declarationDeadline(previous, deadlineDay) ? previous : addMonthsToMonth(previous, -1);
}

export function forecastCompletion(input: ForecastInput): Result<Forecast> {
  return andThen(validateWith(forecastInputSchema, input), ({ clause, countedByMonth, today }): Result<Forecast> => {
    const required = clause.requiredMinutes;
    const perMonth = new Map<YearMonth, number>();
    for (const row of countedByMonth) perMonth.set(row.month, (perMonth.get(row.month) ?? 0) + row.countedMinutes);
    const months = [...perMonth.keys()].sort();
    const counted = months.reduce((total, month) => total + (perMonth.get(month) ?? 0), 0);

    // Window: the three months ending at the later of the last closed month and the last counted month.
    const lastCounted = months.filter((month) => (perMonth.get(month) ?? 0) > 0).at(-1) ?? null;
    const closed = lastClosedMonth(today, clause.rules.declarations.deadlineDay);
    const startMonth = monthOf(clause.startDate);
    const endMonth = monthOf(clause.endDate);
    let windowEnd = lastCounted !== null && lastCounted > closed ? lastCounted : closed;
    if (windowEnd > endMonth) windowEnd = endMonth;
    const windowStart = addMonthsToMonth(windowEnd, -2) > startMonth ? addMonthsToMonth(windowEnd, -2) : startMonth;
    const windowMonths = windowEnd >= startMonth ? monthsInRange(windowStart, windowEnd) : [];
    const windowMinutes = windowMonths.reduce((total, month) => total + (perMonth.get(month) ?? 0), 0);
    const windowDays =
      windowMonths.length > 0
        ? daysBetween(maxIsoDate(firstDayOfMonth(windowStart), clause.startDate), minIsoDate(lastDayOfMonth(windowEnd), clause.endDate)) + 1
        : 0;
    const dailyRate = windowDays > 0 ? windowMinutes / windowDays : 0;
    const projectionFrom = windowMonths.length > 0 ? lastDayOfMonth(windowEnd) : addDays(clause.startDate, -1);
    const remainingDays = Math.max(0, daysBetween(projectionFrom, clause.endDate));
    const projected = counted + Math.round(dailyRate * remainingDays);

    let outcome: ForecastOutcome;
    if (counted >= required) {
      let cumulative = 0;
      const month = months.find((candidate) => (cumulative += perMonth.get(candidate) ?? 0) >= required) ?? startMonth;
      outcome = { kind: 'already_met', month };
    } else if (dailyRate > 0) {
      const date = addDays(projectionFrom, Math.ceil((required - counted) / dailyRate));
      outcome = date <= clause.endDate ? { kind: 'met_by', date } : { kind: 'not_at_this_pace', dateIfContinued: date };
    } else {
      outcome = { kind: 'not_at_this_pace', dateIfContinued: null };
    }

    const message =
      outcome.kind === 'already_met'
        ? `Objectif atteint (${formatHours(counted)} pour ${formatHours(required)}).`
        : outcome.kind === 'met_by'
          ? `Au rythme des derniers mois, l’objectif serait atteint le ${formatDateFr(outcome.date)} ; projection à la fin : ${formatHours(projected)} pour ${formatHours(required)}.`
          : `Pas à ce rythme : projection à la fin ${formatHours(projected)} pour ${formatHours(required)}` +
            (outcome.dateIfContinued ? ` (objectif atteint le ${formatDateFr(outcome.dateIfContinued)} si le rythme se maintenait).` : '.');

    return ok({
      windowMonths,
      windowMinutes,
      dailyRateMinutes: roundTo(dailyRate),
      countedMinutes: counted,
      projectedMinutesAtEnd: projected,
      projectedProgress: required > 0 ? roundTo(projected / required) : null,
      outcome,
      message,
    });
  });
}
