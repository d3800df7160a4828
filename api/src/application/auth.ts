import type { EntityManager } from '@mikro-orm/postgresql';
import { UserSchema } from '@app/db';
import type { LoginInput, LoginResult, SessionUser } from '@app/shared';
import { errors } from './errors.js';
import type { Actor, RequestMeta } from './actor.js';
import { DUMMY_HASH, verifyPassword } from '../infra/passwords.js';
import { clearAccountFailures, lockedForSeconds, recordFailure, type ThrottlePolicy } from '../infra/login-throttle.js';
import { openSession, closeSession, purgeExpiredSessions } from '../infra/sessions.js';
import { audit } from '../infra/audit.js';

export interface AuthSettings {
  sessionTtlHours: number;
  throttle: ThrottlePolicy;
}

export function sessionUserOf(actor: Actor): SessionUser {
  return {
    id: actor.userId,
    email: actor.email,
    fullName: actor.fullName,
    role: actor.role,
    organisation: {
      id: actor.organisationId,
      name: actor.organisationName,
      kind: actor.organisationKind,
      siret: actor.organisationSiret,
    },
  };
}

/** Signs in: throttled per account and per address, same answer and timing whether the e-mail exists or not. */
export async function login(
  em: EntityManager,
  input: LoginInput,
  meta: RequestMeta,
  settings: AuthSettings,
): Promise<LoginResult & { token: string }> {
  const locked = await lockedForSeconds(em, input.email, meta.ip);
  if (locked > 0) throw errors.tooManyAttempts(locked);

  const user = await em.findOne(UserSchema, { email: input.email, active: true }, {
    populate: ['organisation'],
  });
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !ok) {
    await recordFailure(em, input.email, meta.ip, settings.throttle);
    throw errors.invalidCredentials();
  }
  await clearAccountFailures(em, input.email);
  await purgeExpiredSessions(em);
  const { token, expiresAt } = await openSession(em, {
    userId: user.id,
    ttlHours: settings.sessionTtlHours,
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  const org = user.organisation;
  const actor: Actor = {
    sessionId: '',
    userId: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role as Actor['role'],
    organisationId: org.id,
    organisationKind: org.kind as Actor['organisationKind'],
    organisationName: org.name,
    organisationSiret: org.siret ?? null,
    mandatingBuyerIds: [],
  };
  audit(em, actor, meta, { action: 'login', entityType: 'User', entityId: user.id });
  await em.flush();
  return { token, user: sessionUserOf(actor), expiresAt: expiresAt.toISOString() };
}

export async function logout(em: EntityManager, token: string | undefined): Promise<void> {
  if (token) await closeSession(em, token);
}
