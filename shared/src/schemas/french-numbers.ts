/**
 * Numbers typed in French forms ("1 000 000,50", "5 %", "30 €") read into the integer units of the
 * API (cents, minutes, rates with 4 decimals). Used by the forms' live preview and by their actions,
 * so that what the officer sees computed is what is sent.
 */

/** "1 000 000,50" / "1000000.5" / "1 000 000 €" → 1000000.5; null when empty or not a number. */
export function parseFrenchNumber(text: string | null | undefined): number | null {
  if (text == null) return null;
  const cleaned = String(text)
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/[€%h]/gi, '')
    .replace(',', '.');
  if (cleaned === '' || !/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** Euros typed → integer cents (rounded to the cent). */
export function eurosToCents(text: string | null | undefined): number | null {
  const value = parseFrenchNumber(text);
  return value === null ? null : Math.round(value * 100);
}

/** Percent typed ("50", "5,5") → rate in [0, 1] with 4 decimals (range checked by the schemas). */
export function percentToRate(text: string | null | undefined): number | null {
  const value = parseFrenchNumber(text);
  return value === null ? null : Math.round(value * 100) / 10_000;
}

/** Hours typed ("833", "12,5") → integer minutes. */
export function hoursToMinutes(text: string | null | undefined): number | null {
  const value = parseFrenchNumber(text);
  return value === null ? null : Math.round(value * 60);
}

/** Integer typed ("36") → number, null otherwise. */
export function parseInteger(text: string | null | undefined): number | null {
  const value = parseFrenchNumber(text);
  return value === null || !Number.isInteger(value) ? null : value;
}

/** Cents → the value to put back in an input ("1000000" or "1000000,5"). */
export function centsToInput(cents: number | null | undefined): string {
  if (cents == null) return '';
  return (cents / 100).toString().replace('.', ',');
}

/** Rate → percent for an input (0.05 → "5"). */
export function rateToInput(rate: number | null | undefined): string {
  if (rate == null) return '';
  return (Math.round(rate * 1_000_000) / 10_000).toString().replace('.', ',');
}

/** Minutes → hours for an input (49980 → "833"). */
export function minutesToInput(minutes: number | null | undefined): string {
  if (minutes == null) return '';
  return (Math.round((minutes / 60) * 100) / 100).toString().replace('.', ',');
}
