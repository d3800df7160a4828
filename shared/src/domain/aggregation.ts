/**
 * Roll-ups for dashboards (reference.md §7, decisions.md §9, §11): lot → contract → operation → buyer,
 * by contractor (flagged), by modality, and by eligibility criterion with small-cell suppression.
 * Compliance stays per clause: a surplus on one lot never hides a shortfall on another (C11).
 */
import { criterionByCode, type CriterionCode } from './eligibility-criteria.js';
import { roundTo } from './arithmetic.js';
import { COMPLIANCE_STATUSES, MODALITIES, MODALITY_LABELS, type ComplianceStatus, type Modality } from './vocabulary.js';

/** One clause with its computed figures, as a dashboard query returns it. */
export interface ClauseFigures {
  readonly clauseId: string;
  readonly lotId: string;
  readonly contractId: string;
  /** Null when the contract belongs to no operation. */
  readonly operationId: string | null;
  readonly buyerId: string;
  readonly contractorId: string;
  readonly requiredMinutes: number;
  readonly countedMinutes: number;
  readonly status: ComplianceStatus;
  /** Periods whose declaration is missing after the deadline (late-declaration flag when > 0). */
  readonly missingPeriods: number;
}

export interface Totals {
  readonly clauseCount: number;
  readonly requiredMinutes: number;
  readonly countedMinutes: number;
  /** Σ min(counted, required) per clause: what actually meets obligations. */
  readonly countedTowardsRequiredMinutes: number;
  /** Σ per-clause surplus, reported only (C11). */
  readonly surplusMinutes: number;
  /** Σ per-clause shortfall. */
  readonly shortfallMinutes: number;
  /** countedTowardsRequired ÷ required (4 decimals), null when nothing is required. */
  readonly progress: number | null;
  readonly statusCounts: Readonly<Record<ComplianceStatus, number>>;
  readonly clausesWithLateDeclarations: number;
}

export type RollupLevel = 'buyer' | 'operation' | 'contract' | 'lot';

export interface RollupNode extends Totals {
  readonly level: RollupLevel;
  /** Id at this level; null for "no operation". */
  readonly id: string | null;
  readonly children: readonly RollupNode[];
  /** Clause ids, on lot nodes only. */
  readonly clauseIds: readonly string[];
}

export function totalsOf(rows: readonly ClauseFigures[]): Totals {
  const statusCounts = Object.fromEntries(COMPLIANCE_STATUSES.map((status) => [status, 0])) as Record<ComplianceStatus, number>;
  let requiredMinutes = 0;
  let countedMinutes = 0;
  let towards = 0;
  let surplusMinutes = 0;
  let shortfallMinutes = 0;
  let late = 0;
  for (const row of rows) {
    requiredMinutes += row.requiredMinutes;
    countedMinutes += row.countedMinutes;
    towards += Math.min(row.countedMinutes, row.requiredMinutes);
    surplusMinutes += Math.max(0, row.countedMinutes - row.requiredMinutes);
    shortfallMinutes += Math.max(0, row.requiredMinutes - row.countedMinutes);
    statusCounts[row.status] += 1;
    if (row.missingPeriods > 0) late += 1;
  }
  return {
    clauseCount: rows.length,
    requiredMinutes,
    countedMinutes,
    countedTowardsRequiredMinutes: towards,
    surplusMinutes,
    shortfallMinutes,
    progress: requiredMinutes > 0 ? roundTo(towards / requiredMinutes) : null,
    statusCounts,
    clausesWithLateDeclarations: late,
  };
}

