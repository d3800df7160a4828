import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainSpaces } from './format.js';
import { creditGoodFaithEfforts, type JobNeedRecord } from './good-faith.js';
import { decidePenalty } from './notices.js';
import { computePenalties, type PenaltyInput } from './penalties.js';
import { unwrap } from './result.js';
import type { PenaltyModel } from './schemas.js';
import { h } from './test-factories.js';

// One position of 35 h for 4 weeks, requested on Monday 3 March 2025: answer delay until 18 March.
const aNeed = (overrides: Partial<JobNeedRecord> = {}): JobNeedRecord => ({
  id: 'besoin-1',
  requestedOn: '2025-03-03',
  weeklyMinutes: h(35),
  durationWeeks: 4,
  headcount: 1,
  proposals: [],
  ...overrides,
});
const proposal = (status: JobNeedRecord['proposals'][number]['status'], proposedOn = '2025-03-10', participantId = 'p-1') => ({ participantId, proposedOn, status });
const credit = (needs: JobNeedRecord[], today = '2025-04-01', answerDelayDays = 15) =>
  unwrap(creditGoodFaithEfforts({ needs, rules: { answerDelayDays, deductFromShortfall: true }, today }));

describe('efforts de bonne foi — crédit d’heures par besoin de recrutement (decisions.md §15)', () => {
  it.each<[string, Partial<JobNeedRecord>, string, number]>([
    ['aucun candidat proposé dans les 15 jours → 140 h créditées', {}, 'credited_no_candidate', h(140)],
    ['candidat proposé après le délai et refusé → crédit (le délai n’a pas été tenu)', { proposals: [proposal('declined', '2025-03-25')] }, 'credited_no_candidate', h(140)],
    ['2 postes, 1 personne proposée à temps et recrutée → le poste restant est crédité', { headcount: 2, proposals: [proposal('accepted')] }, 'credited_all_hired', h(140)],
    ['proposition retirée par le facilitateur : comme jamais faite', { proposals: [proposal('withdrawn')] }, 'credited_no_candidate', h(140)],
  ])('%s', (_label, overrides, outcome, minutes) => {
    const result = credit([aNeed(overrides)]);
    expect(result.needs[0]).toEqual(expect.objectContaining({ outcome, creditedMinutes: minutes }));
    expect(result.creditedMinutes).toBe(minutes);
  });

  it.each<[string, Partial<JobNeedRecord>, string, string?]>([
    ['candidat proposé à temps et non recruté → aucun crédit', { proposals: [proposal('declined')] }, 'candidate_not_hired'],
    ['l’un recruté, l’autre refusé, tous deux proposés à temps → aucun crédit', { headcount: 2, proposals: [proposal('accepted'), proposal('declined', '2025-03-11', 'p-2')] }, 'candidate_not_hired'],
    ['personne proposée à temps et recrutée : poste pourvu, rien à créditer', { proposals: [proposal('accepted')] }, 'filled'],
    ['proposée en retard mais recrutée : ses heures comptent, pas de crédit en plus', { proposals: [proposal('accepted', '2025-03-25')] }, 'filled'],
    ['proposition sans réponse de l’entreprise', { proposals: [proposal('proposed')] }, 'awaiting_answer'],
    ['le délai de réponse court encore (18 mars)', {}, 'awaiting_proposal', '2025-03-18'],
  ])('%s', (_label, overrides, outcome, today) => {
    const result = credit([aNeed(overrides)], today);
    expect(result.needs[0]?.outcome).toBe(outcome);
    expect(result.creditedMinutes).toBe(0);
  });

  it('le délai de réponse est un paramètre de la clause (30 jours : la proposition du 25 mars est à temps)', () => {
    expect(credit([aNeed({ proposals: [proposal('declined', '2025-03-25')] })], '2025-05-01', 30).needs[0]?.outcome).toBe('candidate_not_hired');
  });

  it('l’explication cite les chiffres', () => {
    expect(plainSpaces(credit([aNeed()]).needs[0]?.explanation ?? '')).toBe(
      'Besoin du 03/03/2025 : aucun candidat proposé avant le 18/03/2025 ; 1 poste non pourvu × 35 h × 4 semaines = 140 h d’efforts de bonne foi.',
    );
  });

  it('mauvaise entrée : nombre de postes négatif → negative_number', () => {
    const result = creditGoodFaithEfforts({ needs: [aNeed({ headcount: -1 })], today: '2025-04-01' });
    expect(result.ok ? [] : result.violations.map((item) => [item.code, item.path])).toEqual([['negative_number', 'needs.0.headcount']]);
  });
});

