import { isValidYearMonth } from '../domain/calendar.js';
import { COMPLIANCE_STATUSES, MODALITIES } from '../domain/vocabulary.js';
import { z } from './locale.js';
import { queryBoolean, queryText, queryUuid } from './fields.js';
import { uuidSchema } from './common.js';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const queryMonth = (label: string) =>
  z.preprocess(emptyToUndefined, z.string().refine(isValidYearMonth, `${label} : mois attendu au format AAAA-MM.`).optional());

/** Columns the buyer's clause table can be sorted on ("priority": flagged contractors first, then the most urgent). */
export const dashboardSortKeys = ['priority', 'contractor', 'status', 'pace', 'required', 'counted', 'expected', 'end', 'forecast'] as const;
export type DashboardSortKey = (typeof dashboardSortKeys)[number];

export const buyerDashboardQuerySchema = z
  .strictObject({
    /** Facilitators and admins choose the buyer; a buyer always sees its own. */
    buyerId: queryUuid,
    operationId: queryUuid,
    contractId: queryUuid,
    status: z.preprocess(emptyToUndefined, z.enum(COMPLIANCE_STATUSES, { error: 'Statut de conformité inconnu.' }).optional()),
    flagged: queryBoolean,
    contractor: queryText(30),
    /** Months shown in the hours-by-month chart (and clauses running in that period). */
    from: queryMonth('Période du'),
    to: queryMonth('Période au'),
    sort: z.preprocess(emptyToUndefined, z.enum(dashboardSortKeys, { error: `Tri inconnu : ${dashboardSortKeys.join(', ')}.` }).default('priority')),
    dir: z.preprocess(emptyToUndefined, z.enum(['asc', 'desc'], { error: 'Sens de tri attendu : asc ou desc.' }).default('asc')),
    page: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'Numéro de page invalide.' }).int('Numéro de page invalide.').min(1, 'Numéro de page invalide.').max(100_000, 'Numéro de page invalide.').default(1)),
    pageSize: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'Taille de page invalide.' }).int('Taille de page invalide.').min(1, 'Taille de page invalide.').max(200, 'Au plus 200 lignes par page.').default(50)),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.from > query.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Période inversée : le mois de fin précède le mois de début.' });
  });
export type BuyerDashboardQuery = z.input<typeof buyerDashboardQuerySchema>;

export const buyerOnlyQuerySchema = z.strictObject({ buyerId: queryUuid });

const statusCountsSchema = z.record(z.enum(COMPLIANCE_STATUSES), z.number().int());

const forecastSchema = z.object({
  kind: z.enum(['already_met', 'met_by', 'not_at_this_pace']),
  projectedMinutesAtEnd: z.number().int(),
  date: z.string().nullable(),
  message: z.string(),
});

export const dashboardClauseSchema = z.object({
  id: uuidSchema,
  lotId: uuidSchema,
  lotTitle: z.string(),
  lotNumber: z.number().int(),
  contractId: uuidSchema,
  contractReference: z.string(),
  operationId: uuidSchema.nullable(),
  operationName: z.string().nullable(),
  contractorSiret: z.string(),
  contractorName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  requiredMinutes: z.number().int(),
  countedMinutes: z.number().int(),
  expectedMinutes: z.number().int(),
  pendingMinutes: z.number().int(),
  elapsed: z.number(),
  pace: z.number().nullable(),
  progress: z.number().nullable(),
  status: z.enum(COMPLIANCE_STATUSES),
  missingPeriods: z.number().int(),
  oldestMissingMonth: z.string().nullable(),
  flagged: z.boolean(),
  reason: z.string(),
  forecast: forecastSchema,
});
export type DashboardClause = z.infer<typeof dashboardClauseSchema>;

const totalsSchema = z.object({
  clauseCount: z.number().int(),
  requiredMinutes: z.number().int(),
  countedMinutes: z.number().int(),
  countedTowardsRequiredMinutes: z.number().int(),
  expectedMinutes: z.number().int(),
  shortfallMinutes: z.number().int(),
  progress: z.number().nullable(),
  statusCounts: statusCountsSchema,
  clausesWithLateDeclarations: z.number().int(),
});

const groupTotalsSchema = totalsSchema.extend({ id: uuidSchema.nullable(), label: z.string(), flagged: z.boolean() });

export const monthModalitySchema = z.object({ month: z.string(), modality: z.enum(MODALITIES), countedMinutes: z.number().int() });

