import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastCompletion } from './forecast.js';
import { plainSpaces } from './format.js';
import { comparePlanWithCounted, forecastWithPlan, type PlanInput, type PlanLine } from './insertion-plan.js';
import { unwrap } from './result.js';
import { aClause, h } from './test-factories.js';

const MONTHS = Array.from({ length: 12 }, (_, index) => `2025-${String(index + 1).padStart(2, '0')}`);
/** 70 h a month over 2025 (840 h for the 833 h required): 40 h of masonry hires and 30 h of painting by an ETTI. */
const steadyPlan: PlanLine[] = MONTHS.flatMap((month) => [
  { month, trade: 'maconnerie', modality: 'direct_hire', plannedMinutes: h(40) },
  { month, trade: 'peinture_interieure', modality: 'etti', plannedMinutes: h(30) },
]);
const counted = (hours: number[]) => hours.map((value, index) => ({ month: MONTHS[index] as string, countedMinutes: h(value) }));
const compare = (overrides: Partial<PlanInput> = {}) =>
  unwrap(comparePlanWithCounted({ clause: aClause(), plan: steadyPlan, countedByMonth: counted([60, 70, 50]), today: '2025-04-15', ...overrides }));

describe('plan d’insertion — prévu et compté, mois par mois', () => {
  it('au 15 avril (mars clos) : écart de chaque mois, cumuls, totaux par corps d’état et modalité', () => {
    const comparison = compare();
    expect(comparison.months.slice(0, 4).map((month) => [month.month, month.plannedMinutes, month.countedMinutes, month.gapMinutes, month.closed])).toEqual([
      ['2025-01', h(70), h(60), -h(10), true],
      ['2025-02', h(70), h(70), 0, true],
      ['2025-03', h(70), h(50), -h(20), true],
      ['2025-04', h(70), 0, -h(70), false],
    ]);
    expect([comparison.plannedTotalMinutes, comparison.countedTotalMinutes]).toEqual([h(840), h(180)]);
    expect(comparison.byTrade).toEqual([
      { trade: 'maconnerie', plannedMinutes: h(480) },
      { trade: 'peinture_interieure', plannedMinutes: h(360) },
    ]);
    expect(comparison.byModality).toEqual([
      { modality: 'direct_hire', plannedMinutes: h(480) },
      { modality: 'etti', plannedMinutes: h(360) },
    ]);
  });

  it('30 h de retard sur les mois clos : le plan n’atteint plus les 833 h (810 h au mieux) → signalé', () => {
    const comparison = compare();
    expect(comparison.reachableMinutes).toBe(h(180 + 9 * 70));
    expect(comparison.flags.map((flag) => flag.code)).toEqual(['plan_no_longer_reaches']);
    expect(plainSpaces(comparison.flags[0]?.message ?? '')).toBe(
      'Le plan n’atteint plus les heures requises : 810 h au mieux (comptées des mois clos et prévues ensuite) pour 833 h.',
    );
  });

  it('cas voisin : mois clos conformes au plan (840 h atteignables) → aucun signalement', () => {
    expect(compare({ countedByMonth: counted([70, 70, 70]) }).flags).toEqual([]);
  });

  it('cas voisin : retard d’un mois pas encore clos (avril) → pas encore signalé', () => {
    expect(compare({ countedByMonth: counted([70, 70, 70, 10]) }).flags).toEqual([]);
  });

  it('un plan de 60 h par mois ne prévoit que 720 h pour 833 h → signalé dès le départ', () => {
    const plan = MONTHS.map((month) => ({ month, trade: 'maconnerie', modality: 'direct_hire' as const, plannedMinutes: h(60) }));
    expect(compare({ plan, countedByMonth: [] }).flags.map((flag) => flag.code)).toEqual(['plan_below_required']);
  });

  it.each<[string, PlanLine[], string, string]>([
    ['mois après la fin de la clause', [{ month: '2026-01', trade: 'maconnerie', modality: 'direct_hire', plannedMinutes: h(10) }], 'plan_month_outside_contract', 'plan.0.month'],
    ['mois avant le début de la clause', [{ month: '2024-12', trade: 'maconnerie', modality: 'direct_hire', plannedMinutes: h(10) }], 'plan_month_outside_contract', 'plan.0.month'],
    ['deux lignes pour le même mois, corps d’état et modalité', [steadyPlan[0] as PlanLine, steadyPlan[0] as PlanLine], 'duplicate_plan_line', 'plan.1'],
    ['heures prévues négatives', [{ month: '2025-01', trade: 'maconnerie', modality: 'direct_hire', plannedMinutes: -60 }], 'negative_duration', 'plan.0.plannedMinutes'],
    ['modalité inconnue', [{ month: '2025-01', trade: 'maconnerie', modality: 'benevolat' as never, plannedMinutes: 60 }], 'invalid_value', 'plan.0.modality'],
  ])('mauvaise entrée : %s → %s', (_label, plan, code, path) => {
    const result = comparePlanWithCounted({ clause: aClause(), plan, countedByMonth: [], today: '2025-04-15' });
    expect(result.ok ? [] : result.violations.map((item) => [item.code, item.path])).toContainEqual([code, path]);
  });

  it('propriété : le cumul compté suit les heures comptées et l’atteignable ne descend jamais sous le compté des mois clos', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: 12 }), fc.integer({ min: 0, max: 364 }), (hours, offset) => {
        const today = new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
        const comparison = compare({ countedByMonth: counted(hours), today });
        expect(comparison.months.at(-1)?.cumulativeCountedMinutes).toBe(h(hours.reduce((sum, value) => sum + value, 0)));
        const closedCounted = comparison.months.filter((month) => month.closed).reduce((sum, month) => sum + month.countedMinutes, 0);
        expect(comparison.reachableMinutes).toBeGreaterThanOrEqual(closedCounted);
      }),
    );
  });
});

