/**
 * A buyer's dashboard: its clauses' figures (domain), flagged contractors first, totals per
 * operation, contract, contractor and year, hours by month and modality. Filters and sort come from
 * the URL (validated by the route's schema); a buyer the actor may not see is a 404.
 */
import type { z } from 'zod';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addMonthsToMonth,
  elapsedByTime,
  MODALITIES,
  monthOf,
  roundTo,
  summariseByContractor,
  summariseByModality,
  totalsOf,
  type BuyerDashboard,
  type buyerDashboardQuerySchema,
  type ClauseFigures,
  type ComplianceStatus,
  type DashboardClause,
  type Modality,
} from '@app/shared';
import type { Actor } from '../actor.js';
import { errors } from '../errors.js';
import { sqlOf } from '../../infra/sql.js';
import { computeClauses, loadClauseRecords, loadMonthCells, type ComputedClause } from './clause-figures.js';

type Query = z.output<typeof buyerDashboardQuerySchema>;

/** The buyer organisation the actor asks for, within its scope, else 404 (or 400 when it must say which). */
export async function resolveBuyer(em: EntityManager, actor: Actor, buyerId: string | undefined): Promise<{ id: string; name: string }> {
  let id: string;
  if (actor.role === 'buyer') {
    if (buyerId && buyerId !== actor.organisationId) throw errors.notFound('Acheteur');
    id = actor.organisationId;
  } else {
    if (!buyerId) {
      if (actor.role === 'facilitator' && actor.mandatingBuyerIds.length === 1) id = actor.mandatingBuyerIds[0]!;
      else throw errors.field('buyerId', 'Choisissez l’acheteur dont vous voulez voir le tableau de bord.');
    } else id = buyerId;
    if (actor.role === 'facilitator' && !actor.mandatingBuyerIds.includes(id)) throw errors.notFound('Acheteur');
  }
  const [buyer] = await sqlOf(em)<{ id: string; name: string }>(`select id, name from organisation where id = ? and kind = 'buyer'`, [id]);
  if (!buyer) throw errors.notFound('Acheteur');
  return buyer;
}

/** Most urgent first within the "priority" order. */
const SEVERITY: Readonly<Record<ComplianceStatus, number>> = { not_met: 0, at_risk: 1, watch: 2, on_track: 3, not_started: 4, met: 5, waived: 6 };

export function figuresOf(row: DashboardClause, buyerId: string): ClauseFigures {
  return {
    clauseId: row.id,
    lotId: row.lotId,
    contractId: row.contractId,
    operationId: row.operationId,
    buyerId,
    contractorId: row.contractorSiret,
    requiredMinutes: row.requiredMinutes,
    countedMinutes: row.countedMinutes,
    status: row.status,
    missingPeriods: row.missingPeriods,
  };
}

