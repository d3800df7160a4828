/**
 * Pooling agreements (conventions de globalisation, rule C10, decisions.md §15). Hours counted on one
 * clause of the agreement beyond its required hours may move to another clause of the same agreement:
 *   - `most_behind_first` (default): to the clause with the lowest counted ÷ required first, until it
 *     is met, then the next;
 *   - `ordered`: to the clauses in the agreement's order;
 *   - `explicit`: the buyer's transfers, never above the giving clause's surplus.
 * Every moved minute is an allocation record (declaration → receiving clause), which the counting
 * engine applies (counting.ts, C10): the giving clause loses what the receiving clause gains, so the
 * same hour is never counted twice (C12 holds across the agreement). The surplus moved is the last
 * one counted (latest months first). Only months wholly inside the agreement and the receiving
 * clause's dates move: a straddling month would be prorated on arrival and lose minutes.
 *
 * Inputs are each clause's counted minutes per declaration *without* this agreement (`poolableMinutes`
 * of its counting result); ending or changing the agreement is a new call, and
 * `diffPoolingAllocations` says which allocations and clauses changed.
 */
import { z } from 'zod';
import { firstDayOfMonth, lastDayOfMonth, type YearMonth } from './calendar.js';
import type { CountingResult } from './counting.js';
import { formatHours } from './format.js';
import { andThen, fail, ok, validateWith, makeViolation, type Result, type Violation } from './result.js';
import {
  code,
  enumField,
  idField,
  insertionClauseSchema,
  isoDateField,
  listField,
  minutesField,
  yearMonthField,
  type InsertionClause,
  type PoolingAgreement,
} from './schemas.js';

export const POOLING_POLICIES = ['most_behind_first', 'ordered', 'explicit'] as const;
export type PoolingPolicy = (typeof POOLING_POLICIES)[number];

const transferSchema = z.object({
  fromClauseId: idField('Clause qui cède'),
  toClauseId: idField('Clause qui reçoit'),
  minutes: minutesField('Heures transférées'),
});

const termsSchema = z
  .object({
    id: idField('Identifiant de la convention'),
    contractorId: idField('Entreprise de la convention'),
    /** The clauses it covers, in the agreement's order (policy `ordered`). */
    clauseIds: listField(idField('Clause'), 'Clauses mutualisées').refine((list) => list.length >= 2, {
      error: 'Une convention de mutualisation couvre au moins deux clauses.',
      ...code('pooling_needs_two_clauses'),
    }),
    startDate: isoDateField('Début de la convention'),
    endDate: isoDateField('Fin de la convention'),
    policy: enumField(POOLING_POLICIES, 'Règle de répartition'),
    /** Policy `explicit`: the buyer's transfers. */
    transfers: listField(transferSchema, 'Transferts fixés par l’acheteur').nullish(),
  })
  .refine((terms) => terms.endDate >= terms.startDate, { error: 'La fin de la convention précède son début.', path: ['endDate'], ...code('inverted_dates') });
export type PoolingTerms = z.input<typeof termsSchema>;

const countedRowSchema = z.object({
  declarationId: idField('Déclaration'),
  clauseId: idField('Clause de la déclaration'),
  month: yearMonthField('Mois déclaré'),
  /** Worked minutes of the declaration counted on its own clause, without this agreement. */
  countedMinutes: minutesField('Heures comptées'),
});
export type PoolableRow = z.infer<typeof countedRowSchema>;

const poolingInputSchema = z.object({
  terms: termsSchema,
  clauses: listField(insertionClauseSchema, 'Clauses'),
  counted: listField(countedRowSchema, 'Heures comptées par déclaration'),
});
export type PoolingInput = z.input<typeof poolingInputSchema>;

export interface PooledAllocation {
  readonly declarationId: string;
  readonly month: YearMonth;
  readonly fromClauseId: string;
  /** The receiving clause. */
  readonly clauseId: string;
  readonly minutes: number;
}

export interface PooledClause {
  readonly clauseId: string;
  readonly requiredMinutes: number;
  readonly countedBeforeMinutes: number;
  readonly givenMinutes: number;
  readonly receivedMinutes: number;
  /** counted before − given + received: what the counting engine finds with the allocations. */
  readonly countedAfterMinutes: number;
}

export interface PoolingOutcome {
  readonly agreementId: string;
  readonly policy: PoolingPolicy;
  readonly allocations: readonly PooledAllocation[];
  readonly clauses: readonly PooledClause[];
  /** The agreement as the counting engine takes it (`countClauseHours({ poolingAgreements })`). */
  readonly agreement: PoolingAgreement;
  /** One French sentence per transfer: "50 h de clause-A vers clause-B (la plus en retard : 25 %)". */
  readonly transfers: readonly string[];
}

/** A declaration's worked minutes counted on its own clause, from its counting result (without the agreement). */
export function poolableMinutes(result: Pick<CountingResult, 'clauseId' | 'counted'>): PoolableRow[] {
  const rows = new Map<string, PoolableRow>();
  for (const slice of result.counted) {
    if (slice.source !== 'declaration' || slice.kind !== 'work' || slice.declarationId === null) continue;
    const row = rows.get(slice.declarationId) ?? { declarationId: slice.declarationId, clauseId: result.clauseId, month: slice.month, countedMinutes: 0 };
    rows.set(slice.declarationId, { ...row, countedMinutes: row.countedMinutes + slice.minutes });
  }
  return [...rows.values()];
}

