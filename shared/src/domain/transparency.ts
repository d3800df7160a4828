/**
 * Public transparency figures of a buyer (opt-in): hours required and delivered per year and per
 * operation. No personal data: a cell whose hours were delivered by fewer than `threshold` people has
 * its delivered hours suppressed, and when a single cell of a year is suppressed, the next smallest of
 * that year is too, so that it cannot be recovered from the year's total.
 */
import { smallCells } from './aggregation.js';
import { daysBetween } from './calendar.js';

export interface TransparencyClause {
  readonly operationId: string | null;
  readonly requiredMinutes: number;
  readonly startDate: string;
  readonly endDate: string;
}

export interface TransparencyDelivery {
  readonly operationId: string | null;
  /** YYYY-MM of the validated declaration. */
  readonly month: string;
  readonly participantId: string;
  readonly minutes: number;
}

export interface TransparencyCell {
  readonly year: number;
  readonly operationId: string | null;
  readonly requiredMinutes: number;
  /** Null when suppressed. */
  readonly deliveredMinutes: number | null;
  readonly suppressed: boolean;
}

export interface TransparencyYear {
  readonly year: number;
  readonly requiredMinutes: number;
  /** The year's total: published when at least `threshold` people contributed, else null. */
  readonly deliveredMinutes: number | null;
  readonly cells: readonly TransparencyCell[];
}

/** Required minutes of a clause spread over calendar years, prorata of its days (the total is kept exact). */
export function requiredByYear(clause: TransparencyClause): Map<number, number> {
  const result = new Map<number, number>();
  const total = daysBetween(clause.startDate, clause.endDate) + 1;
  if (total <= 0) return result;
  const first = Number(clause.startDate.slice(0, 4));
  const last = Number(clause.endDate.slice(0, 4));
  let given = 0;
  for (let year = first; year <= last; year++) {
    const from = year === first ? clause.startDate : `${year}-01-01`;
    const to = year === last ? clause.endDate : `${year}-12-31`;
    const minutes = year === last ? clause.requiredMinutes - given : Math.round((clause.requiredMinutes * (daysBetween(from, to) + 1)) / total);
    given += minutes;
    result.set(year, minutes);
  }
  return result;
}

export function transparencyTable(clauses: readonly TransparencyClause[], deliveries: readonly TransparencyDelivery[], threshold = 5): TransparencyYear[] {
  const key = (year: number, operationId: string | null) => `${year}|${operationId ?? ''}`;
  const cells = new Map<string, { year: number; operationId: string | null; required: number; delivered: number; people: Set<string> }>();
  const cellOf = (year: number, operationId: string | null) => {
    const k = key(year, operationId);
    let cell = cells.get(k);
    if (!cell) cells.set(k, (cell = { year, operationId, required: 0, delivered: 0, people: new Set() }));
    return cell;
  };
  for (const clause of clauses) for (const [year, minutes] of requiredByYear(clause)) cellOf(year, clause.operationId).required += minutes;
  for (const row of deliveries) {
    const cell = cellOf(Number(row.month.slice(0, 4)), row.operationId);
    cell.delivered += row.minutes;
    cell.people.add(row.participantId);
  }
  const years = [...new Set([...cells.values()].map((cell) => cell.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const ofYear = [...cells.values()].filter((cell) => cell.year === year).sort((a, b) => (a.operationId ?? '').localeCompare(b.operationId ?? ''));
    const suppressed = smallCells(ofYear, (cell) => cell.people.size, threshold);
    const yearPeople = new Set(ofYear.flatMap((cell) => [...cell.people]));
    return {
      year,
      requiredMinutes: ofYear.reduce((total, cell) => total + cell.required, 0),
      deliveredMinutes: yearPeople.size > 0 && yearPeople.size < threshold ? null : ofYear.reduce((total, cell) => total + cell.delivered, 0),
      cells: ofYear.map((cell) => ({
        year,
        operationId: cell.operationId,
        requiredMinutes: cell.required,
        deliveredMinutes: suppressed.has(cell) ? null : cell.delivered,
        suppressed: suppressed.has(cell),
      })),
    };
  });
}
