import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi.js';
import { routes } from './routes/index.js';
import { buildPath } from './contract.js';

describe('document OpenAPI généré', () => {
  const doc = buildOpenApiDocument(routes, '1.0.0') as any;
  it('déclare les rôles et les réponses d’erreur des routes protégées', () => {
    const op = doc.paths['/api/organisations'].post;
    expect(op['x-roles']).toEqual(['admin']);
    expect(Object.keys(op.responses).sort()).toEqual(['201', '400', '401', '403', '500']);
    expect(doc.paths['/api/health'].get.security).toEqual([]);
  });
  it('traduit les paramètres de chemin', () => {
    expect(doc.paths['/api/organisations/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
  });
});

describe('buildPath', () => {
  it('remplace et encode les paramètres', () => {
    expect(buildPath('/api/organisations/:id', { id: 'a b' })).toBe('/api/organisations/a%20b');
    expect(() => buildPath('/api/organisations/:id')).toThrow(/id/);
  });
});