export const buyerDashboardSchema = z.object({
  buyer: z.object({ id: uuidSchema, name: z.string() }),
  today: z.string(),
  totals: totalsSchema,
  /** Per calendar year: hours counted in the year against the hours the clauses' expected lines ask for it. */
  years: z.array(z.object({ year: z.number().int(), expectedMinutes: z.number().int(), countedMinutes: z.number().int(), progress: z.number().nullable() })),
  operations: z.array(groupTotalsSchema),
  contracts: z.array(groupTotalsSchema),
  /** The 50 contractors to look at first (flagged, then by shortfall), with the reasons of their flags. */
  contractors: z.array(
    totalsSchema.extend({ siret: z.string(), name: z.string(), flagged: z.boolean(), reasons: z.array(z.string()) }),
  ),
  contractorsTotal: z.number().int(),
  flaggedContractorsTotal: z.number().int(),
  clauses: z.object({ items: z.array(dashboardClauseSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  byMonth: z.array(monthModalitySchema),
  byModality: z.array(z.object({ modality: z.enum(MODALITIES), label: z.string(), countedMinutes: z.number().int(), share: z.number().nullable() })),
});
export type BuyerDashboard = z.infer<typeof buyerDashboardSchema>;

const countCellSchema = z.object({ key: z.string(), label: z.string(), suppressed: z.boolean(), count: z.number().int().nullable() });

export const participantStatsSchema = z.object({
  buyer: z.object({ id: uuidSchema, name: z.string() }),
  totalParticipants: z.number().int(),
  threshold: z.number().int(),
  bySex: z.array(countCellSchema),
  byAgeBand: z.array(countCellSchema),
  byCriterion: z.array(countCellSchema),
  byExitOutcome: z.array(countCellSchema),
});
export type ParticipantStats = z.infer<typeof participantStatsSchema>;

export const burnUpPointSchema = z.object({
  month: z.string(),
  expectedMinutes: z.number().int(),
  countedMinutes: z.number().int().nullable(),
  forecastMinutes: z.number().int().nullable(),
});

export const clauseDashboardSchema = z.object({
  clause: dashboardClauseSchema,
  burnUp: z.array(burnUpPointSchema),
  byMonth: z.array(monthModalitySchema),
  /** Placements on the lot, as far as the role may see: names for the facilitator and the contractor, none for the buyer. */
  placements: z.array(
    z.object({ id: uuidSchema, person: z.string().nullable(), modality: z.enum(MODALITIES), startDate: z.string(), endDate: z.string().nullable() }),
  ),
  placementCount: z.number().int(),
});
export type ClauseDashboard = z.infer<typeof clauseDashboardSchema>;

export const facilitatorDashboardSchema = z.object({
  today: z.string(),
  lateDeclarations: z.array(dashboardClauseSchema),
  atRisk: z.array(dashboardClauseSchema),
  pendingValidations: z.array(z.object({ clauseId: uuidSchema, lotTitle: z.string(), contractorName: z.string(), buyerName: z.string(), count: z.number().int(), oldestMonth: z.string() })),
  expiringEligibilities: z.array(z.object({ participantId: uuidSchema, person: z.string(), validUntil: z.string() })),
  placements: z.object({ active: z.number().int(), endedThisYear: z.number().int() }),
  participantsWaiting: z.array(z.object({ id: uuidSchema, person: z.string(), waitingSince: z.string() })),
  participantsWaitingTotal: z.number().int(),
});
export type FacilitatorDashboard = z.infer<typeof facilitatorDashboardSchema>;

export const contractorDashboardSchema = z.object({
  today: z.string(),
  company: z.object({ id: uuidSchema, name: z.string(), siret: z.string().nullable() }),
  clauses: z.array(dashboardClauseSchema),
  due: z.array(z.object({ clauseId: uuidSchema, lotTitle: z.string(), missingPeriods: z.number().int(), oldestMissingMonth: z.string().nullable(), message: z.string() })),
});
export type ContractorDashboard = z.infer<typeof contractorDashboardSchema>;

export const nationalSummarySchema = z.object({
  today: z.string(),
  buyers: z.number().int(),
  /** Stored statuses (refreshed on every validation and daily), hence no expected line here. */
  totals: totalsSchema.omit({ expectedMinutes: true }),
  byMonth: z.array(z.object({ month: z.string(), countedMinutes: z.number().int() })),
});
export type NationalSummary = z.infer<typeof nationalSummarySchema>;
