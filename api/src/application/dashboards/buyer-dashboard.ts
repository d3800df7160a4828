/**
 * A buyer's dashboard: its clauses' figures (computed by the domain into clause_dashboard_row, brought
 * up to date before reading), flagged contractors first, totals per status, operation, contract,
 * contractor and year, hours by month and modality. PostgreSQL filters, sorts and sums the stored
 * figures (sums only: no rule here). Filters and sort come from the URL (validated by the route's schema);
 * a buyer the actor may not see is a 404.
 */
import type { z } from 'zod';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addMonthsToMonth,
  COMPLIANCE_STATUSES,
  MODALITIES,
  monthOf,
  roundTo,
  summariseByModality,
  type BuyerDashboard,
  type buyerDashboardQuerySchema,
  type ComplianceStatus,
  type DashboardClause,
  type Modality,
} from '@app/shared';
import type { Actor } from '../actor.js';
import { errors } from '../errors.js';
import { sqlOf } from '../../infra/sql.js';
import { ensureDashboardRows } from './dashboard-rows.js';

type Query = z.output<typeof buyerDashboardQuerySchema>;
type Totals = BuyerDashboard['totals'];

/** The buyer organisation the actor asks for, within its scope, else 404 (or 400 when it must say which). */
export async function resolveBuyer(em: EntityManager, actor: Actor, buyerId: string | undefined): Promise<{ id: string; name: string }> {
  const id = requestedBuyerId(actor, buyerId);
  const [buyer] = await sqlOf(em)<{ id: string; name: string }>(`select id, name from organisation where id = ? and kind = 'buyer'`, [id]);
  if (!buyer) throw errors.notFound('Acheteur');
  return buyer;
}

/** Sums per status of stored rows (alias r), grouped by `key`: one row per group and status. */
const TOTALS_COLUMNS = `r.status, count(*)::int as n, sum(r.required_minutes)::bigint as required, sum(r.counted_minutes)::bigint as counted,
  sum(least(r.counted_minutes, r.required_minutes))::bigint as towards, sum(greatest(r.required_minutes - r.counted_minutes, 0))::bigint as shortfall,
  sum(r.expected_minutes)::bigint as expected, count(*) filter (where r.missing_periods > 0)::int as late, bool_or(r.flagged) as flagged`;

interface TotalsRow {
  key: string | null;
  label: string | null;
  status: ComplianceStatus;
  n: number;
  required: number | string;
  counted: number | string;
  towards: number | string;
  shortfall: number | string;
  expected: number | string;
  late: number;
  flagged: boolean;
}

function emptyTotals(): Totals & { flagged: boolean } {
  return {
    clauseCount: 0, requiredMinutes: 0, countedMinutes: 0, countedTowardsRequiredMinutes: 0, expectedMinutes: 0, shortfallMinutes: 0, progress: null,
    statusCounts: Object.fromEntries(COMPLIANCE_STATUSES.map((status) => [status, 0])) as Record<ComplianceStatus, number>,
    clausesWithLateDeclarations: 0, flagged: false,
  };
}

/** Combines the per-status sums of each group, in the order of the rows. */
function combine(rows: readonly TotalsRow[]): Map<string | null, Totals & { flagged: boolean; label: string }> {
  const groups = new Map<string | null, Totals & { flagged: boolean; label: string }>();
  for (const row of rows) {
    const t = groups.get(row.key) ?? { ...emptyTotals(), label: row.label ?? '' };
    t.clauseCount += row.n;
    t.requiredMinutes += Number(row.required);
    t.countedMinutes += Number(row.counted);
    t.countedTowardsRequiredMinutes += Number(row.towards);
    t.shortfallMinutes += Number(row.shortfall);
    t.expectedMinutes += Number(row.expected);
    t.clausesWithLateDeclarations += row.late;
    t.statusCounts[row.status] += row.n;
    t.flagged ||= row.flagged;
    groups.set(row.key, t);
  }
  for (const t of groups.values()) t.progress = t.requiredMinutes > 0 ? roundTo(t.countedTowardsRequiredMinutes / t.requiredMinutes) : null;
  return groups;
}

