import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CommuneSchema, InsertionClauseSchema, JobNeedSchema, LotSchema, RomeAppellationSchema, type JobNeedEntity } from '@app/db';
import { addDays, type JobNeedDto, type jobNeedInputSchema } from '@app/shared';
import type { z } from 'zod';
import type { Actor, RequestMeta } from './actor.js';
import { errors } from './errors.js';
import { scoped } from '../infra/scope.js';
import { audit } from '../infra/audit.js';
import { pgArray, sqlOf } from '../infra/sql.js';

/** The needs as the API shows them; the lot, job and commune names in one query. */
export async function jobNeedViews(em: EntityManager, needs: JobNeedEntity[]): Promise<JobNeedDto[]> {
  if (needs.length === 0) return [];
  const names = await sqlOf(em)<{ id: string; lot_id: string; lot_title: string; holder_name: string | null; appellation_label: string | null; site_name: string | null }>(
    `select n.id, l.id as lot_id, l.title as lot_title, l.holder_name, a.label as appellation_label, c.name as site_name
     from job_need n join lot l on l.id = n.lot_id
     left join rome_appellation a on a.code = n.appellation_code left join commune c on c.code = n.site_commune_code
     where n.id = any(?::uuid[])`,
    [pgArray(needs.map((n) => n.id))],
  );
  const nameBy = new Map(names.map((r) => [r.id, r]));
  return needs.map((n) => {
    const r = nameBy.get(n.id)!;
    return {
      id: n.id,
      lot: { id: r.lot_id, title: r.lot_title, holderName: r.holder_name ?? null },
      appellation: { code: n.appellationCode, label: r.appellation_label ?? n.appellationCode, romeCode: n.romeCode },
      site: { code: n.siteCommuneCode, name: r.site_name ?? n.siteCommuneCode },
      startDate: n.startDate,
      durationWeeks: n.durationWeeks,
      endDate: n.endDate,
      weeklyMinutes: n.weeklyMinutes,
      headcount: n.headcount,
      status: n.status as JobNeedDto['status'],
    };
  });
}

export async function findJobNeed(em: EntityManager, actor: Actor, id: string): Promise<JobNeedEntity> {
  const need = await em.findOne(JobNeedSchema, scoped(actor, 'JobNeed', { id }));
  if (!need) throw errors.notFound('Besoin');
  return need;
}

export async function listJobNeeds(em: EntityManager, actor: Actor): Promise<{ items: JobNeedDto[] }> {
  const needs = await em.find(JobNeedSchema, scoped(actor, 'JobNeed', { status: 'open' }), { orderBy: { startDate: 'asc' }, limit: 200 });
  return { items: await jobNeedViews(em, needs) };
}

export async function getJobNeed(em: EntityManager, actor: Actor, id: string): Promise<JobNeedDto> {
  return (await jobNeedViews(em, [await findJobNeed(em, actor, id)]))[0]!;
}

/** A contractor records a need on its own lots, a facilitator on the lots of the buyers that mandated it. */
export async function createJobNeed(
  em: EntityManager,
  actor: Actor,
  meta: RequestMeta,
  input: z.output<typeof jobNeedInputSchema>,
): Promise<JobNeedDto> {
  const lot = await em.findOne(LotSchema, scoped(actor, 'Lot', { id: input.lotId }));
  if (!lot) throw errors.field('lotId', 'Lot introuvable.');
  if (!(await em.count(InsertionClauseSchema, { lot: lot.id }))) throw errors.ruleViolation('no_clause', 'Ce lot ne porte pas de clause d’insertion.');
  const appellation = await em.findOne(RomeAppellationSchema, { code: input.appellationCode });
  if (!appellation) throw errors.field('appellationCode', 'Métier inconnu : choisissez-le dans la liste ROME.');
  const site = await em.findOne(CommuneSchema, { code: input.siteCommuneCode });
  if (!site) throw errors.field('siteCommuneCode', 'Commune inconnue : choisissez-la dans la liste.');
  const need = em.create(JobNeedSchema, {
    id: randomUUID(),
    lot: lot.id,
    createdBy: actor.organisationId,
    appellationCode: appellation.code,
    romeCode: appellation.romeCode,
    siteCommuneCode: site.code,
    siteLatitude: site.latitude ?? null,
    siteLongitude: site.longitude ?? null,
    siteApproximate: site.positionPrecision !== 'commune',
    startDate: input.startDate,
    durationWeeks: input.durationWeeks,
    endDate: addDays(input.startDate, input.durationWeeks * 7 - 1),
    weeklyMinutes: input.weeklyMinutes,
    headcount: input.headcount,
  });
  audit(em, actor, meta, { action: 'create', entityType: 'JobNeed', entityId: need.id, after: { ...input } });
  await em.flush();
  return (await jobNeedViews(em, [need]))[0]!;
}
