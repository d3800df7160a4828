import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrganisationSchema } from './organisation.entity.js';
import { UserSchema } from './user.entity.js';

/**
 * An uploaded DECP file: kept (gzip) between the preview and the confirmation, with the preview's
 * figures, the line-by-line problems, the progress of the import and its result.
 */
export const DecpImportSchema = defineEntity({
  name: 'DecpImport',
  tableName: 'decp_import',
  indexes: [{ properties: ['buyer', 'createdAt'] }],
  properties: {
    id: p.uuid().primary(),
    buyer: () => p.manyToOne(OrganisationSchema),
    uploadedBy: () => p.manyToOne(UserSchema),
    filename: p.string().length(200),
    sizeBytes: p.integer(),
    sha256: p.string().length(64),
    format: p.string().length(20).nullable(),
    status: p.string().length(12),
    content: p.blob().lazy(),
    summary: p.json<Record<string, number>>(),
    issues: p.json<unknown[]>(),
    warnings: p.json<unknown[]>(),
    sample: p.json<unknown[]>(),
    processed: p.integer().default(0),
    total: p.integer().default(0),
    result: p.json<Record<string, number>>().nullable(),
    error: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
});
export type DecpImportEntity = InferEntity<typeof DecpImportSchema>;
