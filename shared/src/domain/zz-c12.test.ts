import fc from 'fast-check';
import { it, expect } from 'vitest';
import { scenarioArb } from './counting.property.test.js';
import { countClauseHours } from './counting.js';
import { participantMonthlyCapMinutes } from './plausibility.js';
import { aClause } from './test-factories.js';
import { unwrap } from './result.js';
const CLAUSES = [aClause({ id: 'clause-1', lotId: 'lot-1' }), aClause({ id: 'clause-2', lotId: 'lot-2' })];
it('c12', () => {
  fc.assert(fc.property(scenarioArb, (scenario) => {
    const totals = new Map<string, number>();
    for (const c of CLAUSES) {
      for (const slice of unwrap(countClauseHours({ clause: c, placements: scenario.placements, declarations: scenario.declarations, eligibilityValidations: scenario.validations })).counted) {
        const key = `${slice.participantId}|${slice.month}`;
        totals.set(key, (totals.get(key) ?? 0) + slice.minutes);
      }
    }
    for (const [key, minutes] of totals) {
      const [participantId, month] = key.split('|') as [string, string];
      const cap = participantMonthlyCapMinutes(scenario.placements.filter((p) => p.participantId === participantId), month, 'contract_hours', 2880);
      expect(minutes).toBeLessThanOrEqual(cap);
    }
  }), { numRuns: 30000 });
});
