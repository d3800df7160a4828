import { z } from '../schemas/locale.js';
import type { RouteContract } from './contract.js';
import { problemSchema } from './problem.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** OpenAPI 3.1 generated from the route contracts: the document cannot drift from what the API validates. */
export function buildOpenApiDocument(routes: Record<string, RouteContract>, version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, route] of Object.entries(routes)) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', route.params], ['query', route.query]] as const) {
      if (!schema) continue;
      const json = toSchema(schema, 'input');
      const props = (json.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((json.required as string[] | undefined) ?? []);
      for (const [name, propSchema] of Object.entries(props)) {
        parameters.push({ name, in: where, required: where === 'path' || required.has(name), schema: propSchema });
      }
    }
    const responses: Record<string, unknown> = {
      [String(route.status)]: route.response
        ? { description: 'Succès', content: { 'application/json': { schema: toSchema(route.response, 'output') } } }
        : route.download
          ? { description: 'Fichier', content: Object.fromEntries(route.download.mediaTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) }
          : { description: 'Succès, sans contenu' },
    };
    if (route.upload) responses['413'] = problemResponse('Fichier trop volumineux');
    if (route.params || route.query || route.body || route.upload) responses['400'] = problemResponse('Requête invalide');
    if (route.access !== 'public') {
      responses['401'] = problemResponse('Authentification requise');
      responses['403'] = problemResponse('Rôle non autorisé');
    }
    if (route.params) responses['404'] = problemResponse('Ressource introuvable (ou appartenant à une autre organisation)');
    responses['500'] = problemResponse('Erreur interne');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId,
      summary: route.summary,
      tags: [route.tag],
      ...(route.access === 'public' ? { security: [] } : { 'x-roles': route.access }),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } } }
        : {}),
      ...(route.upload
        ? { requestBody: { required: true, description: `${route.upload.label} (${Math.round(route.upload.maxBytes / 1_048_576)} Mo au plus)`, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Suivi des clauses sociales — API', version, description: 'API du suivi des clauses sociales d’insertion.' },
    servers: [{ url: '/' }],
    security: [{ session: [] }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } },
      schemas: { Problem: toSchema(problemSchema, 'output') },
    },
    paths,
  };
}
