import { describe, expect, it } from 'vitest';
import { clauseRules } from './clause-rules.js';
import { ELIGIBILITY_CRITERIA, CRITERION_CODES } from './eligibility-criteria.js';
import { assessValidation, eligibilityPolicyOf, isEligibleOn, validityEnd } from './eligibility.js';
import { unwrap } from './result.js';
import type { EligibilityValidation } from './schemas.js';
import { aValidation } from './test-factories.js';

const rules = clauseRules();
const ask = (date: string, validations: EligibilityValidation[], overrides = rules) =>
  unwrap(isEligibleOn({ participantId: 'p-1', date, validations, rules: overrides }));

describe('catalogue des critères d’éligibilité', () => {
  it('reprend les 18 critères administratifs IAE et la liste usuelle des clauses', () => {
    expect(ELIGIBILITY_CRITERIA.filter((criterion) => criterion.lists.includes('iae'))).toHaveLength(18);
    expect(ELIGIBILITY_CRITERIA.map((criterion) => criterion.code)).toEqual([...CRITERION_CODES]);
    const clauseList = ELIGIBILITY_CRITERIA.filter((criterion) => criterion.lists.includes('clause')).map((criterion) => criterion.code);
    expect(clauseList).toEqual(
      expect.arrayContaining(['DELD_12', 'RSA', 'ASS', 'AAH', 'TH', 'JEUNE_DESCOLARISE', 'SENIOR', 'SALARIE_SIAE', 'SALARIE_EA_ESAT', 'SALARIE_GEIQ', 'QPV', 'DETENTION_MJ', 'REF_DA', 'DEROGATION']),
    );
  });

  it.each([
    ['RSA', 'issued_within', 3],
    ['ASE', 'issued_within', 12],
    ['QPV', 'issued_within', 6],
    ['SENIOR', 'identity', null],
    ['TH', 'valid_at_validation', null],
    ['DEROGATION', 'reason', null],
  ])('%s : justificatif %s, fraîcheur %s mois', (code, rule, months) => {
    const criterion = ELIGIBILITY_CRITERIA.find((item) => item.code === code);
    expect([criterion?.proofRule, criterion?.proofFreshnessMonths]).toEqual([rule, months]);
  });
});

describe('fenêtre d’éligibilité : validation + 24 mois', () => {
  it.each([
    ['2025-01-02', '2027-01-01', 'validité de 24 mois par défaut'],
    ['2024-02-29', '2026-02-27', '29 février : 24 mois tombent le 28 février'],
    ['2025-01-31', '2027-01-30', 'fin de mois'],
  ])('validée le %s → valable jusqu’au %s (%s)', (validatedAt, until) => {
    expect(validityEnd(aValidation({ validatedAt }), 24)).toBe(until);
  });

  it('une date de fin explicite et un retrait raccourcissent la fenêtre', () => {
    expect(validityEnd(aValidation({ validUntil: '2025-06-30' }), 24)).toBe('2025-06-30');
    expect(validityEnd(aValidation({ revokedAt: '2025-03-15' }), 24)).toBe('2025-03-14');
  });
});

