import type { EntityManager } from '@mikro-orm/postgresql';
import { declarationActionLabels, type AuditEntry } from '@app/shared';
import type { Actor } from '../actor.js';
import { findDeclaration } from './declarations.js';

/**
 * The history of one declaration, oldest first: every creation, change, submission, validation and
 * rejection with who (name and organisation), when, and the values before and after.
 */
export async function declarationHistory(em: EntityManager, actor: Actor, id: string): Promise<AuditEntry[]> {
  const declarationId = (await findDeclaration(em, actor, id)).id;
  const rows = (await em.getConnection().execute(
    `select e.at, e.action, e.before, e.after, u.full_name, o.name as organisation_name
       from audit_event e
       left join app_user u on u.id = e.actor_user_id
       left join organisation o on o.id = e.organisation_id
      where e.entity_type = 'HourDeclaration' and e.entity_id = ?
      order by e.at asc, e.id asc`,
    [declarationId],
  )) as { at: Date; action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; full_name: string | null; organisation_name: string | null }[];
  return rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    action: row.action,
    label: declarationActionLabels[row.action] ?? row.action,
    actor: row.full_name,
    organisation: row.organisation_name,
    before: row.before,
    after: row.after,
  }));
}
