import { describe, expect, it } from 'vitest';
import { formatDateFr, formatEuros, formatHours, formatNumberFr, formatPercent, plainSpaces } from './format.js';

describe('formats français', () => {
  it.each([
    [669_000, '6 690,00 €'],
    [397_386, '3 973,86 €'],
    [100_000_000, '1 000 000,00 €'],
    [5, '0,05 €'],
    [-1_250, '-12,50 €'],
  ])('%i centimes → %s', (cents, text) => {
    expect(plainSpaces(formatEuros(cents))).toBe(text);
  });

  it('les montants sont écrits comme Intl.NumberFormat fr-FR (espaces insécables)', () => {
    const intl = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
    for (const cents of [0, 5, 669_000, 100_000_000, 123_456_789]) {
      expect(formatEuros(cents)).toBe(intl.format(cents / 100));
    }
  });

  it.each([
    [49_980, '833 h'],
    [13_410, '223 h 30 min'],
    [72_000, '1 200 h'],
    [0, '0 h'],
  ])('%i minutes → %s', (minutes, text) => {
    expect(plainSpaces(formatHours(minutes))).toBe(text);
  });

  it.each([
    [0.05, '5 %'],
    [1.1625, '116,25 %'],
    [0.5, '50 %'],
  ])('taux %d → %s', (rate, text) => {
    expect(plainSpaces(formatPercent(rate))).toBe(text);
  });

  it('nombres et dates', () => {
    expect(formatNumberFr(833.3333)).toBe('833,3333');
    expect(plainSpaces(formatNumberFr(1234.5, 2))).toBe('1 234,50');
    expect(formatDateFr('2025-03-31')).toBe('31/03/2025');
  });
});
