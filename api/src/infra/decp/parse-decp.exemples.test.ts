/** Official fictitious examples of the schemas 1.5 and 2.0 (139bercy/format-commande-publique, Unlicense). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDecp } from './parse-decp.js';
import type { DecpContract, DecpParseResult } from './types.js';

const fixture = (path: string): Buffer => readFileSync(new URL(`../../../../tests/fixtures/decp/${path}`, import.meta.url));

type Parsed = Extract<DecpParseResult, { ok: true }>;

function parse(path: string): Parsed {
  const result = parseDecp(fixture(path));
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** What a contract says independently of its id, title and later modifications. */
function asNotified(c: DecpContract): Partial<DecpContract> {
  const { buyerSiret, nature, procedure, frameworkAgreement, cpv, notifiedOn, initialAmountCents, initialDurationMonths } = c;
  const { initialHolders, subcontractors, place, socialConsiderations, hasInsertionClause, reserved } = c;
  return {
    buyerSiret, nature, procedure, frameworkAgreement, cpv, notifiedOn, initialAmountCents, initialDurationMonths,
    initialHolders, subcontractors, place, socialConsiderations, hasInsertionClause, reserved,
  };
}

describe('exemples officiels v2 (2022)', () => {
  it.each([
    { file: 'exemples-v2/json/marches_avec_modifications.json', format: 'decp-2022-json', contracts: ['TEST2022Bis'], concessions: 0 },
    { file: 'exemples-v2/json/marches_concessions.json', format: 'decp-2022-json', contracts: ['TEST2022Bis'], concessions: 2 },
    { file: 'exemples-v2/json/concessions.json', format: 'decp-2022-json', contracts: [], concessions: 2 },
    { file: 'exemples-v2/xml/Marche.xml', format: 'decp-2022-xml', contracts: ['TEST2022'], concessions: 0 },
  ])('$file → $format, marchés $contracts, $concessions concessions ignorées', ({ file, format, contracts, concessions }) => {
    const result = parse(file);
    expect(result.format).toBe(format);
    expect(result.contracts.map((c) => c.sourceId)).toEqual(contracts);
    expect(result.concessionsIgnored).toBe(concessions);
  });

  it('JSON : TEST2022 est écarté car le SIRET d’acheteur de l’exemple (21750001630066) a une clé invalide', () => {
    expect(parse('exemples-v2/json/marches_avec_modifications.json').issues).toEqual([
      { index: 0, sourceId: 'TEST2022', field: 'acheteur.id', reason: 'SIRET de l’acheteur invalide : « 21750001630066 »' },
    ]);
  });

  it('XML : le second <marche>, identique au premier, est signalé comme republication', () => {
    const [issue] = parse('exemples-v2/xml/Marche.xml').issues;
    expect(issue).toMatchObject({ index: 1, sourceId: 'TEST2022', field: 'id' });
    expect(issue?.reason).toMatch(/^identifiant en double dans le fichier : .*\(republication\)$/);
  });

  it('JSON et XML donnent le même marché tel que notifié, considérations sociales comprises', () => {
    const fromJson = parse('exemples-v2/json/marches_avec_modifications.json').contracts[0];
    const fromXml = parse('exemples-v2/xml/Marche.xml').contracts[0];
    if (!fromJson || !fromXml) throw new Error('marché absent');
    expect(asNotified(fromXml)).toEqual(asNotified(fromJson));
    expect(fromXml).toMatchObject({
      buyerSiret: '21750001630040',
      buyerName: null,
      nature: 'Marché',
      procedure: "Appel d'offres ouvert",
      frameworkAgreement: true, // techniques : Concours, Accord-cadre
      cpv: '45000000',
      notifiedOn: '2024-05-15',
      initialAmountCents: 57500000,
      initialDurationMonths: 48,
      place: { typeCode: 'Code postal', code: '75000' },
      socialConsiderations: ['Clause sociale', 'Critère social'],
      hasInsertionClause: true,
      reserved: false,
      initialHolders: [{ idType: 'SIRET', id: '55204599900869', name: null, siretValid: true }],
      subcontractors: [{ idType: 'SIRET', id: '214356', name: null, siretValid: false }],
    });
  });

  it('JSON : la modification n° 1 remplace montant, durée et titulaire ; le SIRET à 15 chiffres est gardé mais signalé', () => {
    const c = parse('exemples-v2/json/marches_avec_modifications.json').contracts[0];
    expect(c).toMatchObject({
      amountCents: 12345787,
      durationMonths: 12,
      holders: [{ idType: 'SIRET', id: '868768687576575', name: null, siretValid: false }],
      modifications: [{ order: 1, notifiedOn: '2022-10-18', amountCents: 12345787, durationMonths: 12 }],
      warnings: ['SIRET du sous-traitant invalide : « 214356 »', 'modification n° 1 : SIRET du titulaire invalide : « 868768687576575 »'],
    });
  });

  it('JSON : l’index suit l’ordre du fichier, concessions comprises (elles viennent en premier)', () => {
    expect(parse('exemples-v2/json/marches_concessions.json').contracts[0]?.index).toBe(3);
  });
});

