import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countClauseHours } from './counting.js';
import { plainSpaces } from './format.js';
import { allocatePooledHours, diffPoolingAllocations, poolableMinutes, type PoolableRow, type PoolingInput, type PoolingTerms } from './pooling.js';
import { unwrap } from './result.js';
import type { InsertionClause, PoolingAgreement } from './schemas.js';
import { aClause, aDeclaration, aPlacement, aValidation, h } from './test-factories.js';

// One company, three clauses with pooling (C10) on: A is 100 h ahead, B is at 50 %, C at 25 %.
const withPooling = { counting: { c10: { enabled: true } } };
const clauses: InsertionClause[] = [
  aClause({ id: 'clause-A', lotId: 'lot-A', requiredMinutes: h(200), rules: withPooling }),
  aClause({ id: 'clause-B', lotId: 'lot-B', requiredMinutes: h(300), rules: withPooling }),
  aClause({ id: 'clause-C', lotId: 'lot-C', requiredMinutes: h(200), rules: withPooling }),
];
const placements = [
  aPlacement({ id: 'mp-A', participantId: 'p-A', clauseId: 'clause-A', lotId: 'lot-A' }),
  aPlacement({ id: 'mp-B', participantId: 'p-B', clauseId: 'clause-B', lotId: 'lot-B' }),
  aPlacement({ id: 'mp-C', participantId: 'p-C', clauseId: 'clause-C', lotId: 'lot-C' }),
];
const declarations = [
  aDeclaration({ id: 'dA-1', placementId: 'mp-A', month: '2025-01', workedMinutes: h(150) }),
  aDeclaration({ id: 'dA-2', placementId: 'mp-A', month: '2025-02', workedMinutes: h(150), submittedAt: '2025-03-05' }),
  aDeclaration({ id: 'dB-1', placementId: 'mp-B', month: '2025-01', workedMinutes: h(150) }),
  aDeclaration({ id: 'dC-1', placementId: 'mp-C', month: '2025-01', workedMinutes: h(50) }),
];
const validations = ['p-A', 'p-B', 'p-C'].map((participantId) => aValidation({ id: `v-${participantId}`, participantId }));

const countOn = (clause: InsertionClause, agreements: PoolingAgreement[] = []) =>
  unwrap(countClauseHours({ clause, placements, declarations, eligibilityValidations: validations, poolingAgreements: agreements }));
// Counted per declaration without the agreement, as the API would pass it.
const counted: PoolableRow[] = clauses.flatMap((clause) => poolableMinutes(countOn(clause)));
const terms = (overrides: Partial<PoolingTerms> = {}): PoolingTerms => ({
  id: 'convention-1',
  contractorId: 'titulaire-1',
  clauseIds: ['clause-A', 'clause-B', 'clause-C'],
  startDate: '2025-01-01',
  endDate: '2025-12-31',
  policy: 'most_behind_first',
  ...overrides,
});
const allocate = (overrides: Partial<PoolingTerms> = {}, input: Partial<PoolingInput> = {}) => unwrap(allocatePooledHours({ terms: terms(overrides), clauses, counted, ...input }));

