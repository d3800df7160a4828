/**
 * Pure calendar helpers on ISO strings. Dates are civil dates (`YYYY-MM-DD`), months are `YYYY-MM`.
 * Arithmetic goes through `Date.UTC` day numbers only, so the machine's time zone and DST never matter.
 */

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;
/** A calendar month `YYYY-MM`. */
export type YearMonth = string;

/** An inclusive range of days. */
export interface DateRange {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

import { memo, memoByRange } from './memo.js';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

const DAYS_PER_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return DAYS_PER_MONTH[month - 1] ?? new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dateParts(date: IsoDate): [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Date ISO invalide : ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function monthParts(month: YearMonth): [number, number] {
  const match = YEAR_MONTH.exec(month);
  if (!match) throw new RangeError(`Mois ISO invalide : ${month}`);
  return [Number(match[1]), Number(match[2])];
}

// Years below 1000 are refused: Date.UTC maps 0–99 to 1900–1999 and nobody declares hours then.
export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isValidYearMonth(value: string): boolean {
  const match = YEAR_MONTH.exec(value);
  if (!match) return false;
  const [year, month] = [Number(match[1]), Number(match[2])];
  return year >= 1000 && month >= 1 && month <= 12;
}

/** Days since 1970-01-01. */
export const toDayNumber: (date: IsoDate) => number = memo((date: IsoDate) => {
  const [year, month, day] = dateParts(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
});

export const fromDayNumber: (dayNumber: number) => IsoDate = memo((dayNumber: number) => {
  const date = new Date(dayNumber * DAY_MS);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
});

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** `to − from` in days (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Number of days of an inclusive range (0 when inverted). */
export function daysInRange(range: DateRange): number {
  return Math.max(0, daysBetween(range.start, range.end) + 1);
}

/** Adds calendar months; the day is clamped to the end of the target month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(day, daysInMonth(targetYear, targetMonth)), 2)}`;
}

// ISO strings of the same shape compare correctly as strings.
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function monthOf(date: IsoDate): YearMonth {
  return date.slice(0, 7);
}

export function firstDayOfMonth(month: YearMonth): IsoDate {
  monthParts(month);
  return `${month}-01`;
}

export function lastDayOfMonth(month: YearMonth): IsoDate {
  const [year, monthNumber] = monthParts(month);
  return `${month}-${pad(daysInMonth(year, monthNumber), 2)}`;
}

export const monthRange: (month: YearMonth) => DateRange = memo((month: YearMonth) =>
  Object.freeze({ start: firstDayOfMonth(month), end: lastDayOfMonth(month) }),
);

export const daysInYearMonth: (month: YearMonth) => number = memo((month: YearMonth) => {
  const [year, monthNumber] = monthParts(month);
  return daysInMonth(year, monthNumber);
});

export function addMonthsToMonth(month: YearMonth, months: number): YearMonth {
  return monthOf(addMonths(firstDayOfMonth(month), months));
}

/** `to − from` in months. */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  const [fromYear, fromMonth] = monthParts(from);
  const [toYear, toMonth] = monthParts(to);
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

/** Every month from `from` to `to`, both included (empty when inverted). */
export function monthsInRange(from: YearMonth, to: YearMonth): YearMonth[] {
  const count = monthsBetween(from, to);
  return Array.from({ length: Math.max(0, count + 1) }, (_, index) => addMonthsToMonth(from, index));
}

/** Intersection of two inclusive ranges, or null when they do not overlap. */
export function intersectRanges(a: DateRange, b: DateRange): DateRange | null {
  const start = maxIsoDate(a.start, b.start);
  const end = minIsoDate(a.end, b.end);
  return start <= end ? { start, end } : null;
}

export function isInRange(date: IsoDate, range: DateRange): boolean {
  return date >= range.start && date <= range.end;
}

/** Every day of an inclusive range. */
export function eachDay(range: DateRange): IsoDate[] {
  const first = toDayNumber(range.start);
  const count = daysInRange(range);
  return Array.from({ length: count }, (_, index) => fromDayNumber(first + index));
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekday(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day >= 1 && day <= 5;
}

/** Easter Sunday, Gregorian calendar (anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export interface PublicHoliday {
  readonly date: IsoDate;
  readonly label: string;
}

const holidayCache = new Map<number, readonly PublicHoliday[]>();

/** The eleven public holidays of metropolitan France (code du travail L3133-1), Easter-based ones included. */
export function frenchPublicHolidays(year: number): readonly PublicHoliday[] {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const y = pad(year, 4);
  const holidays: PublicHoliday[] = [
    { date: `${y}-01-01`, label: 'Jour de l’an' },
    { date: addDays(easter, 1), label: 'Lundi de Pâques' },
    { date: `${y}-05-01`, label: 'Fête du Travail' },
    { date: `${y}-05-08`, label: 'Victoire 1945' },
    { date: addDays(easter, 39), label: 'Ascension' },
    { date: addDays(easter, 50), label: 'Lundi de Pentecôte' },
    { date: `${y}-07-14`, label: 'Fête nationale' },
    { date: `${y}-08-15`, label: 'Assomption' },
    { date: `${y}-11-01`, label: 'Toussaint' },
    { date: `${y}-11-11`, label: 'Armistice 1918' },
    { date: `${y}-12-25`, label: 'Noël' },
  ];
  holidays.sort((left, right) => compareIsoDates(left.date, right.date));
  holidayCache.set(year, holidays);
  return holidays;
}

export function isFrenchPublicHoliday(date: IsoDate): boolean {
  const year = dateParts(date)[0];
  return frenchPublicHolidays(year).some((holiday) => holiday.date === date);
}

/** Monday to Friday, French public holidays excluded. */
export const isWorkingDay: (date: IsoDate) => boolean = memo((date: IsoDate) => isWeekday(date) && !isFrenchPublicHoliday(date));

export const workingDaysInRange: (range: DateRange) => number = memoByRange((range) => eachDay(range).filter(isWorkingDay).length);

export const weekdaysInRange: (range: DateRange) => number = memoByRange((range) => eachDay(range).filter(isWeekday).length);
