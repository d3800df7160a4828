import type { DeclarationCheck, DeclarationViolationCode, Finding } from '@app/shared';

/**
 * What a check's violations mean for each party. The domain says which violations are errors (they
 * block the facilitator's validation); among them, two are not the contractor's to fix and so do not
 * stop a declaration from being transmitted: the eligibility (the facilitator validates it) and the
 * proof (attached after an import, before the validation). Every other error is refused at once.
 */
const REGULARISED_BEFORE_VALIDATION: ReadonlySet<DeclarationViolationCode> = new Set(['eligibility_not_valid', 'proof_missing']);

export function findingsOf(check: DeclarationCheck): Finding[] {
  return check.violations.map((violation) => ({
    code: violation.code,
    severity: violation.severity,
    message: violation.message,
    blocks: violation.severity === 'warning' ? 'nothing' : REGULARISED_BEFORE_VALIDATION.has(violation.code) ? 'validation' : 'submission',
  }));
}

export const blocksSubmission = (findings: readonly Finding[]): Finding[] => findings.filter((finding) => finding.blocks === 'submission');
export const blocksValidation = (findings: readonly Finding[]): Finding[] => findings.filter((finding) => finding.blocks !== 'nothing');