describe('mutualisation (C10) — une heure mutualisée va à la clause la plus en retard (exemple chiffré, decisions.md §15)', () => {
  const outcome = allocate();

  it('les 100 h d’excédent de A vont à C (25 %), avant B (50 %) ; affectées depuis la déclaration la plus récente', () => {
    expect(outcome.allocations).toEqual([{ declarationId: 'dA-2', month: '2025-02', fromClauseId: 'clause-A', clauseId: 'clause-C', minutes: h(100) }]);
    expect(outcome.clauses.map((clause) => [clause.clauseId, clause.countedBeforeMinutes, clause.countedAfterMinutes])).toEqual([
      ['clause-A', h(300), h(200)],
      ['clause-B', h(150), h(150)],
      ['clause-C', h(50), h(150)],
    ]);
    expect(plainSpaces(outcome.transfers[0] ?? '')).toBe('100 h de la clause clause-A vers la clause clause-C (la plus en retard : 25 % de ses heures requises).');
  });

  it('le comptage de chaque clause avec la convention trouve les mêmes chiffres : l’heure déplacée compte une fois (C12)', () => {
    const after = clauses.map((clause) => countOn(clause, [outcome.agreement]).countedMinutes);
    expect(after).toEqual([h(200), h(150), h(150)]);
    expect(after.reduce((sum, minutes) => sum + minutes, 0)).toBe(h(500));
    const pooledSlice = countOn(clauses[2] as InsertionClause, [outcome.agreement]).counted.find((slice) => slice.source === 'pooling');
    expect(pooledSlice).toEqual(expect.objectContaining({ pooledFromClauseId: 'clause-A', declarationId: 'dA-2', minutes: h(100) }));
  });

  it('règle « ordre de la convention » : B, deuxième de la liste, reçoit les 100 h', () => {
    expect(allocate({ policy: 'ordered' }).allocations.map((allocation) => [allocation.clauseId, allocation.minutes])).toEqual([['clause-B', h(100)]]);
  });

  it('la plus en retard est remplie jusqu’à ses heures requises, puis la suivante', () => {
    const big = allocate({}, { counted: counted.map((row) => (row.declarationId === 'dA-1' ? { ...row, countedMinutes: h(400) } : row)) });
    // A: 550 h for 200 h → 350 h of surplus: 150 h make C whole, then 150 h make B whole; A keeps 50 h of surplus.
    expect(big.clauses.map((clause) => [clause.clauseId, clause.receivedMinutes, clause.countedAfterMinutes])).toEqual([
      ['clause-A', 0, h(250)],
      ['clause-B', h(150), h(300)],
      ['clause-C', h(150), h(200)],
    ]);
  });

  it('répartition explicite de l’acheteur : 40 h vers B et 60 h vers C', () => {
    const explicit = allocate({ policy: 'explicit', transfers: [{ fromClauseId: 'clause-A', toClauseId: 'clause-B', minutes: h(40) }, { fromClauseId: 'clause-A', toClauseId: 'clause-C', minutes: h(60) }] });
    expect(explicit.clauses.map((clause) => clause.countedAfterMinutes)).toEqual([h(200), h(190), h(110)]);
  });

  it('aucune clause n’a d’excédent : aucune affectation (sans convention, l’excédent n’est que signalé, C11)', () => {
    expect(allocate({}, { counted: counted.filter((row) => row.declarationId !== 'dA-2') }).allocations).toEqual([]);
  });

  it('seuls les mois entiers dans les dates de la convention se déplacent', () => {
    const onlyJanuary = allocate({ endDate: '2025-01-31' });
    expect(onlyJanuary.allocations.map((allocation) => [allocation.declarationId, allocation.minutes])).toEqual([['dA-1', h(100)]]);
  });

  it('fin de la convention avant tout mois entier : les affectations disparaissent, A et C sont à recalculer', () => {
    const ended = allocate({ endDate: '2025-01-15' });
    const changes = diffPoolingAllocations(outcome.allocations, ended.allocations);
    expect([changes.removed.length, changes.added.length, changes.touchedClauseIds]).toEqual([1, 0, ['clause-A', 'clause-C']]);
    expect(clauses.map((clause) => countOn(clause, [ended.agreement]).countedMinutes)).toEqual([h(300), h(150), h(50)]);
  });

  it('changement de règle (ordre de la convention) : B gagne, C perd, les trois clauses sont à recalculer', () => {
    expect(diffPoolingAllocations(outcome.allocations, allocate({ policy: 'ordered' }).allocations).touchedClauseIds).toEqual(['clause-A', 'clause-B', 'clause-C']);
  });

  it('une entreprise sans convention ne voit aucun changement : comptage identique sans affectation', () => {
    expect(clauses.map((clause) => countOn(clause).countedMinutes)).toEqual([h(300), h(150), h(50)]);
  });
});

