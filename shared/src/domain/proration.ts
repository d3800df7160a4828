/**
 * Working-day proration of a month's hours when the month straddles a boundary (decisions.md §7):
 * the declared minutes are spread evenly over the working days (Monday–Friday, French public holidays
 * excluded) of the reference period, and each day that fails a check sends its share to that check.
 */
import { apportion } from './arithmetic.js';
import { eachDay, isWorkingDay, type DateRange, type IsoDate } from './calendar.js';
import { memoByRange } from './memo.js';

export interface DayCheck<K extends string> {
  /** Returns the exclusion key of the first failed condition for this day, or null when it passes. */
  readonly classify: (day: IsoDate) => K | null;
}

export interface ProrationOutcome<K extends string> {
  readonly counted: number;
  readonly excluded: readonly { readonly key: K; readonly minutes: number; readonly days: number }[];
  /** Working days of the reference period (calendar days when it has none). */
  readonly referenceDays: number;
  /** First day that passed every check, or null. */
  readonly firstCountedDay: IsoDate | null;
}

/** The days the minutes are spread over: working days, or every day when the period has none (a weekend mission). */
export const referenceDays: (reference: DateRange) => readonly IsoDate[] = memoByRange((reference) => {
  const days = eachDay(reference);
  const working = days.filter(isWorkingDay);
  return Object.freeze(working.length > 0 ? working : days);
});

export function prorate<K extends string>(minutes: number, reference: DateRange, check: DayCheck<K>): ProrationOutcome<K> {
  const days = referenceDays(reference);
  const failures = new Map<K, number>();
  let passing = 0;
  let firstCountedDay: IsoDate | null = null;
  for (const day of days) {
    const key = check.classify(day);
    if (key === null) {
      passing += 1;
      firstCountedDay ??= day;
    } else {
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
  }
  // Counted minutes are rounded down: an excluded share is never under-reported.
  const counted = passing === days.length ? minutes : Math.floor((minutes * passing) / days.length);
  const keys = [...failures.keys()];
  const parts = apportion(minutes - counted, keys.map((key) => failures.get(key) ?? 0));
  return {
    counted,
    excluded: keys
      .map((key, index) => ({ key, minutes: parts[index] ?? 0, days: failures.get(key) ?? 0 }))
      .filter((part) => part.minutes > 0),
    referenceDays: days.length,
    firstCountedDay,
  };
}
