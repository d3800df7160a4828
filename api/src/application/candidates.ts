import type { EntityManager } from '@mikro-orm/postgresql';
import { FAMILY_SLOT, InsertionClauseSchema, LotSchema, MandateSchema, familyKey, reachBoxSql, type JobNeedEntity } from '@app/db';
import {
  DEFAULT_MATCHING_WEIGHTS, JOB_MATCH_SCORES, WAITING_FULL_SCORE_DAYS, clauseRules, rankCandidates, romeFamily,
  type CandidateFacts, type ClauseRules, type MatchReason, type ClauseTargeting, type ClauseType, type CriterionCode, type EligibilityValidation,
  type NeedFacts, type RankedCandidate, type Ranking,
} from '@app/shared';
import type { Actor, RequestMeta } from './actor.js';
import { errors } from './errors.js';
import { findJobNeed, jobNeedViews } from './job-needs.js';
import { auditRead } from '../infra/audit.js';
import { pgArray, sqlOf } from '../infra/sql.js';

const LIMIT = 50;
/**
 * How many pre-candidates, best score bound first, the domain examines before the cap is checked.
 * Exported for the tests (a small cap exercises the fallback on a small population).
 */
export const matchingCap = { examined: 200 };

type Row = {
  id: string; last_name: string; first_name: string; commune_code: string | null; commune_name: string | null; status: CandidateFacts['status'];
  available_from: string; waiting_since: string; mobility_radius_km: number; latitude: number | null; longitude: number | null;
  position_approximate: boolean; qpv_status: CandidateFacts['qpvResidence']; target_appellation_codes: string[]; target_rome_codes: string[];
  bound: number; overlapping: number; validations: ValidationJson[]; labels: Record<string, string>; need_label: string | null;
};

type ValidationJson = {
  id: string; validatedAt: string; validatedBy: string; validUntil: string | null; exceptionReason: string | null; revokedAt: string | null;
  criteria: { code: string; proofDate: string | null; proofValidUntil: string | null; proofDocumentId: string | null }[];
};

/**
 * Each examined person's validations with their criteria, and the labels of their target jobs, read in
 * the candidates' query itself (as JSON, for the ≤ cap rows it returns): no further round trip.
 */
const VALIDATIONS_SQL = `(select coalesce(json_agg(json_build_object(
     'id', v.id, 'validatedAt', v.validated_at::text, 'validatedBy', v.validated_by, 'validUntil', v.valid_until::text,
     'exceptionReason', v.exception_reason, 'revokedAt', v.revoked_at::text,
     'criteria', (select coalesce(json_agg(json_build_object('code', c.code, 'proofDate', c.proof_date::text,
                    'proofValidUntil', c.proof_valid_until::text, 'proofDocumentId', c.proof_document_id) order by c.code), '[]'::json)
                  from eligibility_criterion c where c.validation_id = v.id)) order by v.validated_at, v.id), '[]'::json)
   from eligibility_validation v where v.participant_id = b.id)`;
const LABELS_SQL = `(select coalesce(json_object_agg(a.code, a.label), '{}'::json) from rome_appellation a where a.code = any(b.target_appellation_codes))`;

const toValidation = (participantId: string, v: ValidationJson): EligibilityValidation => ({
  id: v.id, participantId, validatedAt: v.validatedAt, validatedBy: v.validatedBy, validUntil: v.validUntil,
  exceptionReason: v.exceptionReason, revokedAt: v.revokedAt,
  criteria: v.criteria.map((c) => ({ code: c.code as CriterionCode, proofDate: c.proofDate, proofValidUntil: c.proofValidUntil, proofDocumentId: c.proofDocumentId })),
});

/** Great-circle distance in SQL, the domain's haversine (`distanceKm`) with the site bound as two parameters. */
const DISTANCE_SQL = `case when p.latitude is null or p.longitude is null then null::float8
  else 2 * 6371 * asin(least(1, sqrt(power(sin(radians(?::float8 - p.latitude) / 2), 2)
    + cos(radians(p.latitude)) * cos(radians(?::float8)) * power(sin(radians(?::float8 - p.longitude) / 2), 2)))) end`;

/**
 * Database pre-filter, then the domain's ranking. The SQL keeps only who can still match: the pool's
 * people wanting a job of the same ROME family whose own mobility radius reaches the site (one probe
 * of the GiST index of participant_reach, whose boxes are shifted by family; then the exact distance,
 * with a metre of tolerance: the domain decides), available and active, with a validation that may
 * cover the start date.
 *
 * The SQL also computes each one's score bound: the domain's score without the eligibility conditions
 * (job, distance, waiting, and the priority part counted as held). The domain (`rankCandidates`)
 * examines the `matchingCap.examined` best bounds; their ranking is the exact one as soon as the 50th
 * candidate kept scores above the next bound (+ rounding). Otherwise every pre-candidate is examined.
 */
