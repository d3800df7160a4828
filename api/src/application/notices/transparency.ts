/**
 * The public transparency page of a buyer (opt-in, the buyer's choice): hours required and delivered
 * per year and per operation. Only aggregates leave the database, and the domain suppresses the cells
 * that fewer than 5 people contributed to (decisions.md §11).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { OrganisationSchema } from '@app/db';
import { transparencyTable, type PublicTransparency } from '@app/shared';
import type { Actor, RequestMeta } from '../actor.js';
import { errors } from '../errors.js';
import { audit } from '../../infra/audit.js';
import { sqlOf } from '../../infra/sql.js';

export const SUPPRESSION_THRESHOLD = 5;

const settingsOf = (org: { id: string; transparencyEnabled: boolean }) => ({ enabled: org.transparencyEnabled, buyerId: org.id, publicPath: `/transparence/${org.id}` });

export async function transparencySettings(em: EntityManager, actor: Actor) {
  const org = await em.findOneOrFail(OrganisationSchema, { id: actor.organisationId });
  return settingsOf(org);
}

export async function updateTransparencySettings(em: EntityManager, actor: Actor, meta: RequestMeta, enabled: boolean) {
  const org = await em.findOneOrFail(OrganisationSchema, { id: actor.organisationId });
  if (org.transparencyEnabled !== enabled) {
    audit(em, actor, meta, { action: enabled ? 'publish_transparency' : 'unpublish_transparency', entityType: 'Organisation', entityId: org.id, before: { enabled: org.transparencyEnabled }, after: { enabled } });
    org.transparencyEnabled = enabled;
    await em.flush();
  }
  return settingsOf(org);
}

export async function publicTransparency(em: EntityManager, buyerId: string, today: string): Promise<PublicTransparency> {
  const buyer = await em.findOne(OrganisationSchema, { id: buyerId, kind: 'buyer', transparencyEnabled: true });
  // Not published and not existing look the same.
  if (!buyer) throw errors.notFound('Page de transparence');
  const sql = sqlOf(em);
  const clauses = await sql<{ operation_id: string | null; required_minutes: number; start_date: string; end_date: string }>(
    `select operation_id, required_minutes, start_date::text as start_date, end_date::text as end_date
       from insertion_clause
      where buyer_id = ? and required_minutes is not null and start_date is not null and end_date is not null and end_date >= start_date`,
    [buyer.id],
  );
  // Validated hours only, grouped per operation, month and person inside the database: no row leaves it with a name.
  const deliveries = await sql<{ operation_id: string | null; month: string; participant_key: string; minutes: string }>(
    `select ic.operation_id, d.month, md5(p.participant_id::text) as participant_key,
            sum(d.worked_minutes + coalesce(d.training_minutes, 0) + coalesce(d.attested_minutes, 0))::bigint as minutes
       from hour_declaration d
       join placement p on p.id = d.placement_id
       join insertion_clause ic on ic.id = d.clause_id
      where d.buyer_id = ? and d.status = 'validated'
      group by ic.operation_id, d.month, p.participant_id`,
    [buyer.id],
  );
  const years = transparencyTable(
    clauses.map((c) => ({ operationId: c.operation_id, requiredMinutes: c.required_minutes, startDate: c.start_date, endDate: c.end_date })),
    deliveries.map((d) => ({ operationId: d.operation_id, month: d.month, participantId: d.participant_key, minutes: Number(d.minutes) })),
    SUPPRESSION_THRESHOLD,
  );
  const operationIds = [...new Set(years.flatMap((y) => y.cells.map((c) => c.operationId)).filter((id): id is string => id !== null))];
  const operations = operationIds.length
    ? await sql<{ id: string; name: string }>(`select id, name from operation where id = any(?::uuid[]) order by name`, [`{${operationIds.join(',')}}`])
    : [];
  const hasNone = years.some((y) => y.cells.some((c) => c.operationId === null));
  return {
    buyer: { id: buyer.id, name: buyer.name },
    threshold: SUPPRESSION_THRESHOLD,
    operations: [...operations.map((o) => ({ id: o.id, name: o.name })), ...(hasNone ? [{ id: null, name: 'Marchés hors opération' }] : [])],
    years: years.map((y) => ({
      year: y.year,
      requiredMinutes: y.requiredMinutes,
      deliveredMinutes: y.deliveredMinutes,
      cells: y.cells.map((c) => ({ operationId: c.operationId, requiredMinutes: c.requiredMinutes, deliveredMinutes: c.deliveredMinutes, suppressed: c.suppressed })),
    })),
    generatedOn: today,
  };
}
