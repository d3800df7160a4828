/**
 * The clause drill-down, the facilitator's and the contractor's dashboards, the buyer's participant
 * breakdowns and the instance summary. Figures through the domain (clause-figures.ts); tenancy by
 * the SQL conditions below — what the actor may not see is simply not found (404).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  ageBand,
  burnUp,
  COMPLIANCE_STATUSES,
  exitOutcomeLabels,
  exitOutcomes,
  sexes,
  sexLabels,
  summariseByCriterion,
  suppressSmallCells,
  type ClauseDashboard,
  type ComplianceStatus,
  type ContractorDashboard,
  type CriterionCode,
  type FacilitatorDashboard,
  type Modality,
  type NationalSummary,
  type ParticipantStats,
  addMonthsToMonth,
  addDays,
  monthLabelFr,
  monthOf,
  roundTo,
} from '@app/shared';
import type { Actor } from '../actor.js';
import { errors } from '../errors.js';
import { pgArray, sqlOf } from '../../infra/sql.js';
import { computeClause, loadClauseRecords, loadMonthCells } from './clause-figures.js';
import { dashboardClauseOf, PAGE_JOINS, PAGE_ROW_SQL, resolveBuyer } from './buyer-dashboard.js';
import { ensureDashboardRows } from './dashboard-rows.js';

/** The SQL condition (alias ic) for the clauses an actor may read. */
function clauseScope(actor: Actor): { where: string; params: unknown[] } {
  switch (actor.role) {
    case 'buyer':
      return { where: 'ic.buyer_id = ?', params: [actor.organisationId] };
    case 'facilitator':
      return { where: 'ic.buyer_id = any(?::uuid[])', params: [pgArray(actor.mandatingBuyerIds)] };
    case 'contractor':
      return actor.organisationSiret ? { where: 'ic.holder_identifier = ?', params: [actor.organisationSiret] } : { where: 'false', params: [] };
    case 'admin':
      return { where: 'true', params: [] };
  }
}

export async function clauseDashboard(em: EntityManager, actor: Actor, clauseId: string, today: string): Promise<ClauseDashboard> {
  const scope = clauseScope(actor);
  const [record] = await loadClauseRecords(em, `ic.id = ? and ${scope.where}`, [clauseId, ...scope.params]);
  if (!record) throw errors.notFound('Clause (avec un objectif d’heures)');
  const cells = await loadMonthCells(em, { clauseIds: [record.id] });
  const computed = computeClause(record, cells, today);
  if (!computed) throw errors.notFound('Clause (avec un objectif d’heures)');
  const placements = await sqlOf(em)<{ id: string; organisation_id: string; person: string; modality: Modality; start_date: string; end_date: string | null }>(
    `select pl.id, pl.organisation_id, pa.last_name || ' ' || pa.first_name as person, pl.modality, pl.start_date::text as start_date,
            coalesce(pl.ended_on, pl.planned_end_date)::text as end_date
       from placement pl join participant pa on pa.id = pl.participant_id
      where pl.lot_id = ? order by pl.start_date, pl.id limit 200`,
    [record.lot_id],
  );
  // decisions.md §11: identities for the structure that follows the person and the employing holder; never the buyer.
  const seesIdentity = (organisationId: string) => actor.role === 'contractor' || (actor.role === 'facilitator' && organisationId === actor.organisationId);
  return {
    clause: computed.row,
    burnUp: burnUp(computed.clause, computed.months, computed.forecast, today),
    byMonth: cells
      .map((cell) => ({ month: cell.month, modality: cell.modality, countedMinutes: cell.minutes }))
      .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.modality.localeCompare(b.modality))),
    placements: actor.role === 'buyer' ? [] : placements.map((p) => ({ id: p.id, person: seesIdentity(p.organisation_id) ? p.person : null, modality: p.modality, startDate: p.start_date, endDate: p.end_date })),
    placementCount: placements.length,
  };
}

