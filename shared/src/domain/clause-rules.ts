/** Default clause parameters (decisions.md §5, §7, §8, §9, §10, §15, §16): every rule is a parameter with this default. */
import { DEFAULT_CLOSING_DAYS, DEFAULT_GOOD_FAITH_RULES, LEGAL_MAX_WEEKLY_MINUTES } from './parameters.js';
import type { ClauseRules } from './schemas.js';

export const DEFAULT_CLAUSE_RULES: ClauseRules = {
  counting: {
    c1: { enabled: true },
    c2: { enabled: true, graceDays: 0, newHiresOnly: true },
    c3: { countLeave: false },
    c4: { enabled: true },
    c5: { policy: 'strict', months: 0, bonusMinutes: 0 },
    c6: { enabled: true },
    c7: { enabled: true, defaultLabourShare: 0.8, defaultHourlyCostCents: 2500 },
    c8: { enabled: false, maxShareOfRequired: null, maxMinutesPerParticipant: null },
    c9: { windowMonths: 24, maxMinutesPerParticipant: null },
    c10: { enabled: false },
    c12: { monthlyCap: 'contract_hours' },
    c13: { enabled: true },
  },
  eligibility: { validityMonths: 24, requireProofs: true, requiredCriteria: [] },
  declarations: { deadlineDay: 10, requireProof: true, maxWeeklyMinutes: LEGAL_MAX_WEEKLY_MINUTES, closingDays: DEFAULT_CLOSING_DAYS },
  status: {
    endGraceDays: 60,
    notStartedElapsed: 0.1,
    atRiskElapsed: 0.25,
    atRiskPace: 0.5,
    watchPace: 0.8,
    atRiskMissingPeriods: 2,
    paceBasis: 'time',
  },
  penalties: { models: [], capRate: null },
  goodFaith: { ...DEFAULT_GOOD_FAITH_RULES },
};

type Overrides<T> = { readonly [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? Overrides<T[K]> : T[K] };

/** Partial clause rules, as stored for a clause that departs from the defaults on a few points. */
export type ClauseRulesOverrides = Overrides<ClauseRules>;

function mergeDeep<T>(base: T, overrides: Overrides<T> | undefined): T {
  if (overrides === undefined) return base;
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    if (value === undefined) continue;
    const current = merged[key];
    const isPlainObject = (candidate: unknown): candidate is object =>
      typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate);
    merged[key] = isPlainObject(value) && isPlainObject(current) ? mergeDeep(current, value as Overrides<typeof current>) : value;
  }
  return merged as T;
}

/** The defaults with a clause's own overrides applied (arrays are replaced, objects merged). */
export function clauseRules(overrides?: ClauseRulesOverrides): ClauseRules {
  return mergeDeep(DEFAULT_CLAUSE_RULES, overrides);
}
