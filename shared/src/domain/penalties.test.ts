import { describe, expect, it } from 'vitest';
import { plainSpaces } from './format.js';
import { smicAt } from './parameters.js';
import { computePenalties, type PenaltyInput } from './penalties.js';
import { unwrap } from './result.js';
import type { PenaltyModel } from './schemas.js';
import { h } from './test-factories.js';

// decisions.md §10: 833 h requises, 610 h comptées → 223 h manquantes.
const base: PenaltyInput = {
  penalties: { models: [], capRate: null },
  requiredMinutes: h(833),
  countedMinutes: h(610),
  contractAmountCents: 100_000_000,
  assessmentDate: '2025-03-31',
  today: '2025-03-31',
};
const penalty = (models: PenaltyModel[], overrides: Partial<PenaltyInput> = {}) =>
  unwrap(computePenalties({ ...base, ...overrides, penalties: { models, capRate: overrides.penalties?.capRate ?? null } }));

describe('pénalités — exemples de decisions.md §10', () => {
  it.each<[string, PenaltyModel, number, string]>([
    ['30 € par heure manquante', { model: 'per_hour', rateCents: 3000 }, 669_000, '223 h × 30,00 €/h = 6 690,00 €'],
    [
      '1,5 × SMIC horaire (11,88 €)',
      { model: 'smic_indexed', coefficient: 1.5 },
      397_386,
      '223 h × 1,5 × 11,88 €/h (SMIC horaire brut en vigueur le 31/03/2025) = 3 973,86 €',
    ],
    ['effort d’insertion à 30 €/h', { model: 'effort', hourlyCostCents: 3000 }, 669_000, '223 h × 30,00 €/h (coût horaire de l’effort d’insertion) = 6 690,00 €'],
  ])('%s → %s', (_label, model, cents, formula) => {
    const assessment = penalty([model]);
    expect(assessment.shortfallMinutes).toBe(h(223));
    expect(assessment.totalCents).toBe(cents);
    expect(plainSpaces(assessment.formula)).toBe(formula);
  });

  it('les chiffres structurés accompagnent la formule', () => {
    expect(penalty([{ model: 'smic_indexed', coefficient: 1.5 }]).lines[0]?.figures).toEqual({
      shortfallMinutes: h(223),
      coefficient: 1.5,
      smicHourlyCents: 1188,
      smicFrom: '2024-11-01',
    });
  });
});

describe('pénalités — SMIC daté, retard, plafond, exonération', () => {
  it.each([
    ['2024-10-31', 1165],
    ['2024-11-01', 1188],
    ['2025-06-30', 1188],
    ['2025-12-31', 1188],
    ['2026-01-01', 1202],
    ['2026-11-28', 1202],
    ['2023-05-01', 1152],
    ['2012-01-01', 922],
    ['2011-12-31', null],
  ])('SMIC horaire brut au %s : %s centimes', (date, cents) => {
    expect(smicAt(date)?.hourlyCents ?? null).toBe(cents);
  });

  it('SMIC d’avant novembre 2024 : 223 h × 1,5 × 11,65 € = 3 896,93 €', () => {
    expect(penalty([{ model: 'smic_indexed', coefficient: 1.5 }], { assessmentDate: '2024-10-31' }).totalCents).toBe(389_693);
  });

  it('retard après mise en demeure : 12 jours × 50 € = 600 €', () => {
    const assessment = penalty([{ model: 'late_report', ratePerDayCents: 5000, noticeDays: 15 }], {
      lateReport: { formalNoticeDate: '2025-03-01', reportReceivedOn: '2025-03-28' },
    });
    expect(assessment.totalCents).toBe(60_000);
    expect(plainSpaces(assessment.formula)).toBe('12 jours de retard après le 16/03/2025 × 50,00 €/jour = 600,00 €');
  });

  it('retard : bilan toujours manquant, compté jusqu’à aujourd’hui ; sans mise en demeure, rien', () => {
    const model: PenaltyModel = { model: 'late_report', ratePerDayCents: 5000, noticeDays: 15 };
    expect(penalty([model], { lateReport: { formalNoticeDate: '2025-03-01' }, today: '2025-03-20' }).totalCents).toBe(4 * 5000);
    expect(penalty([model]).totalCents).toBe(0);
  });

  it('plafond de 0,5 % du montant du marché : 6 690 € + 3 973,86 € ramenés à 5 000 €', () => {
    const assessment = penalty([{ model: 'per_hour', rateCents: 3000 }, { model: 'smic_indexed', coefficient: 1.5 }], { penalties: { models: [], capRate: 0.005 } });
    expect([assessment.totalBeforeCapCents, assessment.capCents, assessment.totalCents]).toEqual([1_066_386, 500_000, 500_000]);
    expect(plainSpaces(assessment.formula)).toContain('total 10 663,86 € plafonné à 0,5 % du montant du marché (1 000 000,00 €) = 5 000,00 €');
  });

  it('exonération ou objectif atteint : aucune pénalité', () => {
    expect(penalty([{ model: 'per_hour', rateCents: 3000 }], { waived: true })).toEqual(expect.objectContaining({ totalCents: 0, waived: true }));
    expect(penalty([{ model: 'per_hour', rateCents: 3000 }], { countedMinutes: h(900) }).totalCents).toBe(0);
  });

  it('heures manquantes non entières : arrondi au centime', () => {
    const assessment = penalty([{ model: 'per_hour', rateCents: 3000 }], { countedMinutes: h(610) + 30 });
    expect([assessment.totalCents, plainSpaces(assessment.formula)]).toEqual([667_500, '222 h 30 min × 30,00 €/h = 6 675,00 €']);
  });

  it.each([
    ['SMIC inconnu à la date', [{ model: 'smic_indexed', coefficient: 1 }], { assessmentDate: '2010-01-01' }, 'smic_unknown'],
    ['taux horaire négatif', [{ model: 'per_hour', rateCents: -1 }], {}, 'negative_amount'],
    ['coefficient nul', [{ model: 'smic_indexed', coefficient: 0 }], {}, 'coefficient_out_of_range'],
    ['plafond supérieur à 100 %', [], { penalties: { models: [], capRate: 2 } }, 'rate_out_of_range'],
  ] as const)('mauvaise entrée : %s → %s', (_label, models, overrides, code) => {
    const result = computePenalties({ ...base, ...overrides, penalties: { models: models as unknown as PenaltyModel[], capRate: (overrides as Partial<PenaltyInput>).penalties?.capRate ?? null } });
    expect(result.ok ? [] : result.violations.map((item) => item.code)).toContain(code);
  });
});
