/**
 * Eligibility windows (decisions.md §5): a facilitator validates a participant on a date, on criteria
 * with proofs; the validation lasts `validityMonths` (24) and hours before it do not count (C2,
 * tolerance `graceDays`, default 0).
 */
import { z } from 'zod';
import { addDays, addMonths, minIsoDate, type DateRange, type IsoDate } from './calendar.js';
import { criterionByCode, type CriterionCode } from './eligibility-criteria.js';
import { formatDateFr } from './format.js';
import { andThen, ok, validateWith, type Result } from './result.js';
import {
  clauseRulesSchema,
  eligibilityValidationSchema,
  idField,
  isoDateField,
  listField,
  type ClauseRules,
  type EligibilityCriterionProof,
  type EligibilityValidation,
} from './schemas.js';

/** What decides eligibility for one clause, taken from its rules. */
export interface EligibilityPolicy {
  readonly validityMonths: number;
  readonly requireProofs: boolean;
  readonly requiredCriteria: readonly CriterionCode[];
  /** Days before the validation whose hours still count (C2). */
  readonly graceDays: number;
}

export function eligibilityPolicyOf(rules: ClauseRules): EligibilityPolicy {
  return {
    validityMonths: rules.eligibility.validityMonths,
    requireProofs: rules.eligibility.requireProofs,
    requiredCriteria: rules.eligibility.requiredCriteria,
    graceDays: rules.counting.c2.enabled ? rules.counting.c2.graceDays : 0,
  };
}

export type EligibilityProblemCode =
  | 'proof_missing'
  | 'proof_outdated'
  | 'proof_after_validation'
  | 'proof_expired_at_validation'
  | 'exception_without_reason'
  | 'required_criterion_missing'
  | 'no_proven_criterion';

export interface EligibilityProblem {
  readonly code: EligibilityProblemCode;
  readonly message: string;
}

export interface CriterionAssessment {
  readonly code: CriterionCode;
  readonly label: string;
  readonly proven: boolean;
  readonly problem: EligibilityProblem | null;
}

export interface ValidationAssessment {
  readonly validationId: string;
  readonly participantId: string;
  readonly validatedAt: IsoDate;
  /** First day whose hours count: validation date minus the tolerance. */
  readonly countsFrom: IsoDate;
  /** Last day of validity (inclusive), revocation taken into account. */
  readonly validUntil: IsoDate;
  readonly usable: boolean;
  readonly criteria: readonly CriterionAssessment[];
  readonly problems: readonly EligibilityProblem[];
}

/** Validity end: explicit, or validation + N months − 1 day (validated 2025-01-02 → valid until 2027-01-01). */
export function validityEnd(validation: EligibilityValidation, validityMonths: number): IsoDate {
  const end = validation.validUntil ?? addDays(addMonths(validation.validatedAt, validityMonths), -1);
  return validation.revokedAt ? minIsoDate(end, addDays(validation.revokedAt, -1)) : end;
}

function assessCriterion(
  proof: EligibilityCriterionProof,
  validation: EligibilityValidation,
  policy: EligibilityPolicy,
): CriterionAssessment {
  const criterion = criterionByCode(proof.code);
  const result = (problem: EligibilityProblem | null): CriterionAssessment => ({
    code: proof.code,
    label: criterion.label,
    proven: problem === null,
    problem,
  });
  if (criterion.proofRule === 'reason') {
    return result(
      validation.exceptionReason?.trim()
        ? null
        : { code: 'exception_without_reason', message: 'Dérogation sans motif : l’avis motivé est obligatoire.' },
    );
  }
  if (!policy.requireProofs) return result(null);
  const present = Boolean(proof.proofDocumentId) || Boolean(proof.proofDate);
  const missing: EligibilityProblem = { code: 'proof_missing', message: `${criterion.label} : justificatif manquant (${criterion.proofType}).` };
  switch (criterion.proofRule) {
    case 'identity':
      return result(present ? null : missing);
    case 'valid_at_validation':
      if (!present) return result(missing);
      return result(
        proof.proofValidUntil && proof.proofValidUntil < validation.validatedAt
          ? { code: 'proof_expired_at_validation', message: `${criterion.label} : le justificatif n’était plus valide le ${formatDateFr(validation.validatedAt)}.` }
          : null,
      );
    case 'issued_within': {
      if (!proof.proofDate) return result({ ...missing, message: `${criterion.label} : date du justificatif manquante (${criterion.proofType}).` });
      if (proof.proofDate > validation.validatedAt) {
        return result({ code: 'proof_after_validation', message: `${criterion.label} : justificatif daté après la validation.` });
      }
      const months = criterion.proofFreshnessMonths ?? 0;
      // "Datant de moins de N mois": the proof must be strictly less than N months old at validation.
      return result(
        addMonths(proof.proofDate, months) > validation.validatedAt
          ? null
          : { code: 'proof_outdated', message: `${criterion.label} : justificatif de plus de ${months} mois au jour de la validation.` },
      );
    }
  }
}

