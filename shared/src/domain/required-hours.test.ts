import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainSpaces } from './format.js';
import { computeRequiredHours } from './required-hours.js';
import { unwrap } from './result.js';
import type { RequiredHoursMethod } from './schemas.js';

const required = (method: RequiredHoursMethod) => unwrap(computeRequiredHours(method));

describe('heures requises — part de main-d’œuvre (M × τ_MO × τ_ins ÷ C)', () => {
  it.each([
    ['exemple MEF77 : 1 000 000 € × 50 % × 5 % ÷ 30 €/h', 100_000_000, 0.5, 0.05, 3000, 833, 833.3333],
    ['même marché à 25 €/h', 100_000_000, 0.5, 0.05, 2500, 1000, 1000],
    ['peinture intérieure 70 %, 200 000 €', 20_000_000, 0.7, 0.05, 3000, 233, 233.3333],
    ['montant nul', 0, 0.5, 0.05, 3000, 0, 0],
    ['arrondi à l’heure la plus proche : 833,5 h → 834 h', 50_010_000, 0.5, 0.1, 3000, 834, 833.5],
  ])('%s → %i h', (_label, amountCents, labourShare, insertionRate, hourlyCostCents, hours, unrounded) => {
    const result = required({ method: 'labour_share', amountCents, labourShare, insertionRate, hourlyCostCents });
    expect(result.requiredHours).toBe(hours);
    expect(result.requiredMinutes).toBe(hours * 60);
    expect(result.unroundedHours).toBe(unrounded);
  });

  it('la formule se lit en français', () => {
    const result = required({ method: 'labour_share', amountCents: 100_000_000, labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 });
    expect(plainSpaces(result.formula)).toBe('1 000 000,00 € × 50 % × 5 % ÷ 30,00 €/h = 833,3333 h → 833 h');
  });

  it('propriété : les heures requises (non arrondies) sont proportionnelles au montant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1000, max: 6000 }),
        (amountCents, factor, shareBp, rateBp, hourlyCostCents) => {
          const base = { method: 'labour_share' as const, labourShare: shareBp / 10_000, insertionRate: rateBp / 10_000, hourlyCostCents };
          const one = required({ ...base, amountCents });
          const scaled = required({ ...base, amountCents: amountCents * factor });
          expect(scaled.unroundedHours).toBeCloseTo(one.unroundedHours * factor, 2);
          // Once rounded, the gap stays within the rounding of each side.
          expect(Math.abs(scaled.requiredHours - one.requiredHours * factor)).toBeLessThanOrEqual(factor / 2 + 0.5);
        },
      ),
    );
  });
});

