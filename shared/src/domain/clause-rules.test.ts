import { describe, expect, it } from 'vitest';
import { clauseRules, DEFAULT_CLAUSE_RULES } from './clause-rules.js';
import { validateWith } from './result.js';
import { clauseRulesSchema } from './schemas.js';

describe('paramètres de clause des issues 14 et 15 (decisions.md §15, §16)', () => {
  it('défauts : mois clos 15 jours après l’échéance, 15 jours pour proposer un candidat, efforts de bonne foi déduits', () => {
    expect(DEFAULT_CLAUSE_RULES.declarations.closingDays).toBe(15);
    expect(DEFAULT_CLAUSE_RULES.goodFaith).toEqual({ answerDelayDays: 15, deductFromShortfall: true });
  });

  it('une clause qui en change un garde les autres défauts', () => {
    const rules = clauseRules({ goodFaith: { deductFromShortfall: false }, declarations: { closingDays: 30 } });
    expect([rules.goodFaith, rules.declarations.deadlineDay, rules.declarations.closingDays]).toEqual([{ answerDelayDays: 15, deductFromShortfall: false }, 10, 30]);
  });

  it('des règles enregistrées avant ces paramètres restent valides et reçoivent les défauts', () => {
    const { goodFaith: _goodFaith, ...stored } = DEFAULT_CLAUSE_RULES;
    const { closingDays: _closingDays, ...declarations } = DEFAULT_CLAUSE_RULES.declarations;
    const parsed = validateWith(clauseRulesSchema, { ...stored, declarations });
    expect(parsed.ok && [parsed.value.goodFaith, parsed.value.declarations.closingDays]).toEqual([{ answerDelayDays: 15, deductFromShortfall: true }, 15]);
  });

  it('mauvaise entrée : délai de clôture négatif → negative_number', () => {
    const parsed = validateWith(clauseRulesSchema, clauseRules({ declarations: { closingDays: -1 } }));
    expect(parsed.ok ? [] : parsed.violations.map((item) => [item.code, item.path])).toEqual([['negative_number', 'declarations.closingDays']]);
  });
});
