import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { listOrganisations, getOrganisation, createOrganisation } from '../../application/organisations.js';

type OrganisationRoutes = Pick<Routes, 'listOrganisations' | 'getOrganisation' | 'createOrganisation'>;

export const organisationHandlers: { [K in keyof OrganisationRoutes]: Handler<OrganisationRoutes[K]> } = {
  listOrganisations: ({ ctx, actor }) => listOrganisations(ctx.em, actor),
  getOrganisation: ({ ctx, actor, params }) => getOrganisation(ctx.em, actor, params.id),
  createOrganisation: ({ ctx, actor, body }) => createOrganisation(ctx.em, actor, ctx.state.meta, body),
};
