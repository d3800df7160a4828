import { describe, expect, it } from 'vitest';
import { centsToInput, eurosToCents, hoursToMinutes, parseFrenchNumber, percentToRate, rateToInput } from './french-numbers.js';

describe('saisie des nombres à la française', () => {
  it.each([
    ['1 000 000', 1_000_000],
    ['1\u202f000\u202f000,50 €', 1_000_000.5],
    ['1000000.5', 1_000_000.5],
    ['-80 000', -80_000],
    ['', null],
    ['NC', null],
    ['1,2,3', null],
  ])('« %s » → %s', (text, expected) => {
    expect(parseFrenchNumber(text)).toBe(expected);
  });

  it('montants en centimes, taux et heures', () => {
    expect(eurosToCents('1 000 000')).toBe(100_000_000);
    expect(eurosToCents('30')).toBe(3000);
    expect(percentToRate('50')).toBe(0.5);
    expect(percentToRate('5')).toBe(0.05);
    expect(percentToRate('12,5')).toBe(0.125);
    expect(hoursToMinutes('833')).toBe(49_980);
  });

  it('retour vers les champs du formulaire', () => {
    expect(centsToInput(100_000_050)).toBe('1000000,5');
    expect(rateToInput(0.05)).toBe('5');
    expect(rateToInput(0.125)).toBe('12,5');
  });
});
