/**
 * Where a clause stands, computed by the domain only: counted hours by the counting engine over
 * validated declarations (C1–C13, SIAE/EA subcontracting by C7), missing declarations past their
 * deadline, and the compliance status. The clause row keeps a copy (counted minutes, status) for the
 * portfolio lists; it is refreshed whenever a declaration is validated or an import is committed.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assessCompliance,
  CLAUSE_TYPES_WITH_HOURS,
  countClauseHours,
  declarationDeadlines,
  SUBCONTRACT_MODALITIES,
  type ClauseType,
  type ComplianceStatus,
  type CountedSlice,
  type ExcludedSlice,
  type MissingDeclaration,
  type SiaeSubcontract,
  groupBy,
} from '@app/shared';
import {
  domainDeclaration,
  domainPlacement,
  participantsEligibility,
  participantsPlacements,
  placementFactsWhere,
  type DeclarationRow,
  type PlacementFacts,
} from '../../infra/declaration-facts.js';
import { pgArray, sqlOf } from '../../infra/sql.js';
import { writeDashboardFigures } from '../dashboards/figures-store.js';

export interface ClauseProgress {
  clauseId: string;
  countedMinutes: number;
  /** Hours transmitted, not decided yet (they will count once validated). */
  pendingMinutes: number;
  status: ComplianceStatus | null;
  progress: number | null;
  missing: readonly MissingDeclaration[];
  missingPeriods: number;
  lateFlag: boolean;
  /** Counted minutes per month and modality (the counting engine's slices), for the dashboards. */
  byMonthModality?: readonly { month: string; modality: string; countedMinutes: number }[];
  /** The counting engine's slices, counted and set aside (a person's record reads its own). */
  slices?: { counted: readonly CountedSlice[]; excluded: readonly ExcludedSlice[] };
}

interface ClauseRow {
  id: string;
  lot_id: string;
  type: string;
  required_minutes: number | null;
  start_date: string | null;
  end_date: string | null;
}

/** SIAE/EA subcontracting (C7): the attested hours and the invoices of a placement's validated declarations. */
function subcontractOf(facts: PlacementFacts, declarations: readonly DeclarationRow[]): SiaeSubcontract {
  const validated = declarations.filter((row) => row.status === 'validated');
  return {
    id: facts.id,
    clauseId: facts.clause.id,
    structureId: facts.employerSiret ?? facts.employerName,
    structureKind: facts.modality === 'siae_subcontract' ? 'ei' : 'ea',
    labourShare: null,
    hourlyCostCents: null,
    invoices: validated.filter((row) => row.invoice_cents !== null).map((row) => ({ id: row.id, date: `${row.month}-01`, amountCents: Number(row.invoice_cents) })),
    attestations: validated.filter((row) => row.attested_minutes !== null).map((row) => ({ id: row.id, month: row.month, minutes: row.attested_minutes ?? 0 })),
  };
}

