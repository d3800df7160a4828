import { CRITERION_CODES } from '../domain/eligibility-criteria.js';
import { DEFAULT_CLAUSE_RULES } from '../domain/clause-rules.js';
import { penaltyModelSchema, requiredHoursMethodSchema } from '../domain/schemas.js';
import { CLAUSE_TYPES, CLAUSE_TYPES_WITH_HOURS, COMPLIANCE_STATUSES, HOURS_POLICIES, REQUIRED_HOURS_METHODS } from '../domain/vocabulary.js';
import { z } from './locale.js';
import { uuidSchema } from './common.js';
import { dateSchema, paginationQuery, queryDate, queryText, queryUuid } from './fields.js';
import { orgRefSchema } from './operation.js';

/**
 * The calculator's inputs are the domain's own method schemas (same validation, same French
 * messages); for framework agreements the orders and the evaluation date come from the database.
 */
const [labourShare, hoursPercentage, fixed, cleaningPact, perOrder] = requiredHoursMethodSchema.options;
export const hoursMethodInputSchema = z.discriminatedUnion(
  'method',
  [labourShare, hoursPercentage, fixed, cleaningPact, perOrder.omit({ orders: true, asOf: true })],
  { error: 'Méthode de calcul inconnue.' },
);
export type HoursMethodInput = z.input<typeof hoursMethodInputSchema>;

const rate = (label: string) =>
  z.number({ error: `${label} doit être un nombre.` }).min(0, `${label} doit être compris entre 0 et 1.`).max(1, `${label} doit être compris entre 0 et 1.`);
const days = (label: string, max: number) =>
  z.number({ error: `${label} doit être un nombre.` }).int(`${label} : nombre entier attendu.`).min(0, `${label} ne peut pas être négatif.`).max(max, `${label} ne dépasse pas ${max}.`);

/** The clause parameters an officer sets in the form; stored as full clause rules (domain defaults + these). */
export const clauseSettingsSchema = z.strictObject({
  deadlineDay: days('Le jour limite de déclaration', 31).min(1, 'Le jour limite de déclaration est entre 1 et 31.').default(DEFAULT_CLAUSE_RULES.declarations.deadlineDay),
  eligibilityGraceDays: days('La tolérance avant validation de l’éligibilité (jours)', 365).default(DEFAULT_CLAUSE_RULES.counting.c2.graceDays),
  trainingCounted: z.boolean({ error: 'Indiquez si les heures de formation comptent (vrai ou faux).' }).default(DEFAULT_CLAUSE_RULES.counting.c8.enabled),
  trainingCapRate: rate('Le plafond des heures de formation').nullable().default(DEFAULT_CLAUSE_RULES.counting.c8.maxShareOfRequired),
  participantWindowMonths: days('La fenêtre par participant (mois)', 120).min(1, 'La fenêtre par participant est d’au moins 1 mois.').nullable().default(DEFAULT_CLAUSE_RULES.counting.c9.windowMonths),
  endGraceDays: days('Le délai après la fin avant « non conforme » (jours)', 365).default(DEFAULT_CLAUSE_RULES.status.endGraceDays),
  penalty: penaltyModelSchema.nullable().default(null),
  penaltyCapRate: rate('Le plafond des pénalités').nullable().default(DEFAULT_CLAUSE_RULES.penalties.capRate),
});
export type ClauseSettings = z.output<typeof clauseSettingsSchema>;
export type ClauseSettingsInput = z.input<typeof clauseSettingsSchema>;

export const clauseInputSchema = z
  .strictObject({
    type: z.enum(CLAUSE_TYPES, { error: 'Type de clause inconnu.' }),
    /** null: the hours are still to be sized ("heures à dimensionner"), or the type has no hours. */
    method: hoursMethodInputSchema.nullable().default(null),
    startDate: dateSchema('Le début de la clause').nullable().default(null),
    endDate: dateSchema('La fin de la clause').nullable().default(null),
    targetPublics: z.array(z.enum(CRITERION_CODES, { error: 'Public cible inconnu.' })).max(40).default([]),
    facilitatorId: uuidSchema.nullable().default(null),
    settings: clauseSettingsSchema.default(clauseSettingsSchema.parse({})),
    waived: z.boolean({ error: 'Exonération : vrai ou faux.' }).default(false),
  })
  .superRefine((value, ctx) => {
    if (value.startDate && value.endDate && value.endDate < value.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'La fin de la clause précède son début.' });
    }
    if (value.method && !CLAUSE_TYPES_WITH_HOURS.includes(value.type)) {
      ctx.addIssue({ code: 'custom', path: ['method'], message: 'Ce type de clause ne comporte pas d’objectif d’heures : pas de calcul à faire.' });
    }
  });
