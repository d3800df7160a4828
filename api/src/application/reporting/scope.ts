import type { Actor } from '../actor.js';

/** The facilitation structure reported on: a facilitator's own (whatever it asks), the admin's choice or all (null). */
export const reportedStructure = (actor: Actor, facilitatorId: string | undefined): string | null =>
  actor.role === 'admin' ? (facilitatorId ?? null) : actor.organisationId;
