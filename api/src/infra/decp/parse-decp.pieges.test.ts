/** Every pitfall of FORMATS.md §1.4 on small synthetic records (fictitious SIRETs with valid keys). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDecp } from './parse-decp.js';
import type { DecpContract, DecpIssue, DecpParseResult } from './types.js';

const fixture = (path: string): Buffer => readFileSync(new URL(`../../../../tests/fixtures/decp/${path}`, import.meta.url));

type Parsed = Extract<DecpParseResult, { ok: true }>;

function parsed(content: Buffer | string): Parsed {
  const result = parseDecp(content);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

const BUYER = '21000000000013';
const HOLDER_A = '40000000000010';
const HOLDER_B = '40000000000028';

/** A valid 2022 record; each case overrides a field or two. */
function marche(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '2024T01',
    acheteur: { id: BUYER },
    nature: 'Marché',
    objet: 'Nettoyage des locaux',
    codeCPV: '90910000-9',
    procedure: 'Procédure adaptée',
    lieuExecution: { code: '75056', typeCode: 'Code commune' },
    dureeMois: 24,
    dateNotification: '2024-03-01',
    montant: 100000,
    titulaires: [{ titulaire: { typeIdentifiant: 'SIRET', id: HOLDER_A } }],
    considerationsSociales: { considerationSociale: ['Clause sociale'] },
    modifications: [],
    ...overrides,
  };
}

const v2 = (...records: unknown[]): string => JSON.stringify({ marches: { marche: records } });

function single(content: Buffer | string): DecpContract {
  const result = parsed(content);
  expect(result.issues).toEqual([]);
  expect(result.contracts).toHaveLength(1);
  return result.contracts[0] as DecpContract;
}

function onlyIssue(content: Buffer | string): DecpIssue {
  const result = parsed(content);
  expect(result.contracts).toEqual([]);
  expect(result.issues).toHaveLength(1);
  return result.issues[0] as DecpIssue;
}

