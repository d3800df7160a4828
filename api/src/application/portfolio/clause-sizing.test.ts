import { describe, expect, it } from 'vitest';
import { DEFAULT_CLAUSE_RULES, clauseSettingsSchema, plainSpaces } from '@app/shared';
import { complianceOf, rulesFromSettings, settingsFromRules, sizeClause } from './clause-sizing.js';

const labourShare = { method: 'labour_share', amountCents: 100_000_000, labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 } as const;
const base = { type: 'execution' as const, orders: [], amendments: [], initial: { effectiveDate: '2026-01-12', amountCents: 100_000_000 }, today: '2026-06-01' };

describe('dimensionnement d’une clause (orchestration des règles du domaine)', () => {
  it('1 000 000 € × 50 % × 5 % ÷ 30 €/h → 833 h, puis avenant +80 000 € au prorata → 900 h', () => {
    const initial = sizeClause({ ...base, method: labourShare });
    expect(initial.ok && initial.sizing.requiredMinutes).toBe(833 * 60);
    const amended = sizeClause({
      ...base, method: labourShare,
      amendments: [{ reference: 'Avenant n° 1', effectiveDate: '2026-05-01', deltaAmountCents: 8_000_000, hoursPolicy: 'prorata', explicitRequiredMinutes: null }],
    });
    if (!amended.ok) throw new Error('refusé');
    expect(amended.sizing).toMatchObject({ requiredMinutes: 900 * 60, initialRequiredMinutes: 833 * 60, toSize: false });
    expect(amended.sizing.history.map((h) => h.policy)).toEqual(['initial', 'prorata']);
    expect(plainSpaces(amended.sizing.history[1]!.formula)).toContain('Avenant n° 1 : 833 h × 1 080 000,00 €');
  });

  it.each([
    ['clause d’exécution sans méthode', 'execution', true],
    ['critère d’attribution sans méthode', 'award_criterion', true],
    ['marché réservé', 'reserved', false],
    ['marché d’insertion', 'insertion_object', false],
  ] as const)('%s : heures à dimensionner = %s', (_label, type, toSize) => {
    const outcome = sizeClause({ ...base, type, method: null });
    expect(outcome.ok && outcome.sizing).toMatchObject({ requiredMinutes: null, toSize });
  });

  it('accord-cadre : les bons de commande passés à la date du jour comptent, pas les suivants', () => {
    const outcome = sizeClause({
      ...base,
      method: { method: 'per_order', labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 },
      orders: [
        { id: 'a', orderedOn: '2026-02-01', amountCents: 100_000_000 },
        { id: 'b', orderedOn: '2026-09-01', amountCents: 100_000_000 },
      ],
    });
    expect(outcome.ok && outcome.sizing.requiredMinutes).toBe(833 * 60);
  });

  it('un avenant qui rend le montant négatif est refusé par le domaine', () => {
    const outcome = sizeClause({
      ...base, method: labourShare,
      amendments: [{ reference: 'Av. 2', effectiveDate: '2026-05-01', deltaAmountCents: -200_000_000, hoursPolicy: 'prorata', explicitRequiredMinutes: null }],
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome).toMatchObject({ where: 'amendments', violations: [{ code: 'negative_amount' }] });
  });
});

describe('paramètres de la clause ↔ règles complètes', () => {
  it('les valeurs par défaut du formulaire sont celles du domaine', () => {
    expect(rulesFromSettings(clauseSettingsSchema.parse({}))).toEqual(DEFAULT_CLAUSE_RULES);
  });

  it('aller-retour : ce que l’acheteur règle se relit à l’identique', () => {
    const settings = clauseSettingsSchema.parse({
      deadlineDay: 5, eligibilityGraceDays: 15, trainingCounted: true, trainingCapRate: 0.2, participantWindowMonths: null, endGraceDays: 30,
      penalty: { model: 'smic_indexed', coefficient: 1.5 }, penaltyCapRate: 0.1,
    });
    const rules = rulesFromSettings(settings);
    expect(rules.counting.c8).toEqual({ enabled: true, maxShareOfRequired: 0.2, maxMinutesPerParticipant: null });
    expect(rules.penalties.models).toEqual([{ model: 'smic_indexed', coefficient: 1.5 }]);
    expect(settingsFromRules(rules)).toEqual(settings);
  });
});

describe('conformité courante', () => {
  const facts = {
    id: 'c', lotId: 'l', holderIdentifier: '45312000100012', type: 'execution' as const, requiredMinutes: 49_980,
    startDate: '2026-01-01', endDate: '2026-12-31', amountCents: 100_000_000, waived: false, rules: DEFAULT_CLAUSE_RULES, countedMinutes: 0,
  };
  it('rien de compté aux deux tiers de la durée : à risque', () => {
    expect(complianceOf(facts, '2026-09-01').compliance?.status).toBe('at_risk');
  });
  it.each([
    ['heures à dimensionner', { requiredMinutes: null }, 'Heures à dimensionner avec le calculateur.'],
    ['dates manquantes', { endDate: null }, 'Dates de début et de fin de la clause à compléter.'],
    ['marché réservé', { type: 'reserved' as const }, /Sans objectif d’heures/],
  ])('%s : pas de statut, une raison', (_label, override, note) => {
    const result = complianceOf({ ...facts, ...override }, '2026-09-01');
    expect(result.compliance).toBeNull();
    expect(result.note).toMatch(note);
  });
});
