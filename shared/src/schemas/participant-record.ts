/**
 * The person's record, for the facilitator who follows them (decisions.md §11): what happened to the
 * person in the tracker, in one place. Identity and eligibility come from their own routes (the read of
 * criteria is audited there); this adds placements with their hours month by month, proposals,
 * documents and the audit of who read the record.
 */
import { z } from './locale.js';
import { uuidSchema } from './common.js';
import { DECLARATION_STATUSES, MODALITIES } from '../domain/vocabulary.js';
import { exitOutcomes } from './job-need.js';
import { PROPOSAL_STATUSES } from './proposal.js';

const refSchema = z.object({ id: uuidSchema, label: z.string() });

/** One month of a placement: what was declared, its status, and what the counting engine counted or set aside. */
export const recordMonthSchema = z.object({
  month: z.string(),
  declarationId: uuidSchema.nullable(),
  status: z.enum(DECLARATION_STATUSES).nullable(),
  /** Hours worked and training hours declared (subcontracting: attested hours). */
  declaredMinutes: z.number().int().nullable(),
  /** Counted for the clause by the domain (validated declarations only). */
  countedMinutes: z.number().int(),
  excluded: z.array(z.object({ rule: z.string(), reason: z.string(), minutes: z.number().int() })),
  rejectionReason: z.string().nullable(),
});
export type RecordMonth = z.infer<typeof recordMonthSchema>;

export const recordPlacementSchema = z.object({
  id: uuidSchema,
  lot: refSchema,
  contract: refSchema,
  buyer: refSchema,
  clauseId: uuidSchema.nullable(),
  modality: z.enum(MODALITIES),
  contractType: z.string().nullable(),
  employerName: z.string(),
  jobLabel: z.string().nullable(),
  weeklyMinutes: z.number().int(),
  startDate: z.string(),
  plannedEndDate: z.string().nullable(),
  endedOn: z.string().nullable(),
  exitOutcome: z.enum(exitOutcomes).nullable(),
  exitDetail: z.string().nullable(),
  /** Six months after the end (funders' follow-up), then what was found. */
  followUpDue: z.string().nullable(),
  followUpOn: z.string().nullable(),
  followUpOutcome: z.enum(exitOutcomes).nullable(),
  followUpDetail: z.string().nullable(),
  countedMinutes: z.number().int(),
  months: z.array(recordMonthSchema),
});
export type RecordPlacement = z.infer<typeof recordPlacementSchema>;

export const participantRecordSchema = z.object({
  placements: z.array(recordPlacementSchema),
  proposals: z.array(
    z.object({
      id: uuidSchema,
      need: refSchema,
      lot: z.string(),
      status: z.enum(PROPOSAL_STATUSES),
      proposedAt: z.string(),
      proposedBy: z.string(),
      answeredAt: z.string().nullable(),
      answerReason: z.string().nullable(),
    }),
  ),
  documents: z.array(
    z.object({
      id: uuidSchema,
      kind: z.enum(['eligibility', 'declaration']),
      /** What the file proves, in French ("Bénéficiaire du RSA", "Bulletin de salaire — mars 2026"). */
      label: z.string(),
      fileName: z.string(),
      sizeBytes: z.number().int(),
      uploadedAt: z.string(),
      /** Where to download it (an audited read). */
      href: z.string(),
    }),
  ),
  /** Who read the person's criteria, proofs, record or export: the most recent first (50 at most). */
  reads: z.array(z.object({ at: z.string(), action: z.string(), label: z.string(), actor: z.string().nullable(), organisation: z.string().nullable() })),
});
export type ParticipantRecord = z.infer<typeof participantRecordSchema>;

export const recordReadLabels: Record<string, string> = {
  read_record: 'Dossier consulté',
  read_criteria: 'Critères d’éligibilité consultés',
  read_proof: 'Justificatif consulté',
  export: 'Données exportées (droit d’accès)',
};