const SEVERITY_SQL = `case r.status when 'not_met' then 0 when 'at_risk' then 1 when 'watch' then 2 when 'on_track' then 3 when 'not_started' then 4 when 'met' then 5 else 6 end`;

/**
 * ORDER BY of the clause table, on the stored row only (so the page is cut before any join); `desc`
 * reverses every term, the tie-break stays. Sorting by contractor name reads the lot's holder name.
 */
function orderBy(query: Query): string {
  const terms: Record<Query['sort'], [string, 'asc' | 'desc'][]> = {
    priority: [['r.contractor_flagged', 'desc'], ['r.flagged', 'desc'], [SEVERITY_SQL, 'asc'], ['r.pace', 'asc']],
    contractor: [['r.holder_name', 'asc']],
    status: [[SEVERITY_SQL, 'asc']],
    pace: [['r.pace', 'asc']],
    required: [['r.required_minutes', 'asc']],
    counted: [['r.counted_minutes', 'asc']],
    expected: [['r.expected_minutes', 'asc']],
    end: [['r.end_date', 'asc']],
    forecast: [['r.forecast_projected_minutes::float8 / greatest(r.required_minutes, 1)', 'asc']],
  };
  const flip = (dir: 'asc' | 'desc') => (query.dir === 'desc' ? (dir === 'asc' ? 'desc' : 'asc') : dir);
  // Nulls (no pace yet) last whatever the direction.
  return [...terms[query.sort].map(([expr, dir]) => `${expr} ${flip(dir)} nulls last`), 'r.contract_id asc', 'r.clause_id asc'].join(', ');
}

interface PageRow {
  clause_id: string; lot_id: string; lot_title: string; lot_number: number; contract_id: string; contract_reference: string; operation_id: string | null;
  operation_name: string | null; holder_identifier: string; holder_name: string; start_date: string; end_date: string; required_minutes: number;
  counted_minutes: number; expected_minutes: number; pending_minutes: number; elapsed: number; pace: number | null; progress: number | null;
  status: ComplianceStatus; missing_periods: number; oldest_missing_month: string | null; flagged: boolean; reason: string; forecast_kind: DashboardClause['forecast']['kind'];
  forecast_projected_minutes: number; forecast_date: string | null; forecast_message: string; total: number;
}

export const PAGE_ROW_SQL = `r.clause_id, ic.lot_id, l.title as lot_title, l.number as lot_number, r.contract_id, c.reference as contract_reference, r.operation_id,
  o.name as operation_name, r.holder_identifier, coalesce(l.holder_name, r.holder_identifier) as holder_name, r.start_date::text as start_date, r.end_date::text as end_date,
  r.required_minutes, r.counted_minutes, r.expected_minutes, r.pending_minutes, r.elapsed, r.pace, r.progress, r.status, r.missing_periods, r.oldest_missing_month,
  r.flagged, r.reason, r.forecast_kind, r.forecast_projected_minutes, r.forecast_date::text as forecast_date, r.forecast_message`;
export const PAGE_JOINS = `join insertion_clause ic on ic.id = r.clause_id join lot l on l.id = ic.lot_id join contract c on c.id = r.contract_id left join operation o on o.id = r.operation_id`;