describe('plan d’insertion — la projection suit le plan tant que moins de trois mois sont clos', () => {
  // 10 h in January and February, then 90 h a month: 920 h planned.
  const backLoaded: PlanLine[] = MONTHS.map((month, index) => ({ month, trade: 'maconnerie', modality: 'direct_hire', plannedMinutes: h(index < 2 ? 10 : 90) }));
  const input = (today: string, hours = [10, 10]): PlanInput => ({ clause: aClause(), plan: backLoaded, countedByMonth: counted(hours), today });

  it('au 15 mars (2 mois clos) : d’après le plan, objectif atteint fin décembre — le rythme seul dirait « pas à ce rythme »', () => {
    const planned = unwrap(forecastWithPlan(input('2025-03-15')));
    expect([planned.basis, planned.closedMonths]).toEqual(['plan', 2]);
    expect(planned.forecast.outcome).toEqual({ kind: 'met_by', date: '2025-12-31' });
    expect(planned.forecast.projectedMinutesAtEnd).toBe(h(920));
    expect(plainSpaces(planned.forecast.message)).toBe('D’après le plan d’insertion (moins de 3 mois clos), l’objectif serait atteint en décembre 2025 ; projection à la fin : 920 h pour 833 h.');
    expect(unwrap(forecastCompletion({ clause: aClause(), countedByMonth: counted([10, 10]), today: '2025-03-15' })).outcome.kind).toBe('not_at_this_pace');
  });

  it('au 15 avril (3 mois clos) : la projection reprend le rythme des trois derniers mois', () => {
    const paced = unwrap(forecastWithPlan(input('2025-04-15', [10, 10, 90])));
    expect([paced.basis, paced.closedMonths]).toEqual(['pace', 3]);
    expect(paced.forecast).toEqual(unwrap(forecastCompletion({ clause: aClause(), countedByMonth: counted([10, 10, 90]), today: '2025-04-15' })));
  });

  it('un plan insuffisant : « l’objectif ne serait pas atteint »', () => {
    const short = unwrap(forecastWithPlan({ ...input('2025-03-15'), plan: backLoaded.map((line) => ({ ...line, plannedMinutes: h(10) })) }));
    expect(short.forecast.outcome).toEqual({ kind: 'not_at_this_pace', dateIfContinued: null });
  });

  it('sans plan : la projection au rythme habituel', () => {
    expect(unwrap(forecastWithPlan({ ...input('2025-03-15'), plan: [] })).basis).toBe('pace');
  });
});