export async function facilitatorDashboard(em: EntityManager, actor: Actor, today: string): Promise<FacilitatorDashboard> {
  const sql = sqlOf(em);
  const buyers = pgArray(actor.mandatingBuyerIds);
  // The territory: the mandating buyers' clauses that name this structure, or none.
  const territory = 'ic.buyer_id = any(?::uuid[]) and (ic.facilitator_id is null or ic.facilitator_id = ?)';
  await ensureDashboardRows(em, territory, [buyers, actor.organisationId], today);
  const rowsWhere = async (condition: string, order: string) =>
    (await sql<Parameters<typeof dashboardClauseOf>[0]>(
      `select ${PAGE_ROW_SQL} from clause_dashboard_row r ${PAGE_JOINS} where ${territory} and ${condition} order by ${order} limit 50`,
      [buyers, actor.organisationId],
    )).map(dashboardClauseOf);
  const lateDeclarations = await rowsWhere('r.missing_periods > 0', 'r.missing_periods desc, r.oldest_missing_month, r.clause_id');
  const atRisk = await rowsWhere(`r.status in ('at_risk', 'not_met')`, 'r.pace nulls first, r.clause_id');
  const pendingValidations = await sql<{ clause_id: string; lot_title: string; contractor_name: string; buyer_name: string; count: number; oldest_month: string }>(
    `select d.clause_id, l.title as lot_title, coalesce(l.holder_name, l.holder_identifier) as contractor_name, b.name as buyer_name,
            count(*)::int as count, min(d.month) as oldest_month
       from hour_declaration d join placement pl on pl.id = d.placement_id join lot l on l.id = d.lot_id join organisation b on b.id = d.buyer_id
      where d.buyer_id = any(?::uuid[]) and pl.organisation_id = ? and d.status in ('submitted', 'corrected') and d.clause_id is not null
      group by d.clause_id, l.title, l.holder_name, l.holder_identifier, b.name order by min(d.month), count(*) desc limit 50`,
    [buyers, actor.organisationId],
  );
  const expiring = await sql<{ participant_id: string; person: string; valid_until: string }>(
    `select participant_id, person, valid_until::text as valid_until from (
       select distinct on (ev.participant_id) ev.participant_id, pa.last_name || ' ' || pa.first_name as person, ev.valid_until
         from eligibility_validation ev join participant pa on pa.id = ev.participant_id
        where ev.organisation_id = ? and ev.revoked_at is null and pa.erased_at is null
        order by ev.participant_id, ev.valid_until desc nulls first) v
      where v.valid_until between ?::date and ?::date order by v.valid_until limit 50`,
    [actor.organisationId, today, addDays(today, 60)],
  );
  const [placements] = await sql<{ active: number; ended: number }>(
    `select count(*) filter (where ended_on is null or ended_on >= ?::date)::int as active,
            count(*) filter (where ended_on >= date_trunc('year', ?::date) and ended_on < ?::date)::int as ended
       from placement where organisation_id = ?`,
    [today, today, today, actor.organisationId],
  );
  const waiting = await sql<{ id: string; person: string; waiting_since: string; total: number }>(
    `select id, last_name || ' ' || first_name as person, waiting_since::text as waiting_since, count(*) over ()::int as total
       from participant where organisation_id = ? and status = 'searching' and erased_at is null order by waiting_since, id limit 20`,
    [actor.organisationId],
  );
  return {
    today,
    lateDeclarations,
    atRisk,
    pendingValidations: pendingValidations.map((p) => ({ clauseId: p.clause_id, lotTitle: p.lot_title, contractorName: p.contractor_name, buyerName: p.buyer_name, count: p.count, oldestMonth: p.oldest_month })),
    expiringEligibilities: expiring.map((e) => ({ participantId: e.participant_id, person: e.person, validUntil: e.valid_until })),
    placements: { active: placements?.active ?? 0, endedThisYear: placements?.ended ?? 0 },
    participantsWaiting: waiting.map((w) => ({ id: w.id, person: w.person, waitingSince: w.waiting_since })),
    participantsWaitingTotal: waiting[0]?.total ?? 0,
  };
}

export async function contractorDashboard(em: EntityManager, actor: Actor, companyId: string, today: string): Promise<ContractorDashboard> {
  // Only its own company: another one is not found, whether it exists or not.
  if (actor.role !== 'contractor' || companyId !== actor.organisationId || !actor.organisationSiret) throw errors.notFound('Entreprise');
  await ensureDashboardRows(em, 'ic.holder_identifier = ?', [actor.organisationSiret], today);
  const clauses = (
    await sqlOf(em)<Parameters<typeof dashboardClauseOf>[0]>(
      `select ${PAGE_ROW_SQL} from clause_dashboard_row r ${PAGE_JOINS} where r.holder_identifier = ? order by r.flagged desc, c.reference, l.number limit 500`,
      [actor.organisationSiret],
    )
  ).map(dashboardClauseOf);
  return {
    today,
    company: { id: actor.organisationId, name: actor.organisationName, siret: actor.organisationSiret },
    clauses,
    due: clauses
      .filter((row) => row.missingPeriods > 0)
      .map((row) => ({
        clauseId: row.id,
        lotTitle: row.lotTitle,
        missingPeriods: row.missingPeriods,
        oldestMissingMonth: row.oldestMissingMonth,
        message: `${row.missingPeriods} mois à déclarer (échéance dépassée)${row.oldestMissingMonth ? `, le plus ancien : ${monthLabelFr(row.oldestMissingMonth)}` : ''}.`,
      })),
  };
}