async function rank(em: EntityManager, need: JobNeedEntity, pool: string[], today: string, onlyParticipantId?: string) {
  const sql = sqlOf(em);
  const clause = await em.findOne(InsertionClauseSchema, { lot: need.lot.id });
  if (!clause) throw errors.ruleViolation('no_clause', 'Ce lot ne porte pas de clause d’insertion.');
  const rules: ClauseRules = clauseRules(clause.rules as never);
  const targeting: ClauseTargeting = {
    type: clause.type as ClauseType,
    rules,
    targetCriteria: clause.targetPublics as CriterionCode[],
    priorityCriteria: [],
  };
  const graceDays = rules.counting.c2.enabled ? rules.counting.c2.graceDays : 0;
  const site = need.siteLatitude == null || need.siteLongitude == null ? null : { lat: Number(need.siteLatitude), lon: Number(need.siteLongitude) };
  const w = DEFAULT_MATCHING_WEIGHTS;

  const query = async (limit: number | null): Promise<Row[]> => {
    if (pool.length === 0) return [];
    const params: unknown[] = [];
    const distance = site ? (params.push(site.lat, site.lat, site.lon), DISTANCE_SQL) : 'null::float8';
    const family = romeFamily(need.romeCode);
    // With a site: one GiST probe on participant_reach (same family, site within the person's reach box).
    // Without: the GIN index on target_families.
    const from = site
      ? `participant_reach r join participant p on p.id = r.participant_id
         where ${reachBoxSql('r')} @> box(point(?, ?), point(?, ?)) and r.family = ? and r.organisation_id = any(?::uuid[])`
      : `participant p where p.target_families && array[?]::text[] and p.organisation_id = any(?::uuid[])`;
    if (site) {
      const x = familyKey(family) * FAMILY_SLOT + site.lon;
      params.push(x, site.lat, x, site.lat, family, pgArray(pool));
    } else params.push(family, pgArray(pool));
    params.push(need.startDate);
    if (onlyParticipantId) params.push(onlyParticipantId);
    params.push(need.startDate, graceDays, rules.eligibility.validityMonths, need.startDate);
    params.push(need.appellationCode, need.romeCode, today);
    if (limit !== null) params.push(limit);
    params.push(need.appellationCode, need.endDate, need.startDate);
    const priority = targeting.priorityCriteria.length > 0 ? w.priority : 0;
    return sql<Row>(
      `with pre as (
         select p.id, p.last_name, p.first_name, p.commune_code, p.status, p.available_from::text as available_from,
                p.waiting_since::text as waiting_since, p.mobility_radius_km, p.latitude, p.longitude, p.position_approximate, p.qpv_status,
                p.target_appellation_codes, p.target_rome_codes, ${distance} as distance
         from ${from}
           and p.erased_at is null and p.status in ('searching', 'placed') and p.available_from <= ?
           ${onlyParticipantId ? 'and p.id = ?' : ''}
           and exists (select 1 from eligibility_validation v where v.participant_id = p.id and v.revoked_at is null
                       and v.validated_at <= (?::date + ?::int)
                       and coalesce(v.valid_until, (v.validated_at + make_interval(months => ?))::date) >= ?)
       ), bounded as (
         select pre.*, 100 * (
             ${w.job} * case when ? = any(pre.target_appellation_codes) then ${JOB_MATCH_SCORES.appellation}
                             when ? = any(pre.target_rome_codes) then ${JOB_MATCH_SCORES.rome} else ${JOB_MATCH_SCORES.family} end
           + ${w.distance} * case when pre.distance is null then 0.5 when pre.mobility_radius_km > 0 then 1 - pre.distance / pre.mobility_radius_km else 1 end
           + ${w.waiting} * least(1, greatest(0, ?::date - pre.waiting_since::date) / ${WAITING_FULL_SCORE_DAYS}.0)
           + ${priority}) as bound
         from pre
         where pre.distance is null or pre.distance <= pre.mobility_radius_km + 0.001
         order by bound desc, pre.id
         ${limit !== null ? 'limit ?' : ''}
       )
       select b.id, b.last_name, b.first_name, b.commune_code, cm.name as commune_name, b.status, b.available_from, b.waiting_since,
              b.mobility_radius_km, b.latitude, b.longitude, b.position_approximate, b.qpv_status, b.target_appellation_codes,
              b.target_rome_codes, b.bound::float8 as bound, ${VALIDATIONS_SQL} as validations, ${LABELS_SQL} as labels,
              (select label from rome_appellation where code = ?) as need_label,
              coalesce((select sum(pl.weekly_minutes) from placement pl where pl.participant_id = b.id and pl.start_date <= ?
                        and coalesce(pl.ended_on, pl.planned_end_date, '9999-12-31') >= ?), 0)::int as overlapping
       from bounded b left join commune cm on cm.code = b.commune_code
       order by b.bound desc, b.id`,
      params,
    );
  };

  const rankRows = (rows: Row[]): Ranking => {
    const needFacts: NeedFacts = {
      appellationCode: need.appellationCode,
      appellationLabel: rows[0]?.need_label ?? need.appellationCode,
      romeCode: need.romeCode,
      startDate: need.startDate,
      site: site ? { latitude: site.lat, longitude: site.lon, approximate: need.siteApproximate } : null,
    };
    const facts: CandidateFacts[] = rows.map((r) => ({
      participantId: r.id,
      status: r.status,
      availableFrom: r.available_from,
      waitingSince: r.waiting_since,
      mobilityRadiusKm: r.mobility_radius_km,
      position: r.latitude === null || r.longitude === null ? null : { latitude: Number(r.latitude), longitude: Number(r.longitude), approximate: r.position_approximate },
      qpvResidence: r.qpv_status,
      targets: r.target_appellation_codes.map((code, i) => ({ appellationCode: code, appellationLabel: r.labels[code] ?? code, romeCode: r.target_rome_codes[i] ?? r.target_rome_codes[0] ?? '' })),
      validations: r.validations.map((v) => toValidation(r.id, v)),
      overlappingWeeklyMinutes: r.overlapping,
    }));
    return rankCandidates(facts, needFacts, targeting, today);
  };

  const cap = matchingCap.examined;
  let rows = await query(cap + 1);
  let ranking: Ranking;
  if (rows.length <= cap) ranking = rankRows(rows);
  else {
    const next = rows[cap]!.bound;
    rows = rows.slice(0, cap);
    ranking = rankRows(rows);
    const last = ranking.candidates[LIMIT - 1];
    // Not enough certainty that nobody beyond the cap ranks in the first LIMIT: examine everyone.
    if (!last || last.score <= next + 0.51) {
      rows = await query(null);
      ranking = rankRows(rows);
    }
  }
  return { ranking, rowsById: new Map(rows.map((r) => [r.id, r])) };
}

