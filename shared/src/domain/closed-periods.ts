/**
 * Closed periods (decisions.md §16): a month closes for a clause `declarations.closingDays` days
 * (default 15) after its declaration deadline. After that, a declaration or a correction for it needs
 * a reopening with a reason (recorded and audited by the API); a closed month whose figures change is
 * marked as revised. Checks made after the fact (validation of what was transmitted in time, control
 * outcomes) need no reopening: the first is not a change of the declared figures, the second is its
 * own audited reason — but a control outcome still marks the month as revised.
 */
import { z } from 'zod';
import { addDays, type IsoDate, type YearMonth } from './calendar.js';
import { declarationDeadline } from './deadlines.js';
import { formatDateFr, monthLabelFr } from './format.js';
import { andThen, fail, ok, validateWith, makeViolation, type Result } from './result.js';
import { enumField, idField, insertionClauseSchema, isoDateField, listField, yearMonthField, type InsertionClause } from './schemas.js';

export const PERIOD_CHANGE_KINDS = ['declaration', 'correction', 'validation', 'control_outcome'] as const;
export type PeriodChangeKind = (typeof PERIOD_CHANGE_KINDS)[number];

/** Changes that need the month open (or reopened): what the company declares. */
const CHANGES_NEEDING_AN_OPEN_MONTH: ReadonlySet<PeriodChangeKind> = new Set(['declaration', 'correction']);
/** Changes that alter the figures of a closed month, hence mark it revised. */
const CHANGES_THAT_REVISE: ReadonlySet<PeriodChangeKind> = new Set(['declaration', 'correction', 'control_outcome']);

export interface PeriodCalendar {
  readonly month: YearMonth;
  readonly deadline: IsoDate;
  /** Last day a change needs no reopening: deadline + closing delay. */
  readonly lastOpenDay: IsoDate;
  /** First closed day. */
  readonly closedFrom: IsoDate;
}

/** The deadline and closing day of `month` under the clause's declaration rules. */
export function periodCalendar(month: YearMonth, rules: Pick<InsertionClause['rules']['declarations'], 'deadlineDay' | 'closingDays'>): PeriodCalendar {
  const deadline = declarationDeadline(month, rules.deadlineDay);
  const lastOpenDay = addDays(deadline, rules.closingDays);
  return { month, deadline, lastOpenDay, closedFrom: addDays(lastOpenDay, 1) };
}

const reopeningSchema = z
  .object({
    id: idField('Identifiant de la réouverture'),
    month: yearMonthField('Mois rouvert'),
    reopenedOn: isoDateField('Date de réouverture'),
    /** Last day of the reopening; by default the reopening day + the clause's closing delay. */
    until: isoDateField('Fin de la réouverture').nullish(),
    reason: z.string({ error: 'Motif de réouverture : texte attendu.' }),
    reopenedBy: idField('Auteur de la réouverture'),
  });
export type PeriodReopening = z.infer<typeof reopeningSchema>;

function reopeningEnd(reopening: PeriodReopening, closingDays: number): IsoDate {
  return reopening.until ?? addDays(reopening.reopenedOn, closingDays);
}

export interface PeriodChangeDecision extends PeriodCalendar {
  readonly kind: PeriodChangeKind;
  readonly on: IsoDate;
  readonly closed: boolean;
  /** The change may be recorded now. */
  readonly allowed: boolean;
  /** Refused until the facilitator or the buyer reopens the month with a reason. */
  readonly needsReopening: boolean;
  /** The reopening that allows it, if any. */
  readonly reopeningId: string | null;
  /** The month's figures change after it closed: every view and export marks them revised. */
  readonly revised: boolean;
  readonly message: string;
}

const periodChangeInputSchema = z.object({
  clause: insertionClauseSchema,
  month: yearMonthField('Mois concerné'),
  kind: enumField(PERIOD_CHANGE_KINDS, 'Nature du changement'),
  /** Day of the change (today, passed in). */
  on: isoDateField('Date du changement'),
  reopenings: listField(reopeningSchema, 'Réouvertures').nullish(),
});
export type PeriodChangeInput = z.input<typeof periodChangeInputSchema>;

/** May this change be made to the clause's month on that day, and does it revise a closed month? */
export function decidePeriodChange(input: PeriodChangeInput): Result<PeriodChangeDecision> {
  return andThen(validateWith(periodChangeInputSchema, input), ({ clause, month, kind, on, reopenings }) => {
    const rules = clause.rules.declarations;
    const calendar = periodCalendar(month, rules);
    const closed = on > calendar.lastOpenDay;
    const reopening = closed
      ? ((reopenings ?? []).find((candidate) => candidate.month === month && candidate.reopenedOn <= on && on <= reopeningEnd(candidate, rules.closingDays)) ?? null)
      : null;
    const needsOpenMonth = CHANGES_NEEDING_AN_OPEN_MONTH.has(kind);
    const allowed = !closed || !needsOpenMonth || reopening !== null;
    const label = monthLabelFr(month);
    const message = !closed
      ? `Le mois de ${label} est ouvert jusqu’au ${formatDateFr(calendar.lastOpenDay)}.`
      : !allowed
        ? `Le mois de ${label} est clos depuis le ${formatDateFr(calendar.closedFrom)} : une réouverture motivée par le facilitateur ou l’acheteur est nécessaire.`
        : reopening
          ? `Le mois de ${label} est clos, rouvert le ${formatDateFr(reopening.reopenedOn)} (motif : ${reopening.reason}) : les chiffres modifiés seront marqués révisés.`
          : CHANGES_THAT_REVISE.has(kind)
            ? `Le mois de ${label} est clos : ce résultat de contrôle révise ses chiffres.`
            : `Le mois de ${label} est clos : la décision porte sur une déclaration transmise à temps.`;
    return ok({
      ...calendar,
      kind,
      on,
      closed,
      allowed,
      needsReopening: !allowed,
      reopeningId: reopening?.id ?? null,
      revised: closed && allowed && CHANGES_THAT_REVISE.has(kind),
      message,
    });
  });
}

const reopeningRequestSchema = z.object({
  clause: insertionClauseSchema,
  reopening: reopeningSchema,
});
export type ReopeningRequest = z.input<typeof reopeningRequestSchema>;

/** A reopening is accepted only on a closed month, with a reason, for a period that ends after it starts. */
export function checkReopening(input: ReopeningRequest): Result<PeriodReopening> {
  return andThen(validateWith(reopeningRequestSchema, input), ({ clause, reopening }): Result<PeriodReopening> => {
    const calendar = periodCalendar(reopening.month, clause.rules.declarations);
    if (reopening.reason.trim().length === 0) {
      return fail([makeViolation('reopening_reason_required', 'reopening.reason', 'Une réouverture doit être motivée : indiquez la raison.')]);
    }
    if (reopening.reopenedOn <= calendar.lastOpenDay) {
      return fail([
        makeViolation(
          'period_not_closed',
          'reopening.month',
          `Le mois de ${monthLabelFr(reopening.month)} est encore ouvert jusqu’au ${formatDateFr(calendar.lastOpenDay)} : rien à rouvrir.`,
        ),
      ]);
    }
    if (reopening.until != null && reopening.until < reopening.reopenedOn) {
      return fail([makeViolation('inverted_dates', 'reopening.until', 'La fin de la réouverture précède son début.')]);
    }
    return ok({ ...reopening, reason: reopening.reason.trim(), until: reopeningEnd(reopening, clause.rules.declarations.closingDays) });
  });
}
