import { describe, expect, it } from 'vitest';
import { formatSiret, isValidSiret, siretSchema } from './siret.js';

describe('SIRET (clé de Luhn)', () => {
  it.each([
    ['Département du Lot (démo)', '22460001400019', true],
    ['clé fausse', '22460001400018', false],
    ['La Poste, règle de la somme divisible par 5', '35600000004165', true],
    ['La Poste, somme non divisible par 5', '35600000004166', false],
    ['La Poste, siège (Luhn)', '35600000000048', true],
    ['13 chiffres', '2246000140001', false],
    ['lettres', '2246000140001A', false],
    ['réel DECP invalide (FORMATS.md)', '42209542100023', false],
  ])('%s : %s → %s', (_label, siret, valid) => {
    expect(isValidSiret(siret)).toBe(valid);
  });

  it('accepte les espaces saisis et rend 14 chiffres', () => {
    expect(siretSchema.parse(' 224 600 014 00019 ')).toBe('22460001400019');
  });

  it('un seul message pour une longueur fausse', () => {
    const r = siretSchema.safeParse('123');
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['Le SIRET doit comporter 14 chiffres.']);
  });

  it('met en forme comme sur les documents', () => {
    expect(formatSiret('22460001400019')).toBe('224 600 014 00019');
  });
});