/**
 * One person of the structure assessed for the need, under the same rules as the list (a proposal
 * to the contractor is made from the ranked candidates only); 422 with the reason otherwise.
 */
export async function assessOneCandidate(em: EntityManager, need: JobNeedEntity, organisationId: string, participantId: string, today: string): Promise<RankedCandidate> {
  const { ranking } = await rank(em, need, [organisationId], today, participantId);
  const candidate = ranking.candidates[0];
  if (candidate) return candidate;
  throw errors.ruleViolation(
    'matching',
    ranking.excluded[0]?.message ?? 'Cette personne ne correspond pas à ce besoin (métier, disponibilité, rayon de mobilité ou éligibilité à la date de début).',
  );
}

/** People of this facilitation structure, ranked for the need (the read of priority publics is audited). */
export async function listCandidates(em: EntityManager, actor: Actor, meta: RequestMeta, needId: string, today: string) {
  const need = await findJobNeed(em, actor, needId);
  const { ranking, rowsById } = await rank(em, need, [actor.organisationId], today);
  const top = ranking.candidates.slice(0, LIMIT);
  const setAside = ranking.excluded.slice(0, matchingCap.examined);
  const [view] = await Promise.all([
    jobNeedViews(em, [need]),
    auditRead(em, actor, meta, {
      action: 'read_matching', entityType: 'JobNeed', entityId: needId,
      after: { candidates: top.map((c) => c.participantId), setAside: setAside.map((e) => e.participantId) },
    }),
  ]);
  return {
    need: view[0]!,
    candidates: top.map((c: RankedCandidate) => {
      const row = rowsById.get(c.participantId)!;
      return {
        rank: c.rank, score: c.score, jobMatch: c.jobMatch.level, distanceKm: c.distanceKm, eligibleUntil: c.eligibleUntil,
        participant: { id: row.id, lastName: row.last_name, firstName: row.first_name, commune: row.commune_code, communeName: row.commune_name },
        reasons: [...c.reasons],
      };
    }),
    excluded: ranking.excluded.length,
    setAside: setAside.map((e) => {
      const row = rowsById.get(e.participantId)!;
      return { participant: { id: row.id, lastName: row.last_name, firstName: row.first_name }, reason: e.message };
    }),
  };
}

/** The contractor's view: the candidates of the structures working for the lot's buyer, without names or criteria. */
export async function listAnonymousCandidates(em: EntityManager, actor: Actor, needId: string, today: string) {
  const need = await findJobNeed(em, actor, needId);
  const lot = await em.findOneOrFail(LotSchema, { id: need.lot.id });
  const clause = await em.findOne(InsertionClauseSchema, { lot: lot.id });
  const pool = clause?.facilitator
    ? [clause.facilitator.id]
    : (await em.find(MandateSchema, { buyer: lot.buyer.id })).map((m) => m.facilitator.id);
  const { ranking } = await rank(em, need, pool, today);
  return {
    need: (await jobNeedViews(em, [need]))[0]!,
    candidates: ranking.candidates.slice(0, LIMIT).map((c) => ({
      rank: c.rank, jobMatch: c.jobMatch.level, distanceKm: c.distanceKm, eligibleUntil: c.eligibleUntil,
      reasons: c.reasons.filter((r): r is MatchReason & { kind: Exclude<MatchReason['kind'], 'priority'> } => r.kind !== 'priority'),
    })),
  };
}