interface Donor {
  readonly clause: InsertionClause;
  surplus: number;
  /** Rows still holding movable minutes, latest month first. */
  readonly rows: { row: PoolableRow; left: number }[];
}

function checkParties(terms: z.output<typeof termsSchema>, clauses: readonly InsertionClause[], counted: readonly PoolableRow[]): Violation[] {
  const byId = new Map(clauses.map((clause) => [clause.id, clause]));
  const problems: Violation[] = [];
  terms.clauseIds.forEach((clauseId, index) => {
    const clause = byId.get(clauseId);
    const path = `terms.clauseIds.${index}`;
    if (terms.clauseIds.indexOf(clauseId) !== index) problems.push(makeViolation('duplicate_clause', path, `La clause ${clauseId} figure deux fois dans la convention.`));
    else if (!clause) problems.push(makeViolation('unknown_clause', path, `La clause ${clauseId} est introuvable.`));
    else if (clause.contractorId !== terms.contractorId) {
      problems.push(makeViolation('clause_of_another_company', path, `La clause ${clauseId} est tenue par ${clause.contractorId}, pas par ${terms.contractorId}, entreprise de la convention.`));
    } else if (!clause.rules.counting.c10.enabled) {
      problems.push(makeViolation('pooling_disabled', path, `La clause ${clauseId} ne retient pas la mutualisation (C10) : activez-la avant de l’inclure.`));
    }
  });
  counted.forEach((row, index) => {
    if (!terms.clauseIds.includes(row.clauseId)) problems.push(makeViolation('unknown_clause', `counted.${index}.clauseId`, `La déclaration ${row.declarationId} porte sur la clause ${row.clauseId}, hors de la convention.`));
  });
  if (terms.policy === 'explicit' && !terms.transfers) {
    problems.push(makeViolation('missing_parameter', 'terms.transfers', 'Une répartition explicite indique les transferts entre clauses.'));
  }
  (terms.transfers ?? []).forEach((transfer, index) => {
    for (const key of ['fromClauseId', 'toClauseId'] as const) {
      if (!terms.clauseIds.includes(transfer[key])) problems.push(makeViolation('unknown_clause', `terms.transfers.${index}.${key}`, `La clause ${transfer[key]} n’est pas dans la convention.`));
    }
    if (transfer.fromClauseId === transfer.toClauseId) problems.push(makeViolation('transfer_to_itself', `terms.transfers.${index}.toClauseId`, 'Une clause ne se transfère pas d’heures à elle-même.'));
  });
  return problems;
}