describe('encodage et caractères', () => {
  it('la marque d’ordre d’octets UTF-8 est ignorée', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(single(Buffer.concat([bom, Buffer.from(v2(marche()))])).sourceId).toBe('2024T01');
  });

  it('les caractères de contrôle ASCII sont retirés avant lecture (ils rendraient le JSON invalide)', () => {
    const text = v2(marche({ objet: 'Nettoyage@des locaux' })).replace('@', '\u0001\u0008') + '\u000b';
    expect(text.includes('\u0001')).toBe(true);
    expect(single(text).object).toBe('Nettoyagedes locaux');
  });

  it('un U+FFFD dans l’objet donne un avertissement, pas une erreur', () => {
    const c = single(v2(marche({ objet: 'R\uFFFDhabilitation' })));
    expect(c.object).toBe('R\uFFFDhabilitation');
    expect(c.warnings).toEqual(['accents abîmés à la source (U+FFFD) dans l’objet']);
  });

  it('des octets qui ne sont pas de l’UTF-8 deviennent U+FFFD et sont signalés', () => {
    const [before, after] = v2(marche({ objet: 'R@habilitation' })).split('@');
    const c = single(Buffer.concat([Buffer.from(before ?? ''), Buffer.from([0xe9]), Buffer.from(after ?? '')]));
    expect(c.object).toBe('R\uFFFDhabilitation');
    expect(c.warnings).toContain('accents abîmés à la source (U+FFFD) dans l’objet');
  });

  it('un fichier UTF-16 avec marque d’ordre d’octets est lu', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(v2(marche({ objet: 'Réfection' })), 'utf16le')]);
    expect(single(utf16).object).toBe('Réfection');
  });

  it('un XML déclaré ISO-8859-1 garde ses accents', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><marches><marche><id>X1</id><acheteur><id>${BUYER}</id></acheteur>
      <objet>Réfection de la chaussée</objet><dateNotification>2024-03-01</dateNotification><montant>1000</montant><dureeMois>3</dureeMois>
      <titulaires><titulaire><typeIdentifiant>SIRET</typeIdentifiant><id>${HOLDER_A}</id></titulaire></titulaires></marche></marches>`;
    expect(single(Buffer.from(xml, 'latin1')).object).toBe('Réfection de la chaussée');
  });

  it('NaN écrit par pandas (JSON non standard) est lu comme une valeur absente', () => {
    const text = v2(marche({ origineUE: '@' })).replace('"@"', 'NaN');
    expect(text).toContain('"origineUE":NaN');
    expect(single(text).sourceId).toBe('2024T01');
  });
});

describe('champs bloquants : l’enregistrement est écarté', () => {
  it.each([
    ['date de notification absente', { dateNotification: undefined }, 'dateNotification', 'date de notification manquante'],
    ['année 0222', { dateNotification: '0222-04-29' }, 'dateNotification', 'date de notification hors de la plage 2000–2100 : « 0222-04-29 »'],
    ['date en toutes lettres', { dateNotification: 'September, 16 2021 00:00:00' }, 'dateNotification', 'date de notification illisible : « September, 16 2021 00:00:00 »'],
    ['montant « NC »', { montant: 'NC' }, 'montant', 'montant non communiqué : « NC »'],
    ['montant nul', { montant: 0 }, 'montant', 'montant nul ou négatif : « 0 »'],
    ['montant 1.0E17', { montant: '1.0E17' }, 'montant', 'montant aberrant (plus de 11 chiffres avant la virgule) : « 1.0E17 »'],
    ['montant absent', { montant: undefined }, 'montant', 'montant manquant'],
    ['SIRET d’acheteur invalide', { acheteur: { id: '21000000000014' } }, 'acheteur.id', 'SIRET de l’acheteur invalide : « 21000000000014 »'],
    ['acheteur absent', { acheteur: undefined }, 'acheteur.id', 'SIRET de l’acheteur manquant'],
    ['identifiant absent', { id: undefined }, 'id', 'identifiant du marché manquant'],
    [
      'SIRET de titulaire invalide',
      { titulaires: [{ titulaire: { typeIdentifiant: 'SIRET', id: '42209542100023' } }] },
      'titulaires',
      'SIRET du titulaire invalide : « 42209542100023 »',
    ],
    ['SIRET de titulaire à 13 chiffres, type absent', { titulaires: [{ id: '3883430500028' }] }, 'titulaires', 'SIRET du titulaire invalide : « 3883430500028 »'],
    ['aucun titulaire', { titulaires: [] }, 'titulaires', 'aucun titulaire lisible'],
  ])('%s', (_, overrides, field, reason) => {
    const issue = onlyIssue(v2(marche(overrides)));
    expect(issue).toEqual({ index: 0, sourceId: field === 'id' ? null : '2024T01', field, reason });
  });

  it('toutes les raisons d’un même enregistrement sont données ensemble', () => {
    const result = parsed(v2(marche({ montant: 'NC', dateNotification: undefined })));
    expect(result.issues.map((i) => i.field)).toEqual(['dateNotification', 'montant']);
  });

  it('un élément de liste qui n’est pas un objet est écarté', () => {
    expect(onlyIssue(JSON.stringify({ marches: ['texte'] }))).toEqual({
      index: 0,
      sourceId: null,
      field: 'enregistrement',
      reason: 'enregistrement illisible : ce n’est pas un objet',
    });
  });
});

describe('valeurs lues avec souplesse', () => {
  it.each([
    ['montant « 12 345,67 »', { montant: '12 345,67' }, { amountCents: 1234567 }],
    ['montant en chaîne', { montant: '57379.41' }, { amountCents: 5737941 }],
    ['date PES avec fuseau', { dateNotification: '2018-12-17+01:00' }, { notifiedOn: '2018-12-17' }],
    ['durée « NC »', { dureeMois: 'NC' }, { durationMonths: null, warnings: ['durée non communiquée : « NC »'] }],
    ['SIRET d’acheteur entouré d’espaces', { acheteur: { id: ` ${BUYER} ` } }, { buyerSiret: BUYER }],
    ['acheteur aplati (« acheteur.id »)', { acheteur: undefined, 'acheteur.id': BUYER, 'acheteur.nom': 'Commune' }, { buyerSiret: BUYER, buyerName: 'Commune' }],
    ['CPV à 7 chiffres', { codeCPV: '9000000' }, { cpv: '09000000' }],
    ['type de lieu en capitales', { lieuExecution: { code: '75', typeCode: 'CODE DEPARTEMENT' } }, { place: { typeCode: 'Code département', code: '75' } }],
    ['considérations en texte séparé par des virgules', { considerationsSociales: 'Clause sociale, Critère social' }, { socialConsiderations: ['Clause sociale', 'Critère social'], hasInsertionClause: true }],
    ['« Sans objet » (decp.info)', { considerationsSociales: { considerationSociale: ['Sans objet'] } }, { socialConsiderations: ['Pas de considération sociale'], hasInsertionClause: false }],
    ['critère social seul', { considerationsSociales: { considerationSociale: 'Critère social' } }, { hasInsertionClause: true, reserved: false }],
    ['marché réservé', { considerationsSociales: { considerationSociale: ['Marché réservé'] } }, { hasInsertionClause: false, reserved: true }],
    ['accord-cadre en technique (2022)', { techniques: { technique: ['Accord-cadre'] } }, { frameworkAgreement: true }],
    ['accord-cadre en nature (2019)', { nature: 'ACCORD-CADRE' }, { nature: 'Accord-cadre', frameworkAgreement: true }],
    ['procédure hors nomenclature gardée telle quelle', { procedure: 'Procédure négociée avec mise en concurrence préalable' }, { procedure: 'Procédure négociée avec mise en concurrence préalable' }],
  ])('%s', (_, overrides, expected) => {
    expect(single(v2(marche(overrides)))).toMatchObject(expected);
  });

  it.each([
    ['TVA', 'DE814864138'],
    ['HORS-UE', 'CH-123.4.567.890-1'],
    ['TVA_INTRACOMMUNAUTAIRE', 'BE0123456789'],
    ['FRWF', '123456'],
  ])('un titulaire %s est gardé (siretValid false) ; seul, il demande un rapprochement manuel', (idType, id) => {
    const c = single(v2(marche({ titulaires: [{ titulaire: { typeIdentifiant: idType, id } }] })));
    expect(c.holders).toEqual([{ idType, id, name: null, siretValid: false }]);
    expect(c.key).toBe(`${BUYER}|2024T01|${id}|2024-03-01`);
    expect(c.warnings).toEqual(['aucun titulaire identifié par un SIRET : rapprochement manuel nécessaire']);
  });

  it('un titulaire illisible est ignoré avec un avertissement quand un autre est lisible', () => {
    const c = single(v2(marche({ titulaires: [{ titulaire: 'id' }, { titulaire: { typeIdentifiant: 'SIRET', id: HOLDER_A } }] })));
    expect(c.holders.map((h) => h.id)).toEqual([HOLDER_A]);
    expect(c.warnings).toEqual(['titulaire illisible ignoré']);
  });

  it('un montant « NC » dans une modification est ignoré avec un avertissement', () => {
    const c = single(v2(marche({ modifications: [{ modification: { id: 1, montant: 'NC', dureeMois: 30, dateNotificationModification: '2024-06-01' } }] })));
    expect(c).toMatchObject({ amountCents: 10000000, durationMonths: 30, initialDurationMonths: 24 });
    expect(c.warnings).toEqual(['modification n° 1 : montant non communiqué : « NC » (valeur ignorée)']);
  });
});

describe('fichier synthétique au format 2019 (tests/fixtures/decp/synthetiques/pieges-2019.json)', () => {
  const result = parsed(fixture('synthetiques/pieges-2019.json'));

  it('garde 3 marchés, ignore 1 concession et écarte 8 enregistrements', () => {
    expect(result.format).toBe('decp-2019-json');
    expect(result.contracts.map((c) => c.index)).toEqual([0, 2, 11]);
    expect(result.concessionsIgnored).toBe(1);
    expect(result.issues.map((i) => [i.index, i.field])).toEqual([
      [3, 'dateNotification'],
      [4, 'dateNotification'],
      [5, 'montant'],
      [6, 'montant'],
      [7, 'acheteur.id'],
      [8, 'titulaires'],
      [9, 'id'],
      [10, 'id'],
    ]);
  });

  it('acheteur aplati, montant « 12 345,67 », durée « NC », titulaires en tableaux imbriqués dans la modification', () => {
    expect(result.contracts[0]).toMatchObject({
      key: `${BUYER}|2019SYN01|${HOLDER_A}|2019-03-01`,
      buyerName: 'Commune fictive de Champ-Bas',
      nature: 'Accord-cadre',
      cpv: '09000000',
      initialAmountCents: 1234567,
      amountCents: 1500000,
      durationMonths: null,
      initialHolders: [{ idType: 'SIRET', id: HOLDER_A, name: 'Entreprise fictive A', siretValid: true }],
      holders: [{ idType: 'SIRET', id: HOLDER_B, name: 'Entreprise fictive B', siretValid: true }],
      warnings: ['durée non communiquée : « NC »'],
    });
  });

  it('modification enveloppée à la mode 2022 dans un enregistrement 2019, titulaire étranger, objet abîmé', () => {
    expect(result.contracts[1]).toMatchObject({
      durationMonths: 18,
      initialDurationMonths: 12,
      modifications: [{ order: 1, notifiedOn: '2019-09-10', durationMonths: 18, amountCents: null, holders: null }],
      holders: [{ idType: 'TVA_INTRACOMMUNAUTAIRE', id: 'BE0123456789', siretValid: false }],
      warnings: ['aucun titulaire identifié par un SIRET : rapprochement manuel nécessaire', 'accents abîmés à la source (U+FFFD) dans l’objet'],
    });
  });

  it('même identifiant : republication et conflit de lot écartés, lot d’un autre titulaire gardé', () => {
    expect(result.issues[6]?.reason).toMatch(/\(republication\)$/);
    expect(result.issues[7]?.reason).toMatch(/un autre montant/);
    expect(result.contracts[2]?.key).toBe(`${BUYER}|2019SYN01|40000000000044|2019-03-01`);
  });
});

describe('fichier synthétique au format 2022 (pieges-2022.json)', () => {
  const result = parsed(fixture('synthetiques/pieges-2022.json'));

  it('concession en premier comptée, montant 1e17 écarté', () => {
    expect(result.concessionsIgnored).toBe(1);
    expect(result.contracts.map((c) => c.index)).toEqual([1, 3]);
    expect(result.issues).toEqual([
      { index: 2, sourceId: '2024SYN02', field: 'montant', reason: 'montant aberrant (plus de 11 chiffres avant la virgule) : « 100000000000000000 »' },
    ]);
  });

  it('titulaires enveloppés ou non, modifications rangées par id, titulaires de modification illisibles ignorés', () => {
    expect(result.contracts[0]).toMatchObject({
      socialConsiderations: ['Critère social', 'Clause sociale'],
      hasInsertionClause: true,
      frameworkAgreement: true,
      place: { typeCode: 'Code commune', code: '2A004' },
      holders: [{ id: HOLDER_A }, { id: HOLDER_B }],
      subcontractors: [{ idType: 'SIRET', id: '40000000000036', name: null, siretValid: true }],
      modifications: [
        { order: 1, durationMonths: 14, amountCents: null, holders: null },
        { order: 2, durationMonths: null, amountCents: 13000050, holders: null },
      ],
      durationMonths: 14,
      amountCents: 13000050,
      warnings: ['modification n° 1 : titulaire illisible ignoré'],
    });
  });

  it('considération sociale seule (chaîne) « Marché réservé », La Poste siège, titulaire TVA', () => {
    expect(result.contracts[1]).toMatchObject({
      reserved: true,
      hasInsertionClause: false,
      durationMonths: null,
      holders: [
        { idType: 'TVA', id: 'ESB12345674', siretValid: false },
        { idType: 'SIRET', id: '35600000000048', siretValid: true },
      ],
    });
  });
});

describe('fichier synthétique XML 2022 (pieges-2022.xml)', () => {
  const result = parsed(fixture('synthetiques/pieges-2022.xml'));

  it('listes à un élément, entités, virgule décimale, concession intercalée', () => {
    expect(result.format).toBe('decp-2022-xml');
    expect(result.concessionsIgnored).toBe(1);
    expect(result.issues).toEqual([]);
    expect(result.contracts.map((c) => c.index)).toEqual([0, 2]);
    expect(result.contracts[0]).toMatchObject({
      buyerSiret: BUYER,
      object: 'Rénovation de l\'école & du préau',
      place: { typeCode: 'Code postal', code: '03120' },
      socialConsiderations: ['Clause sociale'],
      frameworkAgreement: false,
      initialAmountCents: 12783512,
      amountCents: 12455746,
      durationMonths: 20,
      holders: [{ id: HOLDER_B }],
      initialHolders: [{ id: HOLDER_A }],
      modifications: [{ order: 1, notifiedOn: '2025-04-08' }],
      warnings: [],
    });
    expect(result.contracts[1]).toMatchObject({
      notifiedOn: '2024-05-15',
      socialConsiderations: ['Critère social', 'Marché réservé'],
      hasInsertionClause: true,
      reserved: true,
      holders: [{ idType: 'SIRET', siretValid: true }, { idType: 'HORS-UE', siretValid: false }],
    });
  });
});
