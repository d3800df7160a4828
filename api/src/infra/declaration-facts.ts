/**
 * What the declaration checks and the counting need, loaded in bulk with plain SQL (an import of
 * 100 000 lines must not load entities one by one) and turned into the domain's types.
 * These loaders do not scope: callers resolve the placements the actor may see first, then ask here
 * for the facts around them (a participant's other placements and declarations, whoever holds them).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  clauseRules,
  CONTRACT_TYPES,
  MODALITIES,
  STAFF_PROVISION_MODALITIES,
  SUBCONTRACT_MODALITIES,
  type ClauseRulesOverrides,
  type ContractType,
  type DeclarationStatus,
  type EligibilityValidation,
  type HourDeclaration,
  type InsertionClause,
  type Modality,
  type Placement,
} from '@app/shared';

import { pgArray, sqlOf } from './sql.js';

/** A placement with everything the pages and the checks show about it. */
export interface PlacementFacts {
  id: string;
  participantId: string;
  firstName: string;
  lastName: string;
  /** The facilitation structure that follows the person. */
  facilitatorId: string;
  lotId: string;
  lotLabel: string;
  contractId: string;
  contractLabel: string;
  buyerId: string;
  buyerName: string;
  holderIdentifier: string;
  holderName: string;
  clauseId: string | null;
  modality: Modality;
  contractType: ContractType | null;
  employerName: string;
  employerSiret: string | null;
  startDate: string;
  endDate: string | null;
  weeklyMinutes: number;
  jobLabel: string | null;
  /** The lot's clause in the domain's terms (a default one when the lot has none yet). */
  clause: InsertionClause;
}

interface PlacementRow {
  id: string;
  participant_id: string;
  first_name: string;
  last_name: string;
  organisation_id: string;
  lot_id: string;
  lot_number: number;
  lot_title: string;
  lot_amount_cents: string | number;
  contract_id: string;
  contract_reference: string;
  contract_object: string;
  contract_start: string | null;
  contract_end: string | null;
  buyer_id: string;
  buyer_name: string;
  holder_identifier: string;
  holder_name: string | null;
  clause_id: string | null;
  clause_start: string | null;
  clause_end: string | null;
  required_minutes: number | null;
  waived: boolean | null;
  rules: ClauseRulesOverrides | null;
  modality: string;
  contract_type: string | null;
  employer_name: string;
  employer_siret: string | null;
  start_date: string;
  end_date: string | null;
  weekly_minutes: number;
  job_label: string | null;
}

const PLACEMENT_SELECT = `
  select p.id, p.participant_id, pa.first_name, pa.last_name, p.organisation_id,
         l.id as lot_id, l.number as lot_number, l.title as lot_title, l.amount_cents as lot_amount_cents,
         c.id as contract_id, c.reference as contract_reference, c.object as contract_object,
         c.start_date::text as contract_start, c.end_date::text as contract_end,
         l.buyer_id, b.name as buyer_name, l.holder_identifier, l.holder_name,
         ic.id as clause_id, ic.start_date::text as clause_start, ic.end_date::text as clause_end,
         ic.required_minutes, ic.waived, ic.rules,
         p.modality, p.contract_type, p.employer_name, p.employer_siret, p.start_date::text as start_date,
         coalesce(p.ended_on, p.planned_end_date)::text as end_date, p.weekly_minutes, ra.label as job_label
    from placement p
    join participant pa on pa.id = p.participant_id
    join lot l on l.id = p.lot_id
    join contract c on c.id = l.contract_id
    join organisation b on b.id = l.buyer_id
    left join insertion_clause ic on ic.lot_id = l.id
    left join rome_appellation ra on ra.code = p.appellation_code`;

const asModality = (value: string): Modality => ((MODALITIES as readonly string[]).includes(value) ? (value as Modality) : 'direct_hire');
const asContractType = (value: string | null): ContractType | null =>
  value === null ? null : (CONTRACT_TYPES as readonly string[]).includes(value) ? (value as ContractType) : 'other';

