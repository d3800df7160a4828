/**
 * Matching participants to a job need (issue « rapprochement ») — a pure, explainable score.
 *
 * Hard conditions (a candidate failing one is excluded, with the reason):
 * eligible on the need's start date under the clause's rules (`isEligibleOn`), holding one of the
 * clause's target publics, living in a QPV when the clause is ANRU, available on the start date,
 * not already placed full time over the need's dates, within their own mobility radius, and wanting
 * a job of the same ROME family (domaine professionnel).
 *
 * The score (0–100) is a weighted sum of four parts in [0, 1]: job match (same appellation > same ROME
 * code > same family), closeness (1 at the site, 0 at the edge of the person's radius), waiting time
 * (1 after a year), and the clause's priority publics. Weights are parameters.
 */
import { daysBetween, type IsoDate } from './calendar.js';
import { criterionByCode, type CriterionCode } from './eligibility-criteria.js';
import { assessValidation, eligibilityPolicyOf, isEligibleOn } from './eligibility.js';
import { formatDateFr, formatNumberFr } from './format.js';
import type { ClauseRules, EligibilityValidation } from './schemas.js';
import type { ClauseType } from './vocabulary.js';

export interface MatchingWeights {
  readonly job: number;
  readonly distance: number;
  readonly waiting: number;
  readonly priority: number;
}

export const DEFAULT_MATCHING_WEIGHTS: MatchingWeights = { job: 0.4, distance: 0.25, waiting: 0.2, priority: 0.15 };

/** Score of each job-match level. */
export const JOB_MATCH_SCORES = { appellation: 1, rome: 0.7, family: 0.4 } as const;
export type JobMatchLevel = keyof typeof JOB_MATCH_SCORES;

/** Legal full time (35 h): someone already placed this much over the need's dates is not a candidate. */
export const FULL_TIME_WEEKLY_MINUTES = 35 * 60;
/** Waiting time that earns the full waiting score. */
export const WAITING_FULL_SCORE_DAYS = 365;
/** Participants' mobility radius is capped here (and the database pre-filter relies on it). */
export const MAX_MOBILITY_RADIUS_KM = 200;

export interface Position {
  readonly latitude: number;
  readonly longitude: number;
  /** True when the commune's point is an approximation (see db/data/geo/README.md). */
  readonly approximate: boolean;
}

export interface TargetJob {
  readonly appellationCode: string;
  readonly appellationLabel: string;
  readonly romeCode: string;
}

/** ROME family = domaine professionnel: the first three characters of the ROME code (F17 for F1703). */
export function romeFamily(romeCode: string): string {
  return romeCode.slice(0, 3);
}

export interface JobMatch {
  readonly level: JobMatchLevel;
  readonly target: TargetJob;
}

