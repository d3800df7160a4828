import type { Role } from '@app/shared';
import type { Actor } from '../application/actor.js';

/**
 * Tenant scoping as a mechanism: each scoped entity names the property that holds its owning organisation.
 * Repositories merge `scopeFilter` into every query, so another tenant's object is simply not found (404).
 * The instance admin is the only role that sees across organisations.
 */
/** A path (dotted for a relation) to the owning organisation, the same for every role or one per role. */
type TenantPath = string | Partial<Record<Exclude<Role, 'admin'>, string>>;

export const tenantPaths = {
  Organisation: 'id',
  User: 'organisation',
  // People and their eligibility: the facilitation structure that registered them, and no one else.
  Participant: { facilitator: 'organisation' },
  EligibilityValidation: { facilitator: 'organisation' },
  ProofDocument: { facilitator: 'organisation' },
} as const satisfies Record<string, TenantPath>;

export type ScopedEntity = keyof typeof tenantPaths;

/** `a.b` + id → `{ a: { b: id } }`. */
const nested = (path: string, value: unknown): Record<string, unknown> =>
  path.split('.').reduceRight<Record<string, unknown>>((inner, key, i, all) => (i === all.length - 1 ? { [key]: value } : { [key]: inner }), {});

export function scopeFilter(actor: Actor, entity: ScopedEntity): Record<string, unknown> {
  if (actor.role === 'admin') return {};
  const path: TenantPath = tenantPaths[entity];
  const own = typeof path === 'string' ? path : path[actor.role];
  // A role without a path to the entity sees none of it (the routes' roles say so first).
  if (!own) return { id: { $in: [] } };
  return nested(own, actor.organisationId);
}

/** `where` restricted to the actor's tenant (an $and, so a condition on the same property cannot override it). */
export function scoped<W extends object>(actor: Actor, entity: ScopedEntity, where: W): W | { $and: object[] } {
  const scope = scopeFilter(actor, entity);
  return Object.keys(scope).length ? { $and: [scope, where] } : where;
}