/** The lot's clause for the domain; without one (or without dates yet), the contract's or the placement's dates and the default rules. */
function domainClause(row: PlacementRow): InsertionClause {
  const startDate = row.clause_start ?? row.contract_start ?? row.start_date;
  const endDate = row.clause_end ?? row.contract_end ?? `${Number(startDate.slice(0, 4)) + 10}${startDate.slice(4)}`;
  return {
    id: row.clause_id ?? `sans-clause:${row.lot_id}`,
    lotId: row.lot_id,
    contractorId: row.holder_identifier,
    startDate,
    endDate: endDate < startDate ? startDate : endDate,
    requiredMinutes: row.required_minutes ?? 0,
    amountCents: Number(row.lot_amount_cents),
    waived: row.waived ?? false,
    rules: clauseRules(row.rules ?? undefined),
  };
}

function toFacts(row: PlacementRow): PlacementFacts {
  return {
    id: row.id,
    participantId: row.participant_id,
    firstName: row.first_name,
    lastName: row.last_name,
    facilitatorId: row.organisation_id,
    lotId: row.lot_id,
    lotLabel: `Lot ${row.lot_number} — ${row.lot_title}`,
    contractId: row.contract_id,
    contractLabel: `${row.contract_reference} — ${row.contract_object}`,
    buyerId: row.buyer_id,
    buyerName: row.buyer_name,
    holderIdentifier: row.holder_identifier,
    holderName: row.holder_name ?? row.holder_identifier,
    clauseId: row.clause_id,
    modality: asModality(row.modality),
    contractType: asContractType(row.contract_type),
    employerName: row.employer_name,
    employerSiret: row.employer_siret,
    startDate: row.start_date,
    endDate: row.end_date,
    weeklyMinutes: row.weekly_minutes,
    jobLabel: row.job_label,
    clause: domainClause(row),
  };
}

/** Placements by id (unscoped: the caller has already decided what the actor may see). */
export async function placementFacts(em: EntityManager, ids: readonly string[]): Promise<Map<string, PlacementFacts>> {
  if (ids.length === 0) return new Map();
  const rows = (await sqlOf(em)(`${PLACEMENT_SELECT} where p.id = any(?::uuid[])`, [pgArray([...new Set(ids)])])) as PlacementRow[];
  return new Map(rows.map((row) => [row.id, toFacts(row)]));
}

/** Placements matching a condition on `p` (placement), `l` (lot), `ic` (clause) or `c` (contract). */
export async function placementFactsWhere(em: EntityManager, where: string, params: unknown[], orderBy = 'c.reference, l.number, pa.last_name, pa.first_name'): Promise<PlacementFacts[]> {
  const rows = (await sqlOf(em)(`${PLACEMENT_SELECT} where ${where} order by ${orderBy}`, params)) as PlacementRow[];
  return rows.map(toFacts);
}

/** How the employer stands towards the lot's holder, as rules C6, C7 and C13 read it. */
function employerRole(facts: PlacementFacts): Placement['employerRole'] {
  if (facts.employerSiret && facts.employerSiret === facts.holderIdentifier) return 'contractor';
  if (STAFF_PROVISION_MODALITIES.includes(facts.modality) || SUBCONTRACT_MODALITIES.includes(facts.modality)) return 'provider';
  return facts.employerSiret ? 'subcontractor' : 'contractor';
}

export function domainPlacement(facts: PlacementFacts): Placement {
  return {
    id: facts.id,
    participantId: facts.participantId,
    clauseId: facts.clause.id,
    lotId: facts.lotId,
    modality: facts.modality,
    contractType: facts.contractType,
    employerId: facts.employerSiret ?? facts.employerName,
    employerRole: employerRole(facts),
    startDate: facts.startDate,
    endDate: facts.endDate,
    weeklyMinutes: facts.weeklyMinutes,
    preexistingEmployee: false,
  };
}

/** Every placement of these participants, on any lot (C12 and the checks look across clauses). */
export async function participantsPlacements(em: EntityManager, participantIds: readonly string[]): Promise<Placement[]> {
  if (participantIds.length === 0) return [];
  const facts = await placementFactsWhere(em, 'p.participant_id = any(?::uuid[])', [pgArray([...new Set(participantIds)])], 'p.id');
  return facts.map(domainPlacement);
}

