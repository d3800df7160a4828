import type { Actor } from '../application/actor.js';

/**
 * Tenant scoping as a mechanism: each scoped entity names the property that holds its owning
 * organisation (and, for lots and clauses, the holder's identifier). Repositories merge `scopeFilter`
 * into every query, so another tenant's object is simply not found (404).
 * - buyer: its own organisation's portfolio;
 * - facilitator: the portfolios of the buyers that mandated its structure;
 * - contractor: the lots (and their clauses) whose holder is its SIRET, read-only;
 * - admin: everything (the instance admin is the only role that sees across organisations).
 */
export const tenantPaths = {
  Organisation: { owner: 'id' },
  User: { owner: 'organisation' },
  Mandate: { owner: 'buyer', facilitator: 'facilitator' },
  Operation: { owner: 'buyer' },
  Contract: { owner: 'buyer' },
  Lot: { owner: 'buyer', holder: 'holderIdentifier' },
  InsertionClause: { owner: 'buyer', holder: 'holderIdentifier' },
  Amendment: { owner: 'lot.buyer' },
  DecpImport: { owner: 'buyer' },
  // People and their eligibility: the facilitation structure that registered them, and no one else
  // (a buyer's organisation never owns a participant, a contractor has no holder path).
  Participant: { owner: 'organisation', facilitator: 'organisation' },
  EligibilityValidation: { owner: 'organisation', facilitator: 'organisation' },
  ProofDocument: { owner: 'organisation', facilitator: 'organisation' },
  // Placements: the structure that follows the person, and the contractor holding the lot.
  Placement: { owner: 'lot.buyer', facilitator: 'organisation', holder: 'lot.holderIdentifier' },
  // Job needs: the lot's buyer, the structures it mandated, the contractor holding the lot.
  JobNeed: { owner: 'lot.buyer', holder: 'lot.holderIdentifier' },
  // Proposals of candidates: the structure that proposed them, the contractor holding the lot.
  CandidateProposal: { owner: 'lot.buyer', facilitator: 'organisation', holder: 'lot.holderIdentifier' },
  // Hour declarations: the lot's buyer (facilitators through their mandates), the contractor holding the lot.
  HourDeclaration: { owner: 'buyer', holder: 'holderIdentifier' },
  // Notices: the clause's buyer (facilitators read through their mandates), the contractor holding the lot.
  Notice: { owner: 'buyer', holder: 'holderIdentifier' },
} as const satisfies Record<string, { owner: string; holder?: string; facilitator?: string }>;

export type ScopedEntity = keyof typeof tenantPaths;

/** Matches no row (uuid primary keys are never null). */
const NOTHING = { id: null };

const nested = (path: string, value: unknown): Record<string, unknown> =>
  path.split('.').reduceRight<unknown>((acc, key) => ({ [key]: acc }), value) as Record<string, unknown>;

export function scopeFilter(actor: Actor, entity: ScopedEntity): Record<string, unknown> {
  if (actor.role === 'admin') return {};
  const paths: { owner: string; holder?: string; facilitator?: string } = tenantPaths[entity];
  // Organisations and users: everyone sees their own organisation.
  if (entity === 'Organisation' || entity === 'User') return nested(paths.owner, actor.organisationId);
  switch (actor.role) {
    case 'buyer':
      return nested(paths.owner, actor.organisationId);
    case 'facilitator':
      if (paths.facilitator) return nested(paths.facilitator, actor.organisationId);
      return actor.mandatingBuyerIds.length ? nested(paths.owner, { $in: actor.mandatingBuyerIds }) : NOTHING;
    case 'contractor':
      return paths.holder && actor.organisationSiret ? nested(paths.holder, actor.organisationSiret) : NOTHING;
  }
}

/** `where` restricted to the actor's tenant (an $and, so a condition on the same property cannot override it). */
export function scoped<W extends object>(actor: Actor, entity: ScopedEntity, where: W): W | { $and: object[] } {
  const scope = scopeFilter(actor, entity);
  return Object.keys(scope).length ? { $and: [scope, where] } : where;
}

/** The buyer organisations whose portfolio the actor works on (for filters and for writes). */
export function portfolioBuyerIds(actor: Actor): string[] | 'all' {
  if (actor.role === 'admin') return 'all';
  if (actor.role === 'buyer') return [actor.organisationId];
  if (actor.role === 'facilitator') return actor.mandatingBuyerIds;
  return [];
}
