import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawControlSample, seededRandom, summariseCampaign, type ControlOutcomeRecord, type ControlSample, type SampleDrawInput } from './control-campaigns.js';
import { plainSpaces } from './format.js';
import { unwrap } from './result.js';
import { h } from './test-factories.js';

type Row = SampleDrawInput['population'][number];
// 40 validated declarations of January to June 2025 on two clauses, 35 h… 74 h each; d-07 carries a strong signal.
const population: Row[] = Array.from({ length: 40 }, (_, index) => ({
  declarationId: `d-${String(index).padStart(2, '0')}`,
  clauseId: index % 2 === 0 ? 'clause-1' : 'clause-2',
  month: `2025-0${(index % 6) + 1}`,
  status: 'validated' as const,
  minutes: h(35 + index),
  signalWeight: index === 7 ? 50 : 0,
}));
const campaign = (overrides: Partial<SampleDrawInput['campaign']> = {}): SampleDrawInput['campaign'] => ({
  id: 'campagne-1',
  method: 'random',
  seed: '2025-S1-acheteur',
  size: 5,
  from: '2025-01',
  to: '2025-06',
  clauseIds: ['clause-1', 'clause-2'],
  ...overrides,
});
const draw = (overrides: Partial<SampleDrawInput['campaign']> = {}, rows: Row[] = population) => unwrap(drawControlSample({ campaign: campaign(overrides), population: rows }));
const ids = (sample: ControlSample) => sample.lines.map((line) => line.declarationId);

describe('campagnes de contrôle — tirage reproductible', () => {
  it('même graine, même population dans un autre ordre : même échantillon ; autre graine : autre échantillon', () => {
    const first = draw();
    expect(ids(draw({}, [...population].reverse()))).toEqual(ids(first));
    expect(ids(draw({ seed: 'autre graine' }))).not.toEqual(ids(first));
    expect(new Set(ids(first)).size).toBe(5);
    expect(plainSpaces(first.explanation)).toBe('Tirage aléatoire de 5 déclarations parmi 40 validées de janvier 2025 à juin 2025 (graine « 2025-S1-acheteur »).');
  });

  it('seules les déclarations validées de la période forment la population', () => {
    const rows: Row[] = [...population, { ...population[0], declarationId: 'brouillon', status: 'draft' } as Row, { ...population[0], declarationId: 'juillet', month: '2025-07' } as Row];
    expect(draw({}, rows).populationSize).toBe(40);
    expect(draw({ from: '2025-02', to: '2025-02', size: 1 }).populationSize).toBe(7);
  });

  it('tirage pondéré par les signaux : la déclaration signalée est tirée bien plus souvent qu’au hasard', () => {
    const seeds = Array.from({ length: 200 }, (_, index) => `graine-${index}`);
    const hits = (method: 'random' | 'weighted') => seeds.filter((seed) => ids(draw({ seed, method })).includes('d-07')).length;
    // At random 5 of 40 → 12,5 %; weighted 51 against 39 → almost always.
    expect(hits('random')).toBeLessThan(50);
    expect(hits('weighted')).toBeGreaterThan(180);
  });

  it('tirage pondéré sans aucun signal : chaque déclaration a le même poids', () => {
    const unsignalled = population.map((row) => ({ ...row, signalWeight: 0 }));
    expect(draw({ method: 'weighted' }, unsignalled).lines.every((line) => line.weight === 1)).toBe(true);
  });

  it.each<[string, Partial<SampleDrawInput['campaign']>, Row[], string, string]>([
    ['échantillon plus grand que la population', { size: 41 }, population, 'sample_larger_than_population', 'campaign.size'],
    ['échantillon vide', { size: 0 }, population, 'empty_sample', 'campaign.size'],
    ['aucune déclaration validée sur la période', { from: '2024-01', to: '2024-12' }, population, 'sample_larger_than_population', 'campaign.size'],
    ['déclaration d’une clause hors de la campagne (autre acheteur)', {}, [...population, { ...(population[0] as Row), declarationId: 'étrangère', clauseId: 'clause-autre-acheteur' }], 'declaration_outside_campaign', 'population.40.clauseId'],
    ['déclaration en double', {}, [...population, population[0] as Row], 'duplicate_declaration', 'population.40.declarationId'],
    ['période inversée', { from: '2025-06', to: '2025-01' }, population, 'inverted_dates', 'campaign.to'],
  ])('refus : %s → %s', (_label, overrides, rows, code, path) => {
    const result = drawControlSample({ campaign: campaign(overrides), population: rows });
    expect(result.ok ? [] : result.violations.map((item) => [item.code, item.path])).toContainEqual([code, path]);
  });

  it('le refus d’un échantillon trop grand cite les chiffres', () => {
    const result = drawControlSample({ campaign: campaign({ size: 41 }), population });
    expect(result.ok ? '' : result.violations[0]?.message).toBe('Échantillon de 41 déclarations demandé, pour 40 déclarations validées de janvier 2025 à juin 2025.');
  });

  it('propriété : un échantillon a la taille demandée, sans doublon, pris dans la population', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom<'random' | 'weighted'>('random', 'weighted'), (seed, size, method) => {
        const sample = draw({ seed, size, method });
        expect(new Set(ids(sample)).size).toBe(size);
        expect(ids(sample).every((id) => population.some((row) => row.declarationId === id))).toBe(true);
        expect(ids(draw({ seed, size, method }))).toEqual(ids(sample));
      }),
    );
  });

  it('générateur déterministe : mêmes tirages pour la même graine, dans [0, 1[', () => {
    const a = seededRandom('x');
    const b = seededRandom('x');
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});

