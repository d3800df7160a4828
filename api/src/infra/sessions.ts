import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SessionSchema } from '@app/db';
import type { Actor } from '../application/actor.js';
import type { OrganisationKind, Role } from '@app/shared';

export const SESSION_COOKIE = 'sid';

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Creates a session and returns the token (only its digest is stored). */
export async function openSession(
  em: EntityManager,
  input: { userId: string; ttlHours: number; ip: string; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + input.ttlHours * 3_600_000);
  em.create(SessionSchema, {
    id: digest(token),
    user: input.userId,
    expiresAt,
    ip: input.ip.slice(0, 64),
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  await em.flush();
  return { token, expiresAt };
}

export async function closeSession(em: EntityManager, token: string): Promise<void> {
  await em.nativeDelete(SessionSchema, { id: digest(token) });
}

type ActorRow = {
  mandates: string[] | null; session_id: string; user_id: string; email: string; full_name: string; role: Role;
  organisation_id: string; organisation_kind: OrganisationKind; organisation_name: string; organisation_siret: string | null;
};

/** The actor behind a session token, or null when the token is unknown, expired or its user disabled. */
export async function actorForToken(em: EntityManager, token: string): Promise<Actor | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  // One round trip per request: a facilitation structure's mandates (the buyers whose portfolios it works on) come along.
  const rows = await em.getConnection().execute<ActorRow[]>(
    `select s.id as session_id, u.id as user_id, u.email, u.full_name, u.role,
            o.id as organisation_id, o.kind as organisation_kind, o.name as organisation_name, o.siret as organisation_siret,
            case when o.kind = 'facilitator' then array(select m.buyer_id::text from mandate m where m.facilitator_id = o.id) end as mandates
       from session s join app_user u on u.id = s.user_id join organisation o on o.id = u.organisation_id
      where s.id = ? and s.expires_at > now() and u.active`,
    [digest(token)],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    sessionId: row.session_id,
    userId: row.user_id,
    email: row.email,
    fullName: row.full_name,
    role: row.role,
    organisationId: row.organisation_id,
    organisationKind: row.organisation_kind,
    organisationName: row.organisation_name,
    organisationSiret: row.organisation_siret,
    mandatingBuyerIds: row.mandates ?? [],
  };
}

/** Expired sessions are useless: removed at start and on each sign-in (cheap, indexed). */
export async function purgeExpiredSessions(em: EntityManager): Promise<void> {
  await em.getConnection().execute(`delete from session where expires_at < now()`);
}