/** Checks one validation: criteria, proofs and their freshness, criteria the clause requires. */
export function assessValidation(validation: EligibilityValidation, policy: EligibilityPolicy): ValidationAssessment {
  const criteria = validation.criteria.map((proof) => assessCriterion(proof, validation, policy));
  const proven = new Set(criteria.filter((criterion) => criterion.proven).map((criterion) => criterion.code));
  const problems: EligibilityProblem[] = criteria.flatMap((criterion) => (criterion.problem ? [criterion.problem] : []));
  if (proven.size === 0) {
    problems.push({ code: 'no_proven_criterion', message: 'Aucun critère d’éligibilité n’est justifié.' });
  }
  for (const required of policy.requiredCriteria) {
    if (!proven.has(required)) {
      problems.push({
        code: 'required_criterion_missing',
        message: `Critère exigé par la clause non justifié : ${criterionByCode(required).label}.`,
      });
    }
  }
  const usable = proven.size > 0 && policy.requiredCriteria.every((required) => proven.has(required));
  return {
    validationId: validation.id,
    participantId: validation.participantId,
    validatedAt: validation.validatedAt,
    countsFrom: addDays(validation.validatedAt, -policy.graceDays),
    validUntil: validityEnd(validation, policy.validityMonths),
    usable,
    criteria,
    problems,
  };
}

export interface EligibilityWindow extends DateRange {
  readonly validationId: string;
}

/** The date ranges during which a participant's hours may count (usable validations only). */
export function eligibilityWindows(validations: readonly EligibilityValidation[], policy: EligibilityPolicy): EligibilityWindow[] {
  return validations
    .map((validation) => assessValidation(validation, policy))
    .filter((assessment) => assessment.usable && assessment.countsFrom <= assessment.validUntil)
    .map((assessment) => ({ validationId: assessment.validationId, start: assessment.countsFrom, end: assessment.validUntil }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

export type EligibilityRefusalCode = 'no_validation' | 'before_validation' | 'expired' | 'revoked' | EligibilityProblemCode;

export type EligibilityAnswer =
  | { readonly eligible: true; readonly validationId: string; readonly from: IsoDate; readonly until: IsoDate }
  | { readonly eligible: false; readonly reason: EligibilityRefusalCode; readonly message: string };

const eligibilityQuestionSchema = z.object({
  participantId: idField('Identifiant du participant'),
  date: isoDateField('Date'),
  validations: listField(eligibilityValidationSchema, 'Validations d’éligibilité'),
  rules: clauseRulesSchema,
});
export type EligibilityQuestion = z.infer<typeof eligibilityQuestionSchema>;

/** "Is this person eligible on date D for this clause?", with the reason when not. */
export function isEligibleOn(question: EligibilityQuestion): Result<EligibilityAnswer> {
  return andThen(validateWith(eligibilityQuestionSchema, question), ({ participantId, date, validations, rules }): Result<EligibilityAnswer> => {
    const policy = eligibilityPolicyOf(rules);
    const own = validations.filter((validation) => validation.participantId === participantId);
    if (own.length === 0) {
      return ok({ eligible: false, reason: 'no_validation', message: 'Aucune validation d’éligibilité pour cette personne.' });
    }
    const assessments = own.map((validation) => assessValidation(validation, policy));
    const covering = assessments.find((a) => a.usable && a.countsFrom <= date && date <= a.validUntil);
    if (covering) {
      return ok({ eligible: true, validationId: covering.validationId, from: covering.countsFrom, until: covering.validUntil });
    }
    const usable = assessments.filter((a) => a.usable);
    const later = usable.filter((a) => a.countsFrom > date).sort((a, b) => (a.countsFrom < b.countsFrom ? -1 : 1))[0];
    if (later) {
      return ok({
        eligible: false,
        reason: 'before_validation',
        message: `Éligibilité validée le ${formatDateFr(later.validatedAt)} seulement : les heures antérieures ne comptent pas.`,
      });
    }
    const earlier = usable.sort((a, b) => (a.validUntil > b.validUntil ? -1 : 1))[0];
    if (earlier) {
      const revoked = own.find((validation) => validation.id === earlier.validationId)?.revokedAt;
      return ok(
        revoked && revoked <= date
          ? { eligible: false, reason: 'revoked', message: `Éligibilité retirée le ${formatDateFr(revoked)}.` }
          : { eligible: false, reason: 'expired', message: `Éligibilité expirée depuis le ${formatDateFr(addDays(earlier.validUntil, 1))}.` },
      );
    }
    // No usable validation: report the first problem of the most recent one.
    const latest = [...assessments].sort((a, b) => (a.validatedAt > b.validatedAt ? -1 : 1))[0];
    const problem = latest?.problems[0] ?? { code: 'no_proven_criterion' as const, message: 'Aucun critère d’éligibilité n’est justifié.' };
    return ok({ eligible: false, reason: problem.code, message: problem.message });
  });
}
