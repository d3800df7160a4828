import { LABOUR_SHARE_BY_TRADE } from '../domain/parameters.js';
import { HOURS_POLICIES } from '../domain/vocabulary.js';
import { z } from './locale.js';
import { uuidSchema } from './common.js';
import { siretSchema } from './siret.js';
import {
  amountCentsSchema, cpvCodeSchema, dateSchema, optionalText, paginationQuery, queryBoolean, queryDate, queryText, queryUuid,
  signedAmountCentsSchema, trimmedText,
} from './fields.js';
import { orgRefSchema } from './operation.js';
import { clauseSchema, clauseStatusFilterSchema } from './clause.js';

/** Trades of a lot: the labour-share table of the domain parameters (reference.md §3.7). */
export const TRADE_CODES = LABOUR_SHARE_BY_TRADE.map((t) => t.code);
export const tradeLabel = (code: string | null | undefined): string | null =>
  LABOUR_SHARE_BY_TRADE.find((t) => t.code === code)?.label ?? null;
export const tradeSchema = z
  .string({ error: 'Le corps d’état doit être du texte.' })
  .refine((v) => TRADE_CODES.includes(v), { message: 'Corps d’état inconnu.' });

/** Usual procedures (DECP 2022 vocabulary); other values are kept as typed. */
export const PROCEDURES = [
  'Procédure adaptée',
  'Appel d’offres ouvert',
  'Appel d’offres restreint',
  'Procédure avec négociation',
  'Dialogue compétitif',
  'Marché passé sans publicité ni mise en concurrence préalable',
] as const;

export const partyInputSchema = z.strictObject({
  siret: siretSchema,
  name: trimmedText('La raison sociale', 2, 200),
});

const datesInOrder = (
  value: { notifiedOn?: string | null; startDate?: string | null; endDate?: string | null },
  ctx: z.core.$RefinementCtx,
) => {
  if (value.startDate && value.endDate && value.endDate < value.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'La date de fin précède la date de début.' });
  }
  if (value.notifiedOn && value.endDate && value.endDate < value.notifiedOn) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'La date de fin précède la date de notification.' });
  }
};

const uniqueSirets = (parties: { siret: string }[], path: string, ctx: z.core.$RefinementCtx) => {
  const seen = new Set<string>();
  parties.forEach((p, i) => {
    if (seen.has(p.siret)) ctx.addIssue({ code: 'custom', path: [path, i, 'siret'], message: 'Ce SIRET figure deux fois.' });
    seen.add(p.siret);
  });
};

export const contractInputSchema = z
  .strictObject({
    operationId: uuidSchema.nullable().default(null),
    reference: trimmedText('La référence du marché', 1, 60),
    object: trimmedText('L’objet du marché', 3, 1000),
    procedure: optionalText('La procédure', 120).default(null),
    cpvCode: cpvCodeSchema.nullable().default(null),
    notifiedOn: dateSchema('La date de notification').nullable().default(null),
    startDate: dateSchema('La date de début').nullable().default(null),
    endDate: dateSchema('La date de fin').nullable().default(null),
    amountCents: amountCentsSchema('Le montant HT'),
    frameworkAgreement: z.boolean({ error: 'Indiquez s’il s’agit d’un accord-cadre (vrai ou faux).' }).default(false),
    /** The first holder is the contract holder (mandataire), the others co-contractors. */
    holders: z
      .array(partyInputSchema, { error: 'Indiquez au moins un titulaire.' })
      .min(1, 'Indiquez au moins un titulaire.')
      .max(20, 'Au plus 20 titulaires et cotraitants.'),
    subcontractors: z.array(partyInputSchema).max(50, 'Au plus 50 sous-traitants déclarés.').default([]),
  })
  .superRefine((value, ctx) => {
    datesInOrder(value, ctx);
    uniqueSirets(value.holders, 'holders', ctx);
    uniqueSirets(value.subcontractors, 'subcontractors', ctx);
  });
export type ContractInput = z.input<typeof contractInputSchema>;

export const lotInputSchema = z.strictObject({
  number: z
    .number({ error: 'Le numéro du lot doit être un nombre.' })
    .int('Le numéro du lot doit être un nombre entier.')
    .min(1, 'Le numéro du lot commence à 1.')
    .max(999, 'Le numéro du lot ne dépasse pas 999.'),
  title: trimmedText('L’intitulé du lot', 2, 300),
  trade: tradeSchema.nullable().default(null),
  /** Amount at notification; amendments change the current amount. */
  amountCents: amountCentsSchema('Le montant HT du lot'),
  holderSiret: siretSchema,
});
export type LotInput = z.input<typeof lotInputSchema>;

