import type { EntitySchema } from '@mikro-orm/core';
import { OrganisationSchema } from './organisation.entity.js';
import { UserSchema } from './user.entity.js';
import { SessionSchema } from './session.entity.js';
import { LoginThrottleSchema } from './login-throttle.entity.js';
import { AuditEventSchema } from './audit-event.entity.js';
import { MandateSchema } from './mandate.entity.js';
import { OperationSchema } from './operation.entity.js';
import { ContractSchema } from './contract.entity.js';
import { ContractPartySchema } from './contract-party.entity.js';
import { LotSchema } from './lot.entity.js';
import { InsertionClauseSchema } from './insertion-clause.entity.js';
import { AmendmentSchema } from './amendment.entity.js';
import { PurchaseOrderSchema } from './purchase-order.entity.js';
import { DecpImportSchema } from './decp-import.entity.js';
import { CommuneSchema, ReferentialVersionSchema, RomeAppellationSchema, RomeFicheSchema } from './referential.entity.js';
import { EligibilityCriterionSchema, EligibilityValidationSchema, ParticipantSchema, ProofDocumentSchema } from './participant.entity.js';
import { PlacementSchema } from './placement.entity.js';
import { JobNeedSchema } from './job-need.entity.js';
import { CandidateProposalSchema } from './candidate-proposal.entity.js';
import { ParticipantReachSchema } from './participant-reach.entity.js';
import { DeclarationProofSchema, HourDeclarationSchema } from './hour-declaration.entity.js';
import { DeclarationImportLineSchema, DeclarationImportSchema } from './declaration-import.entity.js';
import { NoticeFileSchema, NoticeResponseSchema, NoticeSchema } from './notice.entity.js';
import { NotificationSchema } from './notification.entity.js';
import { BuyerMonthTotalSchema, BuyerStatusTotalSchema, ClauseDashboardRowSchema, ClauseDeclarationStateSchema, ClauseMonthTotalSchema } from './clause-figures.entity.js';

export * from './organisation.entity.js';
export * from './user.entity.js';
export * from './session.entity.js';
export * from './login-throttle.entity.js';
export * from './audit-event.entity.js';
export * from './mandate.entity.js';
export * from './operation.entity.js';
export * from './contract.entity.js';
export * from './contract-party.entity.js';
export * from './lot.entity.js';
export * from './insertion-clause.entity.js';
export * from './amendment.entity.js';
export * from './purchase-order.entity.js';
export * from './decp-import.entity.js';
export * from './referential.entity.js';
export * from './participant.entity.js';
export * from './placement.entity.js';
export * from './job-need.entity.js';
export * from './candidate-proposal.entity.js';
export * from './participant-reach.entity.js';
export * from './hour-declaration.entity.js';
export * from './declaration-import.entity.js';
export * from './notice.entity.js';
export * from './notification.entity.js';
export * from './clause-figures.entity.js';

/** Every entity, passed explicitly to MikroORM (no folder discovery, no reflection). */
// Typed as a plain list: the inferred tuple of every schema is too long for the declaration emitter.
export const entities: EntitySchema<any, never>[] = [
  OrganisationSchema, UserSchema, SessionSchema, LoginThrottleSchema, AuditEventSchema,
  MandateSchema, OperationSchema, ContractSchema, ContractPartySchema, LotSchema, InsertionClauseSchema,
  AmendmentSchema, PurchaseOrderSchema, DecpImportSchema,
  RomeFicheSchema, RomeAppellationSchema, CommuneSchema, ReferentialVersionSchema,
  ParticipantSchema, ProofDocumentSchema, EligibilityValidationSchema, EligibilityCriterionSchema, PlacementSchema, JobNeedSchema, CandidateProposalSchema, ParticipantReachSchema,
  HourDeclarationSchema, DeclarationProofSchema, DeclarationImportSchema, DeclarationImportLineSchema,
  NoticeSchema, NoticeResponseSchema, NoticeFileSchema,
  NotificationSchema,
  ClauseMonthTotalSchema, ClauseDeclarationStateSchema, ClauseDashboardRowSchema, BuyerStatusTotalSchema, BuyerMonthTotalSchema,
];