export function dashboardClauseOf(row: Omit<PageRow, 'total'>): DashboardClause {
  return {
    id: row.clause_id, lotId: row.lot_id, lotTitle: row.lot_title, lotNumber: row.lot_number, contractId: row.contract_id, contractReference: row.contract_reference,
    operationId: row.operation_id, operationName: row.operation_name, contractorSiret: row.holder_identifier, contractorName: row.holder_name,
    startDate: row.start_date, endDate: row.end_date, requiredMinutes: row.required_minutes, countedMinutes: row.counted_minutes, expectedMinutes: row.expected_minutes,
    pendingMinutes: row.pending_minutes, elapsed: row.elapsed, pace: row.pace, progress: row.progress, status: row.status, missingPeriods: row.missing_periods,
    oldestMissingMonth: row.oldest_missing_month, flagged: row.flagged, reason: row.reason,
    forecast: { kind: row.forecast_kind, projectedMinutesAtEnd: row.forecast_projected_minutes, date: row.forecast_date, message: row.forecast_message },
  };
}

/** The buyer the actor asks for, checked against its role and mandates (no SQL): 404 or 400 as resolveBuyer. */
function requestedBuyerId(actor: Actor, buyerId: string | undefined): string {
  if (actor.role === 'buyer') {
    if (buyerId && buyerId !== actor.organisationId) throw errors.notFound('Acheteur');
    return actor.organisationId;
  }
  let id: string;
  if (!buyerId) {
    if (actor.role === 'facilitator' && actor.mandatingBuyerIds.length === 1) id = actor.mandatingBuyerIds[0]!;
    else throw errors.field('buyerId', 'Choisissez l’acheteur dont vous voulez voir le tableau de bord.');
  } else id = buyerId;
  if (actor.role === 'facilitator' && !actor.mandatingBuyerIds.includes(id)) throw errors.notFound('Acheteur');
  return id;
}

type ReasonRow = { holder_identifier: string; holder_name: string; lot_number: number; lot_title: string; reason: string; flagged: boolean };

/** Everything the dashboard reads, from the one statement of dashboardStatement (json columns). */
interface DashboardRead {
  buyer: { id: string; name: string } | null;
  fresh: boolean;
  statuses: TotalsRow[];
  operations: TotalsRow[];
  contracts: TotalsRow[];
  contractors: TotalsRow[];
  contractors_total: number;
  flagged_contractors_total: number;
  reasons: ReasonRow[];
  page: PageRow[];
  months: { month: string; modality: Modality; minutes: number | string }[];
  years: { year: number; minutes: number | string }[];
}

/**
 * One statement for the whole dashboard (one round trip instead of ten): the buyer, whether its rows are
 * fresh (same test as ensureDashboardRows, on the rows already read when nothing is filtered), the
 * filtered rows once (materialised CTE), then every total, the page, the months, the years and the 50
 * contractors shown with their reasons, as json columns. Parameters are pushed in text order.
 */
