import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrganisationSchema } from './organisation.entity.js';
import { InsertionClauseSchema } from './insertion-clause.entity.js';

/**
 * A reminder or a formal notice (mise en demeure) on a clause, with the contractor's responses and
 * the buyer's decision: every step dated and kept (the case file of decisions.md §10).
 * The buyer and the holder's identifier are copied from the clause for tenant scoping.
 */
export const NoticeSchema = defineEntity({
  name: 'Notice',
  tableName: 'notice',
  indexes: [{ properties: ['buyer', 'createdAt'] }],
  properties: {
    id: p.uuid().primary(),
    clause: () => p.manyToOne(InsertionClauseSchema).index().deleteRule('cascade'),
    buyer: () => p.manyToOne(OrganisationSchema),
    holderIdentifier: p.string().length(30).index(),
    kind: p.string().length(20),
    status: p.string().length(20),
    sentOn: p.date(),
    deadline: p.date().nullable(),
    body: p.text(),
    /** Clause figures when the letter was sent. */
    complianceStatus: p.string().length(20).nullable(),
    requiredMinutes: p.integer(),
    countedMinutes: p.integer(),
    createdBy: p.uuid(),
    outcome: p.string().length(20).nullable(),
    decidedOn: p.date().nullable(),
    decidedAt: p.datetime().nullable(),
    decidedBy: p.uuid().nullable(),
    /** The domain's assessment: models, amount, formula and figures. */
    penalty: p.json<Record<string, unknown>>().nullable(),
    penaltyCents: p.integer().nullable(),
    waiverReason: p.text().nullable(),
    version: p.integer().default(1),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type NoticeEntity = InferEntity<typeof NoticeSchema>;

/** A response of the contractor to a notice (several may follow each other until the decision). */
export const NoticeResponseSchema = defineEntity({
  name: 'NoticeResponse',
  tableName: 'notice_response',
  properties: {
    id: p.uuid().primary(),
    notice: () => p.manyToOne(NoticeSchema).index().deleteRule('cascade'),
    text: p.text(),
    respondedBy: p.uuid(),
    respondedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type NoticeResponseEntity = InferEntity<typeof NoticeResponseSchema>;

/** A file attached to a response: stored on disk like the declarations' proofs. */
export const NoticeFileSchema = defineEntity({
  name: 'NoticeFile',
  tableName: 'notice_file',
  properties: {
    id: p.uuid().primary(),
    response: () => p.manyToOne(NoticeResponseSchema).index().deleteRule('cascade'),
    storageKey: p.string().length(64).unique(),
    originalName: p.string().length(200),
    mediaType: p.string().length(40),
    sizeBytes: p.integer(),
    sha256: p.string().length(64),
    uploadedBy: p.uuid(),
    uploadedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type NoticeFileEntity = InferEntity<typeof NoticeFileSchema>;
