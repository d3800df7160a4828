import { describe, expect, it } from 'vitest';
import { clauseRules, DEFAULT_CLAUSE_RULES } from './clause-rules.js';
import { validateWith } from './result.js';
import { clauseRulesSchema, insertionClauseSchema, placementSchema, requiredHoursMethodSchema } from './schemas.js';
import { aClause, aPlacement } from './test-factories.js';

describe('schémas du domaine : messages français et violations nommées', () => {
  it('les règles par défaut sont valides et reprennent decisions.md', () => {
    expect(validateWith(clauseRulesSchema, DEFAULT_CLAUSE_RULES).ok).toBe(true);
    expect(DEFAULT_CLAUSE_RULES.declarations.deadlineDay).toBe(10);
    expect(DEFAULT_CLAUSE_RULES.eligibility.validityMonths).toBe(24);
    expect(DEFAULT_CLAUSE_RULES.status.endGraceDays).toBe(60);
    expect(DEFAULT_CLAUSE_RULES.counting.c5.policy).toBe('strict');
    expect(DEFAULT_CLAUSE_RULES.counting.c8.enabled).toBe(false);
    expect(DEFAULT_CLAUSE_RULES.counting.c10.enabled).toBe(false);
  });

  it('les surcharges d’une clause se fusionnent aux valeurs par défaut', () => {
    const rules = clauseRules({ counting: { c8: { enabled: true, maxShareOfRequired: 0.1 } }, eligibility: { requiredCriteria: ['QPV'] } });
    expect(rules.counting.c8).toEqual({ enabled: true, maxShareOfRequired: 0.1, maxMinutesPerParticipant: null });
    expect(rules.counting.c9).toEqual(DEFAULT_CLAUSE_RULES.counting.c9);
    expect(rules.eligibility.requiredCriteria).toEqual(['QPV']);
    expect(DEFAULT_CLAUSE_RULES.eligibility.requiredCriteria).toEqual([]);
  });

  it.each([
    ['champ manquant', requiredHoursMethodSchema, { method: 'labour_share', labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 }, 'amountCents', 'Montant HT : champ obligatoire.'],
    ['mauvais type', requiredHoursMethodSchema, { method: 'fixed', minutes: '833' }, 'minutes', 'Heures fixées au CCAP : nombre entier (minutes) attendu.'],
    ['dates inversées', insertionClauseSchema, aClause({ startDate: '2025-06-01', endDate: '2025-05-31' }), 'endDate', 'La date de fin de la clause précède sa date de début.'],
    ['modalité inconnue', placementSchema, { ...aPlacement(), modality: 'benevolat' }, 'modality', 'Modalité : valeur inconnue'],
    ['C5 sans nombre de mois', clauseRulesSchema, clauseRules({ counting: { c5: { policy: 'company_hours_n_months' } } }), 'counting.c5.months', 'C5 : indiquer le nombre de mois de valorisation du CDI.'],
  ])('%s', (_label, schema, input, path, message) => {
    const result = validateWith(schema, input);
    expect(result.ok).toBe(false);
    const found = result.ok ? undefined : result.violations.find((item) => item.path === path);
    expect(found?.message).toContain(message);
  });
});
