/** The four real 2019 files (Licence Ouverte 2.0, see tests/fixtures/decp/README.md). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDecp } from './parse-decp.js';
import type { DecpContract, DecpParseResult } from './types.js';

const fixture = (path: string): Buffer => readFileSync(new URL(`../../../../tests/fixtures/decp/${path}`, import.meta.url));

type Parsed = Extract<DecpParseResult, { ok: true }>;

function parse(file: string): Parsed {
  const result = parseDecp(fixture(`reel-2019/${file}`));
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** Issues grouped by field and by the fixed start of their reason (the offending value follows " : "). */
function issuesByReason(result: Parsed): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const issue of result.issues) {
    const key = `${issue.field} | ${issue.reason.split(' : ')[0]}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function find(result: Parsed, sourceId: string): DecpContract {
  const contract = result.contracts.find((c) => c.sourceId === sourceId);
  if (!contract) throw new Error(`${sourceId} absent`);
  return contract;
}

const DOUBLE = 'id | identifiant en double dans le fichier';

describe('fichiers réels 2019', () => {
  it.each([
    {
      file: 'decp-2019_e-marchespublics_2019-04-03_full.json',
      records: 470,
      contracts: 465,
      concessions: 0,
      issues: { [DOUBLE]: 5 },
    },
    {
      file: 'decp-2019_pes-dgfip_2019-04-05_sample.json',
      records: 150,
      contracts: 143,
      concessions: 0,
      issues: { 'montant | montant nul ou négatif': 2, [DOUBLE]: 5 },
    },
    {
      file: 'decp-2019_aife-etat_2019-04-04_sample.json',
      records: 150,
      contracts: 8,
      concessions: 4,
      issues: {
        'dateNotification | date de notification manquante': 132,
        'montant | montant nul ou négatif': 6,
        'titulaires | SIRET du titulaire invalide': 5,
        [DOUBLE]: 1,
      },
    },
    {
      file: 'decp-2019_marches-publics-info_2019-03-07_sample.json',
      records: 150,
      contracts: 128,
      concessions: 5,
      issues: { 'montant | montant nul ou négatif': 6, 'titulaires | SIRET du titulaire invalide': 6, [DOUBLE]: 5 },
    },
  ])('$file : $contracts marchés retenus sur $records enregistrements', ({ file, records, contracts, concessions, issues }) => {
    const result = parse(file);
    expect(result.format).toBe('decp-2019-json');
    expect(result.contracts).toHaveLength(contracts);
    expect(result.concessionsIgnored).toBe(concessions);
    expect(issuesByReason(result)).toEqual(issues);
    // Every record is accounted for: kept, skipped (possibly with several issues) or a concession.
    const skipped = new Set(result.issues.map((i) => i.index)).size;
    expect(contracts + skipped + concessions).toBe(records);
    expect(new Set(result.contracts.map((c) => c.key)).size).toBe(contracts);
    for (const c of result.contracts) {
      expect(c.notifiedOn).toMatch(/^20\d\d-\d\d-\d\d$/);
      expect(c.amountCents).toBeGreaterThan(0);
      expect(c.socialConsiderations).toEqual([]);
      expect(c.holders.length).toBeGreaterThan(0);
    }
  });

  it('PES : CA Haguenau 20191815201 passe de 50 273,41 € à 57 379,41 € par sa modification du 2019-02-15', () => {
    const c = find(parse('decp-2019_pes-dgfip_2019-04-05_sample.json'), '20191815201');
    expect(c).toMatchObject({
      key: '20006787400012|20191815201|48013265300027|2019-01-15',
      buyerSiret: '20006787400012',
      buyerName: 'CA HAGUENAU',
      notifiedOn: '2019-01-15', // "2019-01-15+01:00" dans la source
      cpv: '45261210',
      place: { typeCode: 'Code commune', code: '67067' },
      initialAmountCents: 5027341,
      amountCents: 5737941,
      initialDurationMonths: 3,
      durationMonths: 3,
      holders: [{ idType: 'SIRET', id: '48013265300027', name: 'BEYER COUVERTURE', siretValid: true }],
      modifications: [{ order: 1, notifiedOn: '2019-02-15', amountCents: 5737941, durationMonths: 3, holders: null }],
      warnings: [],
    });
  });

  it('marches-publics.info : Mairie de Rousset 2019MAPA28201801 passe de 13 216 € à 52 866 €', () => {
    const c = find(parse('decp-2019_marches-publics-info_2019-03-07_sample.json'), '2019MAPA28201801');
    expect(c).toMatchObject({
      buyerSiret: '21130087600011',
      buyerName: 'MAIRIE DE ROUSSET',
      notifiedOn: '2019-01-29',
      initialAmountCents: 1321600,
      amountCents: 5286600,
      durationMonths: 48,
      modifications: [{ order: 1, notifiedOn: '2019-01-29', amountCents: 5286600, durationMonths: null, holders: null }],
    });
  });

  it('PES : une republication (même clé, même montant, objet réencodé « l?air ») est signalée en double', () => {
    const result = parse('decp-2019_pes-dgfip_2019-04-05_sample.json');
    const republished = result.issues.find((i) => i.index === 139);
    expect(republished).toMatchObject({ field: 'id', sourceId: expect.any(String) });
    expect(republished?.reason).toMatch(/\(republication\)$/);
    expect(result.contracts.find((c) => c.index === 134)?.object).toContain('l?air');
  });

  it('e-marchespublics : un identifiant réutilisé pour des lots de titulaires différents donne des marchés distincts', () => {
    const result = parse('decp-2019_e-marchespublics_2019-04-03_full.json');
    const bySource = new Map<string, DecpContract[]>();
    for (const c of result.contracts) bySource.set(`${c.buyerSiret}|${c.sourceId}`, [...(bySource.get(`${c.buyerSiret}|${c.sourceId}`) ?? []), c]);
    const reused = [...bySource.values()].filter((list) => list.length > 1);
    expect(reused.length).toBeGreaterThan(0);
    for (const list of reused) expect(new Set(list.map((c) => c.key)).size).toBe(list.length);
  });

  it.each([
    { file: 'decp-2019_e-marchespublics_2019-04-03_full.json', clashes: [130, 229], republications: [242, 272, 273] },
    { file: 'decp-2019_marches-publics-info_2019-03-07_sample.json', clashes: [147, 149], republications: [144, 145, 148] },
    { file: 'decp-2019_pes-dgfip_2019-04-05_sample.json', clashes: [], republications: [131, 139, 143, 145, 147] },
    { file: 'decp-2019_aife-etat_2019-04-04_sample.json', clashes: [], republications: [125] },
  ])('$file : doubles distingués entre republications $republications et conflits de lots $clashes', ({ file, clashes, republications }) => {
    // A clash is a second lot won by the same holder on the same day under the same id: the key cannot separate them.
    const result = parse(file);
    expect(result.issues.filter((i) => i.reason.includes('un autre montant')).map((i) => i.index)).toEqual(clashes);
    expect(result.issues.filter((i) => i.reason.endsWith('(republication)')).map((i) => i.index)).toEqual(republications);
  });

  it('AIFE : les accents perdus à la source (U+FFFD) sont signalés sans bloquer', () => {
    const result = parse('decp-2019_aife-etat_2019-04-04_sample.json');
    const damaged = result.contracts.filter((c) => c.warnings.some((w) => w.startsWith('accents abîmés à la source (U+FFFD)')));
    expect(damaged.map((c) => c.sourceId)).toEqual(['2018iUQ7ABqV3200', '2018oEyJpxZk_R00', '2018Uszxi5NFxg00', '2018FwDSbBucG600']);
    expect(find(result, '2018Uszxi5NFxg00').warnings).toEqual(
      expect.arrayContaining(['accents abîmés à la source (U+FFFD) dans le nom de l’acheteur']),
    );
  });

  it('AIFE : les 4 enregistrements de test de l’acheteur « Essentiel » passent le contrôle SIRET et sont marqués « données de test probables »', () => {
    const result = parse('decp-2019_aife-etat_2019-04-04_sample.json');
    const essentiel = result.contracts.filter((c) => c.buyerName === 'Essentiel');
    expect(essentiel.map((c) => c.sourceId)).toEqual(['2015006519521300', '2010059374233801', '2018123456789100', '2018123456789100']);
    // Same id twice, but the first holder differs (TAHITI then SIRET): two keys.
    expect(essentiel[3]?.key).toBe('80128543800017|2018123456789100|587857001|2018-07-12');
    for (const c of essentiel) expect(c.warnings.some((w) => w.startsWith('données de test probables'))).toBe(true);
  });

  it('AIFE : le SIRET « \\t32359288100060 » (tabulation) est nettoyé, le titulaire « 00000000000000 » est refusé', () => {
    const result = parse('decp-2019_aife-etat_2019-04-04_sample.json');
    const tab = result.issues.filter((i) => i.sourceId === '2018pV7tPH4zeJ00');
    expect(tab.map((i) => i.field)).not.toContain('titulaires');
    const zeros = result.issues.filter((i) => i.sourceId === '2018KSGnyYUB6A00').map((i) => i.reason);
    expect(zeros).toContain('SIRET du titulaire invalide : « 00000000000000 »');
  });

  it('PES : les titulaires TVA ou HORS-UE sont gardés avec siretValid à false', () => {
    const result = parse('decp-2019_pes-dgfip_2019-04-05_sample.json');
    const foreign = result.contracts.flatMap((c) => c.holders).filter((h) => h.idType !== 'SIRET');
    expect(foreign.map((h) => h.idType).sort()).toEqual(['HORS-UE', 'HORS-UE', 'TVA', 'TVA', 'TVA', 'TVA', 'TVA', 'TVA']);
    expect(foreign.every((h) => !h.siretValid)).toBe(true);
  });
});
