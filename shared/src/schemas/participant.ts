import { z } from './locale.js';
import { textError, uuidSchema } from './common.js';
import { MAX_MOBILITY_RADIUS_KM } from '../domain/matching.js';
import { isValidIsoDate } from '../domain/calendar.js';

export const isoDateSchema = (label: string) =>
  z.string({ error: textError(label) }).refine(isValidIsoDate, `${label} : date invalide (AAAA-MM-JJ).`);

export const sexes = ['female', 'male'] as const;
export const sexLabels: Record<(typeof sexes)[number], string> = { female: 'Femme', male: 'Homme' };

/** French qualification levels (décret 2019: 3 = CAP/BEP … 8 = doctorat), "infra 3" below. */
export const educationLevels = ['infra_3', 'level_3', 'level_4', 'level_5', 'level_6', 'level_7', 'level_8'] as const;
export const educationLevelLabels: Record<(typeof educationLevels)[number], string> = {
  infra_3: 'Sans diplôme ou infra 3 (brevet)',
  level_3: 'Niveau 3 (CAP, BEP)',
  level_4: 'Niveau 4 (baccalauréat)',
  level_5: 'Niveau 5 (bac + 2)',
  level_6: 'Niveau 6 (licence, bac + 3)',
  level_7: 'Niveau 7 (master, bac + 5)',
  level_8: 'Niveau 8 (doctorat)',
};

export const qpvStatuses = ['yes', 'no', 'unknown'] as const;
export const qpvStatusLabels: Record<(typeof qpvStatuses)[number], string> = {
  yes: 'Réside en QPV',
  no: 'Ne réside pas en QPV',
  unknown: 'Non vérifié',
};

/** Situation on the labour market at entry (FSE+ common output indicators). */
export const employmentStatuses = ['unemployed_long', 'unemployed', 'inactive', 'employed'] as const;
export type EmploymentStatus = (typeof employmentStatuses)[number];
export const employmentStatusLabels: Record<EmploymentStatus, string> = {
  unemployed_long: 'Demandeur d’emploi de longue durée (12 mois et plus)',
  unemployed: 'Demandeur d’emploi (moins de 12 mois)',
  inactive: 'Inactif (ni en emploi, ni en recherche)',
  employed: 'En emploi (y compris indépendant)',
};

export const participantStatuses = ['searching', 'placed', 'unavailable', 'exited'] as const;
export type ParticipantStatus = (typeof participantStatuses)[number];
export const participantStatusLabels: Record<ParticipantStatus, string> = {
  searching: 'En recherche',
  placed: 'En poste',
  unavailable: 'Indisponible',
  exited: 'Sorti·e du dispositif',
};

const name = (label: string) => z.string({ error: textError(label) }).trim().min(1, `${label} est obligatoire.`).max(100);
const appellationCodeSchema = z.string({ error: textError('Le métier') }).regex(/^\d{3,8}$/, 'Code d’appellation ROME invalide.');

