import {
  CLAUSE_TYPES_WITH_HOURS, applyAmendments, assessCompliance, clauseRules, computeRequiredHours,
  type ClauseRules, type ClauseSettings, type ClauseType, type ComplianceSummary, type HoursMethodInput, type HoursPolicy,
  type RequiredHoursHistoryEntry, type Violation,
} from '@app/shared';

/**
 * Orchestration of the domain rules for one clause: the required hours by its method (with the
 * framework agreement's orders), then the amendments' history, then the compliance status. No rule
 * is written here: each figure comes from `shared/src/domain`.
 */

export interface SizingInput {
  type: ClauseType;
  method: HoursMethodInput | null;
  orders: readonly { id: string; orderedOn: string; amountCents: number }[];
  amendments: readonly { reference: string; effectiveDate: string; deltaAmountCents: number; hoursPolicy: HoursPolicy; explicitRequiredMinutes: number | null }[];
  initial: { effectiveDate: string; amountCents: number };
  today: string;
}

export interface Sizing {
  requiredMinutes: number | null;
  initialRequiredMinutes: number | null;
  unroundedHours: number | null;
  formula: string | null;
  warnings: { code: string; message: string }[];
  history: RequiredHoursHistoryEntry[];
  toSize: boolean;
}

export type SizingOutcome = { ok: true; sizing: Sizing } | { ok: false; violations: readonly Violation[]; where: 'method' | 'amendments' };

/** "Avenant n° 2" → "n° 2": the domain's formulas already say "Avenant …". */
const amendmentLabel = (reference: string): string => reference.replace(/^avenant\s*/i, '').trim() || reference;

export function sizeClause(input: SizingInput): SizingOutcome {
  const hasHours = CLAUSE_TYPES_WITH_HOURS.includes(input.type);
  if (!hasHours || !input.method) {
    return {
      ok: true,
      sizing: { requiredMinutes: null, initialRequiredMinutes: null, unroundedHours: null, formula: null, warnings: [], history: [], toSize: hasHours },
    };
  }
  const method = input.method;
  const computed = computeRequiredHours(
    method.method === 'per_order'
      ? { ...method, orders: input.orders.map((o) => ({ id: o.id, date: o.orderedOn, amountCents: o.amountCents })), asOf: input.today }
      : method,
  );
  if (!computed.ok) return { ok: false, violations: computed.violations, where: 'method' };
  const hours = computed.value;
  const history = applyAmendments({
    initial: { ...input.initial, requiredMinutes: hours.requiredMinutes },
    amendments: input.amendments.map((a) => ({
      id: amendmentLabel(a.reference),
      effectiveDate: a.effectiveDate,
      deltaAmountCents: a.deltaAmountCents,
      hoursPolicy: a.hoursPolicy,
      explicitRequiredMinutes: a.explicitRequiredMinutes,
    })),
  });
  if (!history.ok) return { ok: false, violations: history.violations, where: 'amendments' };
  const current = history.value.current;
  const amended = history.value.history.length > 1;
  return {
    ok: true,
    sizing: {
      requiredMinutes: current.requiredMinutes,
      initialRequiredMinutes: hours.requiredMinutes,
      unroundedHours: amended ? current.unroundedHours : hours.unroundedHours,
      formula: hours.formula,
      warnings: hours.warnings.map((w) => ({ code: w.code, message: w.message })),
      history: [...history.value.history],
      toSize: false,
    },
  };
}

/** The officer's settings over the domain defaults: the full rules stored with the clause. */
export function rulesFromSettings(settings: ClauseSettings): ClauseRules {
  return clauseRules({
    counting: {
      c2: { graceDays: settings.eligibilityGraceDays },
      c8: { enabled: settings.trainingCounted, maxShareOfRequired: settings.trainingCapRate },
      c9: { windowMonths: settings.participantWindowMonths },
    },
    declarations: { deadlineDay: settings.deadlineDay },
    status: { endGraceDays: settings.endGraceDays },
    penalties: { models: settings.penalty ? [settings.penalty] : [], capRate: settings.penaltyCapRate },
  });
}

export function settingsFromRules(rules: ClauseRules): ClauseSettings {
  return {
    deadlineDay: rules.declarations.deadlineDay,
    eligibilityGraceDays: rules.counting.c2.graceDays,
    trainingCounted: rules.counting.c8.enabled,
    trainingCapRate: rules.counting.c8.maxShareOfRequired,
    participantWindowMonths: rules.counting.c9.windowMonths,
    endGraceDays: rules.status.endGraceDays,
    penalty: rules.penalties.models[0] ?? null,
    penaltyCapRate: rules.penalties.capRate,
  };
}

export interface ComplianceFacts {
  id: string;
  lotId: string;
  holderIdentifier: string;
  type: ClauseType;
  requiredMinutes: number | null;
  startDate: string | null;
  endDate: string | null;
  amountCents: number;
  waived: boolean;
  rules: ClauseRules;
  countedMinutes: number;
  /** Periods missing past their deadline (clause_declaration_state), 0 when unknown. */
  missingPeriods?: number;
}

/**
 * Current compliance (decisions.md §9) by the domain, or the reason it cannot be assessed yet.
 * Missing declaration periods are 0 until hour declarations are recorded.
 */
export function complianceOf(facts: ComplianceFacts, today: string): { compliance: ComplianceSummary | null; note: string | null } {
  if (!CLAUSE_TYPES_WITH_HOURS.includes(facts.type)) return { compliance: null, note: 'Sans objectif d’heures : ce type de clause se suit autrement (achats réservés, parcours).' };
  if (facts.requiredMinutes === null) return { compliance: null, note: 'Heures à dimensionner avec le calculateur.' };
  if (!facts.startDate || !facts.endDate) return { compliance: null, note: 'Dates de début et de fin de la clause à compléter.' };
  const result = assessCompliance({
    clause: {
      id: facts.id,
      lotId: facts.lotId,
      contractorId: facts.holderIdentifier,
      startDate: facts.startDate,
      endDate: facts.endDate,
      requiredMinutes: facts.requiredMinutes,
      amountCents: facts.amountCents,
      waived: facts.waived,
      rules: facts.rules,
    },
    countedMinutes: facts.countedMinutes,
    invoicedAmountCents: null,
    missingPeriods: facts.missingPeriods ?? 0,
    today,
  });
  if (!result.ok) return { compliance: null, note: result.violations.map((v) => v.message).join(' ') };
  const a = result.value;
  return {
    compliance: {
      status: a.status,
      requiredMinutes: a.requiredMinutes,
      countedMinutes: a.countedMinutes,
      expectedMinutes: a.byTime.expectedMinutes,
      elapsed: a.byTime.elapsed,
      pace: a.byTime.pace,
      progress: a.progress,
      shortfallMinutes: a.shortfallMinutes,
      finalAfter: a.finalAfter,
      lateDeclaration: { flag: a.lateDeclaration.flag, missingPeriods: a.lateDeclaration.missingPeriods },
    },
    note: null,
  };
}
