import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { searchCpv } from '../../infra/referentials/cpv.js';
import { searchCommunes } from '../../infra/referentials/communes.js';
import { parameterDefaults } from '../../infra/referentials/parameters.js';

type ReferentialRoutes = Pick<Routes, 'searchCpv' | 'searchCommunes' | 'getParameterDefaults'>;

export const referentialHandlers: { [K in keyof ReferentialRoutes]: Handler<ReferentialRoutes[K]> } = {
  searchCpv: async ({ query }) => ({ items: searchCpv(query.q, query.limit, query.trade) }),
  searchCommunes: async ({ query }) => ({ items: searchCommunes(query.q, query.limit) }),
  getParameterDefaults: async () => parameterDefaults(),
};
