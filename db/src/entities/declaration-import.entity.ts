import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrganisationSchema } from './organisation.entity.js';

/**
 * An uploaded monthly statement and its checked preview. Confirming commits exactly the lines stored
 * here, in one transaction; `sha256` recognises the same file uploaded again.
 */
export const DeclarationImportSchema = defineEntity({
  name: 'DeclarationImport',
  tableName: 'declaration_import',
  indexes: [{ properties: ['organisation', 'createdAt'] }, { properties: ['organisation', 'sha256'] }],
  properties: {
    id: p.uuid().primary(),
    /** The contractor that uploaded it. */
    organisation: () => p.manyToOne(OrganisationSchema),
    uploadedBy: p.uuid(),
    uploadedByName: p.string().length(200),
    fileName: p.string().length(200),
    format: p.string().length(8).nullable(),
    encoding: p.string().length(20).nullable(),
    sha256: p.string().length(64),
    sizeBytes: p.integer(),
    status: p.string().length(12),
    lineCount: p.integer().default(0),
    counts: p.json<{ create: number; update: number; unchanged: number; error: number }>(),
    warningCount: p.integer().default(0),
    /** File-level problems and the first line errors, for the summary. */
    errors: p.json<{ line: number | null; column: string | null; message: string }[]>(),
    ignoredHeaders: p.json<string[]>(),
    skippedLines: p.integer().default(0),
    blankLines: p.integer().default(0),
    months: p.json<string[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    committedAt: p.datetime().nullable(),
  },
});
export type DeclarationImportEntity = InferEntity<typeof DeclarationImportSchema>;

/**
 * One checked line of a statement. Written and read in bulk (never one entity at a time): resolved
 * placement and copies, the values, what confirming will do, and the version of the declaration it
 * replaces (a change since the preview makes the confirmation refuse).
 */
export const DeclarationImportLineSchema = defineEntity({
  name: 'DeclarationImportLine',
  tableName: 'declaration_import_line',
  properties: {
    declarationImport: () => p.manyToOne(DeclarationImportSchema).primary().deleteRule('cascade'),
    line: p.integer().primary(),
    reference: p.string().length(100),
    month: p.string().length(7).nullable(),
    placementId: p.uuid().nullable(),
    lotId: p.uuid().nullable(),
    clauseId: p.uuid().nullable(),
    contractId: p.uuid().nullable(),
    buyerId: p.uuid().nullable(),
    holderIdentifier: p.string().length(30).nullable(),
    person: p.string().length(220).nullable(),
    lotLabel: p.string().length(320).nullable(),
    workedMinutes: p.integer().nullable(),
    trainingMinutes: p.integer().nullable(),
    attestedMinutes: p.integer().nullable(),
    invoiceCents: p.bigint('number').nullable(),
    comment: p.text().nullable(),
    outcome: p.string().length(10),
    /** Id of the declaration created (chosen at preview) or replaced. */
    declarationId: p.uuid().nullable(),
    existingVersion: p.integer().nullable(),
    existingStatus: p.string().length(12).nullable(),
    existingValues: p.json<Record<string, unknown>>().nullable(),
    errors: p.json<{ column: string | null; message: string }[]>(),
    warnings: p.json<string[]>(),
  },
});
export type DeclarationImportLineEntity = InferEntity<typeof DeclarationImportLineSchema>;