describe('campagnes de contrôle — résultats et bilan', () => {
  const drawn = draw();
  const sample = { ...drawn, lines: [...drawn.lines] };
  const [l1, l2, l3, l4] = sample.lines;
  const outcome = (overrides: Partial<ControlOutcomeRecord>): ControlOutcomeRecord => ({
    declarationId: l1?.declarationId ?? '',
    outcome: 'confirmed',
    correctedMinutes: null,
    reason: null,
    decidedOn: '2025-09-15',
    decidedBy: 'controleur-1',
    ...overrides,
  });
  const outcomes = [
    outcome({}),
    outcome({ declarationId: l2?.declarationId, outcome: 'corrected', correctedMinutes: (l2?.minutes ?? 0) - h(10), reason: 'Bulletin : 10 h de moins' }),
    outcome({ declarationId: l3?.declarationId, outcome: 'rejected', reason: 'Aucun justificatif fourni' }),
  ];

  it('bilan : taille, méthode, résultats, heures corrigées ; les corrections à appliquer au comptage', () => {
    const summary = unwrap(summariseCampaign({ sample, outcomes }));
    expect([summary.sampleSize, summary.populationSize, summary.method, summary.counts]).toEqual([5, 40, 'random', { confirmed: 1, corrected: 1, rejected: 1, pending: 2 }]);
    const rejected = l3?.minutes ?? 0;
    expect(summary.minutesCorrected).toBe(h(10) + rejected);
    expect(summary.minutesAfter).toBe(summary.minutesBefore - h(10) - rejected);
    expect(summary.corrections).toEqual([
      { declarationId: l2?.declarationId, outcome: 'corrected', fromMinutes: l2?.minutes, toMinutes: (l2?.minutes ?? 0) - h(10), reason: 'Bulletin : 10 h de moins' },
      { declarationId: l3?.declarationId, outcome: 'rejected', fromMinutes: rejected, toMinutes: 0, reason: 'Aucun justificatif fourni' },
    ]);
    expect(plainSpaces(summary.explanation)).toMatch(/^5 déclarations contrôlées sur 40 \(tirage aléatoire, graine « 2025-S1-acheteur »\) : 1 confirmée, 1 corrigée, 1 rejetée, 2 en attente ; \d+ h corrigées/);
  });

  it.each<[string, ControlOutcomeRecord[], string, string]>([
    ['correction sans heures', [outcome({ outcome: 'corrected', reason: 'x' })], 'corrected_minutes_required', 'outcomes.0.correctedMinutes'],
    ['correction qui ne change rien', [outcome({ outcome: 'corrected', correctedMinutes: l1?.minutes, reason: 'x' })], 'correction_without_change', 'outcomes.0.correctedMinutes'],
    ['rejet sans motif', [outcome({ outcome: 'rejected', reason: '  ' })], 'reason_required', 'outcomes.0.reason'],
    ['déclaration hors de l’échantillon', [outcome({ declarationId: 'hors-échantillon' })], 'not_in_sample', 'outcomes.0.declarationId'],
    ['deux résultats pour une ligne', [outcome({}), outcome({ outcome: 'rejected', reason: 'x' })], 'duplicate_outcome', 'outcomes.1.declarationId'],
    ['heures corrigées négatives', [outcome({ outcome: 'corrected', correctedMinutes: -1, reason: 'x' })], 'negative_duration', 'outcomes.0.correctedMinutes'],
  ])('refus : %s → %s', (_label, rows, code, path) => {
    const result = summariseCampaign({ sample, outcomes: rows });
    expect(result.ok ? [] : result.violations.map((item) => [item.code, item.path])).toContainEqual([code, path]);
  });

  it('une correction à la hausse compte aussi dans les heures corrigées', () => {
    const up = unwrap(summariseCampaign({ sample, outcomes: [outcome({ declarationId: l4?.declarationId, outcome: 'corrected', correctedMinutes: (l4?.minutes ?? 0) + h(5), reason: 'Heures oubliées' })] }));
    expect([up.minutesCorrected, up.minutesAfter - up.minutesBefore]).toEqual([h(5), h(5)]);
  });
});
