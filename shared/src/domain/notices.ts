/**
 * The procedure on a clause that falls behind (decisions.md §10, reference.md §6.4): reminder →
 * formal notice (mise en demeure) with a deadline → contractor response → decision (penalty or
 * waiver). These rules say when each step is allowed; the amounts come from `computePenalties`.
 */
import { formatDateFr, formatHours } from './format.js';
import { computePenalties, type PenaltyAssessment } from './penalties.js';
import { fail, makeViolation, ok, type Result } from './result.js';
import type { PenaltyRules } from './schemas.js';
import type { ComplianceStatus } from './vocabulary.js';

export const NOTICE_KINDS = ['reminder', 'formal_notice'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_KIND_LABELS: Readonly<Record<NoticeKind, string>> = {
  reminder: 'Relance',
  formal_notice: 'Mise en demeure',
};

export const NOTICE_STATUSES = ['sent', 'answered', 'decided'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_STATUS_LABELS: Readonly<Record<NoticeStatus, string>> = {
  sent: 'Envoyée, sans réponse',
  answered: 'Réponse reçue',
  decided: 'Décision prise',
};

export const NOTICE_OUTCOMES = ['penalty', 'waiver'] as const;
export type NoticeOutcome = (typeof NOTICE_OUTCOMES)[number];
export const NOTICE_OUTCOME_LABELS: Readonly<Record<NoticeOutcome, string>> = {
  penalty: 'Pénalité appliquée',
  waiver: 'Exonération',
};

/** Default time left to the contractor by a formal notice (reference.md §6.4: "e.g. 15 days"). */
export const DEFAULT_FORMAL_NOTICE_DAYS = 15;

/** Where the clause stands, as the compliance assessment gives it. */
export interface ClauseStanding {
  readonly status: ComplianceStatus | null;
  /** Periods whose declaration is missing after the deadline. */
  readonly missingPeriods: number;
  readonly requiredMinutes: number;
  readonly countedMinutes: number;
}

/** A clause is "late" when it is at risk, not met, or has declarations missing past their deadline. */
export function isClauseLate(standing: ClauseStanding): boolean {
  return standing.status === 'not_met' || standing.status === 'at_risk' || standing.missingPeriods > 0;
}

/** A reminder or a formal notice is sent only from a late or `not_met` clause (rule `clause_not_late`). */
export function checkNoticeAllowed(input: { standing: ClauseStanding; kind: NoticeKind; sentOn: string; deadline: string | null }): Result<true> {
  if (input.standing.status === 'waived') {
    return fail([makeViolation('clause_waived', '', 'La clause fait l’objet d’une exonération : aucune relance ni mise en demeure.')]);
  }
  if (!isClauseLate(input.standing)) {
    return fail([
      makeViolation('clause_not_late', '', 'La clause n’est ni en retard (à risque ou déclarations manquantes) ni non conforme : pas de relance ni de mise en demeure.'),
    ]);
  }
  if (input.kind === 'formal_notice') {
    if (!input.deadline) return fail([makeViolation('deadline_required', 'deadline', 'Une mise en demeure fixe un délai : indiquez la date limite de réponse.')]);
    if (input.deadline <= input.sentOn) {
      return fail([makeViolation('deadline_before_notice', 'deadline', `La date limite doit suivre la date d’envoi (${formatDateFr(input.sentOn)}).`)]);
    }
  }
  return ok(true);
}

/** The contractor answers until the buyer decides (rule `notice_decided` → 409). */
export function checkResponseAllowed(status: NoticeStatus): Result<true> {
  return status === 'decided'
    ? fail([makeViolation('notice_decided', '', 'L’acheteur a déjà pris sa décision sur ce courrier : la réponse n’est plus possible.')])
    : ok(true);
}

export interface PenaltyDecisionInput {
  readonly standing: ClauseStanding;
  readonly penalties: PenaltyRules;
  readonly contractAmountCents: number;
  readonly notice: { readonly kind: NoticeKind; readonly sentOn: string };
  /** Decision date: the SMIC is read at it. */
  readonly decidedOn: string;
  /** Good-faith hours credited to the clause (good-faith.ts) and whether the clause deducts them. */
  readonly goodFaith?: { readonly creditedMinutes: number; readonly deductFromShortfall: boolean } | null;
}

/**
 * A penalty needs a shortfall: hour-based models apply once the shortfall is final (`not_met`, after
 * the end date and its grace period), the late-report model after a formal notice. A penalty of
 * 0 € is refused (rule `no_shortfall`).
 */
export function decidePenalty(input: PenaltyDecisionInput): Result<PenaltyAssessment> {
  const { standing, penalties } = input;
  if (penalties.models.length === 0) {
    return fail([makeViolation('no_penalty_model', 'model', 'La clause ne prévoit aucun modèle de pénalité : choisissez-en un (montant par heure, SMIC, effort, retard).')]);
  }
  const shortfall = Math.max(0, standing.requiredMinutes - standing.countedMinutes);
  const hourModels = penalties.models.filter((model) => model.model !== 'late_report');
  const lateModels = penalties.models.filter((model) => model.model === 'late_report');
  if (hourModels.length > 0) {
    if (shortfall === 0) {
      return fail([makeViolation('no_shortfall', '', 'Aucune heure ne manque sur cette clause : pas de pénalité possible.')]);
    }
    if (standing.status !== 'not_met') {
      return fail([
        makeViolation('shortfall_not_final', '', `Le manque de ${formatHours(shortfall)} n’est pas encore définitif (clause en cours) : la pénalité se décide quand la clause est non conforme.`),
      ]);
    }
  }
  if (lateModels.length > 0 && input.notice.kind !== 'formal_notice') {
    return fail([makeViolation('formal_notice_required', '', 'La pénalité de retard suppose une mise en demeure restée sans effet.')]);
  }
  const assessment = computePenalties({
    penalties,
    requiredMinutes: standing.requiredMinutes,
    countedMinutes: standing.countedMinutes,
    contractAmountCents: input.contractAmountCents,
    assessmentDate: input.decidedOn,
    lateReport: lateModels.length > 0 ? { formalNoticeDate: input.notice.sentOn, reportReceivedOn: null } : null,
    today: input.decidedOn,
    goodFaith: input.goodFaith ?? null,
  });
  if (assessment.ok && assessment.value.totalCents === 0) {
    return fail([makeViolation('no_shortfall', '', 'Aucun manquement chiffrable (0 €) : pas de pénalité à décider.')]);
  }
  return assessment;
}
