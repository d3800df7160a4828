/**
 * Values typed by people or found in their spreadsheets, turned into the units of the domain at the
 * edge: hours into integer minutes ("151:40", "151,67", "7,5", "7h30"), euros into integer cents
 * ("1 234,56 €"), months into `YYYY-MM` ("03/2025", "mars 2025", "2025-03-01").
 * Each parser answers a value, `null` for an empty cell, or a French message.
 */
import { isValidYearMonth, type YearMonth } from '../domain/calendar.js';

export type Parsed<T> = { readonly ok: true; readonly value: T | null } | { readonly ok: false; readonly message: string };

/** A cell as the spreadsheet readers hand it over: text, a number, or nothing. */
export type CellValue = string | number | null | undefined;

const SPACES = /[\s\u00a0\u202f]/g;
const SIMPLE_DECIMAL = /^(\d{1,5})(?:[.,](\d{1,6}))?$/;
/** 60 000 h: far beyond any month, small enough to stay an exact integer everywhere. */
const MAX_MINUTES = 3_600_000;

const valid = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const invalid = (message: string): Parsed<never> => ({ ok: false, message });

/**
 * A decimal number written the French or the English way, as an exact fraction (numerator,
 * denominator): "1 234,5" → [12345, 10]. When both separators appear, the last one is the decimal
 * mark ("1.234,5", "1,234.5"). Null when the text is not a number.
 */
function decimalFraction(text: string): [bigint, bigint] | null {
  let cleaned = text.replace(SPACES, '').replace(/^\+/, '');
  const comma = cleaned.lastIndexOf(',');
  const dot = cleaned.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    const decimalMark = comma > dot ? ',' : '.';
    const thousands = decimalMark === ',' ? '.' : ',';
    cleaned = cleaned.split(thousands).join('');
    if (decimalMark === ',') cleaned = cleaned.replace(',', '.');
  } else if (comma >= 0) {
    cleaned = cleaned.replace(',', '.');
  }
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const [, sign = '', integer = '', fractional = ''] = match;
  const numerator = BigInt(`${sign}${integer || '0'}${fractional}`);
  return [numerator, 10n ** BigInt(fractional.length)];
}

/** Rounds a non-negative fraction to the nearest integer (halves up). */
function roundFraction(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/**
 * Hours → minutes. Accepts "151:40" (hours:minutes), "151h40", "7 h 30 min", "151,67" and "7.5"
 * (decimal hours, rounded to the nearest minute), and numbers from a spreadsheet (decimal hours).
 */
export function parseHours(value: CellValue): Parsed<number> {
  if (value === null || value === undefined) return valid(null);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return invalid('Nombre d’heures illisible.');
    if (value < 0) return invalid('Un nombre d’heures ne peut pas être négatif.');
    const minutes = Math.round(value * 60);
    return minutes > MAX_MINUTES ? invalid('Nombre d’heures trop grand.') : valid(minutes);
  }
  const text = value.trim().toLowerCase();
  if (text === '') return valid(null);
  const simple = SIMPLE_DECIMAL.exec(text);
  if (simple) {
    // The usual "151,67" or "35": exact integer arithmetic without BigInt (hot path of large imports).
    const fractional = simple[2] ?? '';
    const denominator = 10 ** fractional.length;
    const numerator = Number(simple[1]) * denominator + (fractional === '' ? 0 : Number(fractional));
    return valid(Math.floor((numerator * 120 + denominator) / (2 * denominator)));
  }
  if (/^-/.test(text.replace(SPACES, ''))) return invalid('Un nombre d’heures ne peut pas être négatif.');
  const clock = /^(\d[\d\s\u00a0\u202f]*?)\s*(?::|h)\s*(\d{1,2})?\s*(?:min|mn|m)?$/.exec(text);
  let minutes: number;
  if (clock) {
    const hours = Number((clock[1] ?? '').replace(SPACES, ''));
    const rest = clock[2] === undefined ? 0 : Number(clock[2]);
    if (rest >= 60) return invalid(`« ${value.trim()} » : les minutes doivent être inférieures à 60.`);
    minutes = hours * 60 + rest;
  } else {
    const fraction = decimalFraction(text.replace(/\s*(?:heures?|hrs?|h)$/, ''));
    if (!fraction) return invalid(`« ${value.trim()} » n’est pas un nombre d’heures (exemples : 151:40, 151,67, 7,5).`);
    minutes = roundFraction(fraction[0] * 60n, fraction[1]);
  }
  return minutes > MAX_MINUTES ? invalid('Nombre d’heures trop grand.') : valid(minutes);
}

