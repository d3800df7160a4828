// Domain core: pure rules shared by the API and the dashboard (no I/O, `today` always passed in).
export * from './result.js';
export * from './calendar.js';
export * from './format.js';
export * from './vocabulary.js';
export * from './parameters.js';
export * from './eligibility-criteria.js';
export * from './clause-rules.js';
export type {
  Amendment,
  InsertionClause,
  ClauseParameters,
  ClauseRules,
  CountingRules,
  DeclarationRules,
  EligibilityCriterionProof,
  EligibilityRules,
  EligibilityValidation,
  GoodFaithRules,
  HourDeclaration,
  PenaltyModel,
  PenaltyRules,
  Placement,
  PoolingAgreement,
  PoolingAllocation,
  PurchaseOrder,
  RequiredHoursMethod,
  SiaeAttestation,
  SiaeInvoice,
  SiaeSubcontract,
  StatusThresholds,
} from './schemas.js';
// Schemas live under one name so that they never collide with the API schemas of `shared/src/schemas`.
export * as domainSchemas from './schemas.js';
export * from './required-hours.js';
export * from './amendments.js';
export * from './eligibility.js';
export * from './plausibility.js';
export * from './counting.js';
export { convertInvoiceToMinutes } from './siae-conversion.js';
export * from './declaration-checks.js';
export * from './deadlines.js';
export * from './compliance.js';
export * from './forecast.js';
export * from './penalties.js';
export * from './reminders.js';
export * from './funder-indicators.js';
export * from './yearly-figures.js';
export * from './aggregation.js';
export * from './matching.js';
export * from './retention.js';
export * from './collections.js';
export * from './notices.js';
export * from './transparency.js';
export * from './dashboard.js';
// Integrity and control (issue 14), beyond one contract (issue 15).
export * from './integrity-signals.js';
export * from './closed-periods.js';
export * from './control-campaigns.js';
export * from './interest-declarations.js';
export * from './co-contractors.js';
export * from './subcontracting.js';
export * from './pooling.js';
export * from './insertion-plan.js';
export * from './good-faith.js';
export { roundTo } from './arithmetic.js';
export * from './letters.js';
export * from './criteria-families.js';