const participantFields = {
  lastName: name('Le nom'),
  firstName: name('Le prénom'),
  birthDate: isoDateSchema('La date de naissance'),
  sex: z.enum(sexes, { error: 'Sexe : femme ou homme.' }),
  email: z.email({ error: 'Adresse e-mail invalide.' }).max(254).nullable().default(null),
  phone: z.string().trim().regex(/^\+?[0-9 .-]{6,20}$/, 'Numéro de téléphone invalide.').nullable().default(null),
  communeCode: z.string({ error: textError('La commune') }).regex(/^[0-9][0-9AB][0-9]{3}$/, 'Choisissez une commune dans la liste.'),
  qpvStatus: z.enum(qpvStatuses, { error: 'Résidence en QPV : oui, non ou non vérifiée.' }),
  /** The address the QPV status was checked against (sig.ville.gouv.fr); required for yes/no. */
  qpvAddress: z.string().trim().max(300).nullable().default(null),
  qpvCheckedOn: isoDateSchema('La date de vérification QPV').nullable().default(null),
  educationLevel: z.enum(educationLevels, { error: 'Niveau de formation inconnu.' }),
  /** Funders' data at entry; null: not collected (the person may decline to answer). */
  employmentStatusAtEntry: z.enum(employmentStatuses, { error: 'Situation à l’entrée inconnue.' }).nullable().default(null),
  disability: z.boolean({ error: 'Handicap : oui, non ou non renseigné.' }).nullable().default(null),
  drivingLicence: z.boolean({ error: 'Permis de conduire : oui ou non.' }),
  mobilityRadiusKm: z
    .number({ error: 'Le rayon de mobilité est obligatoire.' })
    .int('Le rayon de mobilité est un nombre entier de kilomètres.')
    .min(0, 'Le rayon de mobilité ne peut pas être négatif.')
    .max(MAX_MOBILITY_RADIUS_KM, `Rayon de mobilité : ${MAX_MOBILITY_RADIUS_KM} km au plus.`),
  targetAppellationCodes: z.array(appellationCodeSchema).min(1, 'Indiquez au moins un métier visé.').max(5, 'Cinq métiers visés au plus.'),
  availableFrom: isoDateSchema('La date de disponibilité'),
  status: z.enum(participantStatuses, { error: 'Situation inconnue.' }).default('searching'),
};

const qpvAddressRequired = (value: { qpvStatus: string; qpvAddress: string | null }, ctx: z.core.$RefinementCtx) => {
  if (value.qpvStatus !== 'unknown' && !value.qpvAddress) {
    ctx.addIssue({ code: 'custom', path: ['qpvAddress'], message: 'Indiquez l’adresse sur laquelle la résidence en QPV a été vérifiée.' });
  }
};

/** No social security number, ever: the schema is strict, an unknown field is refused. */
export const participantInputSchema = z.strictObject(participantFields).superRefine(qpvAddressRequired);
export type ParticipantInput = z.input<typeof participantInputSchema>;

export const targetJobSchema = z.object({ appellationCode: z.string(), label: z.string(), romeCode: z.string() });
export type TargetJobDto = z.infer<typeof targetJobSchema>;

export const communeRefSchema = z.object({ code: z.string(), name: z.string(), departement: z.string(), postalCodes: z.string() });

/** A participant as a facilitator sees them: identity and situation, never the eligibility criteria. */
export const participantSchema = z.object({
  id: uuidSchema,
  lastName: z.string(),
  firstName: z.string(),
  birthDate: z.string().nullable(),
  sex: z.enum(sexes),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  commune: communeRefSchema.nullable(),
  qpvStatus: z.enum(qpvStatuses),
  qpvAddress: z.string().nullable(),
  qpvCheckedOn: z.string().nullable(),
  educationLevel: z.enum(educationLevels),
  employmentStatusAtEntry: z.enum(employmentStatuses).nullable(),
  disability: z.boolean().nullable(),
  drivingLicence: z.boolean(),
  mobilityRadiusKm: z.number().int(),
  targetJobs: z.array(targetJobSchema),
  availableFrom: z.string(),
  status: z.enum(participantStatuses),
  waitingSince: z.string(),
  registeredOn: z.string(),
  /** End of the current eligibility (validation + 24 months by default), null when none is valid today. */
  eligibleUntil: z.string().nullable(),
  retentionEnd: z.string().nullable(),
  erased: z.boolean(),
});
export type ParticipantDto = z.infer<typeof participantSchema>;

export const participantSummarySchema = participantSchema.pick({
  id: true, lastName: true, firstName: true, commune: true, status: true, availableFrom: true, eligibleUntil: true, targetJobs: true, erased: true,
});
export type ParticipantSummary = z.infer<typeof participantSummarySchema>;

export const listParticipantsQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(participantStatuses).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const participantIdParamsSchema = z.strictObject({ id: uuidSchema });