/** The best match between the job sought and the person's target jobs, or null. */
export function bestJobMatch(need: { appellationCode: string; romeCode: string }, targets: readonly TargetJob[]): JobMatch | null {
  const levelOf = (target: TargetJob): JobMatchLevel | null =>
    target.appellationCode === need.appellationCode
      ? 'appellation'
      : target.romeCode === need.romeCode
        ? 'rome'
        : romeFamily(target.romeCode) === romeFamily(need.romeCode)
          ? 'family'
          : null;
  let best: JobMatch | null = null;
  for (const target of targets) {
    const level = levelOf(target);
    if (level && (!best || JOB_MATCH_SCORES[level] > JOB_MATCH_SCORES[best.level])) best = { level, target };
  }
  return best;
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in km (haversine). */
export function distanceKm(a: Pick<Position, 'latitude' | 'longitude'>, b: Pick<Position, 'latitude' | 'longitude'>): number {
  const rad = (degrees: number): number => (degrees * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type ParticipantAvailability = 'searching' | 'placed' | 'unavailable' | 'exited';

export interface CandidateFacts {
  readonly participantId: string;
  readonly status: ParticipantAvailability;
  readonly availableFrom: IsoDate;
  readonly waitingSince: IsoDate;
  readonly mobilityRadiusKm: number;
  readonly position: Position | null;
  readonly qpvResidence: 'yes' | 'no' | 'unknown';
  readonly targets: readonly TargetJob[];
  readonly validations: readonly EligibilityValidation[];
  /** Weekly minutes of the person's placements that overlap the need's dates. */
  readonly overlappingWeeklyMinutes: number;
}

export interface NeedFacts {
  readonly appellationCode: string;
  readonly appellationLabel: string;
  readonly romeCode: string;
  readonly startDate: IsoDate;
  readonly site: Position | null;
}

export interface ClauseTargeting {
  readonly type: ClauseType;
  readonly rules: ClauseRules;
  /** Publics the clause targets: a candidate must hold one of them (empty: any eligible person). */
  readonly targetCriteria: readonly CriterionCode[];
  /** Publics the clause gives priority to (score only). */
  readonly priorityCriteria: readonly CriterionCode[];
}

export type MatchExclusionCode =
  | 'no_job_match'
  | 'not_available'
  | 'placed_full_time'
  | 'not_eligible'
  | 'not_target_public'
  | 'not_qpv_resident'
  | 'too_far';

export type ReasonKind = 'job' | 'distance' | 'eligibility' | 'waiting' | 'priority';

export interface MatchReason {
  readonly kind: ReasonKind;
  readonly text: string;
}

export interface ScoreParts {
  readonly job: number;
  readonly distance: number;
  readonly waiting: number;
  readonly priority: number;
}

export interface RankedCandidate {
  readonly participantId: string;
  readonly rank: number;
  /** 0–100. */
  readonly score: number;
  readonly parts: ScoreParts;
  readonly jobMatch: JobMatch;
  /** Rounded to the km, null when a position is unknown. */
  readonly distanceKm: number | null;
  readonly distanceApproximate: boolean;
  readonly eligibleUntil: IsoDate;
  readonly waitingDays: number;
  /** The clause's priority publics this person holds (criteria: facilitators only). */
  readonly priorityCriteria: readonly CriterionCode[];
  readonly reasons: readonly MatchReason[];
}

export type CandidateAssessment =
  | { readonly ok: true; readonly candidate: Omit<RankedCandidate, 'rank'> }
  | { readonly ok: false; readonly participantId: string; readonly exclusion: MatchExclusionCode; readonly message: string };

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

function waitingText(days: number): string {
  if (days < 31) return `En attente depuis ${days} jour${days > 1 ? 's' : ''}`;
  const months = Math.floor(days / 30.4375);
  return months < 24 ? `En attente depuis ${months} mois` : `En attente depuis ${Math.floor(months / 12)} ans`;
}

const JOB_TEXT: Record<JobMatchLevel, (match: JobMatch, need: NeedFacts) => string> = {
  appellation: (m) => `${m.target.appellationLabel} — même métier`,
  rome: (m) => `${m.target.appellationLabel} — même code ROME ${m.target.romeCode}`,
  family: (m, need) => `${m.target.appellationLabel} — même famille de métiers ${romeFamily(need.romeCode)}`,
};

/** Checks the hard conditions and scores one person for one need; `today` measures the waiting time. */
export function assessCandidate(
  facts: CandidateFacts,
  need: NeedFacts,
  clause: ClauseTargeting,
  today: IsoDate,
  weights: MatchingWeights = DEFAULT_MATCHING_WEIGHTS,
): CandidateAssessment {
  const out = (exclusion: MatchExclusionCode, message: string): CandidateAssessment => ({
    ok: false, participantId: facts.participantId, exclusion, message,
  });
  const jobMatch = bestJobMatch(need, facts.targets);
  if (!jobMatch) return out('no_job_match', 'Aucun métier visé dans la même famille de métiers.');
  if (facts.status === 'unavailable' || facts.status === 'exited' || facts.availableFrom > need.startDate) {
    return out('not_available', `Pas disponible le ${formatDateFr(need.startDate)}.`);
  }
  if (facts.overlappingWeeklyMinutes >= FULL_TIME_WEEKLY_MINUTES) {
    return out('placed_full_time', 'Déjà en poste à temps plein sur ces dates.');
  }

  const eligibility = isEligibleOn({ participantId: facts.participantId, date: need.startDate, validations: [...facts.validations], rules: clause.rules });
  if (!eligibility.ok || !eligibility.value.eligible) {
    return out('not_eligible', eligibility.ok && !eligibility.value.eligible ? eligibility.value.message : 'Éligibilité non vérifiable.');
  }
  const covering = facts.validations.find((v) => v.id === (eligibility.value as { validationId: string }).validationId)!;
  const proven = new Set(
    assessValidation(covering, eligibilityPolicyOf(clause.rules)).criteria.filter((c) => c.proven).map((c) => c.code),
  );
  if (clause.targetCriteria.length > 0 && !clause.targetCriteria.some((code) => proven.has(code))) {
    return out('not_target_public', 'Ne relève d’aucun des publics visés par la clause.');
  }
  if (clause.type === 'anru' && facts.qpvResidence !== 'yes') {
    return out('not_qpv_resident', 'Clause ANRU : résidence en quartier prioritaire (QPV) non établie.');
  }

  let distance: number | null = null;
  let distanceScore = 0.5; // unknown position: neither favoured nor excluded, the reason says so
  const approximate = Boolean(facts.position?.approximate || need.site?.approximate);
  if (facts.position && need.site) {
    distance = distanceKm(facts.position, need.site);
    if (distance > facts.mobilityRadiusKm) {
      return out('too_far', `À ${Math.round(distance)} km, au-delà de son rayon de mobilité (${facts.mobilityRadiusKm} km).`);
    }
    distanceScore = facts.mobilityRadiusKm > 0 ? 1 - distance / facts.mobilityRadiusKm : 1;
  }

  const waitingDays = Math.max(0, daysBetween(facts.waitingSince, today));
  const priorityCriteria = clause.priorityCriteria.filter((code) => proven.has(code));
  const parts: ScoreParts = {
    job: JOB_MATCH_SCORES[jobMatch.level],
    distance: round4(distanceScore),
    waiting: round4(Math.min(1, waitingDays / WAITING_FULL_SCORE_DAYS)),
    priority: priorityCriteria.length > 0 ? 1 : 0,
  };
  const score = Math.round(
    100 * (weights.job * parts.job + weights.distance * parts.distance + weights.waiting * parts.waiting + weights.priority * parts.priority),
  );
  const km = distance === null ? null : Math.round(distance);
  const reasons: MatchReason[] = [
    { kind: 'job', text: JOB_TEXT[jobMatch.level](jobMatch, need) },
    {
      kind: 'distance',
      text: km === null ? 'Distance inconnue' : approximate ? `≈ ${formatNumberFr(km)} km (position approchée de la commune)` : `${formatNumberFr(km)} km`,
    },
    { kind: 'eligibility', text: `Éligible jusqu’au ${formatDateFr(eligibility.value.until)}` },
    { kind: 'waiting', text: waitingText(waitingDays) },
    ...priorityCriteria.map((code): MatchReason => ({ kind: 'priority', text: `Public prioritaire de la clause : ${criterionByCode(code).label}` })),
  ];
  return {
    ok: true,
    candidate: {
      participantId: facts.participantId,
      score,
      parts,
      jobMatch,
      distanceKm: km,
      distanceApproximate: approximate && km !== null,
      eligibleUntil: eligibility.value.until,
      waitingDays,
      priorityCriteria,
      reasons,
    },
  };
}

export interface Ranking {
  readonly candidates: readonly RankedCandidate[];
  readonly excluded: readonly Extract<CandidateAssessment, { ok: false }>[];
}

/** Ranks candidates: score, then the longest wait, then the id (a stable order for equal people). */
export function rankCandidates(
  people: readonly CandidateFacts[],
  need: NeedFacts,
  clause: ClauseTargeting,
  today: IsoDate,
  weights: MatchingWeights = DEFAULT_MATCHING_WEIGHTS,
): Ranking {
  const kept: Omit<RankedCandidate, 'rank'>[] = [];
  const excluded: Extract<CandidateAssessment, { ok: false }>[] = [];
  for (const facts of people) {
    const assessment = assessCandidate(facts, need, clause, today, weights);
    if (assessment.ok) kept.push(assessment.candidate);
    else excluded.push(assessment);
  }
  kept.sort((a, b) => b.score - a.score || b.waitingDays - a.waitingDays || (a.participantId < b.participantId ? -1 : 1));
  return { candidates: kept.map((candidate, index) => ({ ...candidate, rank: index + 1 })), excluded };
}