export type ClauseInput = z.input<typeof clauseInputSchema>;

/** List filter "état": a compliance status, or one of the sizing states. */
export const CLAUSE_STATUS_FILTERS = [...COMPLIANCE_STATUSES, 'to_size', 'no_hours'] as const;
export const clauseStatusFilterSchema = z.enum(CLAUSE_STATUS_FILTERS, { error: 'État inconnu.' });
export const CLAUSE_STATE_LABELS: Record<'to_size' | 'no_hours', string> = {
  to_size: 'Heures à dimensionner',
  no_hours: 'Sans objectif d’heures',
};

export const historyEntrySchema = z.object({
  effectiveDate: z.string(),
  amendmentId: z.string().nullable(),
  policy: z.enum([...HOURS_POLICIES, 'initial']),
  amountCents: z.number().int(),
  requiredMinutes: z.number().int(),
  unroundedHours: z.number(),
  formula: z.string(),
});

export const complianceSchema = z.object({
  status: z.enum(COMPLIANCE_STATUSES),
  requiredMinutes: z.number().int(),
  countedMinutes: z.number().int(),
  expectedMinutes: z.number().int(),
  elapsed: z.number(),
  pace: z.number().nullable(),
  progress: z.number().nullable(),
  shortfallMinutes: z.number().int(),
  finalAfter: z.string(),
  lateDeclaration: z.object({ flag: z.boolean(), missingPeriods: z.number().int() }),
});
export type ComplianceSummary = z.infer<typeof complianceSchema>;

export const purchaseOrderSchema = z.object({
  id: uuidSchema,
  reference: z.string(),
  orderedOn: z.string(),
  amountCents: z.number().int(),
});

export const clauseSchema = z.object({
  id: uuidSchema,
  lotId: uuidSchema,
  contractId: uuidSchema,
  type: z.enum(CLAUSE_TYPES),
  method: z.enum(REQUIRED_HOURS_METHODS).nullable(),
  methodParams: z.record(z.string(), z.unknown()).nullable(),
  requiredMinutes: z.number().int().nullable(),
  unroundedHours: z.number().nullable(),
  formula: z.string().nullable(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  hoursToSize: z.boolean(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  targetPublics: z.array(z.string()),
  settings: clauseSettingsSchema,
  facilitator: orgRefSchema.nullable(),
  waived: z.boolean(),
  history: z.array(historyEntrySchema),
  orders: z.array(purchaseOrderSchema),
  compliance: complianceSchema.nullable(),
  /** Why there is no compliance figure (hours to size, dates missing, no hours objective). */
  complianceNote: z.string().nullable(),
  updatedAt: z.string(),
});
export type ClauseDetail = z.infer<typeof clauseSchema>;

export const clauseListItemSchema = z.object({
  id: uuidSchema,
  type: z.enum(CLAUSE_TYPES),
  buyer: orgRefSchema,
  operation: orgRefSchema.nullable(),
  contract: z.object({ id: uuidSchema, reference: z.string(), object: z.string() }),
  lot: z.object({ id: uuidSchema, number: z.number().int(), title: z.string(), amountCents: z.number().int() }),
  holder: z.object({ identifier: z.string(), name: z.string().nullable() }),
  trade: z.string().nullable(),
  requiredMinutes: z.number().int().nullable(),
  hoursToSize: z.boolean(),
  complianceStatus: z.enum(COMPLIANCE_STATUSES).nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  facilitator: orgRefSchema.nullable(),
});
export type ClauseListItem = z.infer<typeof clauseListItemSchema>;

export const clauseListQuerySchema = z.strictObject({
  q: queryText(),
  status: z.preprocess((v) => (v === '' ? undefined : v), clauseStatusFilterSchema.optional()),
  type: z.preprocess((v) => (v === '' ? undefined : v), z.enum(CLAUSE_TYPES, { error: 'Type de clause inconnu.' }).optional()),
  buyerId: queryUuid,
  operationId: queryUuid,
  contractorSiret: queryText(14),
  trade: queryText(40),
  /** Clauses running at some point between `from` and `to`. */
  from: queryDate('Actives à partir du'),
  to: queryDate('Actives jusqu’au'),
  ...paginationQuery,
});
export type ClauseListQuery = z.input<typeof clauseListQuerySchema>;

export const exportQuerySchema = clauseListQuerySchema.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['csv', 'xlsx'], { error: 'Format d’export inconnu (csv ou xlsx).' }),
});