export const amendmentInputSchema = z
  .strictObject({
    reference: trimmedText('La référence de l’avenant', 1, 60),
    effectiveDate: dateSchema('La date d’effet'),
    deltaAmountCents: signedAmountCentsSchema('La variation du montant HT'),
    hoursPolicy: z.enum(HOURS_POLICIES, { error: 'Effet sur les heures inconnu (inchangées, au prorata ou valeur fixée).' }).default('prorata'),
    explicitRequiredMinutes: z
      .number({ error: 'Les nouvelles heures requises doivent être un nombre.' })
      .int('Les heures requises sont en minutes entières.')
      .min(0, 'Les heures requises ne peuvent pas être négatives.')
      .max(100_000_000, 'Nombre d’heures invraisemblable.')
      .nullable()
      .default(null),
    newEndDate: dateSchema('La nouvelle date de fin').nullable().default(null),
    object: optionalText('L’objet de l’avenant', 1000).default(null),
  })
  .superRefine((value, ctx) => {
    if (value.hoursPolicy === 'explicit' && value.explicitRequiredMinutes === null) {
      ctx.addIssue({ code: 'custom', path: ['explicitRequiredMinutes'], message: 'Indiquez les nouvelles heures requises fixées par l’avenant.' });
    }
  });
export type NewAmendment = z.input<typeof amendmentInputSchema>;

export const purchaseOrderInputSchema = z.strictObject({
  reference: trimmedText('La référence du bon de commande', 1, 60),
  orderedOn: dateSchema('La date du bon de commande'),
  amountCents: amountCentsSchema('Le montant HT du bon de commande'),
});
export type PurchaseOrderInput = z.input<typeof purchaseOrderInputSchema>;

// ---------------------------------------------------------------- outputs

export const partySchema = z.object({
  role: z.enum(['holder', 'co_contractor', 'subcontractor']),
  idType: z.string(),
  identifier: z.string(),
  name: z.string().nullable(),
});
export type Party = z.infer<typeof partySchema>;

export const amendmentRecordSchema = z.object({
  id: uuidSchema,
  lotId: uuidSchema,
  reference: z.string(),
  effectiveDate: z.string(),
  deltaAmountCents: z.number().int(),
  hoursPolicy: z.enum(HOURS_POLICIES),
  explicitRequiredMinutes: z.number().int().nullable(),
  newEndDate: z.string().nullable(),
  object: z.string().nullable(),
  source: z.enum(['manual', 'decp']),
  createdAt: z.string(),
});
export type AmendmentRecord = z.infer<typeof amendmentRecordSchema>;

export const lotSchema = z.object({
  id: uuidSchema,
  contractId: uuidSchema,
  number: z.number().int(),
  title: z.string(),
  trade: z.string().nullable(),
  tradeLabel: z.string().nullable(),
  initialAmountCents: z.number().int(),
  amountCents: z.number().int(),
  holder: z.object({ identifier: z.string(), name: z.string().nullable() }),
  clause: clauseSchema.nullable(),
  amendments: z.array(amendmentRecordSchema),
});
export type Lot = z.infer<typeof lotSchema>;

export const contractSummarySchema = z.object({
  id: uuidSchema,
  buyer: orgRefSchema,
  operation: orgRefSchema.nullable(),
  reference: z.string(),
  object: z.string(),
  cpv: z.object({ code: z.string(), label: z.string() }).nullable(),
  notifiedOn: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  amountCents: z.number().int(),
  frameworkAgreement: z.boolean(),
  source: z.enum(['manual', 'decp']),
  holders: z.array(partySchema),
  lotCount: z.number().int(),
  /** Sum of the sized clauses of the lots (the contract's total, decisions.md §3). */
  requiredMinutes: z.number().int(),
  hoursToSize: z.number().int(),
});
export type ContractSummary = z.infer<typeof contractSummarySchema>;

export const contractSchema = contractSummarySchema.extend({
  procedure: z.string().nullable(),
  parties: z.array(partySchema),
  lots: z.array(lotSchema),
  decp: z
    .object({
      sourceId: z.string(),
      key: z.string(),
      socialConsiderations: z.array(z.string()),
      reserved: z.boolean(),
      durationMonths: z.number().int().nullable(),
      place: z.object({ typeCode: z.string(), code: z.string() }).nullable(),
    })
    .nullable(),
  updatedAt: z.string(),
});
export type Contract = z.infer<typeof contractSchema>;

export const contractListQuerySchema = z.strictObject({
  q: queryText(),
  operationId: queryUuid,
  buyerId: queryUuid,
  contractorSiret: queryText(14),
  trade: queryText(40),
  status: z.preprocess((v) => (v === '' ? undefined : v), clauseStatusFilterSchema.optional()),
  source: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['manual', 'decp'], { error: 'Origine inconnue.' }).optional()),
  notifiedFrom: queryDate('Notifié à partir du'),
  notifiedTo: queryDate('Notifié jusqu’au'),
  hoursToSize: queryBoolean,
  ...paginationQuery,
});
export type ContractListQuery = z.input<typeof contractListQuerySchema>;

/** A lot as its holder sees it (read-only): the contract it belongs to and its clause. */
export const heldLotSchema = z.object({
  id: uuidSchema,
  number: z.number().int(),
  title: z.string(),
  amountCents: z.number().int(),
  contract: z.object({
    id: uuidSchema,
    reference: z.string(),
    object: z.string(),
    buyerName: z.string(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
  }),
  holder: z.object({ identifier: z.string(), name: z.string().nullable() }),
  clause: z
    .object({
      id: uuidSchema,
      type: z.string(),
      requiredMinutes: z.number().int().nullable(),
      hoursToSize: z.boolean(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      deadlineDay: z.number().int(),
      facilitatorName: z.string().nullable(),
    })
    .nullable(),
});
export type HeldLot = z.infer<typeof heldLotSchema>;