/** Eligibility validations of these participants, with their criteria. */
export async function participantsEligibility(em: EntityManager, participantIds: readonly string[]): Promise<EligibilityValidation[]> {
  if (participantIds.length === 0) return [];
  const rows = (await sqlOf(em)(
    `select v.id, v.participant_id, v.validated_at::text as validated_at, v.validated_by, v.valid_until::text as valid_until,
            v.exception_reason, v.revoked_at::text as revoked_at,
            coalesce(json_agg(json_build_object('code', k.code, 'proofDate', k.proof_date::text, 'proofValidUntil', k.proof_valid_until::text,
                     'proofDocumentId', k.proof_document_id)) filter (where k.id is not null), '[]') as criteria
       from eligibility_validation v
       left join eligibility_criterion k on k.validation_id = v.id
      where v.participant_id = any(?::uuid[])
      group by v.id`,
    [pgArray([...new Set(participantIds)])],
  )) as {
    id: string; participant_id: string; validated_at: string; validated_by: string; valid_until: string | null;
    exception_reason: string | null; revoked_at: string | null; criteria: EligibilityValidation['criteria'];
  }[];
  return rows
    .filter((row) => row.criteria.length > 0)
    .map((row) => ({
      id: row.id,
      participantId: row.participant_id,
      validatedAt: row.validated_at,
      validatedBy: row.validated_by,
      validUntil: row.valid_until,
      criteria: row.criteria,
      exceptionReason: row.exception_reason,
      revokedAt: row.revoked_at,
    }));
}

export interface DeclarationRow {
  id: string;
  placement_id: string;
  participant_id: string;
  month: string;
  status: DeclarationStatus;
  version: number;
  worked_minutes: number;
  training_minutes: number | null;
  attested_minutes: number | null;
  invoice_cents: string | number | null;
  comment: string | null;
  submitted_on: string | null;
  proof_ids: string[];
}

const DECLARATION_SELECT = `
  select d.id, d.placement_id, p.participant_id, d.month, d.status, d.version, d.worked_minutes, d.training_minutes,
         d.attested_minutes, d.invoice_cents, d.comment, (d.submitted_at at time zone 'Europe/Paris')::date::text as submitted_on,
         coalesce((select array_agg(dp.id) from declaration_proof dp where dp.declaration_id = d.id), '{}') as proof_ids
    from hour_declaration d
    join placement p on p.id = d.placement_id`;

/** The domain's view of a declaration (hours and status; leave and company hours are not declared here). */
export function domainDeclaration(row: DeclarationRow): HourDeclaration {
  return {
    id: row.id,
    placementId: row.placement_id,
    month: row.month,
    workedMinutes: row.worked_minutes,
    trainingMinutes: row.training_minutes,
    leaveMinutes: null,
    companyMinutes: null,
    attestedMinutes: row.attested_minutes,
    invoiceCents: row.invoice_cents === null ? null : Number(row.invoice_cents),
    status: row.status,
    submittedAt: row.submitted_on,
    proofDocumentIds: row.proof_ids,
  };
}

/** Declarations of these participants for these months (any lot, any status). */
export async function participantsDeclarations(em: EntityManager, participantIds: readonly string[], months: readonly string[]): Promise<DeclarationRow[]> {
  if (participantIds.length === 0 || months.length === 0) return [];
  return (await sqlOf(em)(`${DECLARATION_SELECT} where p.participant_id = any(?::uuid[]) and d.month = any(?::text[])`, [
    pgArray([...new Set(participantIds)]),
    pgArray([...new Set(months)]),
  ])) as DeclarationRow[];
}

/** Declarations of these placements (every month). */
export async function placementsDeclarations(em: EntityManager, placementIds: readonly string[]): Promise<DeclarationRow[]> {
  if (placementIds.length === 0) return [];
  return (await sqlOf(em)(`${DECLARATION_SELECT} where d.placement_id = any(?::uuid[])`, [pgArray([...new Set(placementIds)])])) as DeclarationRow[];
}
