import { describe, expect, it } from 'vitest';
import { isUsableSiret, readHolder } from './siret.js';

describe('SIRET utilisables', () => {
  it.each([
    ['48013265300027', true],
    ['21750001630040', true],
    ['35600000000048', true], // siège de La Poste : clé de Luhn valide
    ['35600000000001', true], // autre établissement de La Poste : somme des chiffres multiple de 5
    ['42209542100023', false], // clé invalide (échantillon AIFE)
    ['3883430500028', false], // 13 chiffres
    ['301984563000678', false], // 15 chiffres
    ['00000000000000', false], // passe Luhn mais ne désigne personne
    ['DE814864138', false],
  ])('%s → %s', (siret, usable) => {
    expect(isUsableSiret(siret)).toBe(usable);
  });
});

describe('lecture d’un titulaire', () => {
  it.each([
    ['espaces autour', { typeIdentifiant: 'SIRET', id: ' 44189140500017 ' }, { idType: 'SIRET', id: '44189140500017', name: null, siretValid: true }],
    ['tabulation en tête', { typeIdentifiant: 'SIRET', id: '\t32359288100060' }, { idType: 'SIRET', id: '32359288100060', name: null, siretValid: true }],
    ['type absent = SIRET', { id: '48013265300027', denominationSociale: 'BEYER COUVERTURE' }, { idType: 'SIRET', id: '48013265300027', name: 'BEYER COUVERTURE', siretValid: true }],
    ['TVA', { typeIdentifiant: 'TVA', id: 'DE814864138' }, { idType: 'TVA', id: 'DE814864138', name: null, siretValid: false }],
    ['type hors nomenclature', { typeIdentifiant: 'tva_intracommunautaire', id: 'FR 12 345678901' }, { idType: 'TVA_INTRACOMMUNAUTAIRE', id: 'FR12345678901', name: null, siretValid: false }],
    ['SIRET invalide', { typeIdentifiant: 'SIRET', id: '42209542100023' }, { idType: 'SIRET', id: '42209542100023', name: null, siretValid: false }],
  ])('%s', (_, value, expected) => {
    expect(readHolder(value)).toEqual(expected);
  });

  it.each([['sans identifiant', { typeIdentifiant: 'SIRET' }], ['chaîne au lieu d’un objet', 'typeIdentifiant'], ['null', null]])(
    '%s → illisible',
    (_, value) => {
      expect(readHolder(value)).toBeNull();
    },
  );
});
