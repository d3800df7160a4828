/**
 * French formatting for formulas and messages, written by hand so that the domain output is the same
 * on every runtime; it matches `Intl.NumberFormat('fr-FR')` (narrow no-break space between thousands,
 * no-break space before the unit).
 */

const THOUSANDS = '\u202f';
const NBSP = '\u00a0';

function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS);
}

/** 1234.5 → "1 234,5"; 1234.5 with 2 decimals → "1 234,50". */
export function formatNumberFr(value: number, decimals?: number): string {
  const fixed = decimals === undefined ? String(Math.abs(value)) : Math.abs(value).toFixed(decimals);
  const [integer = '0', fractional] = fixed.split('.');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${groupThousands(integer)}${fractional ? `,${fractional}` : ''}`;
}

/** 669000 → "6 690,00 €". */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const magnitude = Math.abs(cents);
  const euros = Math.floor(magnitude / 100);
  const rest = String(magnitude % 100).padStart(2, '0');
  return `${sign}${groupThousands(String(euros))},${rest}${NBSP}€`;
}

/** 49980 → "833 h"; 13410 → "223 h 30 min". */
export function formatHours(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const magnitude = Math.abs(minutes);
  const hours = Math.floor(magnitude / 60);
  const rest = magnitude % 60;
  return `${sign}${groupThousands(String(hours))}${NBSP}h${rest ? ` ${rest}${NBSP}min` : ''}`;
}

/** 0.05 → "5 %"; 1.1625 → "116,25 %" (up to 2 decimals, trailing zeros dropped). */
export function formatPercent(rate: number, decimals = 2): string {
  const percent = Math.round(rate * 100 * 10 ** decimals) / 10 ** decimals;
  return `${formatNumberFr(percent)}${NBSP}%`;
}

/** "2025-03-31" → "31/03/2025". */
export function formatDateFr(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** Replaces the no-break spaces by plain spaces, for logs and tests that compare text. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "2026-03" → "mars 2026" (the text unchanged when it is not a month). */
export function monthLabelFr(month: string): string {
  const name = /^\d{4}-\d{2}$/.test(month) ? MONTHS_FR[Number(month.slice(5, 7)) - 1] : undefined;
  return name ? `${name} ${month.slice(0, 4)}` : month;
}
