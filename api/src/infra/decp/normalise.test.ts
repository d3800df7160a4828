import { describe, expect, it } from 'vitest';
import { readAmount, readCpv, readDate, readDuration, unwrapList } from './normalise.js';

describe('montants → centimes', () => {
  it.each([
    [50273.41, 5027341],
    [57379.41, 5737941],
    [13216, 1321600],
    ['12 345,67', 1234567],
    ['12\u00a0345,67 €', 1234567],
    ['1.234,5', 123450],
    ['1,234.5', 123450],
    ['48000.5', 4800050],
    [1.005, 101],
    ['99999999999.99', 9999999999999],
    ['1.5E3', 150000],
  ])('%j vaut %i centimes', (value, cents) => {
    expect(readAmount(value)).toEqual({ ok: true, cents });
  });

  it.each([
    [undefined, 'montant manquant'],
    ['', 'montant manquant'],
    ['NC', 'montant non communiqué'],
    ['n.c.', 'montant non communiqué'],
    [0, 'montant nul ou négatif'],
    [-10, 'montant nul ou négatif'],
    [0.001, 'montant nul ou négatif'],
    [1e17, 'montant aberrant (plus de 11 chiffres avant la virgule)'],
    ['1.0E17', 'montant aberrant (plus de 11 chiffres avant la virgule)'],
    ['123456789012', 'montant aberrant (plus de 11 chiffres avant la virgule)'],
    ['douze', 'montant illisible'],
    ['1,2,3', 'montant illisible'],
    [{ valeur: 1 }, 'montant illisible'],
  ])('%j est refusé : %s', (value, reason) => {
    const result = readAmount(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.split(' : ')[0]).toBe(reason);
  });
});

describe('dates de notification', () => {
  it.each([
    ['2019-01-15', '2019-01-15'],
    ['2018-12-17+01:00', '2018-12-17'],
    ['2024-05-15T00:00:00Z', '2024-05-15'],
    ['2000-01-01', '2000-01-01'],
    ['2100-12-31', '2100-12-31'],
  ])('%s → %s', (value, date) => {
    expect(readDate(value, 'date')).toEqual({ ok: true, date });
  });

  it.each([
    [undefined, 'date manquante'],
    ['  ', 'date manquante'],
    ['0222-04-29', 'date hors de la plage 2000–2100'],
    ['5021-02-18', 'date hors de la plage 2000–2100'],
    ['September, 16 2021 00:00:00', 'date illisible'],
    ['2019-02-30', 'date illisible'],
    ['15/01/2019', 'date illisible'],
  ])('%j est refusée : %s', (value, reason) => {
    const result = readDate(value, 'date');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.split(' : ')[0]).toBe(reason);
  });
});

describe('durées en mois', () => {
  it.each([
    [12, 12, null],
    ['48', 48, null],
    [2.5, 3, 'durée arrondie au mois supérieur'],
    ['NC', null, 'durée non communiquée'],
    [undefined, null, 'durée manquante'],
    [0, null, 'durée nulle ou négative'],
    ['douze', null, 'durée illisible'],
  ])('%j → %j', (value, months, warning) => {
    const result = readDuration(value);
    expect(result.months).toBe(months);
    expect(result.warning?.split(' : ')[0] ?? null).toBe(warning);
  });
});

describe('codes CPV', () => {
  it.each([
    ['45000000-7', '45000000'],
    ['77313000', '77313000'],
    ['9000000', '09000000'],
    [9132100, '09132100'],
    [' 50700000-2 ', '50700000'],
  ])('%j → %s', (value, code) => {
    expect(readCpv(value)).toEqual({ code, warning: null });
  });

  it.each([[undefined], ['4500'], ['CPV45000000']])('%j → null avec un avertissement', (value) => {
    const result = readCpv(value);
    expect(result.code).toBeNull();
    expect(result.warning).toMatch(/^code CPV (manquant|illisible)/);
  });
});

describe('listes sous toutes leurs formes', () => {
  const holder = { id: '1' };
  it.each([
    ['format 2022 JSON', [{ titulaire: holder }], [holder]],
    ['format 2019', [holder], [holder]],
    ['XML, un seul élément', { titulaire: holder }, [holder]],
    ['XML, plusieurs éléments', { titulaire: [holder, holder] }, [holder, holder]],
    ['tableaux imbriqués', [[[holder]]], [holder]],
    ['élément XML vide', '', []],
    ['absente', undefined, []],
    ['null', null, []],
    ['enveloppe vide de sens', [{ titulaire: 'id' }], ['id']],
  ])('%s', (_, value, expected) => {
    expect(unwrapList(value, 'titulaire')).toEqual(expected);
  });
});