export async function clauseProgress(em: EntityManager, clauseIds: readonly string[], today: string): Promise<Map<string, ClauseProgress>> {
  const result = new Map<string, ClauseProgress>();
  if (clauseIds.length === 0) return result;
  const sql = sqlOf(em);
  const clauses = await sql<ClauseRow>(
    `select id, lot_id, type, required_minutes, start_date::text as start_date, end_date::text as end_date from insertion_clause where id = any(?::uuid[])`,
    [pgArray([...new Set(clauseIds)])],
  );
  const own = await placementFactsWhere(em, 'ic.id = any(?::uuid[])', [pgArray(clauses.map((clause) => clause.id))], 'p.id');
  const participants = [...new Set(own.map((facts) => facts.participantId))];
  const readDeclarations = async (): Promise<DeclarationRow[]> =>
    participants.length
      ? sql<DeclarationRow>(
          `select d.id, d.placement_id, p.participant_id, d.month, d.status, d.version, d.worked_minutes, d.training_minutes, d.attested_minutes,
                  d.invoice_cents, d.comment, (d.submitted_at at time zone 'Europe/Paris')::date::text as submitted_on,
                  coalesce((select array_agg(dp.id) from declaration_proof dp where dp.declaration_id = d.id), '{}') as proof_ids
             from hour_declaration d join placement p on p.id = d.placement_id
            where p.participant_id = any(?::uuid[])`,
          [pgArray(participants)],
        )
      : [];
  // Inside a transaction they share one connection: one after the other. Outside (after an import is
  // committed), at once on the pool's connections.
  let placements: Awaited<ReturnType<typeof participantsPlacements>>;
  let validations: Awaited<ReturnType<typeof participantsEligibility>>;
  let declarations: DeclarationRow[];
  if (em.isInTransaction()) {
    placements = await participantsPlacements(em, participants);
    validations = await participantsEligibility(em, participants);
    declarations = await readDeclarations();
  } else {
    [placements, validations, declarations] = await Promise.all([participantsPlacements(em, participants), participantsEligibility(em, participants), readDeclarations()]);
  }
  // Grouped once, so that each clause only walks its own people's rows (not every row of every clause).
  const ownByClause = groupBy(own, (facts) => facts.clause.id);
  const declarationsByPlacement = groupBy(declarations, (row) => row.placement_id);
  const declarationsByParticipant = groupBy(declarations, (row) => row.participant_id);
  const placementsByParticipant = groupBy(placements, (placement) => placement.participantId);
  const validationsByParticipant = groupBy(validations, (validation) => validation.participantId);

  for (const row of clauses) {
    const ownFacts = ownByClause.get(row.id) ?? [];
    const clause = ownFacts[0]?.clause;
    const ownDeclarations = ownFacts.flatMap((facts) => declarationsByPlacement.get(facts.id) ?? []);
    const pendingMinutes = ownDeclarations
      .filter((declaration) => declaration.status === 'submitted' || declaration.status === 'corrected')
      .reduce((total, declaration) => total + declaration.worked_minutes + (declaration.training_minutes ?? 0) + (declaration.attested_minutes ?? 0), 0);
    if (!clause) {
      result.set(row.id, { clauseId: row.id, countedMinutes: 0, pendingMinutes: 0, status: null, progress: null, missing: [], missingPeriods: 0, lateFlag: false });
      continue;
    }
    const people = [...new Set(ownFacts.map((facts) => facts.participantId))];
    const subcontracted = ownFacts.filter((facts) => SUBCONTRACT_MODALITIES.includes(facts.modality));
    const subcontractedIds = new Set(subcontracted.map((facts) => facts.id));
    const counting = countClauseHours({
      clause,
      placements: people.flatMap((id) => placementsByParticipant.get(id) ?? []),
      // Subcontracted placements count through their attestations and invoices (C7), not hours worked.
      // Only validated declarations can count (the engine sets the others aside as "not validated"
      // before any rule): handing it only those gives the same counted minutes, without checking the
      // shape of every transmitted one (an import of 100 000 lines transmits them all at once).
      declarations: people
        .flatMap((id) => declarationsByParticipant.get(id) ?? [])
        .filter((declaration) => declaration.status === 'validated' && !subcontractedIds.has(declaration.placement_id))
        .map(domainDeclaration),
      eligibilityValidations: people.flatMap((id) => validationsByParticipant.get(id) ?? []),
      siaeSubcontracts: subcontracted.map((facts) => subcontractOf(facts, declarationsByPlacement.get(facts.id) ?? [])),
    });
    const deadlines = declarationDeadlines({
      clause,
      placements: ownFacts.map(domainPlacement),
      // Drafts are not declarations yet for the deadlines (the domain skips them too).
      declarations: ownDeclarations.filter((declaration) => declaration.status !== 'draft').map(domainDeclaration),
      today,
    });
    const countedMinutes = counting.ok ? counting.value.countedMinutes : 0;
    const missing = deadlines.ok ? deadlines.value.missing : [];
    const missingPeriods = deadlines.ok ? deadlines.value.missingPeriods : 0;
    const cells = new Map<string, { month: string; modality: string; countedMinutes: number }>();
    for (const slice of counting.ok ? counting.value.counted : []) {
      const key = `${slice.month}|${slice.modality}`;
      const cell = cells.get(key) ?? { month: slice.month, modality: slice.modality, countedMinutes: 0 };
      cell.countedMinutes += slice.minutes;
      cells.set(key, cell);
    }
    const withHours = CLAUSE_TYPES_WITH_HOURS.includes(row.type as ClauseType) && row.required_minutes !== null && row.start_date !== null && row.end_date !== null;
    const compliance = withHours ? assessCompliance({ clause, countedMinutes, invoicedAmountCents: null, missingPeriods, today }) : null;
    result.set(row.id, {
      clauseId: row.id,
      countedMinutes,
      pendingMinutes,
      status: compliance?.ok ? compliance.value.status : null,
      progress: compliance?.ok ? compliance.value.progress : null,
      missing,
      missingPeriods,
      lateFlag: missingPeriods > 0,
      byMonthModality: [...cells.values()],
      slices: counting.ok ? { counted: counting.value.counted, excluded: counting.value.excluded } : undefined,
    });
  }
  return result;
}

/** Writes the clauses' counted minutes and status (the copy the portfolio lists filter on). */
export async function refreshClauseProgress(em: EntityManager, clauseIds: readonly string[], today: string): Promise<void> {
  const progress = await clauseProgress(em, clauseIds, today);
  const items = [...progress.values()];
  // One statement for every clause (an import touches many).
  if (items.length > 0) {
    await sqlOf(em)(
      `update insertion_clause c set counted_minutes = u.counted_minutes, compliance_status = coalesce(u.status, c.compliance_status), compliance_computed_on = ?
         from unnest(?::uuid[], ?::int[], ?::text[]) as u(id, counted_minutes, status)
        where c.id = u.id`,
      [today, pgArray(items.map((item) => item.clauseId)), pgArray(items.map((item) => item.countedMinutes)), pgArray(items.map((item) => item.status))],
    );
  }
  await writeDashboardFigures(em, [...progress.values()], today);
}