describe('exemples officiels 1.5 (2019)', () => {
  it.each([
    { file: 'exemples-v1.5/json/mar-basique.json', format: 'decp-2019-json', indexes: [0], concessions: 0 },
    { file: 'exemples-v1.5/json/mar-avec-modifications.json', format: 'decp-2019-json', indexes: [0], concessions: 0 },
    { file: 'exemples-v1.5/json/cc-basique.json', format: 'decp-2019-json', indexes: [], concessions: 1 },
    { file: 'exemples-v1.5/json/paquet.json', format: 'decp-2019-json', indexes: [0], concessions: 1 },
    { file: 'exemples-v1.5/xml/mar-basique.xml', format: 'decp-2019-xml', indexes: [0], concessions: 0 },
    { file: 'exemples-v1.5/xml/mar-avec-modifications.xml', format: 'decp-2019-xml', indexes: [0], concessions: 0 },
    { file: 'exemples-v1.5/xml/paquet.xml', format: 'decp-2019-xml', indexes: [2, 3], concessions: 2 },
  ])('$file → $format, marchés aux index $indexes, $concessions concessions', ({ file, format, indexes, concessions }) => {
    const result = parse(file);
    expect(result.format).toBe(format);
    expect(result.contracts.map((c) => c.index)).toEqual(indexes);
    expect(result.concessionsIgnored).toBe(concessions);
    expect(result.issues).toEqual([]);
  });

  it('le marché de base se lit à l’identique en JSON et en XML (racine <marche>)', () => {
    const fromJson = parse('exemples-v1.5/json/mar-basique.json').contracts[0];
    const fromXml = parse('exemples-v1.5/xml/mar-basique.xml').contracts[0];
    expect(fromXml).toEqual(fromJson);
    expect(fromJson).toMatchObject({
      key: '21350238800019|2010345211200|81223113200026|2007-08-13',
      buyerName: 'Ville de Rennes',
      nature: 'Accord-cadre',
      frameworkAgreement: true,
      notifiedOn: '2007-08-13', // "2007-08-13+02:00" dans le JSON
      amountCents: 12700000,
      durationMonths: 24,
      place: { typeCode: 'Code commune', code: '35238' },
      holders: [
        { idType: 'SIRET', id: '81223113200026', name: 'Garami SARL', siretValid: true },
        { idType: 'TVA', id: 'DE814864138', name: 'Hellman Gmbh', siretValid: false },
      ],
      socialConsiderations: [],
      modifications: [],
      warnings: [],
    });
  });

  it('JSON : le changement de titulaire remplace la liste ; la clé garde le premier titulaire initial', () => {
    const c = parse('exemples-v1.5/json/mar-avec-modifications.json').contracts[0];
    expect(c?.key).toBe('21350238800019|2010345211201|81223113200026|2007-08-13');
    expect(c?.holders.map((h) => h.name)).toEqual(['Garami SARL', 'Amandier SA']);
    expect(c?.initialHolders.map((h) => h.name)).toEqual(['Garami SARL', 'Hellman Gmbh']);
  });

  it('XML : les modifications sans id sont appliquées par date de notification, même si le fichier les range autrement', () => {
    const c = parse('exemples-v1.5/xml/mar-avec-modifications.xml').contracts[0];
    expect(c?.modifications.map((m) => [m.order, m.notifiedOn])).toEqual([
      [1, '2008-05-22'],
      [2, '2008-07-20'],
      [3, '2008-11-02'],
    ]);
    expect(c?.durationMonths).toBe(30);
    expect(c?.holders.map((h) => h.name)).toEqual(['Garami SARL', 'Amandier SA']);
    expect(c?.warnings).toContain('modifications appliquées dans l’ordre de leurs dates de notification, différent de l’ordre du fichier');
  });
});
