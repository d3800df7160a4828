import { z } from './locale.js';
import { uuidSchema } from './common.js';

/** Proposals of candidates to the contractor holding the need's lot (« Proposer à l’entreprise »). */
export const PROPOSAL_STATUSES = ['proposed', 'accepted', 'declined', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  proposed: 'En attente de réponse',
  accepted: 'Acceptée par l’entreprise',
  declined: 'Refusée par l’entreprise',
  withdrawn: 'Retirée',
};

const proposalVersionSchema = z
  .number({ error: 'La version de la proposition est obligatoire (rechargez la page).' })
  .int()
  .min(1, 'Version invalide.');

export const proposalInputSchema = z.strictObject({ participantId: uuidSchema });

export const proposalAnswerInputSchema = z
  .strictObject({
    version: proposalVersionSchema,
    decision: z.enum(['accept', 'decline'], { error: 'Choisissez : accepter ou refuser.' }),
    reason: z.string({ error: 'Le motif doit être du texte.' }).trim().max(1000, '1 000 caractères au plus.').nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'decline' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Indiquez le motif du refus.' });
  });

export const proposalWithdrawInputSchema = z.strictObject({ version: proposalVersionSchema });

const jobMatchSchema = z.enum(['appellation', 'rome', 'family']);

/** The facilitator's view of a proposal (on the need's page). */
export const proposalSchema = z.object({
  id: uuidSchema,
  jobNeedId: uuidSchema,
  participant: z.object({ id: uuidSchema, lastName: z.string(), firstName: z.string() }),
  jobMatch: jobMatchSchema,
  eligibleUntil: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  proposedAt: z.string(),
  proposedByName: z.string(),
  answerReason: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  /** The placement made from this proposal (same need and person), if any. */
  placementId: uuidSchema.nullable(),
  version: z.number().int(),
});
export type ProposalDto = z.infer<typeof proposalSchema>;

/**
 * What the contractor sees (the schema is the whitelist): first name and initial, commune, job match,
 * availability, "eligible until" — never a criterion, a proof, a birth date or a contact.
 */
export const contractorProposalSchema = z.object({
  id: uuidSchema,
  need: z.object({
    id: uuidSchema, lotTitle: z.string(), appellationLabel: z.string(), siteName: z.string(), startDate: z.string(), endDate: z.string(), weeklyMinutes: z.number().int(),
  }),
  candidate: z.object({
    displayName: z.string(),
    commune: z.string().nullable(),
    jobMatch: jobMatchSchema,
    availableFrom: z.string(),
    eligibleUntil: z.string(),
  }),
  status: z.enum(PROPOSAL_STATUSES),
  proposedAt: z.string(),
  answerReason: z.string().nullable(),
  answeredAt: z.string().nullable(),
  version: z.number().int(),
});
export type ContractorProposalDto = z.infer<typeof contractorProposalSchema>;
