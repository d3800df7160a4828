/**
 * Factories with overrides for tests (domain, API, integration): each test states only what it
 * asserts on. Defaults: a 2025 works clause of 833 h on lot "lot-1", a 35 h CDD from 2 January,
 * an RSA participant validated on 2 January.
 */
import { clauseRules, type ClauseRulesOverrides } from './clause-rules.js';
import type { SignalDeclaration } from './integrity-signals.js';
import type { InsertionClause, EligibilityValidation, HourDeclaration, Placement, SiaeSubcontract } from './schemas.js';

export function aClause(overrides: Partial<Omit<InsertionClause, 'rules'>> & { rules?: ClauseRulesOverrides } = {}): InsertionClause {
  const { rules, ...rest } = overrides;
  return {
    id: 'clause-1',
    lotId: 'lot-1',
    contractorId: 'titulaire-1',
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    requiredMinutes: 833 * 60,
    amountCents: 100_000_000,
    waived: false,
    rules: clauseRules(rules),
    ...rest,
  };
}

export function aPlacement(overrides: Partial<Placement> = {}): Placement {
  return {
    id: 'mp-1',
    participantId: 'p-1',
    clauseId: 'clause-1',
    lotId: 'lot-1',
    modality: 'direct_hire',
    contractType: 'cdd',
    employerId: 'titulaire-1',
    employerRole: 'contractor',
    startDate: '2025-01-02',
    endDate: null,
    weeklyMinutes: 35 * 60,
    preexistingEmployee: false,
    ...overrides,
  };
}

export function aDeclaration(overrides: Partial<HourDeclaration> = {}): HourDeclaration {
  return {
    id: 'd-1',
    placementId: 'mp-1',
    month: '2025-01',
    workedMinutes: 9100,
    trainingMinutes: 0,
    leaveMinutes: 0,
    companyMinutes: null,
    status: 'validated',
    submittedAt: '2025-02-05',
    proofDocumentIds: ['releve-1'],
    ...overrides,
  };
}

export function aValidation(overrides: Partial<EligibilityValidation> = {}): EligibilityValidation {
  return {
    id: 'v-1',
    participantId: 'p-1',
    validatedAt: '2025-01-02',
    validatedBy: 'facilitateur-1',
    validUntil: null,
    criteria: [{ code: 'RSA', proofDate: '2024-12-15', proofValidUntil: null, proofDocumentId: 'attestation-rsa' }],
    exceptionReason: null,
    revokedAt: null,
    ...overrides,
  };
}

export function aSubcontract(overrides: Partial<SiaeSubcontract> = {}): SiaeSubcontract {
  return {
    id: 'st-1',
    clauseId: 'clause-1',
    structureId: 'aci-1',
    structureKind: 'aci',
    labourShare: null,
    hourlyCostCents: null,
    invoices: [],
    attestations: [],
    ...overrides,
  };
}

/** Minutes → hours, for test tables written in hours. */
export const h = (hours: number): number => Math.round(hours * 60);

/** A declaration as the integrity signals see it (integrity-signals.ts): 123 h in March 2025 by company A, validated. */
export function aSignalDeclaration(overrides: Partial<SignalDeclaration> = {}): SignalDeclaration {
  return {
    id: 'd-1',
    participantId: 'p-1',
    placementId: 'mp-1',
    clauseId: 'clause-1',
    employerSiret: 'entreprise-a',
    holderSiret: null,
    month: '2025-03',
    minutes: 123 * 60,
    status: 'validated',
    submittedAt: '2025-04-05',
    weeklyMinutes: 35 * 60,
    proofs: [{ sha256: `empreinte-${overrides.id ?? 'd-1'}`, kind: 'payslip' }],
    validatedBy: 'facilitateur-1',
    validatedOn: '2025-04-08',
    ...overrides,
  };
}