const perHour: PenaltyModel = { model: 'per_hour', rateCents: 3000 };
// decisions.md §10: 833 h requises, 610 h comptées → 223 h manquantes; 1 000 000 € HT, SMIC read on 31 March 2025.
const penalty = (overrides: Partial<PenaltyInput>, models: PenaltyModel[] = [perHour]) =>
  unwrap(
    computePenalties({ penalties: { models, capRate: null }, requiredMinutes: h(833), countedMinutes: h(610), contractAmountCents: 100_000_000, assessmentDate: '2025-03-31', today: '2025-03-31', ...overrides }),
  );

describe('pénalité réduite par les efforts de bonne foi (exemple chiffré, decisions.md §15)', () => {
  const credited = credit([aNeed()]).creditedMinutes;

  it('223 h manquantes − 140 h d’efforts de bonne foi = 83 h × 30 €/h = 2 490 €, le crédit est une ligne de la formule', () => {
    const assessment = penalty({ goodFaith: { creditedMinutes: credited, deductFromShortfall: true } });
    expect([assessment.shortfallMinutes, assessment.totalCents]).toEqual([h(83), 249_000]);
    expect(plainSpaces(assessment.formula)).toBe(
      'Manque retenu : 833 h requises − 610 h comptées − 140 h d’efforts de bonne foi = 83 h ; 83 h × 30,00 €/h = 2 490,00 €',
    );
    expect(assessment.goodFaith).toEqual(expect.objectContaining({ creditedMinutes: h(140), deducted: true, shortfallBeforeCreditMinutes: h(223) }));
  });

  it('la clause ne déduit pas les efforts : 6 690 € inchangés, le crédit est montré sans être appliqué', () => {
    const assessment = penalty({ goodFaith: { creditedMinutes: credited, deductFromShortfall: false } });
    expect(assessment.totalCents).toBe(669_000);
    expect(plainSpaces(assessment.formula)).toBe('Efforts de bonne foi : 140 h, non déduits du manque (la clause ne le prévoit pas) ; 223 h × 30,00 €/h = 6 690,00 €');
  });

  it('efforts supérieurs au manque : manque retenu nul, aucune pénalité à l’heure', () => {
    expect(penalty({ goodFaith: { creditedMinutes: h(300) } }).totalCents).toBe(0);
  });

  it.each<[string, PenaltyModel, number]>([
    ['6 690 € sans crédit', perHour, 669_000],
    ['3 973,86 € sans crédit', { model: 'smic_indexed', coefficient: 1.5 }, 397_386],
  ])('sans effort de bonne foi, les exemples de §10 tiennent : %s', (_label, model, cents) => {
    for (const goodFaith of [undefined, null, { creditedMinutes: 0 }]) {
      const assessment = penalty({ goodFaith }, [model]);
      expect(assessment.totalCents).toBe(cents);
      expect(assessment).not.toHaveProperty('goodFaith');
    }
  });

  it('la décision de pénalité transmet le crédit', () => {
    const decision = decidePenalty({
      standing: { status: 'not_met', missingPeriods: 0, requiredMinutes: h(833), countedMinutes: h(610) },
      penalties: { models: [perHour], capRate: null },
      contractAmountCents: 100_000_000,
      notice: { kind: 'formal_notice', sentOn: '2026-03-01' },
      decidedOn: '2026-04-01',
      goodFaith: { creditedMinutes: h(140), deductFromShortfall: true },
    });
    expect(unwrap(decision).totalCents).toBe(249_000);
  });

  it('propriété : le crédit ne fait jamais monter la pénalité, et sans crédit rien ne change', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: h(1000) }), fc.integer({ min: 0, max: h(1000) }), fc.integer({ min: 0, max: h(500) }), (required, counted, credited) => {
        const without = penalty({ requiredMinutes: required, countedMinutes: counted });
        const withCredit = penalty({ requiredMinutes: required, countedMinutes: counted, goodFaith: { creditedMinutes: credited } });
        expect(withCredit.totalCents).toBeLessThanOrEqual(without.totalCents);
        expect(withCredit.shortfallMinutes).toBe(Math.max(0, required - counted - credited));
        if (credited === 0) expect(withCredit).toEqual(without);
      }),
    );
  });
});
