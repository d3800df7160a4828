/**
 * Compliance status (decisions.md §9): expected hours by elapsed time and by invoiced amount, pace,
 * and the first status that applies, in the order waived → met → not_met → not_started → at_risk
 * → watch → on_track. Thresholds come from the clause rules.
 */
import { z } from 'zod';
import { roundTo } from './arithmetic.js';
import { addDays, daysBetween, type IsoDate } from './calendar.js';
import { andThen, ok, validateWith, type Result } from './result.js';
import { centsField, insertionClauseSchema, countField, isoDateField, minutesField, type InsertionClause, type StatusThresholds } from './schemas.js';
import type { ComplianceStatus } from './vocabulary.js';

export type PaceBasis = 'time' | 'invoiced';

export interface PaceMeasure {
  readonly basis: PaceBasis;
  /** Elapsed share of the clause in [0, 1] (4 decimals). */
  readonly elapsed: number;
  /** required × elapsed, rounded to the minute. */
  readonly expectedMinutes: number;
  /** counted ÷ expected (4 decimals), null while nothing is expected yet. */
  readonly pace: number | null;
  readonly status: ComplianceStatus;
}

export interface ComplianceAssessment {
  /** Status on the clause's pace basis (time by default). */
  readonly status: ComplianceStatus;
  readonly byTime: PaceMeasure;
  /** Same measure on the invoiced amount, when it is known. */
  readonly byInvoiced: PaceMeasure | null;
  readonly requiredMinutes: number;
  readonly countedMinutes: number;
  /** counted ÷ required (4 decimals), null when nothing is required. */
  readonly progress: number | null;
  readonly surplusMinutes: number;
  readonly shortfallMinutes: number;
  /** End date plus the grace period: after it, a shortfall is final (`not_met`). */
  readonly finalAfter: IsoDate;
  readonly lateDeclaration: { readonly flag: boolean; readonly missingPeriods: number };
}

const complianceInputSchema = z.object({
  clause: insertionClauseSchema,
  countedMinutes: minutesField('Heures comptées'),
  /** Amount invoiced so far (situations de travaux), null when unknown. */
  invoicedAmountCents: centsField('Montant facturé').nullish(),
  /** Distinct periods whose declaration is missing after the deadline (deadlines.ts). */
  missingPeriods: countField('Périodes non déclarées'),
  today: isoDateField('Date du jour'),
});
export type ComplianceInput = z.input<typeof complianceInputSchema>;

/** Share of the clause's duration elapsed before `today` (the day itself not yet done), in [0, 1]. */
export function elapsedByTime(startDate: IsoDate, endDate: IsoDate, today: IsoDate): number {
  const total = daysBetween(startDate, endDate) + 1;
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, daysBetween(startDate, today) / total));
}

interface StatusFacts {
  readonly clause: InsertionClause;
  readonly counted: number;
  readonly today: IsoDate;
  readonly missingPeriods: number;
  readonly elapsed: number;
  readonly pace: number | null;
}

/** The first status that applies (decisions.md §9), thresholds from the clause. */
export function complianceStatus(facts: StatusFacts): ComplianceStatus {
  const { clause, counted, today, missingPeriods, elapsed, pace } = facts;
  const thresholds: StatusThresholds = clause.rules.status;
  if (clause.waived) return 'waived';
  if (counted >= clause.requiredMinutes) return 'met';
  if (today > addDays(clause.endDate, thresholds.endGraceDays)) return 'not_met';
  if (today < clause.startDate || (counted === 0 && elapsed < thresholds.notStartedElapsed)) return 'not_started';
  const slow = pace !== null && pace < thresholds.atRiskPace && elapsed >= thresholds.atRiskElapsed;
  if (slow || (thresholds.atRiskMissingPeriods > 0 && missingPeriods >= thresholds.atRiskMissingPeriods)) return 'at_risk';
  if (pace !== null && pace < thresholds.watchPace) return 'watch';
  return 'on_track';
}

function measure(basis: PaceBasis, elapsed: number, facts: Omit<StatusFacts, 'elapsed' | 'pace'>): PaceMeasure {
  const exactExpected = facts.clause.requiredMinutes * elapsed;
  const pace = exactExpected > 0 ? facts.counted / exactExpected : null;
  return {
    basis,
    elapsed: roundTo(elapsed),
    expectedMinutes: Math.round(exactExpected),
    pace: pace === null ? null : roundTo(pace),
    status: complianceStatus({ ...facts, elapsed, pace }),
  };
}

export function assessCompliance(input: ComplianceInput): Result<ComplianceAssessment> {
  return andThen(validateWith(complianceInputSchema, input), ({ clause, countedMinutes, invoicedAmountCents, missingPeriods, today }) => {
    const facts = { clause, counted: countedMinutes, today, missingPeriods };
    const byTime = measure('time', elapsedByTime(clause.startDate, clause.endDate, today), facts);
    const byInvoiced =
      invoicedAmountCents != null && clause.amountCents > 0
        ? measure('invoiced', Math.min(1, invoicedAmountCents / clause.amountCents), facts)
        : null;
    const chosen = clause.rules.status.paceBasis === 'invoiced' && byInvoiced ? byInvoiced : byTime;
    return ok({
      status: chosen.status,
      byTime,
      byInvoiced,
      requiredMinutes: clause.requiredMinutes,
      countedMinutes,
      progress: clause.requiredMinutes > 0 ? roundTo(countedMinutes / clause.requiredMinutes) : null,
      surplusMinutes: Math.max(0, countedMinutes - clause.requiredMinutes),
      shortfallMinutes: Math.max(0, clause.requiredMinutes - countedMinutes),
      finalAfter: addDays(clause.endDate, clause.rules.status.endGraceDays),
      lateDeclaration: { flag: missingPeriods > 0, missingPeriods },
    });
  });
}
