import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrganisationSchema } from './organisation.entity.js';
import { ParticipantSchema } from './participant.entity.js';
import { LotSchema } from './lot.entity.js';
import { JobNeedSchema } from './job-need.entity.js';

/**
 * A facilitator proposes one of a need's ranked candidates to the contractor holding the need's lot,
 * which accepts or declines (with a reason). `organisation` is the facilitation structure that follows
 * the person; `lot` is copied from the need so that the contractor's scoping needs no join.
 * One open (proposed or accepted) proposal per need × person: a partial unique index.
 * `version` is the optimistic lock (an answer and a withdrawal at the same time: one wins, the other 409).
 */
export const CandidateProposalSchema = defineEntity({
  name: 'CandidateProposal',
  tableName: 'candidate_proposal',
  indexes: [
    {
      name: 'candidate_proposal_open_unique',
      expression: `create unique index "candidate_proposal_open_unique" on "candidate_proposal" ("job_need_id", "participant_id") where "status" in ('proposed', 'accepted')`,
    },
  ],
  properties: {
    id: p.uuid().primary(),
    jobNeed: () => p.manyToOne(JobNeedSchema).index(),
    lot: () => p.manyToOne(LotSchema).index(),
    organisation: () => p.manyToOne(OrganisationSchema).index(),
    participant: () => p.manyToOne(ParticipantSchema).index(),
    /** What the contractor was shown when proposed (the ranking's job match and "eligible until"). */
    jobMatch: p.string().length(12),
    eligibleUntil: p.date(),
    proposedBy: p.uuid(),
    proposedByName: p.string().length(200),
    proposedAt: p.datetime().onCreate(() => new Date()),
    /** proposed → accepted | declined (the contractor), proposed | accepted → withdrawn (the facilitator). */
    status: p.string().length(10).default('proposed'),
    answerReason: p.text().nullable(),
    answeredAt: p.datetime().nullable(),
    answeredByName: p.string().length(200).nullable(),
    withdrawnAt: p.datetime().nullable(),
    version: p.integer().version(),
  },
});
export type CandidateProposalEntity = InferEntity<typeof CandidateProposalSchema>;
