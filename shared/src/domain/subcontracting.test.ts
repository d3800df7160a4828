import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countClauseHours } from './counting.js';
import { plainSpaces } from './format.js';
import { unwrap } from './result.js';
import { deliveriesByCompany, rollUpChain, type ChainMember, type ChainRollUpInput } from './subcontracting.js';
import { aClause, aDeclaration, aPlacement, aValidation, h } from './test-factories.js';

// The holder invited S1, who invited S2; the co-contractor K invited S3.
const chain: ChainMember[] = [
  { companyId: 'titulaire-1', role: 'holder', parentId: null },
  { companyId: 'st-1', role: 'subcontractor', parentId: 'titulaire-1' },
  { companyId: 'st-2', role: 'subcontractor', parentId: 'st-1' },
  { companyId: 'cotraitant-k', role: 'co_contractor', parentId: null },
  { companyId: 'st-3', role: 'subcontractor', parentId: 'cotraitant-k' },
];
const deliveries = [
  { companyId: 'titulaire-1', countedMinutes: h(400) },
  { companyId: 'st-1', countedMinutes: h(100) },
  { companyId: 'st-2', countedMinutes: h(40) },
  { companyId: 'cotraitant-k', countedMinutes: h(150) },
  { companyId: 'st-3', countedMinutes: h(10) },
];

describe('chaîne de sous-traitance — heures remontées au titulaire (C13, decisions.md §15)', () => {
  const rollUp = unwrap(rollUpChain({ chain, deliveries }));
  const node = (id: string) => rollUp.nodes.find((candidate) => candidate.companyId === id);

  it.each([
    ['titulaire : ses 400 h + 100 h de st-1 + 40 h de st-2 (sous-traitant de st-1)', 'titulaire-1', h(400), h(540), ['titulaire-1']],
    ['st-1 : ses 100 h + les 40 h de son propre sous-traitant', 'st-1', h(100), h(140), ['titulaire-1', 'st-1']],
    ['st-2, au deuxième rang : remonte à st-1 puis au titulaire', 'st-2', h(40), h(40), ['titulaire-1', 'st-1', 'st-2']],
    ['cotraitant K : ses 150 h + 10 h de st-3', 'cotraitant-k', h(150), h(160), ['cotraitant-k']],
  ])('%s', (_label, id, delivered, rolledUp, path) => {
    expect(node(id)).toEqual(expect.objectContaining({ deliveredMinutes: delivered, rolledUpMinutes: rolledUp, path, topId: path[0] }));
  });

  it('les heures du lot sont la somme de ce que chaque entreprise a réalisé, et disent qui les a réalisées', () => {
    expect(rollUp.lotCountedMinutes).toBe(h(700));
    expect(plainSpaces(rollUp.explanation)).toBe(
      '700 h comptées : 400 h par titulaire-1, 100 h par st-1 (sous-traitant de titulaire-1), 40 h par st-2 (sous-traitant de st-1), 150 h par cotraitant-k, 10 h par st-3 (sous-traitant de cotraitant-k).',
    );
  });

  it('une entreprise sans heure comptée figure avec 0 h', () => {
    const withoutS2 = unwrap(rollUpChain({ chain, deliveries: deliveries.filter((row) => row.companyId !== 'st-2') }));
    expect(withoutS2.nodes.find((candidate) => candidate.companyId === 'st-2')).toEqual(expect.objectContaining({ deliveredMinutes: 0, rolledUpMinutes: 0 }));
  });

  it.each<[string, Partial<ChainRollUpInput>, string, string]>([
    ['sous-traitant invité deux fois', { chain: [...chain, { companyId: 'st-1', role: 'subcontractor', parentId: 'titulaire-1' }] }, 'duplicate_member', 'chain.5.companyId'],
    ['donneur d’ordre hors de la chaîne', { chain: [...chain, { companyId: 'st-9', role: 'subcontractor', parentId: 'inconnu' }] }, 'unknown_parent', 'chain.5.parentId'],
    ['sous-traitant sans donneur d’ordre', { chain: [...chain, { companyId: 'st-9', role: 'subcontractor', parentId: null }] }, 'subcontractor_without_parent', 'chain.5.parentId'],
    [
      'chaîne qui tourne en rond',
      { chain: [chain[0] as ChainMember, { companyId: 'a', role: 'subcontractor', parentId: 'b' }, { companyId: 'b', role: 'subcontractor', parentId: 'a' }], deliveries: [] },
      'chain_cycle',
      'chain.1.parentId',
    ],
    ['pas de titulaire', { chain: chain.slice(3), deliveries: [] }, 'no_holder', 'chain'],
    ['heures d’une entreprise hors de la chaîne', { deliveries: [{ companyId: 'autre', countedMinutes: 60 }] }, 'unknown_company', 'deliveries.0.companyId'],
  ])('mauvaise entrée : %s → %s', (_label, overrides, code, path) => {
    const result = rollUpChain({ chain, deliveries, ...overrides });
    expect(result.ok ? [] : result.violations.map((item) => [item.code, item.path])).toContainEqual([code, path]);
  });

  it('propriété : chaque tête de branche reçoit exactement les heures de sa branche, et leur somme est celle du lot', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: h(500) }), { minLength: chain.length, maxLength: chain.length }), (minutes) => {
        const rows = chain.map((member, index) => ({ companyId: member.companyId, countedMinutes: minutes[index] ?? 0 }));
        const result = unwrap(rollUpChain({ chain, deliveries: rows }));
        const tops = result.nodes.filter((candidate) => candidate.parentId === null);
        expect(tops.reduce((sum, top) => sum + top.rolledUpMinutes, 0)).toBe(result.lotCountedMinutes);
        expect(result.lotCountedMinutes).toBe(minutes.reduce((sum, value) => sum + value, 0));
      }),
    );
  });
});

