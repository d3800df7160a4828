/**
 * Dashboard figures (decisions.md §9, §11): why a clause carries its status (one French sentence),
 * the burn-up series of a clause (expected line, counted, forecast), and small-cell suppression for
 * the participants' breakdowns. Pure: every figure is derived from assessCompliance / forecastCompletion.
 */
import { smallCells } from './aggregation.js';
import { roundTo } from './arithmetic.js';
import { addDays, daysBetween, lastDayOfMonth, minIsoDate, monthOf, monthsInRange, type IsoDate, type YearMonth } from './calendar.js';
import type { ComplianceAssessment } from './compliance.js';
import { elapsedByTime } from './compliance.js';
import type { Forecast } from './forecast.js';
import { formatDateFr, formatHours, formatNumberFr } from './format.js';
import type { InsertionClause } from './schemas.js';

const STATUS_WORDS = {
  waived: 'exonéré',
  met: 'atteint',
  not_met: 'non atteint',
  not_started: 'non démarré',
  at_risk: 'à risque',
  watch: 'à surveiller',
  on_track: 'dans les temps',
} as const;

/** Whole hours in sentences: "555 h", not "554 h 34 min". */
const wholeHours = (minutes: number): string => formatHours(Math.round(minutes / 60) * 60);

const periods = (count: number): string => `${count} période${count > 1 ? 's' : ''} non déclarée${count > 1 ? 's' : ''} après l’échéance`;

/** "au 8e mois sur 12": elapsed share of the clause, in months (833 h over 2025, on 1 September → 8 of 12). */
export function monthOfClause(clause: Pick<InsertionClause, 'startDate' | 'endDate'>, elapsed: number): { month: number; of: number } {
  const of = monthsInRange(monthOf(clause.startDate), monthOf(clause.endDate)).length;
  return { month: Math.min(of, Math.max(1, Math.round(elapsed * of))), of };
}

/**
 * Why the clause has its status, in one sentence:
 * "à risque : 250 h comptées pour 555 h attendues au 8e mois sur 12".
 */
export function statusReason(clause: InsertionClause, assessment: ComplianceAssessment): string {
  const measure = assessment.byInvoiced && clause.rules.status.paceBasis === 'invoiced' ? assessment.byInvoiced : assessment.byTime;
  const counted = wholeHours(assessment.countedMinutes);
  const word = STATUS_WORDS[assessment.status];
  const { month, of } = monthOfClause(clause, assessment.byTime.elapsed);
  const expected = `${counted} comptées pour ${wholeHours(measure.expectedMinutes)} attendues ${measure.basis === 'invoiced' ? 'au montant facturé' : `au ${month}e mois sur ${of}`}`;
  const late = assessment.lateDeclaration.missingPeriods;
  let sentence: string;
  switch (assessment.status) {
    case 'waived':
      sentence = `${word} : exonération décidée par l’acheteur`;
      break;
    case 'met':
      sentence = `${word} : ${counted} comptées pour ${wholeHours(assessment.requiredMinutes)} requises`;
      break;
    case 'not_met':
      sentence = `${word} : ${counted} comptées pour ${wholeHours(assessment.requiredMinutes)} requises, délai dépassé depuis le ${formatDateFr(assessment.finalAfter)}`;
      break;
    case 'not_started':
      sentence = `${word} : ${counted} comptées, ${formatNumberFr(roundTo(assessment.byTime.elapsed * 100, 0))} % de la durée écoulée`;
      break;
    case 'at_risk': {
      const slow = measure.pace !== null && measure.pace < clause.rules.status.atRiskPace && measure.elapsed >= clause.rules.status.atRiskElapsed;
      sentence = slow ? `${word} : ${expected}` : `${word} : ${periods(late)}`;
      return slow && late > 0 ? `${sentence} ; ${periods(late)}` : sentence;
    }
    default:
      sentence = `${word} : ${expected}`;
  }
  return late > 0 ? `${sentence} ; ${periods(late)}` : sentence;
}

export interface BurnUpPoint {
  readonly month: YearMonth;
  /** required × elapsed at the end of the month (the expected line). */
  readonly expectedMinutes: number;
  /** Cumulative counted minutes, null after the last known month. */
  readonly countedMinutes: number | null;
  /** Cumulative projection at the forecast's daily rate, from the last counted point; null before it. */
  readonly forecastMinutes: number | null;
}

/**
 * One point per month of the clause: the expected line, the cumulative counted hours up to the
 * forecast's window end (or today's month), and the projection at the forecast's daily rate.
 */
export function burnUp(clause: InsertionClause, countedByMonth: readonly { month: YearMonth; countedMinutes: number }[], forecast: Forecast, today: IsoDate): BurnUpPoint[] {
  const perMonth = new Map<YearMonth, number>();
  for (const row of countedByMonth) perMonth.set(row.month, (perMonth.get(row.month) ?? 0) + row.countedMinutes);
  const months = monthsInRange(monthOf(clause.startDate), monthOf(clause.endDate));
  const lastKnown = forecast.windowMonths.at(-1) ?? (monthOf(today) < months[0]! ? null : monthOf(minIsoDate(today, clause.endDate)));
  const projectionFrom = lastKnown ? minIsoDate(lastDayOfMonth(lastKnown), clause.endDate) : addDays(clause.startDate, -1);
  let cumulative = 0;
  // Counted minutes of months before the clause (none normally) still belong to the total.
  for (const [month, minutes] of perMonth) if (month < months[0]!) cumulative += minutes;
  return months.map((month) => {
    cumulative += perMonth.get(month) ?? 0;
    const end = minIsoDate(lastDayOfMonth(month), clause.endDate);
    const known = lastKnown !== null && month <= lastKnown;
    const projecting = lastKnown === null || month >= lastKnown;
    return {
      month,
      expectedMinutes: Math.round(clause.requiredMinutes * elapsedByTime(clause.startDate, clause.endDate, addDays(end, 1))),
      countedMinutes: known ? cumulative : null,
      forecastMinutes: projecting
        ? Math.round(forecast.countedMinutes + forecast.dailyRateMinutes * Math.max(0, daysBetween(projectionFrom, end)))
        : null,
    };
  });
}

export interface CountCell<K extends string> {
  readonly key: K;
  readonly label: string;
  readonly suppressed: boolean;
  /** Null when suppressed (1 to threshold − 1 people, or the next smallest when only one cell is). */
  readonly count: number | null;
}

/**
 * People per category with small-cell suppression (decisions.md §11): cells of 1 to `threshold − 1`
 * are hidden; when only one is, the next smallest is hidden too so it cannot be recovered from the total.
 */
export function suppressSmallCells<K extends string>(counts: readonly { key: K; label: string; count: number }[], threshold = 5): CountCell<K>[] {
  const small = smallCells(counts, (cell) => cell.count, threshold);
  return counts.map((cell) => ({ key: cell.key, label: cell.label, suppressed: small.has(cell), count: small.has(cell) ? null : cell.count }));
}

export const AGE_BANDS = ['under_26', '26_49', '50_plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Readonly<Record<AgeBand, string>> = {
  under_26: 'Moins de 26 ans',
  '26_49': '26 à 49 ans',
  '50_plus': '50 ans et plus',
  unknown: 'Âge non renseigné',
};

/** Age band on `today` (the bands of the insertion funders: < 26, 26–49, ≥ 50). */
export function ageBand(birthDate: IsoDate | null, today: IsoDate): AgeBand {
  if (!birthDate) return 'unknown';
  let age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (today.slice(5) < birthDate.slice(5)) age -= 1;
  return age < 26 ? 'under_26' : age < 50 ? '26_49' : '50_plus';
}
