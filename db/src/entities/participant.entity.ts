import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrganisationSchema } from './organisation.entity.js';

/**
 * A person followed by a facilitation structure (its tenant). Never a social security number.
 * Target jobs are kept as arrays of codes (appellation, ROME, family) so that matching can pre-filter
 * with a GIN index; the commune's point is copied here for the same reason.
 */
export const ParticipantSchema = defineEntity({
  name: 'Participant',
  tableName: 'participant',
  indexes: [
    { name: 'participant_target_families_gin', expression: 'create index "participant_target_families_gin" on "participant" using gin ("target_families")' },
    { properties: ['organisation', 'lastName'] },
  ],
  properties: {
    id: p.uuid().primary(),
    organisation: () => p.manyToOne(OrganisationSchema).index(),
    lastName: p.string().length(100),
    firstName: p.string().length(100),
    /** Folded "last first" name (no accents), for the search box. */
    searchName: p.string().length(200).default(''),
    birthDate: p.date().nullable(),
    sex: p.string().length(10),
    email: p.string().length(254).nullable(),
    phone: p.string().length(30).nullable(),
    communeCode: p.string().length(5).nullable(),
    latitude: p.double().nullable(),
    longitude: p.double().nullable(),
    positionApproximate: p.boolean().default(false),
    qpvStatus: p.string().length(10),
    qpvAddress: p.string().length(300).nullable(),
    qpvCheckedOn: p.date().nullable(),
    educationLevel: p.string().length(12),
    drivingLicence: p.boolean(),
    mobilityRadiusKm: p.smallint(),
    targetAppellationCodes: p.array(),
    targetRomeCodes: p.array(),
    targetFamilies: p.array(),
    availableFrom: p.date(),
    status: p.string().length(12),
    waitingSince: p.date(),
    registeredOn: p.date(),
    erasedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type ParticipantEntity = InferEntity<typeof ParticipantSchema>;

/** An uploaded proof (PDF, JPEG, PNG): the file lives on disk under a random name, this row describes it. */
export const ProofDocumentSchema = defineEntity({
  name: 'ProofDocument',
  tableName: 'proof_document',
  properties: {
    id: p.uuid().primary(),
    organisation: () => p.manyToOne(OrganisationSchema).index(),
    participant: () => p.manyToOne(ParticipantSchema).index(),
    storageKey: p.string().length(64).unique(),
    originalName: p.string().length(200),
    mediaType: p.string().length(40),
    sizeBytes: p.integer(),
    sha256: p.string().length(64),
    uploadedBy: p.uuid(),
    uploadedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ProofDocumentEntity = InferEntity<typeof ProofDocumentSchema>;

/** A facilitator's eligibility validation (who, when, until when, exception reason). */
export const EligibilityValidationSchema = defineEntity({
  name: 'EligibilityValidation',
  tableName: 'eligibility_validation',
  properties: {
    id: p.uuid().primary(),
    organisation: () => p.manyToOne(OrganisationSchema).index(),
    participant: () => p.manyToOne(ParticipantSchema).index(),
    validatedAt: p.date(),
    validatedBy: p.uuid(),
    validatedByName: p.string().length(200),
    /** Explicit end of validity; null: validation + the clause's validity (24 months by default). */
    validUntil: p.date().nullable(),
    exceptionReason: p.text().nullable(),
    revokedAt: p.date().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type EligibilityValidationEntity = InferEntity<typeof EligibilityValidationSchema>;

/** One criterion of a validation, with its proof (document and/or date). Sensitive: read through audited routes only. */
export const EligibilityCriterionSchema = defineEntity({
  name: 'EligibilityCriterion',
  tableName: 'eligibility_criterion',
  properties: {
    id: p.uuid().primary(),
    validation: () => p.manyToOne(EligibilityValidationSchema).index().deleteRule('cascade'),
    code: p.string().length(30),
    proofDate: p.date().nullable(),
    proofValidUntil: p.date().nullable(),
    proofDocument: () => p.manyToOne(ProofDocumentSchema).nullable().deleteRule('set null'),
  },
});
export type EligibilityCriterionEntity = InferEntity<typeof EligibilityCriterionSchema>;