describe('chaîne de sous-traitance — depuis le comptage de la clause', () => {
  const placements = [aPlacement(), aPlacement({ id: 'mp-st', participantId: 'p-2', employerId: 'st-1', employerRole: 'subcontractor' })];
  const count = (c13: boolean) =>
    unwrap(
      countClauseHours({
        clause: aClause({ rules: { counting: { c13: { enabled: c13 } } } }),
        placements,
        declarations: [aDeclaration({ workedMinutes: h(100) }), aDeclaration({ id: 'd-st', placementId: 'mp-st', workedMinutes: h(60) })],
        eligibilityValidations: [aValidation(), aValidation({ id: 'v-2', participantId: 'p-2' })],
      }),
    );
  const companyOf = new Map([
    ['mp-1', 'titulaire-1'],
    ['mp-st', 'st-1'],
  ]);
  const rolled = (c13: boolean) => {
    const { deliveries: rows, unattributedMinutes } = deliveriesByCompany(count(c13).counted, companyOf);
    expect(unattributedMinutes).toBe(0);
    return unwrap(rollUpChain({ chain: chain.slice(0, 2), deliveries: rows }));
  };

  it('C13 retenue : les 60 h du sous-traitant remontent au titulaire, en le nommant', () => {
    const result = rolled(true);
    expect(result.nodes.map((node) => [node.companyId, node.deliveredMinutes, node.rolledUpMinutes])).toEqual([
      ['titulaire-1', h(100), h(160)],
      ['st-1', h(60), h(60)],
    ]);
    expect(result.lotCountedMinutes).toBe(count(true).countedMinutes);
  });

  it('C13 non retenue : le sous-traitant n’a aucune heure comptée, rien ne remonte', () => {
    expect(rolled(false).nodes.map((node) => node.rolledUpMinutes)).toEqual([h(100), 0]);
  });

  it('une tranche sans mise en poste connue est rendue à part, jamais perdue', () => {
    expect(deliveriesByCompany(count(true).counted, new Map([['mp-1', 'titulaire-1']])).unattributedMinutes).toBe(h(60));
  });
});
