import { z } from '../../schemas/locale.js';
import { defineRoute } from '../contract.js';

export const healthSchema = z.object({ status: z.literal('ok'), database: z.literal('ok'), version: z.string() });

export const systemRoutes = {
  health: defineRoute({
    method: 'GET', path: '/api/health', tag: 'Système', summary: 'État du service et de la base de données',
    access: 'public', response: healthSchema, status: 200,
  }),
  openapi: defineRoute({
    method: 'GET', path: '/api/openapi.json', tag: 'Système', summary: 'Ce document OpenAPI 3.1, généré depuis les contrats',
    access: 'public', response: z.record(z.string(), z.unknown()), status: 200,
  }),
} as const;
