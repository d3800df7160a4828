import { describe, expect, it } from 'vitest';
import { centsToEurosInput, minutesToHoursInput, parseEuros, parseHours, parseMonth, parseText } from './cell-values.js';

const value = <T>(parsed: { ok: boolean; value?: T | null; message?: string }) => (parsed.ok ? parsed.value : `erreur : ${parsed.message}`);

describe('heures saisies → minutes', () => {
  it.each([
    ['151:40', 9100],
    ['151:40 ', 9100],
    ['151h40', 9100],
    ['151 h 40', 9100],
    ['7 h 30 min', 450],
    ['151h', 9060],
    ['151,67', 9100],
    ['151.67', 9100],
    ['151,666667', 9100],
    ['7,5', 450],
    ['7.5', 450],
    ['7,5 h', 450],
    ['7,5 heures', 450],
    ['35', 2100],
    ['0', 0],
    ['0,01', 1],
    ['1 234,5', 74070],
    ['1\u202f234,5', 74070],
    ['1.234,5', 74070],
    ['1,234.5', 74070],
    ['+12', 720],
    [151.67, 9100],
    [7.5, 450],
    [0, 0],
  ])('« %s » → %i minutes', (input, minutes) => {
    expect(value(parseHours(input))).toBe(minutes);
  });

  it.each([null, undefined, '', '   '])('cellule vide (%j) → rien', (input) => {
    expect(parseHours(input)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['-3', 'négatif'],
    ['- 7,5', 'négatif'],
    [-1, 'négatif'],
    ['151:75', 'inférieures à 60'],
    ['abc', 'n’est pas un nombre d’heures'],
    ['7,5,3', 'n’est pas un nombre d’heures'],
    ['12/03', 'n’est pas un nombre d’heures'],
    ['9999999', 'trop grand'],
    [Number.NaN, 'illisible'],
  ])('« %s » → message en français (%s)', (input, fragment) => {
    const parsed = parseHours(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(fragment);
  });
});

describe('montants saisis → centimes', () => {
  it.each([
    ['40 000,00', 4_000_000],
    ['40000', 4_000_000],
    ['1 234,56 €', 123_456],
    ['1.234,56 EUR', 123_456],
    ['1234.56', 123_456],
    ['0,5', 50],
    [40000, 4_000_000],
    [12.345, 1235],
  ])('« %s » → %i centimes', (input, cents) => {
    expect(value(parseEuros(input))).toBe(cents);
  });

  it.each([['-10', 'négatif'], ['dix euros', 'n’est pas un montant'], [-5, 'négatif']])('« %s » → %s', (input, fragment) => {
    const parsed = parseEuros(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(fragment);
  });
});

describe('mois saisis → AAAA-MM', () => {
  it.each([
    ['2025-03', '2025-03'],
    ['2025/3', '2025-03'],
    ['2025-03-01', '2025-03'],
    ['2025-03-31T00:00:00', '2025-03'],
    ['03/2025', '2025-03'],
    ['3-2025', '2025-03'],
    ['01/03/2025', '2025-03'],
    ['31.03.2025', '2025-03'],
    ['03/25', '2025-03'],
    ['mars 2025', '2025-03'],
    ['Mars 2025', '2025-03'],
    ['mars-25', '2025-03'],
    ['févr. 2025', '2025-02'],
    ['FEVRIER 2025', '2025-02'],
    ['déc. 2024', '2024-12'],
    ['août 2025', '2025-08'],
    ['juil 2025', '2025-07'],
  ])('« %s » → %s', (input, month) => {
    expect(value(parseMonth(input))).toBe(month);
  });

  it.each(['2025-13', '13/2025', 'printemps 2025', '2025', 'mars', '1899-12'])('« %s » → refusé avec un exemple', (input) => {
    const parsed = parseMonth(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('n’est pas un mois');
  });
});

describe('texte libre', () => {
  it('retire les caractères de contrôle et les espaces autour', () => {
    expect(value(parseText('  heures sup\u0007 ', 100))).toBe('heures sup');
  });
  it('refuse un texte trop long', () => {
    expect(parseText('x'.repeat(501), 500).ok).toBe(false);
  });
});

describe('affichage dans les champs', () => {
  it.each([[9100, '151:40'], [450, '7:30'], [0, '0:00']])('%i minutes → « %s »', (minutes, text) => {
    expect(minutesToHoursInput(minutes)).toBe(text);
    expect(value(parseHours(text))).toBe(minutes);
  });
  it('centimes → euros avec une virgule', () => {
    expect(centsToEurosInput(4_000_050)).toBe('40000,50');
    expect(value(parseEuros(centsToEurosInput(4_000_050)))).toBe(4_000_050);
  });
});