describe('mutualisation — mauvaises entrées', () => {
  it.each<[string, Partial<PoolingTerms>, Partial<PoolingInput>, string, string]>([
    ['transfert au-delà de l’excédent (120 h pour 100 h)', { policy: 'explicit', transfers: [{ fromClauseId: 'clause-A', toClauseId: 'clause-C', minutes: h(120) }] }, {}, 'allocation_above_surplus', 'terms.transfers'],
    ['transfert d’une clause sans excédent', { policy: 'explicit', transfers: [{ fromClauseId: 'clause-B', toClauseId: 'clause-C', minutes: h(1) }] }, {}, 'allocation_above_surplus', 'terms.transfers'],
    ['clause d’une autre entreprise', {}, { clauses: clauses.map((clause) => (clause.id === 'clause-B' ? { ...clause, contractorId: 'autre' } : clause)) }, 'clause_of_another_company', 'terms.clauseIds.1'],
    ['clause sans mutualisation (C10)', {}, { clauses: clauses.map((clause) => (clause.id === 'clause-C' ? aClause({ id: 'clause-C', requiredMinutes: h(200) }) : clause)) }, 'pooling_disabled', 'terms.clauseIds.2'],
    ['clause inconnue', { clauseIds: ['clause-A', 'clause-Z'] }, {}, 'unknown_clause', 'terms.clauseIds.1'],
    ['une seule clause', { clauseIds: ['clause-A'] }, {}, 'pooling_needs_two_clauses', 'terms.clauseIds'],
    ['fin avant le début', { endDate: '2024-12-31' }, {}, 'inverted_dates', 'terms.endDate'],
    ['répartition explicite sans transfert', { policy: 'explicit' }, {}, 'missing_parameter', 'terms.transfers'],
    ['transfert d’une clause vers elle-même', { policy: 'explicit', transfers: [{ fromClauseId: 'clause-A', toClauseId: 'clause-A', minutes: 60 }] }, {}, 'transfer_to_itself', 'terms.transfers.0.toClauseId'],
    ['heures d’une clause hors de la convention', { clauseIds: ['clause-A', 'clause-B'] }, {}, 'unknown_clause', 'counted.3.clauseId'],
  ])('%s → %s', (_label, overrides, input, code, path) => {
    const result = allocatePooledHours({ terms: terms(overrides), clauses, counted, ...input });
    expect(result.ok ? [] : result.violations.map((item) => [item.code, item.path])).toContainEqual([code, path]);
  });
});

describe('mutualisation — propriétés', () => {
  const scenario = fc.record({
    required: fc.array(fc.integer({ min: 1, max: h(400) }), { minLength: 2, maxLength: 4 }),
    rows: fc.array(fc.record({ clause: fc.nat(3), month: fc.integer({ min: 1, max: 12 }), minutes: fc.integer({ min: 0, max: h(150) }) }), { maxLength: 12 }),
    policy: fc.constantFrom<'most_behind_first' | 'ordered'>('most_behind_first', 'ordered'),
  });

  it('jamais comptée deux fois : le total ne change pas, une clause ne cède que son excédent, une clause ne reçoit que ce qui lui manque', () => {
    fc.assert(
      fc.property(scenario, ({ required, rows, policy }) => {
        const ids = required.map((_, index) => `c${index}`);
        const own = required.map((minutes, index) => aClause({ id: ids[index], requiredMinutes: minutes, rules: withPooling }));
        const countedRows = rows.map((row, index) => ({
          declarationId: `d${index}`,
          clauseId: ids[row.clause % ids.length] as string,
          month: `2025-${String(row.month).padStart(2, '0')}`,
          countedMinutes: row.minutes,
        }));
        const result = unwrap(allocatePooledHours({ terms: terms({ clauseIds: ids, policy }), clauses: own, counted: countedRows }));
        const total = (key: 'countedBeforeMinutes' | 'countedAfterMinutes') => result.clauses.reduce((sum, clause) => sum + clause[key], 0);
        expect(total('countedAfterMinutes')).toBe(total('countedBeforeMinutes'));
        for (const clause of result.clauses) {
          expect(clause.givenMinutes).toBeLessThanOrEqual(Math.max(0, clause.countedBeforeMinutes - clause.requiredMinutes));
          expect(clause.receivedMinutes).toBeLessThanOrEqual(Math.max(0, clause.requiredMinutes - clause.countedBeforeMinutes));
          expect(clause.givenMinutes === 0 || clause.receivedMinutes === 0).toBe(true);
        }
        for (const row of countedRows) {
          const moved = result.allocations.filter((allocation) => allocation.declarationId === row.declarationId).reduce((sum, allocation) => sum + allocation.minutes, 0);
          expect(moved).toBeLessThanOrEqual(row.countedMinutes);
        }
      }),
    );
  });
});