function dashboardStatement(buyerId: string, query: Query, today: string): { text: string; params: unknown[] } {
  const conditions = ['r.buyer_id = ?'];
  const whereParams: unknown[] = [buyerId];
  if (query.operationId) (conditions.push('r.operation_id = ?'), whereParams.push(query.operationId));
  if (query.contractId) (conditions.push('r.contract_id = ?'), whereParams.push(query.contractId));
  if (query.status) (conditions.push('r.status = ?'), whereParams.push(query.status));
  if (query.flagged !== undefined) (conditions.push('r.flagged = ?'), whereParams.push(query.flagged));
  if (query.from) (conditions.push('r.end_date >= ?::date'), whereParams.push(`${query.from}-01`));
  if (query.to) (conditions.push(`r.start_date < (?::date + interval '1 month')`), whereParams.push(`${query.to}-01`));
  const contractor = query.contractor?.replace(/\s/g, '');
  if (contractor) {
    conditions.push(`(r.holder_identifier like ? or exists (select 1 from lot hl where hl.contract_id = r.contract_id and hl.holder_identifier = r.holder_identifier and replace(hl.holder_name, ' ', '') ilike ?))`);
    whereParams.push(`%${contractor}%`, `%${contractor.replace(/[%_\\]/g, '\\$&')}%`);
  }
  const filtered = conditions.length > 1;
  const start = (query.page - 1) * query.pageSize;
  const json = (select: string) => `(select coalesce(json_agg(x), '[]'::json) from (${select}) x)`;
  const text = `
    with r as materialized (select r.* from clause_dashboard_row r where ${conditions.join(' and ')}),
    ck as (select r.holder_identifier as key, bool_or(r.flagged) as flagged, sum(greatest(r.required_minutes - r.counted_minutes, 0)) as shortfall from r group by 1),
    top as (select key from ck order by flagged desc, shortfall desc, key collate "C" limit 50)
    select
      (select json_build_object('id', o.id, 'name', o.name) from organisation o where o.id = ? and o.kind = 'buyer') as buyer,
      coalesce((select min(d.computed_on) = ?::date and min(d.computed_at) >= greatest(
                (select max(updated_at) from insertion_clause where buyer_id = ?), (select max(updated_at) from lot where buyer_id = ?))
              from ${filtered ? 'clause_dashboard_row d where d.buyer_id = ?' : 'r d'}), false) as fresh,
      ${json(`select null as key, null as label, ${TOTALS_COLUMNS} from r group by r.status`)} as statuses,
      ${json(`select g.*, coalesce(o.name, 'Hors opération') as label from (select r.operation_id as key, ${TOTALS_COLUMNS} from r group by r.operation_id, r.status) g left join operation o on o.id = g.key`)} as operations,
      ${query.operationId || query.contractId
        ? json(`select g.*, c.reference as label from (select r.contract_id as key, ${TOTALS_COLUMNS} from r group by r.contract_id, r.status) g join contract c on c.id = g.key`)
        : `'[]'::json`} as contracts,
      ${json(`select r.holder_identifier as key, null as label, ${TOTALS_COLUMNS} from r where r.holder_identifier in (select key from top) group by r.holder_identifier, r.status`)} as contractors,
      (select count(*)::int from ck) as contractors_total,
      (select count(*)::int from ck where flagged) as flagged_contractors_total,
      ${json(`select r.holder_identifier, coalesce(l.holder_name, r.holder_identifier) as holder_name, l.number as lot_number, l.title as lot_title, r.reason, r.flagged
                from r join insertion_clause ic on ic.id = r.clause_id join lot l on l.id = ic.lot_id
               where r.holder_identifier in (select key from top) order by r.flagged desc, ${SEVERITY_SQL}, r.pace nulls last`)} as reasons,
      ${json(`select ${PAGE_ROW_SQL}, r.total from (
         select r.* from (
           select r.*, bool_or(r.flagged) over (partition by r.holder_identifier) as contractor_flagged, count(*) over ()::int as total
                  ${query.sort === 'contractor' ? ', (select coalesce(hl.holder_name, r.holder_identifier) from insertion_clause hc join lot hl on hl.id = hc.lot_id where hc.id = r.clause_id) as holder_name' : ''}
             from r) r
          order by ${orderBy(query)} limit ? offset ?) r ${PAGE_JOINS}
        order by ${orderBy(query).replace(/r\.holder_name/g, 'coalesce(l.holder_name, r.holder_identifier)')}`)} as page,
      ${json(`select m.month, m.modality, sum(m.counted_minutes)::bigint as minutes from clause_month_total m
               where m.buyer_id = ? ${filtered ? 'and m.clause_id in (select r.clause_id from r)' : ''} group by 1, 2`)} as months,
      ${json(`select y.key::int as year, sum(y.value::bigint)::bigint as minutes from r cross join lateral jsonb_each_text(r.expected_by_year) y group by 1`)} as years`;
  return { text, params: [...whereParams, buyerId, today, buyerId, buyerId, ...(filtered ? [buyerId] : []), query.pageSize, start, buyerId] };
}

