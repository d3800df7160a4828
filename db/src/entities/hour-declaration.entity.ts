import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrganisationSchema } from './organisation.entity.js';
import { ContractSchema } from './contract.entity.js';
import { LotSchema } from './lot.entity.js';
import { InsertionClauseSchema } from './insertion-clause.entity.js';
import { PlacementSchema } from './placement.entity.js';

/**
 * A monthly declaration of hours (déclaration d'heures) for one placement and one month — at most one
 * per placement and month, which makes re-importing a statement idempotent. The lot, clause, contract,
 * buyer and holder are copied from the placement when the declaration is created: the lists, the
 * validation queue and the tenant scoping filter on them without joins. `version` is the optimistic
 * lock: two facilitators deciding at once, one wins, the other gets a 409.
 */
export const HourDeclarationSchema = defineEntity({
  name: 'HourDeclaration',
  tableName: 'hour_declaration',
  uniques: [{ properties: ['placement', 'month'] }],
  indexes: [
    { properties: ['buyer', 'status', 'month'] },
    { properties: ['holderIdentifier', 'month'] },
    { properties: ['clause', 'status'] },
    { properties: ['contract', 'month'] },
  ],
  properties: {
    id: p.uuid().primary(),
    placement: () => p.manyToOne(PlacementSchema),
    month: p.string().length(7),
    // Lot, clause, contract and buyer are copies of the placement's (whose foreign key stays): no
    // foreign key of their own, whose checks cost a third of an import's 100 000 inserts; nothing
    // deletes a lot, a clause, a contract or an organisation.
    lot: () => p.manyToOne(LotSchema).index().createForeignKeyConstraint(false),
    clause: () => p.manyToOne(InsertionClauseSchema).nullable().createForeignKeyConstraint(false),
    contract: () => p.manyToOne(ContractSchema).createForeignKeyConstraint(false),
    buyer: () => p.manyToOne(OrganisationSchema).createForeignKeyConstraint(false),
    /** SIRET of the lot's holder: the contractor that declares. */
    holderIdentifier: p.string().length(30),
    status: p.string().length(12),
    version: p.integer().version(),
    workedMinutes: p.integer(),
    trainingMinutes: p.integer().nullable(),
    attestedMinutes: p.integer().nullable(),
    invoiceCents: p.bigint('number').nullable(),
    comment: p.text().nullable(),
    rejectionReason: p.text().nullable(),
    source: p.string().length(8).default('form'),
    importId: p.uuid().nullable(),
    submittedAt: p.datetime().nullable(),
    submittedBy: p.uuid().nullable(),
    decidedAt: p.datetime().nullable(),
    decidedBy: p.uuid().nullable(),
    decidedByName: p.string().length(200).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type HourDeclarationEntity = InferEntity<typeof HourDeclarationSchema>;

/** A proof attached to a declaration (payslip, mission statement, SIAE attestation, invoice): the file is on disk. */
export const DeclarationProofSchema = defineEntity({
  name: 'DeclarationProof',
  tableName: 'declaration_proof',
  properties: {
    id: p.uuid().primary(),
    declaration: () => p.manyToOne(HourDeclarationSchema).index().deleteRule('cascade'),
    kind: p.string().length(20),
    storageKey: p.string().length(64).unique(),
    originalName: p.string().length(200),
    mediaType: p.string().length(40),
    sizeBytes: p.integer(),
    sha256: p.string().length(64),
    uploadedBy: p.uuid(),
    uploadedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type DeclarationProofEntity = InferEntity<typeof DeclarationProofSchema>;
