import type { Actor } from '../application/actor.js';

/**
 * Tenant scoping as a mechanism: each scoped entity names the property that holds its owning organisation.
 * Repositories merge `scopeFilter` into every query, so another tenant's object is simply not found (404).
 * The instance admin is the only role that sees across organisations.
 */
export const tenantPaths = {
  Organisation: 'id',
  User: 'organisation',
} as const;

export type ScopedEntity = keyof typeof tenantPaths;

export function scopeFilter(actor: Actor, entity: ScopedEntity): Record<string, unknown> {
  if (actor.role === 'admin') return {};
  return { [tenantPaths[entity]]: actor.organisationId };
}

/** `where` restricted to the actor's tenant (an $and, so a condition on the same property cannot override it). */
export function scoped<W extends object>(actor: Actor, entity: ScopedEntity, where: W): W | { $and: object[] } {
  const scope = scopeFilter(actor, entity);
  return Object.keys(scope).length ? { $and: [scope, where] } : where;
}
