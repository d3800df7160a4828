import { z } from './locale.js';
import { uuidSchema } from './common.js';
import { isoDateSchema } from './participant.js';
import { CONTRACT_TYPES, MODALITIES } from '../domain/vocabulary.js';
import { siretSchema } from './siret.js';

export const jobNeedInputSchema = z.strictObject({
  lotId: uuidSchema,
  appellationCode: z.string().regex(/^\d{3,8}$/, 'Choisissez un métier dans la liste ROME.'),
  siteCommuneCode: z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, 'Choisissez la commune du chantier dans la liste.'),
  startDate: isoDateSchema('La date de début'),
  durationWeeks: z.number({ error: 'La durée est obligatoire.' }).int().min(1, 'Une semaine au moins.').max(260, 'Cinq ans au plus.'),
  weeklyMinutes: z.number({ error: 'La durée hebdomadaire est obligatoire.' }).int().min(60, 'Une heure par semaine au moins.').max(48 * 60, '48 heures par semaine au plus.'),
  headcount: z.number({ error: 'Le nombre de personnes est obligatoire.' }).int().min(1).max(50),
});

export const jobNeedSchema = z.object({
  id: uuidSchema,
  lot: z.object({ id: uuidSchema, title: z.string(), holderName: z.string().nullable() }),
  appellation: z.object({ code: z.string(), label: z.string(), romeCode: z.string() }),
  site: z.object({ code: z.string(), name: z.string() }),
  startDate: z.string(),
  durationWeeks: z.number().int(),
  endDate: z.string(),
  weeklyMinutes: z.number().int(),
  headcount: z.number().int(),
  status: z.enum(['open', 'filled', 'cancelled']),
});
export type JobNeedDto = z.infer<typeof jobNeedSchema>;

const reasonSchema = z.object({ kind: z.enum(['job', 'distance', 'eligibility', 'waiting', 'priority']), text: z.string() });

/** What a contractor may see of a candidate: no name, no criterion (the schema is the whitelist). */
export const anonymousCandidateSchema = z.object({
  rank: z.number().int(),
  jobMatch: z.enum(['appellation', 'rome', 'family']),
  distanceKm: z.number().nullable(),
  eligibleUntil: z.string(),
  reasons: z.array(reasonSchema.extend({ kind: z.enum(['job', 'distance', 'eligibility', 'waiting']) })),
});

/** A facilitator's view: the person, the score and every reason, priority publics included. */
export const candidateSchema = anonymousCandidateSchema.extend({
  participant: z.object({ id: uuidSchema, lastName: z.string(), firstName: z.string(), commune: z.string().nullable(), communeName: z.string().nullable() }),
  score: z.number().int(),
  reasons: z.array(reasonSchema),
});

export const candidatesSchema = z.object({
  need: jobNeedSchema,
  candidates: z.array(candidateSchema),
  excluded: z.number().int(),
  /** Who the ranking set aside and why (the facilitator's own people only; never shown to a contractor). */
  setAside: z.array(z.object({ participant: z.object({ id: uuidSchema, lastName: z.string(), firstName: z.string() }), reason: z.string() })),
});
export const anonymousCandidatesSchema = z.object({ need: jobNeedSchema, candidates: z.array(anonymousCandidateSchema) });

export const exitOutcomes = ['sustainable_job', 'transitional_job', 'training', 'other'] as const;
export const exitOutcomeLabels: Record<(typeof exitOutcomes)[number], string> = {
  sustainable_job: 'Emploi durable',
  transitional_job: 'Emploi de transition',
  training: 'Formation',
  other: 'Autre',
};

export const placementInputSchema = z.strictObject({
  participantId: uuidSchema,
  lotId: uuidSchema,
  jobNeedId: uuidSchema.nullable().default(null),
  modality: z.enum(MODALITIES, { error: 'Modalité inconnue.' }),
  contractType: z.enum(CONTRACT_TYPES, { error: 'Type de contrat inconnu.' }).nullable().default(null),
  employerName: z.string().trim().min(2, 'Indiquez l’employeur.').max(200),
  employerSiret: siretSchema.nullable().default(null),
  startDate: isoDateSchema('La date de début'),
  plannedEndDate: isoDateSchema('La date de fin prévue').nullable().default(null),
  weeklyMinutes: z.number().int().min(60).max(48 * 60),
  appellationCode: z.string().regex(/^\d{3,8}$/, 'Choisissez un métier dans la liste ROME.'),
}).superRefine((v, ctx) => {
  if (v.modality === 'direct_hire' && !v.contractType) ctx.addIssue({ code: 'custom', path: ['contractType'], message: 'Une embauche directe précise son type de contrat.' });
  if (v.plannedEndDate && v.plannedEndDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['plannedEndDate'], message: 'La fin prévue précède le début.' });
});

export const placementSchema = z.object({
  id: uuidSchema,
  participant: z.object({ id: uuidSchema, lastName: z.string(), firstName: z.string(), eligibleUntil: z.string().nullable() }),
  lot: z.object({ id: uuidSchema, title: z.string() }),
  modality: z.enum(MODALITIES),
  contractType: z.enum(CONTRACT_TYPES).nullable(),
  employerName: z.string(),
  startDate: z.string(),
  plannedEndDate: z.string().nullable(),
  weeklyMinutes: z.number().int(),
  appellationCode: z.string(),
  endedOn: z.string().nullable(),
  exitOutcome: z.enum(exitOutcomes).nullable(),
  followUpDue: z.string().nullable(),
  followUpOutcome: z.enum(exitOutcomes).nullable(),
});
export type PlacementDto = z.infer<typeof placementSchema>;

export const endPlacementInputSchema = z.strictObject({
  endedOn: isoDateSchema('La date de fin'),
  exitOutcome: z.enum(exitOutcomes, { error: 'Situation de sortie inconnue.' }),
  exitDetail: z.string().trim().max(500).nullable().default(null),
});
export const followUpInputSchema = z.strictObject({
  followUpOn: isoDateSchema('La date du suivi'),
  followUpOutcome: z.enum(exitOutcomes, { error: 'Situation inconnue.' }),
  followUpDetail: z.string().trim().max(500).nullable().default(null),
});