/** The allocations of a pooling agreement under its policy, and each clause's counted hours before and after. */
export function allocatePooledHours(input: PoolingInput): Result<PoolingOutcome> {
  return andThen(validateWith(poolingInputSchema, input), ({ terms, clauses, counted }): Result<PoolingOutcome> => {
    const problems = checkParties(terms, clauses, counted);
    if (problems.length > 0) return fail(problems);
    const clauseById = new Map(clauses.map((clause) => [clause.id, clause]));
    const members = terms.clauseIds.map((id) => clauseById.get(id) as InsertionClause);
    const countedBefore = new Map<string, number>(members.map((clause) => [clause.id, 0]));
    for (const row of counted) countedBefore.set(row.clauseId, (countedBefore.get(row.clauseId) ?? 0) + row.countedMinutes);
    const donors = new Map<string, Donor>(
      members.map((clause) => [
        clause.id,
        {
          clause,
          surplus: Math.max(0, (countedBefore.get(clause.id) ?? 0) - clause.requiredMinutes),
          rows: counted
            .filter((row) => row.clauseId === clause.id && row.countedMinutes > 0)
            .sort((a, b) => (a.month === b.month ? (a.declarationId < b.declarationId ? 1 : -1) : a.month < b.month ? 1 : -1))
            .map((row) => ({ row, left: row.countedMinutes })),
        },
      ]),
    );
    const allocations: PooledAllocation[] = [];
    const transfers: string[] = [];
    const received = new Map<string, number>();

    // Moves up to `wanted` minutes from a donor to a receiver; months outside the agreement or the receiver's dates stay.
    const move = (donor: Donor, receiver: InsertionClause, wanted: number): number => {
      let moved = 0;
      for (const entry of donor.rows) {
        if (moved >= wanted || donor.surplus === 0) break;
        const from = firstDayOfMonth(entry.row.month);
        const to = lastDayOfMonth(entry.row.month);
        if (entry.left === 0 || from < terms.startDate || to > terms.endDate || from < receiver.startDate || to > receiver.endDate) continue;
        const minutes = Math.min(entry.left, wanted - moved, donor.surplus);
        entry.left -= minutes;
        donor.surplus -= minutes;
        moved += minutes;
        allocations.push({ declarationId: entry.row.declarationId, month: entry.row.month, fromClauseId: donor.clause.id, clauseId: receiver.id, minutes });
      }
      if (moved > 0) received.set(receiver.id, (received.get(receiver.id) ?? 0) + moved);
      return moved;
    };

    if (terms.policy === 'explicit') {
      const asked = new Map<string, number>();
      for (const transfer of terms.transfers ?? []) asked.set(transfer.fromClauseId, (asked.get(transfer.fromClauseId) ?? 0) + transfer.minutes);
      const above = [...asked].flatMap(([clauseId, minutes]) => {
        const surplus = donors.get(clauseId)?.surplus ?? 0;
        return minutes > surplus
          ? [makeViolation('allocation_above_surplus', 'terms.transfers', `La clause ${clauseId} céderait ${formatHours(minutes)} pour un excédent de ${formatHours(surplus)} : jamais plus que l’excédent.`)]
          : [];
      });
      if (above.length > 0) return fail(above);
      for (const [index, transfer] of (terms.transfers ?? []).entries()) {
        const moved = move(donors.get(transfer.fromClauseId) as Donor, clauseById.get(transfer.toClauseId) as InsertionClause, transfer.minutes);
        if (moved < transfer.minutes) {
          return fail([
            makeViolation(
              'allocation_above_surplus',
              `terms.transfers.${index}.minutes`,
              `Seules ${formatHours(moved)} de l’excédent de la clause ${transfer.fromClauseId} tombent dans les dates de la convention et de la clause ${transfer.toClauseId} (${formatHours(transfer.minutes)} demandées).`,
            ),
          ]);
        }
        transfers.push(`${formatHours(moved)} de la clause ${transfer.fromClauseId} vers la clause ${transfer.toClauseId} (répartition fixée par l’acheteur).`);
      }
    } else {
      const progress = (clause: InsertionClause): number => ((countedBefore.get(clause.id) ?? 0) + (received.get(clause.id) ?? 0)) / clause.requiredMinutes;
      const behind = members.filter((clause) => clause.requiredMinutes > (countedBefore.get(clause.id) ?? 0));
      // Stable sort: equal progress keeps the agreement's order.
      const receivers = terms.policy === 'ordered' ? behind : [...behind].sort((a, b) => progress(a) - progress(b));
      for (const receiver of receivers) {
        const before = progress(receiver);
        for (const donor of donors.values()) {
          const need = receiver.requiredMinutes - (countedBefore.get(receiver.id) ?? 0) - (received.get(receiver.id) ?? 0);
          if (need <= 0) break;
          if (donor.clause.id === receiver.id) continue;
          const moved = move(donor, receiver, need);
          if (moved > 0) {
            const why = terms.policy === 'ordered' ? 'ordre de la convention' : `la plus en retard : ${Math.floor(before * 100)} % de ses heures requises`;
            transfers.push(`${formatHours(moved)} de la clause ${donor.clause.id} vers la clause ${receiver.id} (${why}).`);
          }
        }
      }
    }

    const given = new Map<string, number>();
    for (const allocation of allocations) given.set(allocation.fromClauseId, (given.get(allocation.fromClauseId) ?? 0) + allocation.minutes);
    return ok({
      agreementId: terms.id,
      policy: terms.policy,
      allocations,
      clauses: members.map((clause) => {
        const before = countedBefore.get(clause.id) ?? 0;
        const out = given.get(clause.id) ?? 0;
        const inward = received.get(clause.id) ?? 0;
        return { clauseId: clause.id, requiredMinutes: clause.requiredMinutes, countedBeforeMinutes: before, givenMinutes: out, receivedMinutes: inward, countedAfterMinutes: before - out + inward };
      }),
      agreement: {
        id: terms.id,
        contractorId: terms.contractorId,
        clauseIds: terms.clauseIds,
        startDate: terms.startDate,
        endDate: terms.endDate,
        allocations: allocations.map(({ declarationId, clauseId, minutes }) => ({ declarationId, clauseId, minutes })),
      },
      transfers,
    });
  });
}

export interface AllocationChanges {
  readonly added: readonly PooledAllocation[];
  readonly removed: readonly PooledAllocation[];
  /** Clauses whose standing must be recomputed: giving or receiving in either version. */
  readonly touchedClauseIds: readonly string[];
}

/** What changes when an agreement ends or changes: allocations gone, allocations new, clauses touched. */
export function diffPoolingAllocations(before: readonly PooledAllocation[], after: readonly PooledAllocation[]): AllocationChanges {
  const key = (allocation: PooledAllocation): string => `${allocation.declarationId}|${allocation.fromClauseId}|${allocation.clauseId}|${allocation.minutes}`;
  const afterKeys = new Set(after.map(key));
  const beforeKeys = new Set(before.map(key));
  const removed = before.filter((allocation) => !afterKeys.has(key(allocation)));
  const added = after.filter((allocation) => !beforeKeys.has(key(allocation)));
  const touched = new Set([...removed, ...added].flatMap((allocation) => [allocation.fromClauseId, allocation.clauseId]));
  return { added, removed, touchedClauseIds: [...touched].sort() };
}
