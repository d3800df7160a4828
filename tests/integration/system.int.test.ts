import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '@app/shared';
import { migrate, pendingSchemaDiff, seedDemo, demoAccounts, DEMO_PASSWORD, OrganisationSchema, UserSchema } from '@app/db';
import { hashPassword } from '@app/api';
import { isValidSiret } from '@app/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('santé et documentation', () => {
  it('GET /api/health interroge la base', async () => {
    const res = await app.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'ok' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('garde l’identifiant de requête fourni par l’appelant s’il est sain', async () => {
    const res = await app.client().get('/api/health', { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
    const bad = await app.client().get('/api/health', { headers: { 'x-request-id': '<script>' } });
    expect(bad.headers.get('x-request-id')).not.toBe('<script>');
  });

  it('pose les en-têtes de sécurité', async () => {
    const res = await app.client().get('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('publie un document OpenAPI 3.1 généré depuis les contrats (chaque route, chaque méthode)', async () => {
    const res = await app.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const [operationId, route] of Object.entries(routes)) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const op = res.body.paths[path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${path}`).toBeDefined();
      expect(op.operationId).toBe(operationId);
      expect(op.responses[String(route.status)]).toBeDefined();
    }
    const login = res.body.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    expect(res.body.components.schemas.Problem.properties.errors).toBeDefined();
  });
});

describe('base de données', () => {
  it('les entités et les migrations sont d’accord (aucun SQL en attente)', async () => {
    expect(await pendingSchemaDiff(app.orm)).toBe('');
  });

  it('relancer les migrations ne fait rien', async () => {
    expect(await migrate(app.orm)).toEqual([]);
  });

  it('la base est en UTF-8', async () => {
    const [row] = await app.orm.em.getConnection().execute<{ enc: string }[]>(`select pg_encoding_to_char(encoding) as enc from pg_database where datname = current_database()`);
    expect(row!.enc).toBe('UTF8');
  });
});

describe('données de démonstration', () => {
  it('crée le Lot une seule fois : acheteur, facilitateur, trois entreprises, un compte par rôle', async () => {
    const em = app.orm.em.fork();
    expect(await seedDemo(em, hashPassword)).toBe(true);
    expect(await seedDemo(app.orm.em.fork(), hashPassword)).toBe(false);
    const orgs = await app.orm.em.fork().find(OrganisationSchema, {});
    expect(orgs.filter((o) => o.kind === 'contractor')).toHaveLength(3);
    expect(orgs.find((o) => o.kind === 'buyer')?.name).toBe('Département du Lot');
    for (const o of orgs) if (o.siret) expect(isValidSiret(o.siret), o.name).toBe(true);
    const roles = new Set((await app.orm.em.fork().find(UserSchema, {})).map((u) => u.role));
    expect([...roles].sort()).toEqual(['admin', 'buyer', 'contractor', 'facilitator']);
    for (const account of demoAccounts) {
      const res = await app.client().post('/api/auth/login', { email: account.email, password: DEMO_PASSWORD });
      expect(res.status, account.email).toBe(200);
      expect(res.body.user.role).toBe(account.role);
    }
  });
});
