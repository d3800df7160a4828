/** The contractor's space and the facilitator's validation queue. */
import { z } from './locale.js';
import { uuidSchema } from './common.js';
import { declarationSchema, monthSchema } from './declaration.js';
import { COMPLIANCE_STATUSES, MODALITIES } from '../domain/vocabulary.js';

const refSchema = z.object({ id: uuidSchema, label: z.string() });

/** A month the contractor owes (or owed) for a lot: its deadline and where it stands. */
export const dueMonthSchema = z.object({
  month: z.string(),
  deadline: z.string(),
  /** Placements active that month, declared (transmitted) and still to declare. */
  expected: z.number().int(),
  transmitted: z.number().int(),
  missing: z.number().int(),
  /** The deadline has passed with declarations missing. */
  late: z.boolean(),
});
export type DueMonth = z.infer<typeof dueMonthSchema>;

export const contractorLotSchema = z.object({
  lot: refSchema,
  contract: refSchema,
  buyer: refSchema,
  clause: z
    .object({
      id: uuidSchema,
      type: z.string(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      requiredMinutes: z.number().int().nullable(),
      /** Counted by the domain's counting engine over validated declarations only. */
      countedMinutes: z.number().int(),
      pendingMinutes: z.number().int(),
      status: z.enum(COMPLIANCE_STATUSES).nullable(),
      progress: z.number().nullable(),
      deadlineDay: z.number().int(),
      lateFlag: z.boolean(),
      missingPeriods: z.number().int(),
    })
    .nullable(),
  /** The month to declare now (last month, due by the deadline day of this month), then overdue ones. */
  due: z.array(dueMonthSchema),
});
export type ContractorLot = z.infer<typeof contractorLotSchema>;

/** A person placed on the contractor's lots — never their eligibility criteria (decisions.md §11). */
export const contractorPlacementSchema = z.object({
  id: uuidSchema,
  person: z.object({ firstName: z.string(), lastName: z.string() }),
  lot: refSchema,
  contract: refSchema,
  modality: z.enum(MODALITIES),
  contractType: z.string().nullable(),
  employerName: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  weeklyMinutes: z.number().int(),
  jobLabel: z.string().nullable(),
  /** The clause asks for a proof (payslip, mission statement…) with each month that declares hours. */
  proofRequired: z.boolean(),
  /** Months of the placement with their declaration status (null: nothing declared yet). */
  months: z.array(z.object({ month: z.string(), declarationId: uuidSchema.nullable(), status: z.string().nullable(), deadline: z.string(), late: z.boolean() })),
});
export type ContractorPlacement = z.infer<typeof contractorPlacementSchema>;

export const queueQuerySchema = z.strictObject({
  contractId: uuidSchema.optional(),
  month: monthSchema().optional(),
});

/** Pending declarations of one contract and month, with the checks' findings. */
export const queueGroupSchema = z.object({
  contract: refSchema,
  buyer: refSchema,
  contractor: z.object({ name: z.string(), siret: z.string() }),
  month: z.string(),
  deadline: z.string(),
  declarations: z.array(declarationSchema),
  /** Pending declarations without blocking findings: what "validate the month" validates. */
  clean: z.number().int(),
  blocked: z.number().int(),
});
export type QueueGroup = z.infer<typeof queueGroupSchema>;

export const validationQueueSchema = z.object({
  groups: z.array(queueGroupSchema),
  /** Pending declarations in all (the queue shows the oldest months first, 500 declarations at most). */
  total: z.number().int(),
});
export type ValidationQueue = z.infer<typeof validationQueueSchema>;
