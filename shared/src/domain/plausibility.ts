/**
 * Plausible maximum of hours (decisions.md §8): contract weekly hours × weeks, never above 48 h a week.
 * Shared by the declaration checks and by C12 in the counting engine.
 */
import {
  daysInRange,
  daysInYearMonth,
  intersectRanges,
  monthRange,
  weekdaysInRange,
  type DateRange,
  type YearMonth,
} from './calendar.js';
import type { Placement } from './schemas.js';

/**
 * Minutes a period inside one month can hold at `weeklyMinutes` a week. Generous on purpose: the
 * largest of weekdays ÷ 5, days ÷ 7 and the month's share of 52 ÷ 12 weeks, so that a monthly payslip
 * (151.67 h for 35 h) is plausible even in February and 23 weekdays of 7 h are plausible in a long
 * month. Integer arithmetic, so that 35 h × 52 ÷ 12 is exactly 9 100 minutes.
 */
export function plausibleMinutes(weeklyMinutes: number, range: DateRange, month: YearMonth): number {
  const days = daysInRange(range);
  if (days === 0) return 0;
  return Math.max(
    Math.floor((weeklyMinutes * weekdaysInRange(range)) / 5),
    Math.floor((weeklyMinutes * days) / 7),
    Math.floor((weeklyMinutes * days * 52) / (12 * daysInYearMonth(month))),
  );
}

/** The part of `month` covered by a placement (open-ended placements run to the end of the month). */
export function placementMonthRange(placement: Pick<Placement, 'startDate' | 'endDate'>, month: YearMonth): DateRange | null {
  const range = monthRange(month);
  return intersectRanges(range, { start: placement.startDate, end: placement.endDate ?? range.end });
}

/** Plausible maximum for one placement and month, in minutes: min(contract weekly, legal weekly) × weeks. */
export function placementMonthlyMaxMinutes(
  placement: Pick<Placement, 'startDate' | 'endDate' | 'weeklyMinutes'>,
  month: YearMonth,
  maxWeeklyMinutes: number,
): number {
  const range = placementMonthRange(placement, month);
  if (!range) return 0;
  return plausibleMinutes(Math.min(placement.weeklyMinutes ?? maxWeeklyMinutes, maxWeeklyMinutes), range, month);
}

/** Legal maximum for a whole month, in minutes (48 h × weeks of the month). */
export function legalMonthlyMaxMinutes(month: YearMonth, maxWeeklyMinutes: number): number {
  return plausibleMinutes(maxWeeklyMinutes, monthRange(month), month);
}

/**
 * What one person can plausibly have worked in a month across all clauses (C12): the sum of their
 * placements' contract maxima (`contract_hours`) or the legal maximum alone (`legal_maximum`),
 * never above 48 h a week.
 */
export function participantMonthlyCapMinutes(
  placements: readonly Pick<Placement, 'startDate' | 'endDate' | 'weeklyMinutes'>[],
  month: YearMonth,
  basis: 'contract_hours' | 'legal_maximum',
  maxWeeklyMinutes: number,
): number {
  const legal = legalMonthlyMaxMinutes(month, maxWeeklyMinutes);
  if (basis === 'legal_maximum') return legal;
  const contract = placements.reduce((total, placement) => total + placementMonthlyMaxMinutes(placement, month, maxWeeklyMinutes), 0);
  return Math.min(contract, legal);
}