function groupRows(rows: readonly ClauseFigures[], key: (row: ClauseFigures) => string | null): Map<string | null, ClauseFigures[]> {
  const groups = new Map<string | null, ClauseFigures[]>();
  for (const row of rows) {
    const k = key(row);
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  return new Map([...groups].sort(([a], [b]) => (a ?? '').localeCompare(b ?? '')));
}

const LEVELS: readonly { level: RollupLevel; key: (row: ClauseFigures) => string | null }[] = [
  { level: 'buyer', key: (row) => row.buyerId },
  { level: 'operation', key: (row) => row.operationId },
  { level: 'contract', key: (row) => row.contractId },
  { level: 'lot', key: (row) => row.lotId },
];

function rollLevel(rows: readonly ClauseFigures[], depth: number): RollupNode[] {
  const spec = LEVELS[depth];
  if (!spec) return [];
  return [...groupRows(rows, spec.key)].map(([id, group]) => ({
    level: spec.level,
    id,
    ...totalsOf(group),
    children: rollLevel(group, depth + 1),
    clauseIds: spec.level === 'lot' ? group.map((row) => row.clauseId) : [],
  }));
}

/** buyer → operation → contract → lot; a contract's required hours are the sum of its lots'. */
export function rollUpByBuyer(rows: readonly ClauseFigures[]): RollupNode[] {
  return rollLevel(rows, 0);
}

export type ContractorFlagReason = 'at_risk' | 'not_met' | 'late_declarations';

export interface ContractorSummary extends Totals {
  readonly contractorId: string;
  /** True when any clause is at risk, not met, or has missing declarations past their deadline. */
  readonly flagged: boolean;
  readonly flags: readonly { readonly clauseId: string; readonly reason: ContractorFlagReason }[];
}

/** Why a clause flags its contractor (decisions.md §9): at risk or not met, and/or declarations missing past their deadline. */
export function clauseFlagReasons(clause: Pick<ClauseFigures, 'status' | 'missingPeriods'>): ContractorFlagReason[] {
  return [
    ...(clause.status === 'at_risk' || clause.status === 'not_met' ? [clause.status] : []),
    ...(clause.missingPeriods > 0 ? (['late_declarations'] as const) : []),
  ];
}

export function summariseByContractor(rows: readonly ClauseFigures[]): ContractorSummary[] {
  return [...groupRows(rows, (row) => row.contractorId)].map(([contractorId, group]) => {
    const flags = group.flatMap((row) => clauseFlagReasons(row).map((reason) => ({ clauseId: row.clauseId, reason })));
    return { contractorId: contractorId ?? '', ...totalsOf(group), flagged: flags.length > 0, flags };
  });
}

export interface ModalityTotal {
  readonly modality: Modality;
  readonly label: string;
  readonly countedMinutes: number;
  /** Share of all counted minutes (4 decimals), null when nothing is counted. */
  readonly share: number | null;
}

/** Sums the `byModality` of several counting results. */
export function summariseByModality(results: readonly { readonly byModality: readonly { readonly modality: Modality; readonly countedMinutes: number }[] }[]): ModalityTotal[] {
  const totals = new Map<Modality, number>(MODALITIES.map((modality) => [modality, 0]));
  for (const result of results) {
    for (const row of result.byModality) totals.set(row.modality, (totals.get(row.modality) ?? 0) + row.countedMinutes);
  }
  const all = [...totals.values()].reduce((sum, minutes) => sum + minutes, 0);
  return MODALITIES.map((modality) => {
    const countedMinutes = totals.get(modality) ?? 0;
    return { modality, label: MODALITY_LABELS[modality], countedMinutes, share: all > 0 ? roundTo(countedMinutes / all) : null };
  });
}

export interface ParticipantCriteria {
  readonly participantId: string;
  readonly criteria: readonly CriterionCode[];
  readonly countedMinutes: number;
}

export interface CriterionCell {
  readonly code: CriterionCode;
  readonly label: string;
  readonly suppressed: boolean;
  /** Distinct people with this criterion, null when suppressed. */
  readonly participants: number | null;
  readonly countedMinutes: number | null;
}

export interface CriterionBreakdown {
  readonly cells: readonly CriterionCell[];
  readonly totalParticipants: number;
  readonly totalCountedMinutes: number;
  readonly threshold: number;
}

/** Statistical secrecy (decisions.md §11): the smallest number of people a published cell may show. */
export const SMALL_CELL_THRESHOLD = 5;

/**
 * The cells to hide before publishing counts of people: those of 1 to `threshold − 1` people and, when
 * only one is, the next smallest non-empty one too, so that it cannot be recovered from the total.
 * Ties are broken by the order of `cells`. The one rule behind every aggregate buyers or the public see.
 */
export function smallCells<T>(cells: readonly T[], peopleOf: (cell: T) => number, threshold = SMALL_CELL_THRESHOLD): Set<T> {
  const small = (people: number) => people > 0 && people < threshold;
  const hidden = new Set(cells.filter((cell) => small(peopleOf(cell))));
  if (hidden.size === 1) {
    const next = cells.filter((cell) => !hidden.has(cell) && peopleOf(cell) > 0).sort((a, b) => peopleOf(a) - peopleOf(b))[0];
    if (next !== undefined) hidden.add(next);
  }
  return hidden;
}

/**
 * People and hours by eligibility criterion, for buyers and public outputs. Cells of 1 to
 * `threshold − 1` people are suppressed; when a single cell is suppressed, the next smallest is too,
 * so that it cannot be recovered from the total. A person may hold several criteria.
 */
export function summariseByCriterion(rows: readonly ParticipantCriteria[], threshold = 5): CriterionBreakdown {
  const people = new Map<string, { criteria: Set<CriterionCode>; minutes: number }>();
  for (const row of rows) {
    const person = people.get(row.participantId) ?? { criteria: new Set<CriterionCode>(), minutes: 0 };
    for (const code of row.criteria) person.criteria.add(code);
    person.minutes += row.countedMinutes;
    people.set(row.participantId, person);
  }
  const cells = new Map<CriterionCode, { participants: number; minutes: number }>();
  for (const person of people.values()) {
    for (const code of person.criteria) {
      const cell = cells.get(code) ?? { participants: 0, minutes: 0 };
      cell.participants += 1;
      cell.minutes += person.minutes;
      cells.set(code, cell);
    }
  }
  const entries = [...cells].sort(([a], [b]) => a.localeCompare(b));
  const suppressed = smallCells(entries, ([, cell]) => cell.participants, threshold);
  return {
    cells: entries.map((entry) => {
      const [code, cell] = entry;
      const hidden = suppressed.has(entry);
      return {
        code,
        label: criterionByCode(code).label,
        suppressed: hidden,
        participants: hidden ? null : cell.participants,
        countedMinutes: hidden ? null : cell.minutes,
      };
    }),
    totalParticipants: people.size,
    totalCountedMinutes: [...people.values()].reduce((total, person) => total + person.minutes, 0),
    threshold,
  };
}