function totalsWithExpected(rows: readonly DashboardClause[], buyerId: string) {
  return { ...totalsOf(rows.map((row) => figuresOf(row, buyerId))), expectedMinutes: rows.reduce((sum, row) => sum + row.expectedMinutes, 0) };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string | null, T[]> {
  const map = new Map<string | null, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function sorter(query: Query, flaggedContractors: ReadonlySet<string>): (a: DashboardClause, b: DashboardClause) => number {
  const sign = query.dir === 'desc' ? -1 : 1;
  const num = (v: number | null) => (v === null ? Number.POSITIVE_INFINITY : v);
  const by: Record<Exclude<Query['sort'], 'priority'>, (a: DashboardClause, b: DashboardClause) => number> = {
    contractor: (a, b) => a.contractorName.localeCompare(b.contractorName, 'fr'),
    status: (a, b) => SEVERITY[a.status] - SEVERITY[b.status],
    pace: (a, b) => num(a.pace) - num(b.pace),
    required: (a, b) => a.requiredMinutes - b.requiredMinutes,
    counted: (a, b) => a.countedMinutes - b.countedMinutes,
    expected: (a, b) => a.expectedMinutes - b.expectedMinutes,
    end: (a, b) => (a.endDate < b.endDate ? -1 : a.endDate > b.endDate ? 1 : 0),
    forecast: (a, b) => a.forecast.projectedMinutesAtEnd / Math.max(1, a.requiredMinutes) - b.forecast.projectedMinutesAtEnd / Math.max(1, b.requiredMinutes),
  };
  const tie = (a: DashboardClause, b: DashboardClause) => a.contractReference.localeCompare(b.contractReference) || a.lotNumber - b.lotNumber || (a.id < b.id ? -1 : 1);
  if (query.sort === 'priority') {
    return (a, b) =>
      sign *
        (Number(flaggedContractors.has(b.contractorSiret)) - Number(flaggedContractors.has(a.contractorSiret)) ||
          Number(b.flagged) - Number(a.flagged) ||
          SEVERITY[a.status] - SEVERITY[b.status] ||
          num(a.pace) - num(b.pace)) || tie(a, b);
  }
  const compare = by[query.sort];
  return (a, b) => sign * compare(a, b) || tie(a, b);
}

/** Per calendar year: hours the expected lines ask for in the year (domain's elapsed share), hours counted in it. */
function yearsOf(computed: readonly ComputedClause[]): BuyerDashboard['years'] {
  const years = new Map<number, { expected: number; counted: number }>();
  for (const { clause, months } of computed) {
    const first = Number(clause.startDate.slice(0, 4));
    const last = Number(clause.endDate.slice(0, 4));
    for (let year = first; year <= last; year += 1) {
      const share = elapsedByTime(clause.startDate, clause.endDate, `${year + 1}-01-01`) - elapsedByTime(clause.startDate, clause.endDate, `${year}-01-01`);
      const entry = years.get(year) ?? { expected: 0, counted: 0 };
      entry.expected += clause.requiredMinutes * share;
      years.set(year, entry);
    }
    for (const { month, countedMinutes } of months) {
      const year = Number(month.slice(0, 4));
      const entry = years.get(year) ?? { expected: 0, counted: 0 };
      entry.counted += countedMinutes;
      years.set(year, entry);
    }
  }
  return [...years]
    .sort(([a], [b]) => a - b)
    .map(([year, { expected, counted }]) => ({
      year,
      expectedMinutes: Math.round(expected),
      countedMinutes: counted,
      progress: expected > 0 ? roundTo(counted / expected) : null,
    }));
}

export async function buyerDashboard(em: EntityManager, actor: Actor, query: Query, today: string): Promise<BuyerDashboard> {
  const buyer = await resolveBuyer(em, actor, query.buyerId);
  const conditions = ['ic.buyer_id = ?'];
  const params: unknown[] = [buyer.id];
  if (query.operationId) (conditions.push('ic.operation_id = ?'), params.push(query.operationId));
  if (query.contractId) (conditions.push('ic.contract_id = ?'), params.push(query.contractId));
  if (query.from) (conditions.push('ic.end_date >= ?::date'), params.push(`${query.from}-01`));
  if (query.to) (conditions.push(`ic.start_date < (?::date + interval '1 month')`), params.push(`${query.to}-01`));
  const records = await loadClauseRecords(em, conditions.join(' and '), params);
  const cells = await loadMonthCells(em, records.length > 200 ? { buyerId: buyer.id } : { clauseIds: records.map((r) => r.id) });
  let computed = computeClauses(records, cells, today);

  const contractor = query.contractor?.toLowerCase().replace(/\s/g, '');
  if (contractor) computed = computed.filter(({ row }) => row.contractorSiret.includes(contractor) || row.contractorName.toLowerCase().replace(/\s/g, '').includes(contractor));
  if (query.status) computed = computed.filter(({ row }) => row.status === query.status);
  if (query.flagged !== undefined) computed = computed.filter(({ row }) => row.flagged === query.flagged);
  const rows = computed.map((c) => c.row);

  const figures = rows.map((row) => figuresOf(row, buyer.id));
  const summaries = summariseByContractor(figures);
  const flaggedContractors = new Set(summaries.filter((s) => s.flagged).map((s) => s.contractorId));
  const nameOf = new Map(rows.map((row) => [row.contractorSiret, row.contractorName]));
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const expectedByContractor = new Map<string, number>();
  for (const row of rows) expectedByContractor.set(row.contractorSiret, (expectedByContractor.get(row.contractorSiret) ?? 0) + row.expectedMinutes);
  const contractors = summaries
    .map((summary) => ({
      ...summary,
      expectedMinutes: expectedByContractor.get(summary.contractorId) ?? 0,
      siret: summary.contractorId,
      name: nameOf.get(summary.contractorId) ?? summary.contractorId,
      reasons: [...new Set(summary.flags.map((flag) => flag.clauseId))].map((id) => {
        const row = rowById.get(id)!;
        return `Lot ${row.lotNumber} « ${row.lotTitle} » — ${row.reason}`;
      }),
    }))
    .map(({ contractorId: _c, flags: _f, ...rest }) => rest)
    .sort((a, b) => Number(b.flagged) - Number(a.flagged) || b.shortfallMinutes - a.shortfallMinutes || a.name.localeCompare(b.name, 'fr'));

  const groups = (key: (row: DashboardClause) => string | null, label: (row: DashboardClause) => string) =>
    [...groupBy(rows, key)]
      .map(([id, list]) => ({ id, label: label(list[0]!), flagged: list.some((row) => row.flagged), ...totalsWithExpected(list, buyer.id) }))
      .sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.label.localeCompare(b.label, 'fr'));
  const operations = groups((row) => row.operationId, (row) => row.operationName ?? 'Hors opération');
  const contracts = query.operationId || query.contractId ? groups((row) => row.contractId, (row) => row.contractReference) : [];

  const sorted = [...rows].sort(sorter(query, flaggedContractors));
  const start = (query.page - 1) * query.pageSize;

  // Hours by month and modality of the filtered clauses, over the period (default: the last 12 months).
  const to = query.to ?? monthOf(today);
  const from = query.from ?? addMonthsToMonth(to, -11);
  const kept = new Set(rows.map((row) => row.id));
  const byMonthMap = new Map<string, number>();
  const modalityTotals = new Map<Modality, number>();
  for (const cell of cells) {
    if (!kept.has(cell.clause_id)) continue;
    modalityTotals.set(cell.modality, (modalityTotals.get(cell.modality) ?? 0) + cell.minutes);
    if (cell.month < from || cell.month > to) continue;
    const key = `${cell.month}|${cell.modality}`;
    byMonthMap.set(key, (byMonthMap.get(key) ?? 0) + cell.minutes);
  }
  const byMonth = [...byMonthMap]
    .map(([key, countedMinutes]) => {
      const [month, modality] = key.split('|') as [string, Modality];
      return { month, modality, countedMinutes };
    })
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : MODALITIES.indexOf(a.modality) - MODALITIES.indexOf(b.modality)));
  const byModality = summariseByModality([{ byModality: [...modalityTotals].map(([modality, countedMinutes]) => ({ modality, countedMinutes })) }]);

  return {
    buyer,
    today,
    totals: totalsWithExpected(rows, buyer.id),
    years: yearsOf(computed),
    operations,
    contracts,
    contractors,
    clauses: { items: sorted.slice(start, start + query.pageSize), total: sorted.length, page: query.page, pageSize: query.pageSize },
    byMonth,
    byModality,
  };
}
