import type { EntityManager } from '@mikro-orm/postgresql';
import { InsertionClauseSchema, LotSchema, MandateSchema, RomeAppellationSchema, type JobNeedEntity } from '@app/db';
import {
  MAX_MOBILITY_RADIUS_KM, clauseRules, rankCandidates, romeFamily,
  type CandidateFacts, type ClauseRules, type MatchReason, type ClauseTargeting, type ClauseType, type CriterionCode, type RankedCandidate,
} from '@app/shared';
import type { Actor, RequestMeta } from './actor.js';
import { errors } from './errors.js';
import { findJobNeed, jobNeedViews } from './job-needs.js';
import { validationsOf } from './eligibility-model.js';
import { audit } from '../infra/audit.js';

const LIMIT = 50;

type Row = {
  id: string; last_name: string; first_name: string; commune_code: string | null; status: CandidateFacts['status'];
  available_from: string; waiting_since: string; mobility_radius_km: number; latitude: number | null; longitude: number | null;
  position_approximate: boolean; qpv_status: CandidateFacts['qpvResidence']; target_appellation_codes: string[]; target_rome_codes: string[];
  overlapping: number;
};

/**
 * Database pre-filter, then the domain's ranking. The SQL keeps only what can still match: the pool's
 * people wanting a job of the same ROME family (GIN index on target_families), available and active,
 * inside the widest mobility box around the site, with a validation that may cover the start date;
 * their overlapping placements are summed in the same query. The domain (`rankCandidates`) then applies
 * every rule exactly, with the clause's own parameters.
 */
async function rank(em: EntityManager, need: JobNeedEntity, pool: string[], today: string) {
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
  const lat = need.siteLatitude == null ? null : Number(need.siteLatitude);
  const lon = need.siteLongitude == null ? null : Number(need.siteLongitude);
  // The widest box any participant's radius can reach (MAX_MOBILITY_RADIUS_KM), in degrees.
  const box = lat !== null && lon !== null
    ? { lat, dLat: MAX_MOBILITY_RADIUS_KM / 111, lon, dLon: MAX_MOBILITY_RADIUS_KM / (111 * Math.cos((lat * Math.PI) / 180)) }
    : null;
  const rows = pool.length === 0 ? [] : ((await em.getConnection().execute(
    `select p.id, p.last_name, p.first_name, p.commune_code, p.status, p.available_from::text, p.waiting_since::text, p.mobility_radius_km,
            p.latitude, p.longitude, p.position_approximate, p.qpv_status, p.target_appellation_codes, p.target_rome_codes,
            coalesce((select sum(pl.weekly_minutes) from placement pl where pl.participant_id = p.id and pl.start_date <= ?
                      and coalesce(pl.ended_on, pl.planned_end_date, '9999-12-31') >= ?), 0)::int as overlapping
     from participant p
     where p.organisation_id in (${pool.map(() => '?').join(',')})
       and p.target_families && array[?]::text[]
       and p.erased_at is null and p.status in ('searching', 'placed') and p.available_from <= ?
       ${box ? 'and (p.latitude is null or (p.latitude between ? and ? and p.longitude between ? and ?))' : ''}
       and exists (select 1 from eligibility_validation v where v.participant_id = p.id and v.revoked_at is null
                   and v.validated_at <= (?::date + ?::int)
                   and coalesce(v.valid_until, (v.validated_at + make_interval(months => ?))::date) >= ?)`,
    [
      need.endDate, need.startDate, ...pool, romeFamily(need.romeCode), need.startDate,
      ...(box ? [box.lat - box.dLat, box.lat + box.dLat, box.lon - box.dLon, box.lon + box.dLon] : []),
      need.startDate, graceDays, rules.eligibility.validityMonths, need.startDate,
    ],
  )) as Row[]);
  const codes = [...new Set(rows.flatMap((r) => r.target_appellation_codes))];
  const labels = new Map((codes.length ? await em.find(RomeAppellationSchema, { code: { $in: codes } }) : []).map((a) => [a.code, a.label]));
  const validations = await validationsOf(em, rows.map((r) => r.id));
  const facts: CandidateFacts[] = rows.map((r) => ({
    participantId: r.id,
    status: r.status,
    availableFrom: r.available_from,
    waitingSince: r.waiting_since,
    mobilityRadiusKm: r.mobility_radius_km,
    position: r.latitude === null || r.longitude === null ? null : { latitude: Number(r.latitude), longitude: Number(r.longitude), approximate: r.position_approximate },
    qpvResidence: r.qpv_status,
    targets: r.target_appellation_codes.map((code, i) => ({ appellationCode: code, appellationLabel: labels.get(code) ?? code, romeCode: r.target_rome_codes[i] ?? r.target_rome_codes[0] ?? '' })),
    validations: validations.get(r.id) ?? [],
    overlappingWeeklyMinutes: r.overlapping,
  }));
  const appellation = await em.findOne(RomeAppellationSchema, { code: need.appellationCode });
  const ranking = rankCandidates(facts, {
    appellationCode: need.appellationCode,
    appellationLabel: appellation?.label ?? need.appellationCode,
    romeCode: need.romeCode,
    startDate: need.startDate,
    site: box ? { latitude: box.lat, longitude: box.lon, approximate: need.siteApproximate } : null,
  }, targeting, today);
  return { ranking, rowsById: new Map(rows.map((r) => [r.id, r])) };
}

/** People of this facilitation structure, ranked for the need (the read of priority publics is audited). */
export async function listCandidates(em: EntityManager, actor: Actor, meta: RequestMeta, needId: string, today: string) {
  const need = await findJobNeed(em, actor, needId);
  const { ranking, rowsById } = await rank(em, need, [actor.organisationId], today);
  const top = ranking.candidates.slice(0, LIMIT);
  audit(em, actor, meta, { action: 'read_matching', entityType: 'JobNeed', entityId: needId, after: { candidates: top.map((c) => c.participantId) } });
  await em.flush();
  return {
    need: (await jobNeedViews(em, [need]))[0]!,
    candidates: top.map((c: RankedCandidate) => {
      const row = rowsById.get(c.participantId)!;
      return {
        rank: c.rank, score: c.score, jobMatch: c.jobMatch.level, distanceKm: c.distanceKm, eligibleUntil: c.eligibleUntil,
        participant: { id: row.id, lastName: row.last_name, firstName: row.first_name, commune: row.commune_code },
        reasons: [...c.reasons],
      };
    }),
    excluded: ranking.excluded.length,
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
