/**
 * Good-faith efforts (efforts de bonne foi, decisions.md §15). The contractor's dated job needs are the
 * record. For each need, once the clause's answer delay (default 15 days) has passed:
 *   - no candidate proposed within the delay → the need's unfilled hours are credited;
 *   - every candidate proposed within the delay was hired → the unfilled hours (if any) are credited;
 *   - a candidate proposed within the delay and not hired → no credit for that need.
 * Unfilled hours = positions not filled (headcount − people hired on the need, whenever proposed)
 * × weekly hours × weeks: a person hired late counts as counted hours, never also as a credit.
 * A withdrawn proposal (taken back by the facilitator) is as if never made. The credit reduces the
 * penalty's shortfall when the clause says so (penalties.ts).
 */
import { z } from 'zod';
import { addDays, type IsoDate } from './calendar.js';
import { formatDateFr, formatHours } from './format.js';
import { DEFAULT_GOOD_FAITH_RULES } from './parameters.js';
import { andThen, ok, validateWith, type Result } from './result.js';
import { countField, enumField, goodFaithRulesSchema, idField, isoDateField, listField, minutesField } from './schemas.js';

// The same values as the API's proposal statuses (schemas/proposal.ts), which build on the domain, not the reverse.
const PROPOSAL_STATUSES = ['proposed', 'accepted', 'declined', 'withdrawn'] as const;

const jobNeedSchema = z.object({
  id: idField('Identifiant du besoin'),
  /** Day the contractor asked for candidates. */
  requestedOn: isoDateField('Date de la demande'),
  weeklyMinutes: minutesField('Durée hebdomadaire du poste'),
  durationWeeks: countField('Durée du besoin (semaines)'),
  headcount: countField('Nombre de postes'),
  proposals: listField(
    z.object({
      participantId: idField('Personne proposée'),
      proposedOn: isoDateField('Date de la proposition'),
      /** `accepted`: the contractor hired the person. */
      status: enumField(PROPOSAL_STATUSES, 'Suite donnée à la proposition'),
    }),
    'Propositions',
  ),
});
export type JobNeedRecord = z.infer<typeof jobNeedSchema>;

export type GoodFaithOutcome =
  | 'credited_no_candidate'
  | 'credited_all_hired'
  | 'filled'
  | 'candidate_not_hired'
  | 'awaiting_answer'
  | 'awaiting_proposal';

export interface NeedCredit {
  readonly needId: string;
  readonly outcome: GoodFaithOutcome;
  /** requestedOn + answer delay: proposals made by then are "in time". */
  readonly answerDeadline: IsoDate;
  readonly unfilledPositions: number;
  readonly creditedMinutes: number;
  readonly explanation: string;
}

export interface GoodFaithCredit {
  readonly creditedMinutes: number;
  readonly needs: readonly NeedCredit[];
}

const goodFaithInputSchema = z.object({
  needs: listField(jobNeedSchema, 'Besoins de recrutement'),
  /** The clause's `goodFaith` rules (answer delay); defaults when absent. */
  rules: goodFaithRulesSchema.nullish(),
  today: isoDateField('Date du jour'),
});
export type GoodFaithInput = z.input<typeof goodFaithInputSchema>;

function assessNeed(need: JobNeedRecord, answerDelayDays: number, today: IsoDate): NeedCredit {
  const answerDeadline = addDays(need.requestedOn, answerDelayDays);
  const live = need.proposals.filter((proposal) => proposal.status !== 'withdrawn');
  const inTime = live.filter((proposal) => proposal.proposedOn <= answerDeadline);
  const hired = live.filter((proposal) => proposal.status === 'accepted').length;
  const unfilledPositions = Math.max(0, need.headcount - hired);
  const unfilledMinutes = unfilledPositions * need.weeklyMinutes * need.durationWeeks;
  const hours = `${unfilledPositions} poste${unfilledPositions > 1 ? 's' : ''} non pourvu${unfilledPositions > 1 ? 's' : ''} × ${formatHours(need.weeklyMinutes)} × ${need.durationWeeks} semaine${need.durationWeeks > 1 ? 's' : ''} = ${formatHours(unfilledMinutes)}`;
  const requested = `Besoin du ${formatDateFr(need.requestedOn)}`;
  const result = (outcome: GoodFaithOutcome, creditedMinutes: number, explanation: string): NeedCredit => ({
    needId: need.id,
    outcome,
    answerDeadline,
    unfilledPositions,
    creditedMinutes,
    explanation,
  });

  if (inTime.length === 0) {
    if (today <= answerDeadline) return result('awaiting_proposal', 0, `${requested} : le facilitateur a jusqu’au ${formatDateFr(answerDeadline)} pour proposer un candidat.`);
    if (unfilledPositions === 0) return result('filled', 0, `${requested} : tous les postes sont pourvus, rien à créditer.`);
    return result('credited_no_candidate', unfilledMinutes, `${requested} : aucun candidat proposé avant le ${formatDateFr(answerDeadline)} ; ${hours} d’efforts de bonne foi.`);
  }
  if (inTime.some((proposal) => proposal.status === 'declined')) {
    return result('candidate_not_hired', 0, `${requested} : un candidat proposé à temps n’a pas été recruté ; pas d’efforts de bonne foi pour ce besoin.`);
  }
  if (inTime.some((proposal) => proposal.status === 'proposed')) {
    return result('awaiting_answer', 0, `${requested} : une proposition attend la réponse de l’entreprise.`);
  }
  if (unfilledPositions === 0) return result('filled', 0, `${requested} : tous les postes sont pourvus, rien à créditer.`);
  return result('credited_all_hired', unfilledMinutes, `${requested} : toutes les personnes proposées ont été recrutées ; ${hours} d’efforts de bonne foi.`);
}

/** The good-faith hours of a clause's job needs, need by need, as of `today`. */
export function creditGoodFaithEfforts(input: GoodFaithInput): Result<GoodFaithCredit> {
  return andThen(validateWith(goodFaithInputSchema, input), ({ needs, rules, today }) => {
    const answerDelayDays = rules?.answerDelayDays ?? DEFAULT_GOOD_FAITH_RULES.answerDelayDays;
    const assessed = needs.map((need) => assessNeed(need, answerDelayDays, today));
    return ok({ creditedMinutes: assessed.reduce((total, need) => total + need.creditedMinutes, 0), needs: assessed });
  });
}
