/**
 * Declaration deadlines (decisions.md §8, §9): the declaration of month M is due on day 10 (parameter)
 * of month M+1; a declaration still missing after its deadline raises the clause's late flag.
 */
import { z } from 'zod';
import { addMonthsToMonth, daysBetween, daysInYearMonth, maxIsoDate, minIsoDate, monthOf, monthsInRange, type IsoDate, type YearMonth } from './calendar.js';
import { andThen, ok, validateWith, type Result } from './result.js';
import { insertionClauseSchema, hourDeclarationSchema, isoDateField, listField, placementSchema } from './schemas.js';

/** Day `deadlineDay` of the following month, clamped to its last day (31 → 28 February). */
export function declarationDeadline(month: YearMonth, deadlineDay: number): IsoDate {
  const next = addMonthsToMonth(month, 1);
  return `${next}-${String(Math.min(deadlineDay, daysInYearMonth(next))).padStart(2, '0')}`;
}

export interface MissingDeclaration {
  readonly placementId: string;
  readonly participantId: string;
  readonly month: YearMonth;
  readonly deadline: IsoDate;
  readonly daysLate: number;
}

export interface LateSubmission {
  readonly declarationId: string;
  readonly month: YearMonth;
  readonly deadline: IsoDate;
  readonly submittedAt: IsoDate;
  readonly daysLate: number;
}

export interface DeclarationDeadlineReport {
  /** Placement-months with no transmitted declaration after their deadline. */
  readonly missing: readonly MissingDeclaration[];
  /** Number of distinct months concerned: what the status and the flag look at. */
  readonly missingPeriods: number;
  /** The clause's late-declaration flag. */
  readonly lateFlag: boolean;
  /** Declarations transmitted, but after their deadline (information, no flag). */
  readonly lateSubmissions: readonly LateSubmission[];
}

const deadlineInputSchema = z.object({
  clause: insertionClauseSchema,
  placements: listField(placementSchema, 'Mises en poste'),
  declarations: listField(hourDeclarationSchema, 'Déclarations'),
  today: isoDateField('Date du jour'),
});
export type DeadlineInput = z.input<typeof deadlineInputSchema>;

/** Missing and late declarations of a clause's placements, as of `today`. */
export function declarationDeadlines(input: DeadlineInput): Result<DeclarationDeadlineReport> {
  return andThen(validateWith(deadlineInputSchema, input), ({ clause, placements, declarations, today }) => {
    const deadlineDay = clause.rules.declarations.deadlineDay;
    // A draft is not a declaration yet; anything transmitted (even rejected) met the deadline.
    const transmitted = new Map<string, { submittedAt: IsoDate | null; id: string }>();
    for (const declaration of declarations) {
      if (declaration.status === 'draft') continue;
      const key = `${declaration.placementId}|${declaration.month}`;
      const current = transmitted.get(key);
      if (!current || (declaration.submittedAt ?? '9999') < (current.submittedAt ?? '9999')) {
        transmitted.set(key, { submittedAt: declaration.submittedAt ?? null, id: declaration.id });
      }
    }
    const missing: MissingDeclaration[] = [];
    const lateSubmissions: LateSubmission[] = [];
    for (const placement of placements.filter((candidate) => candidate.clauseId === clause.id)) {
      const first = maxIsoDate(placement.startDate, clause.startDate);
      const last = minIsoDate(minIsoDate(placement.endDate ?? today, clause.endDate), today);
      if (first > last) continue;
      for (const month of monthsInRange(monthOf(first), monthOf(last))) {
        const deadline = declarationDeadline(month, deadlineDay);
        const found = transmitted.get(`${placement.id}|${month}`);
        if (!found) {
          if (today > deadline) missing.push({ placementId: placement.id, participantId: placement.participantId, month, deadline, daysLate: daysBetween(deadline, today) });
        } else if (found.submittedAt && found.submittedAt > deadline) {
          lateSubmissions.push({ declarationId: found.id, month, deadline, submittedAt: found.submittedAt, daysLate: daysBetween(deadline, found.submittedAt) });
        }
      }
    }
    const missingPeriods = new Set(missing.map((item) => item.month)).size;
    return ok({ missing, missingPeriods, lateFlag: missingPeriods > 0, lateSubmissions });
  });
}
