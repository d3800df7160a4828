/**
 * The contractor's space: its lots with the clause, required and counted hours, the status and what
 * is due (last month's declarations, due by the deadline day of this month, then any overdue month);
 * and the people placed on its lots — never their eligibility criteria (decisions.md §11).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addMonthsToMonth,
  declarationDeadline,
  monthOf,
  monthsInRange,
  placementMonthRange,
  type ComplianceStatus,
  type ContractorLot,
  type ContractorPlacement,
  type DueMonth,
  groupBy,
} from '@app/shared';
import type { Actor } from '../actor.js';
import { placementFactsWhere, placementsDeclarations, type DeclarationRow, type PlacementFacts } from '../../infra/declaration-facts.js';
import { sqlOf } from '../../infra/sql.js';
import { clauseProgress } from './clause-progress.js';

/** How many past months the placements table shows. */
const MONTHS_SHOWN = 6;

interface HeldLotRow {
  lot_id: string;
  lot_number: number;
  lot_title: string;
  contract_id: string;
  contract_reference: string;
  contract_object: string;
  buyer_id: string;
  buyer_name: string;
  clause_id: string | null;
  clause_type: string | null;
  clause_start: string | null;
  clause_end: string | null;
  required_minutes: number | null;
  rules: { declarations?: { deadlineDay?: number } } | null;
}

const holderOf = (actor: Actor): string => actor.organisationSiret ?? '';

function dueMonth(month: string, deadline: string, placements: readonly PlacementFacts[], declarations: Map<string, DeclarationRow[]>, today: string): DueMonth {
  const active = placements.filter((facts) => placementMonthRange({ startDate: facts.startDate, endDate: facts.endDate }, month) !== null);
  const transmitted = active.filter((facts) => (declarations.get(facts.id) ?? []).some((row) => row.month === month && row.status !== 'draft')).length;
  const missing = active.length - transmitted;
  return { month, deadline, expected: active.length, transmitted, missing, late: missing > 0 && today > deadline };
}

export async function contractorLots(em: EntityManager, actor: Actor, today: string): Promise<ContractorLot[]> {
  const lots = await sqlOf(em)<HeldLotRow>(
    `select l.id as lot_id, l.number as lot_number, l.title as lot_title, c.id as contract_id, c.reference as contract_reference,
            c.object as contract_object, b.id as buyer_id, b.name as buyer_name, ic.id as clause_id, ic.type as clause_type,
            ic.start_date::text as clause_start, ic.end_date::text as clause_end, ic.required_minutes, ic.rules
       from lot l join contract c on c.id = l.contract_id join organisation b on b.id = l.buyer_id
       left join insertion_clause ic on ic.lot_id = l.id
      where l.holder_identifier = ?
      order by c.reference, l.number`,
    [holderOf(actor)],
  );
  const placements = await placementFactsWhere(em, 'l.holder_identifier = ?', [holderOf(actor)], 'p.id');
  const declarations = groupBy(await placementsDeclarations(em, placements.map((facts) => facts.id)), (row) => row.placement_id);
  const placementsOf = groupBy(placements, (facts) => facts.lotId);
  const progress = await clauseProgress(em, lots.flatMap((lot) => (lot.clause_id ? [lot.clause_id] : [])), today);
  const lastMonth = addMonthsToMonth(monthOf(today), -1);

  return lots.map((lot) => {
    const deadlineDay = lot.rules?.declarations?.deadlineDay ?? 10;
    const onLot = placementsOf.get(lot.lot_id) ?? [];
    const clause = lot.clause_id ? progress.get(lot.clause_id) : undefined;
    const overdue = [...new Set((clause?.missing ?? []).map((item) => item.month))].filter((month) => month !== lastMonth).sort();
    const due = [lastMonth, ...overdue]
      .map((month) => dueMonth(month, declarationDeadline(month, deadlineDay), onLot, declarations, today))
      .filter((item) => item.expected > 0);
    return {
      lot: { id: lot.lot_id, label: `Lot ${lot.lot_number} — ${lot.lot_title}` },
      contract: { id: lot.contract_id, label: `${lot.contract_reference} — ${lot.contract_object}` },
      buyer: { id: lot.buyer_id, label: lot.buyer_name },
      clause: lot.clause_id
        ? {
            id: lot.clause_id,
            type: lot.clause_type ?? 'execution',
            startDate: lot.clause_start,
            endDate: lot.clause_end,
            requiredMinutes: lot.required_minutes,
            countedMinutes: clause?.countedMinutes ?? 0,
            pendingMinutes: clause?.pendingMinutes ?? 0,
            status: (clause?.status ?? null) as ComplianceStatus | null,
            progress: clause?.progress ?? null,
            deadlineDay,
            lateFlag: clause?.lateFlag ?? false,
            missingPeriods: clause?.missingPeriods ?? 0,
          }
        : null,
      due,
    };
  });
}

export async function contractorPlacements(em: EntityManager, actor: Actor, today: string): Promise<ContractorPlacement[]> {
  const placements = await placementFactsWhere(em, 'l.holder_identifier = ?', [holderOf(actor)]);
  const declarations = groupBy(await placementsDeclarations(em, placements.map((facts) => facts.id)), (row) => row.placement_id);
  const current = monthOf(today);
  return placements.map((facts) => {
    const last = facts.endDate && monthOf(facts.endDate) < current ? monthOf(facts.endDate) : current;
    const first = [monthOf(facts.startDate), addMonthsToMonth(last, -(MONTHS_SHOWN - 1))].sort().at(-1)!;
    const recorded = new Map((declarations.get(facts.id) ?? []).map((row) => [row.month, row]));
    return {
      id: facts.id,
      person: { firstName: facts.firstName, lastName: facts.lastName },
      lot: { id: facts.lotId, label: facts.lotLabel },
      contract: { id: facts.contractId, label: facts.contractLabel },
      modality: facts.modality,
      contractType: facts.contractType,
      employerName: facts.employerName,
      startDate: facts.startDate,
      endDate: facts.endDate,
      weeklyMinutes: facts.weeklyMinutes,
      jobLabel: facts.jobLabel,
      proofRequired: facts.clause.rules.declarations.requireProof,
      months: monthsInRange(first, last)
        .reverse()
        .map((month) => {
          const row = recorded.get(month);
          const deadline = declarationDeadline(month, facts.clause.rules.declarations.deadlineDay);
          return { month, declarationId: row?.id ?? null, status: row?.status ?? null, deadline, late: (!row || row.status === 'draft') && today > deadline };
        }),
    };
  });
}