describe('« Cette personne est-elle éligible le jour J pour cette clause ? »', () => {
  it.each([
    ['le jour de la validation', '2025-01-02', true, null],
    ['la veille de la validation', '2025-01-01', false, 'before_validation'],
    ['le dernier jour des 24 mois', '2027-01-01', true, null],
    ['le lendemain des 24 mois', '2027-01-02', false, 'expired'],
  ])('%s (%s) → éligible : %s', (_label, date, eligible, reason) => {
    const answer = ask(date, [aValidation()]);
    expect(answer.eligible).toBe(eligible);
    if (!answer.eligible) expect(answer.reason).toBe(reason);
  });

  it.each([
    ['aucune validation', [], 'no_validation'],
    ['justificatif RSA de plus de 3 mois', [aValidation({ criteria: [{ code: 'RSA', proofDate: '2024-10-01', proofDocumentId: 'a' }] })], 'proof_outdated'],
    ['justificatif RSA daté d’exactement 3 mois', [aValidation({ criteria: [{ code: 'RSA', proofDate: '2024-10-02', proofDocumentId: 'a' }] })], 'proof_outdated'],
    ['justificatif absent', [aValidation({ criteria: [{ code: 'RSA' }] })], 'proof_missing'],
    ['justificatif postérieur à la validation', [aValidation({ criteria: [{ code: 'RSA', proofDate: '2025-01-10', proofDocumentId: 'a' }] })], 'proof_after_validation'],
    ['dérogation sans motif', [aValidation({ criteria: [{ code: 'DEROGATION' }], exceptionReason: '  ' })], 'exception_without_reason'],
    ['RQTH expirée à la validation', [aValidation({ criteria: [{ code: 'TH', proofDocumentId: 'rqth', proofValidUntil: '2024-12-31' }] })], 'proof_expired_at_validation'],
    ['retrait de l’éligibilité', [aValidation({ revokedAt: '2025-02-01' })], 'revoked'],
  ])('non éligible le 2025-03-01 : %s → %s', (_label, validations, reason) => {
    const answer = ask('2025-03-01', validations as EligibilityValidation[]);
    expect(answer).toEqual(expect.objectContaining({ eligible: false, reason }));
    if (!answer.eligible) expect(answer.message.length).toBeGreaterThan(10);
  });

  it.each([
    ['justificatif RSA daté de 2 mois et 30 jours', [{ code: 'RSA', proofDate: '2024-10-03', proofDocumentId: 'a' }], null],
    ['senior : pièce d’identité sans date', [{ code: 'SENIOR', proofDocumentId: 'cni' }], null],
    ['dérogation motivée', [{ code: 'DEROGATION' }], 'Avis motivé de la Mission locale'],
    ['un critère périmé et un critère valable suffisent', [{ code: 'RSA', proofDate: '2023-01-01' }, { code: 'QPV', proofDate: '2024-12-01' }], null],
  ])('éligible : %s', (_label, criteria, exceptionReason) => {
    const answer = ask('2025-03-01', [aValidation({ criteria: criteria as EligibilityValidation['criteria'], exceptionReason })]);
    expect(answer.eligible).toBe(true);
  });

  it('clause ANRU : la résidence QPV est exigée', () => {
    const anru = clauseRules({ eligibility: { requiredCriteria: ['QPV'] } });
    expect(ask('2025-03-01', [aValidation()], anru)).toEqual(expect.objectContaining({ eligible: false, reason: 'required_criterion_missing' }));
    const withQpv = aValidation({ criteria: [{ code: 'RSA', proofDate: '2024-12-15' }, { code: 'QPV', proofDate: '2024-12-15' }] });
    expect(ask('2025-03-01', [withQpv], anru).eligible).toBe(true);
  });

  it('tolérance C2 : les jours de grâce avant la validation comptent', () => {
    const lenient = clauseRules({ counting: { c2: { graceDays: 5 } } });
    expect(ask('2024-12-28', [aValidation()], lenient).eligible).toBe(true);
    expect(ask('2024-12-27', [aValidation()], lenient).eligible).toBe(false);
  });

  it('sans justificatifs exigés, un critère déclaré suffit', () => {
    const noProof = clauseRules({ eligibility: { requireProofs: false } });
    expect(ask('2025-03-01', [aValidation({ criteria: [{ code: 'RSA' }] })], noProof).eligible).toBe(true);
  });

  it('une revalidation prend le relais de la première', () => {
    const answer = ask('2027-06-01', [aValidation(), aValidation({ id: 'v-2', validatedAt: '2027-01-05', criteria: [{ code: 'DELD_12', proofDate: '2026-12-20' }] })]);
    expect(answer).toEqual(expect.objectContaining({ eligible: true, validationId: 'v-2', until: '2029-01-04' }));
  });

  it('le détail par critère est disponible pour le facilitateur', () => {
    const assessment = assessValidation(
      aValidation({ criteria: [{ code: 'RSA', proofDate: '2024-01-01' }, { code: 'SENIOR', proofDocumentId: 'cni' }] }),
      eligibilityPolicyOf(rules),
    );
    expect(assessment.usable).toBe(true);
    expect(assessment.criteria.map((criterion) => [criterion.code, criterion.proven])).toEqual([
      ['RSA', false],
      ['SENIOR', true],
    ]);
  });

  it('mauvaise entrée : date de validation inversée avec la fin de validité', () => {
    const result = isEligibleOn({ participantId: 'p-1', date: '2025-03-01', validations: [aValidation({ validUntil: '2024-12-31' })], rules });
    expect(result.ok ? [] : result.violations.map((item) => [item.code, item.path])).toEqual([['inverted_dates', 'validations.0.validUntil']]);
  });
});