/** Euros HT → cents. Accepts "1 234,56", "1234.56 €", "1.234,56 EUR" and numbers. */
export function parseEuros(value: CellValue): Parsed<number> {
  if (value === null || value === undefined) return valid(null);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return invalid('Montant illisible.');
    if (value < 0) return invalid('Un montant ne peut pas être négatif.');
    return valid(Math.round(value * 100));
  }
  const text = value.trim().replace(/\s*(?:€|eur|euros?)\s*(?:ht)?$/i, '');
  if (text === '') return valid(null);
  const fraction = decimalFraction(text);
  if (!fraction) return invalid(`« ${value.trim()} » n’est pas un montant en euros (exemple : 40 000,00).`);
  if (fraction[0] < 0n) return invalid('Un montant ne peut pas être négatif.');
  const cents = roundFraction(fraction[0] * 100n, fraction[1]);
  return cents > Number.MAX_SAFE_INTEGER / 100 ? invalid('Montant trop grand.') : valid(cents);
}

const MONTH_NAMES: readonly (readonly string[])[] = [
  ['janvier', 'janv', 'jan'],
  ['fevrier', 'fevr', 'fev'],
  ['mars', 'mar'],
  ['avril', 'avr'],
  ['mai'],
  ['juin'],
  ['juillet', 'juil'],
  ['aout', 'aou'],
  ['septembre', 'sept', 'sep'],
  ['octobre', 'oct'],
  ['novembre', 'nov'],
  ['decembre', 'dec'],
];

const ISO_MONTH = /^\d{4}-\d{2}$/;

const withoutAccents = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

function yearOf(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

function yearMonth(year: number, month: number): YearMonth | null {
  const candidate = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  return isValidYearMonth(candidate) && year >= 2000 && year <= 2099 ? candidate : null;
}

/**
 * A month → `YYYY-MM`. Accepts "2025-03", "2025/03", "03/2025", "3-2025", "mars 2025", "mars-25",
 * "janv. 2025", and full dates ("2025-03-01", "01/03/2025": the month of that day).
 */
export function parseMonth(value: CellValue): Parsed<YearMonth> {
  if (value === null || value === undefined) return valid(null);
  const raw = String(value).trim();
  if (raw === '') return valid(null);
  if (ISO_MONTH.test(raw)) return isValidYearMonth(raw) && raw >= '2000' ? valid(raw) : invalid(`« ${raw} » n’est pas un mois (exemples : 2025-03, 03/2025, mars 2025).`);
  const text = withoutAccents(raw.toLowerCase()).replace(/\s+/g, ' ');
  const found = (() => {
    let match = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[ t].*)?$/.exec(text);
    if (match) return yearMonth(Number(match[1]), Number(match[2]));
    match = /^(?:(\d{1,2})[-/.])?(\d{1,2})[-/.](\d{4}|\d{2})$/.exec(text);
    if (match) return yearMonth(yearOf(match[3] ?? ''), Number(match[2]));
    match = /^([a-z]+)\.?[ \-/.]?(\d{4}|\d{2})$/.exec(text);
    if (match) {
      const index = MONTH_NAMES.findIndex((names) => names.includes(match?.[1] ?? ''));
      return index >= 0 ? yearMonth(yearOf(match[2] ?? ''), index + 1) : null;
    }
    return null;
  })();
  return found ? valid(found) : invalid(`« ${raw} » n’est pas un mois (exemples : 2025-03, 03/2025, mars 2025).`);
}

/** Free text: trimmed, control characters removed, at most `max` characters. */
export function parseText(value: CellValue, max: number): Parsed<string> {
  if (value === null || value === undefined) return valid(null);
  const text = String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  if (text === '') return valid(null);
  return text.length > max ? invalid(`Texte trop long : ${max} caractères au plus.`) : valid(text);
}

/** Minutes → what a form field shows and accepts back: 9100 → "151:40", 450 → "7:30". */
export function minutesToHoursInput(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Cents → "40000,00", for form fields. */
export function centsToEurosInput(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}
