import { OrganisationSchema } from './organisation.entity.js';
import { UserSchema } from './user.entity.js';
import { SessionSchema } from './session.entity.js';
import { LoginThrottleSchema } from './login-throttle.entity.js';
import { AuditEventSchema } from './audit-event.entity.js';
import { CommuneSchema, ReferentialVersionSchema, RomeAppellationSchema, RomeFicheSchema } from './referential.entity.js';
import { EligibilityCriterionSchema, EligibilityValidationSchema, ParticipantSchema, ProofDocumentSchema } from './participant.entity.js';
import { PlacementSchema } from './placement.entity.js';

export * from './organisation.entity.js';
export * from './user.entity.js';
export * from './session.entity.js';
export * from './login-throttle.entity.js';
export * from './audit-event.entity.js';
export * from './referential.entity.js';
export * from './participant.entity.js';
export * from './placement.entity.js';

/** Every entity, passed explicitly to MikroORM (no folder discovery, no reflection). */
export const entities = [
  OrganisationSchema, UserSchema, SessionSchema, LoginThrottleSchema, AuditEventSchema,
  RomeFicheSchema, RomeAppellationSchema, CommuneSchema, ReferentialVersionSchema,
  ParticipantSchema, ProofDocumentSchema, EligibilityValidationSchema, EligibilityCriterionSchema, PlacementSchema,
];