describe('heures requises — autres méthodes', () => {
  it.each([
    ['% des heures travaillées connues : 5 % de 16 667 h', { method: 'hours_percentage', insertionRate: 0.05, labourMinutes: 16_667 * 60 }, 833],
    [
      '% des heures estimées depuis le montant (identique à la part de main-d’œuvre)',
      { method: 'hours_percentage', insertionRate: 0.05, amountCents: 100_000_000, labourShare: 0.5, hourlyCostCents: 3000 },
      833,
    ],
    ['volume fixé au CCAP : pont du Loiret, 9 500 h', { method: 'fixed', minutes: 9500 * 60 }, 9500],
    ['volume fixé non entier : 120 h 40 → 121 h', { method: 'fixed', minutes: 120 * 60 + 40 }, 121],
  ] as const)('%s → %i h', (_label, method, hours) => {
    expect(required(method as RequiredHoursMethod).requiredHours).toBe(hours);
  });

  it.each([
    ['S = 0 → 1 200 h, P = 1', 0, 1200, 1, []],
    ['S = 300 h/mois → 660 h, P = 0,55', 300, 660, 0.55, []],
    ['S = 700 h/mois → P ≤ 0 : aucune clause conseillée', 700, 0, -0.05, ['pact_no_clause_advised']],
    ['S = 630 h/mois → 66 h, sous le seuil de 150 h', 630, 66, 0.055, ['pact_no_clause_advised']],
    ['S = 590 h/mois → 138 h, sous le seuil de 150 h', 590, 138, 0.115, ['pact_no_clause_advised']],
    ['S = 580 h/mois → 156 h, juste au-dessus du seuil', 580, 156, 0.13, []],
  ])('PACT Propreté (A 600 000 €, N 36, T 5 %) : %s', (_label, sHours, hours, weighting, warnings) => {
    const result = required({
      method: 'cleaning_pact',
      turnoverCents: 60_000_000,
      durationMonths: 36,
      insertionRate: 0.05,
      transferredMonthlyMinutes: sHours * 60,
    });
    expect(result.requiredHours).toBe(hours);
    expect(result.pactWeighting).toBeCloseTo(weighting, 2);
    expect(result.warnings.map((warning) => warning.code)).toEqual(warnings);
  });

  it('PACT Propreté : un chiffre d’affaires nul ne conseille aucune clause, sans erreur', () => {
    const result = required({ method: 'cleaning_pact', turnoverCents: 0, durationMonths: 12, insertionRate: 0.05, transferredMonthlyMinutes: 0 });
    expect(result.requiredHours).toBe(0);
    expect(result.warnings[0]?.code).toBe('pact_no_clause_advised');
  });

  it('la formule du % des heures estimées montre les heures travaillées', () => {
    const result = required({ method: 'hours_percentage', insertionRate: 0.05, amountCents: 100_000_000, labourShare: 0.5, hourlyCostCents: 3000 });
    expect(plainSpaces(result.formula)).toBe('5 % × 16 666,6667 h travaillées estimées (1 000 000,00 € × 50 % ÷ 30,00 €/h) = 833,3333 h → 833 h');
  });

  it('accord-cadre : réévalué à chaque bon de commande, bons futurs ignorés', () => {
    const result = required({
      method: 'per_order',
      labourShare: 0.5,
      insertionRate: 0.05,
      hourlyCostCents: 3000,
      asOf: '2025-06-30',
      orders: [
        { id: 'bc-2', date: '2025-05-10', amountCents: 40_000_000 },
        { id: 'bc-1', date: '2025-02-01', amountCents: 60_000_000 },
        { id: 'bc-3', date: '2025-07-01', amountCents: 50_000_000 },
      ],
    });
    expect(result.steps?.map((step) => [step.orderId, step.requiredMinutes / 60])).toEqual([
      ['bc-1', 500],
      ['bc-2', 833],
    ]);
    expect(result.requiredHours).toBe(833);
    expect(plainSpaces(result.formula)).toContain('1 000 000,00 € commandés au 30/06/2025 (2 bons)');
  });
});

describe('heures requises — mauvaises entrées : violations nommées, pas d’exception', () => {
  it.each([
    ['montant négatif', { method: 'labour_share', amountCents: -1, labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 }, 'negative_amount', 'amountCents'],
    ['taux supérieur à 1', { method: 'labour_share', amountCents: 1, labourShare: 1.5, insertionRate: 0.05, hourlyCostCents: 3000 }, 'rate_out_of_range', 'labourShare'],
    ['taux négatif', { method: 'labour_share', amountCents: 1, labourShare: 0.5, insertionRate: -0.05, hourlyCostCents: 3000 }, 'rate_out_of_range', 'insertionRate'],
    ['coût horaire nul', { method: 'labour_share', amountCents: 1, labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 0 }, 'non_positive_amount', 'hourlyCostCents'],
    ['montant en euros décimaux', { method: 'labour_share', amountCents: 10.5, labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 }, 'not_integer', 'amountCents'],
    ['méthode inconnue', { method: 'forfait_magique' }, 'invalid_union', 'method'],
    ['% des heures sans base', { method: 'hours_percentage', insertionRate: 0.05 }, 'missing_parameter', 'labourMinutes'],
    ['durée PACT nulle', { method: 'cleaning_pact', turnoverCents: 1, durationMonths: 0, insertionRate: 0.05, transferredMonthlyMinutes: 0 }, 'non_positive_number', 'durationMonths'],
  ])('%s → %s', (_label, input, code, path) => {
    const result = computeRequiredHours(input as RequiredHoursMethod);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations).toContainEqual(expect.objectContaining({ code, path }));
    for (const item of result.violations) expect(item.message).toMatch(/[a-zé]/);
  });

  it('les messages sont en français', () => {
    const result = computeRequiredHours({ method: 'labour_share', amountCents: -100, labourShare: 2, insertionRate: 0.05, hourlyCostCents: 3000 });
    expect(result.ok ? [] : result.violations.map((item) => item.message)).toEqual([
      'Montant HT : le montant ne peut pas être négatif.',
      'Part de main-d’œuvre : le taux doit être compris entre 0 et 1 (0 % à 100 %).',
    ]);
  });
});
