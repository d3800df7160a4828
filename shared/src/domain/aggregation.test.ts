import { describe, expect, it } from 'vitest';
import { rollUpByBuyer, summariseByContractor, summariseByCriterion, summariseByModality, type ClauseFigures, type ParticipantCriteria } from './aggregation.js';
import { h } from './test-factories.js';

const row = (overrides: Partial<ClauseFigures>): ClauseFigures => ({
  clauseId: 'c-1',
  lotId: 'lot-1',
  contractId: 'marche-1',
  operationId: 'operation-1',
  buyerId: 'acheteur-1',
  contractorId: 'entreprise-1',
  requiredMinutes: h(833),
  countedMinutes: h(900),
  status: 'met',
  missingPeriods: 0,
  ...overrides,
});

const rows: ClauseFigures[] = [
  row({}),
  row({ clauseId: 'c-2', lotId: 'lot-2', requiredMinutes: h(500), countedMinutes: h(100), status: 'at_risk', contractorId: 'entreprise-2' }),
  row({ clauseId: 'c-3', lotId: 'lot-3', contractId: 'marche-2', requiredMinutes: h(200), countedMinutes: h(150), status: 'on_track', missingPeriods: 1, contractorId: 'entreprise-2' }),
  row({ clauseId: 'c-4', lotId: 'lot-4', contractId: 'marche-3', operationId: null, buyerId: 'acheteur-2', requiredMinutes: h(100), countedMinutes: 0, status: 'not_started', contractorId: 'entreprise-3' }),
];

describe('agrégations pour les tableaux de bord', () => {
  it('lot → marché → opération → acheteur : les heures d’un marché sont la somme de ses lots', () => {
    const [buyer1, buyer2] = rollUpByBuyer(rows);
    expect([buyer1?.id, buyer1?.requiredMinutes, buyer1?.countedMinutes]).toEqual(['acheteur-1', h(1533), h(1150)]);
    const contract1 = buyer1?.children[0]?.children.find((node) => node.id === 'marche-1');
    expect([contract1?.requiredMinutes, contract1?.children.map((lot) => lot.id)]).toEqual([h(1333), ['lot-1', 'lot-2']]);
    expect(buyer2?.children[0]).toEqual(expect.objectContaining({ level: 'operation', id: null }));
  });

  it('un excédent sur un lot ne masque pas le manque d’un autre (C11)', () => {
    const contract1 = rollUpByBuyer(rows)[0]?.children[0]?.children.find((node) => node.id === 'marche-1');
    expect([contract1?.surplusMinutes, contract1?.shortfallMinutes, contract1?.countedTowardsRequiredMinutes]).toEqual([h(67), h(400), h(933)]);
    expect(contract1?.progress).toBe(0.6999);
    expect(contract1?.statusCounts).toEqual(expect.objectContaining({ met: 1, at_risk: 1 }));
  });

  it.each([
    ['entreprise-1', false, []],
    ['entreprise-2', true, [['c-2', 'at_risk'], ['c-3', 'late_declarations']]],
    ['entreprise-3', false, []],
  ])('titulaire %s signalé : %s', (contractorId, flagged, flags) => {
    const summary = summariseByContractor(rows).find((item) => item.contractorId === contractorId);
    expect(summary?.flagged).toBe(flagged);
    expect(summary?.flags.map((flag) => [flag.clauseId, flag.reason])).toEqual(flags);
  });

  it('par modalité, avec la part de chacune', () => {
    const totals = summariseByModality([
      { byModality: [{ modality: 'direct_hire', countedMinutes: h(758) }, { modality: 'etti', countedMinutes: h(120) }] },
      { byModality: [{ modality: 'siae_subcontract', countedMinutes: h(90) }, { modality: 'etti', countedMinutes: h(32) }] },
    ]);
    expect(totals.filter((item) => item.countedMinutes > 0).map((item) => [item.modality, item.countedMinutes / 60, item.share])).toEqual([
      ['direct_hire', 758, 0.758],
      ['etti', 152, 0.152],
      ['siae_subcontract', 90, 0.09],
    ]);
    expect(totals[0]?.label).toBe('Embauche directe');
  });

  it('par critère : les cellules de moins de 5 personnes sont masquées, et la suivante aussi quand une seule l’est', () => {
    const people: ParticipantCriteria[] = [
      ...Array.from({ length: 7 }, (_, index) => ({ participantId: `rsa-${index}`, criteria: ['RSA' as const], countedMinutes: h(100) })),
      ...Array.from({ length: 6 }, (_, index) => ({ participantId: `qpv-${index}`, criteria: ['QPV' as const, 'JEUNE' as const], countedMinutes: h(50) })),
      { participantId: 'th-1', criteria: ['TH'], countedMinutes: h(80) },
      { participantId: 'th-2', criteria: ['TH'], countedMinutes: h(80) },
    ];
    const breakdown = summariseByCriterion(people);
    expect(breakdown.cells.map((cell) => [cell.code, cell.participants, cell.suppressed])).toEqual([
      ['JEUNE', null, true],
      ['QPV', 6, false],
      ['RSA', 7, false],
      ['TH', null, true],
    ]);
    expect([breakdown.totalParticipants, breakdown.totalCountedMinutes / 60]).toEqual([15, 1160]);
  });

  it('par critère : une personne présente sur deux clauses n’est comptée qu’une fois', () => {
    const breakdown = summariseByCriterion(
      Array.from({ length: 5 }, (_, index) => [
        { participantId: `p-${index}`, criteria: ['RSA' as const], countedMinutes: h(10) },
        { participantId: `p-${index}`, criteria: ['RSA' as const], countedMinutes: h(20) },
      ]).flat(),
    );
    expect(breakdown.cells).toEqual([expect.objectContaining({ code: 'RSA', participants: 5, countedMinutes: h(150), suppressed: false })]);
  });
});