export async function buyerParticipantStats(em: EntityManager, actor: Actor, buyerId: string | undefined, today: string): Promise<ParticipantStats> {
  const buyer = await resolveBuyer(em, actor, buyerId);
  const people = await sqlOf(em)<{ id: string; sex: string; birth_date: string | null; criteria: CriterionCode[] | null; exit_outcome: string | null }>(
    `with people as (
       select pl.participant_id as id,
              (array_agg(pl.exit_outcome order by pl.ended_on desc nulls last) filter (where pl.exit_outcome is not null))[1] as exit_outcome
         from placement pl join lot l on l.id = pl.lot_id
        where l.buyer_id = ? group by pl.participant_id)
     select pa.id, pa.sex, pa.birth_date::text as birth_date, people.exit_outcome,
            (select array_agg(distinct ec.code) from eligibility_validation ev join eligibility_criterion ec on ec.validation_id = ev.id
              where ev.participant_id = pa.id and ev.revoked_at is null) as criteria
       from people join participant pa on pa.id = people.id where pa.erased_at is null`,
    [buyer.id],
  );
  const count = <K extends string>(keys: readonly K[], labels: Readonly<Record<K, string>>, keyOf: (p: (typeof people)[number]) => K | null) => {
    const counts = new Map<K, number>();
    for (const person of people) {
      const key = keyOf(person);
      if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return suppressSmallCells(keys.map((key) => ({ key, label: labels[key], count: counts.get(key) ?? 0 })));
  };
  const criteria = summariseByCriterion(people.map((p) => ({ participantId: p.id, criteria: p.criteria ?? [], countedMinutes: 0 })));
  const exitKeys = [...exitOutcomes, 'ongoing'] as const;
  return {
    buyer,
    totalParticipants: people.length,
    threshold: criteria.threshold,
    bySex: count(sexes, sexLabels, (p) => (sexes as readonly string[]).includes(p.sex) ? (p.sex as (typeof sexes)[number]) : null),
    byAgeBand: count(AGE_BANDS, AGE_BAND_LABELS, (p) => ageBand(p.birth_date, today)),
    byCriterion: criteria.cells.map((cell) => ({ key: cell.code, label: cell.label, suppressed: cell.suppressed, count: cell.participants })),
    byExitOutcome: count(exitKeys, { ...exitOutcomeLabels, ongoing: 'En parcours (pas de sortie)' }, (p) => (p.exit_outcome ?? 'ongoing') as (typeof exitKeys)[number]),
  };
}

/**
 * Instance summary from the buyers' roll-ups (kept with the clauses' dashboard rows, which the daily
 * refresh brings to the day): 2,000 buyers × statuses, not 100,000 clauses.
 */
export async function nationalSummary(em: EntityManager, today: string): Promise<NationalSummary> {
  const sql = sqlOf(em);
  const to = monthOf(today);
  const [rows, months, buyers] = await Promise.all([
    sql<{ status: ComplianceStatus | null; clauses: number; required: string; counted: string; towards: string; shortfall: string; late: number }>(
      `select status, sum(clause_count)::int as clauses, sum(required_minutes)::bigint as required, sum(counted_minutes)::bigint as counted,
              sum(towards_minutes)::bigint as towards, sum(shortfall_minutes)::bigint as shortfall, sum(late_clauses)::int as late
         from buyer_status_total group by status`,
    ),
    sql<{ month: string; minutes: string }>(
      `select month, sum(counted_minutes)::bigint as minutes from buyer_month_total where month between ? and ? group by month order by month`,
      [addMonthsToMonth(to, -11), to],
    ),
    sql<{ n: number }>(`select count(distinct buyer_id)::int as n from buyer_status_total`),
  ]);
  const statusCounts = Object.fromEntries(COMPLIANCE_STATUSES.map((status) => [status, 0])) as Record<ComplianceStatus, number>;
  let clauseCount = 0, required = 0, counted = 0, towards = 0, shortfall = 0, late = 0;
  for (const row of rows) {
    if (row.status) statusCounts[row.status] += row.clauses;
    clauseCount += row.clauses;
    required += Number(row.required);
    counted += Number(row.counted);
    towards += Number(row.towards);
    shortfall += Number(row.shortfall);
    late += row.late;
  }
  return {
    today,
    buyers: buyers[0]?.n ?? 0,
    totals: {
      clauseCount,
      requiredMinutes: required,
      countedMinutes: counted,
      countedTowardsRequiredMinutes: towards,
      shortfallMinutes: shortfall,
      progress: required > 0 ? roundTo(towards / required) : null,
      statusCounts,
      clausesWithLateDeclarations: late,
    },
    byMonth: months.map((m) => ({ month: m.month, countedMinutes: Number(m.minutes) })),
  };
}