export async function buyerDashboard(em: EntityManager, actor: Actor, query: Query, today: string): Promise<BuyerDashboard> {
  const buyerId = requestedBuyerId(actor, query.buyerId);
  const statement = dashboardStatement(buyerId, query, today);
  const sql = sqlOf(em);
  let [read] = await sql<DashboardRead>(statement.text, statement.params);
  if (!read?.buyer) throw errors.notFound('Acheteur');
  // Stale rows (another day, a clause or lot edited since): recomputed by the domain, then read again.
  if (!read.fresh && (await ensureDashboardRows(em, 'ic.buyer_id = ?', [buyerId], today)) > 0) [read] = await sql<DashboardRead>(statement.text, statement.params);
  const { buyer, statuses: statusRows, operations: operationRows, contracts: contractRows, contractors: contractorRows, reasons, page, months: monthCells, years: expectedYears } = read!;
  const to = query.to ?? monthOf(today);
  const from = query.from ?? addMonthsToMonth(to, -11);
  const monthRows = monthCells.filter((m) => m.month >= from && m.month <= to);
  const modalityMinutes = new Map<Modality, number>();
  const countedByYear = new Map<number, number>();
  for (const m of monthCells) {
    modalityMinutes.set(m.modality, (modalityMinutes.get(m.modality) ?? 0) + Number(m.minutes));
    const year = Number(m.month.slice(0, 4));
    countedByYear.set(year, (countedByYear.get(year) ?? 0) + Number(m.minutes));
  }

  const totals = combine(statusRows).get(null) ?? { ...emptyTotals(), label: '' };
  const groupList = (rows: TotalsRow[]) =>
    [...combine(rows)]
      .map(([id, t]) => ({ id, label: t.label, flagged: t.flagged, ...strip(t) }))
      .sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.label.localeCompare(b.label, 'fr'));

  // The 50 contractors shown (chosen by the statement in the same order: flagged, shortfall, SIRET).
  const top = [...combine(contractorRows)].sort(
    ([a, x], [b, y]) => Number(y.flagged) - Number(x.flagged) || y.shortfallMinutes - x.shortfallMinutes || (a ?? '').localeCompare(b ?? ''),
  );
  const names = new Map(reasons.map((r) => [r.holder_identifier, r.holder_name]));

  const expectedByYear = new Map(expectedYears.map((y) => [y.year, Number(y.minutes)]));
  const years = [...new Set([...expectedByYear.keys(), ...countedByYear.keys()])].sort((a, b) => a - b).map((year) => {
    const expected = expectedByYear.get(year) ?? 0;
    const counted = countedByYear.get(year) ?? 0;
    return { year, expectedMinutes: expected, countedMinutes: counted, progress: expected > 0 ? roundTo(counted / expected) : null };
  });

  return {
    buyer: buyer!,
    today,
    totals: strip(totals),
    years,
    operations: groupList(operationRows),
    contracts: groupList(contractRows),
    contractors: top.map(([siret, t]) => ({
      ...strip(t),
      siret: siret ?? '',
      name: names.get(siret ?? '') ?? siret ?? '',
      flagged: t.flagged,
      reasons: reasons.filter((r) => r.holder_identifier === siret && r.flagged).map((r) => `Lot ${r.lot_number} « ${r.lot_title} » — ${r.reason}`),
    })),
    contractorsTotal: read!.contractors_total,
    flaggedContractorsTotal: read!.flagged_contractors_total,
    clauses: { items: page.map(dashboardClauseOf), total: totals.clauseCount, page: query.page, pageSize: query.pageSize },
    byMonth: monthRows
      .map((m) => ({ month: m.month, modality: m.modality, countedMinutes: Number(m.minutes) }))
      .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : MODALITIES.indexOf(a.modality) - MODALITIES.indexOf(b.modality))),
    byModality: summariseByModality([{ byModality: [...modalityMinutes].map(([modality, countedMinutes]) => ({ modality, countedMinutes })) }]),
  };
}

function strip<T extends Totals & { flagged: boolean; label?: string }>(t: T): Totals {
  const { flagged: _f, label: _l, ...totals } = t;
  return totals;
}
