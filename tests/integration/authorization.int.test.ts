import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type Role, type RouteName } from '@app/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld, type Tenant } from '../support/factories.js';
import { routeCases, type World } from '../support/route-cases/index.js';

const actors: Record<Role, keyof World> = { buyer: 'buyerA', facilitator: 'facilitatorA', contractor: 'contractorA', admin: 'admin' };

let app: TestApp;
let w: World;
beforeAll(async () => {
  app = await startTestApp();
  w = await createWorld(app);
});
afterAll(() => app?.close());

it('chaque route du contrat a sa ligne dans la matrice d’autorisation', () => {
  expect(Object.keys(routeCases).sort()).toEqual(Object.keys(routes).sort());
});

const caseOf = (name: RouteName) => {
  const build = routeCases[name];
  if (!build) throw new Error(`Route ${name} absente de tests/support/route-cases`);
  return build;
};

describe.each(Object.keys(routes) as RouteName[])('route %s', (name) => {
  const route = routes[name];

  it('anonyme : 401 si la route est protégée', async () => {
    const call = await caseOf(name)(w, w.buyerA);
    const res = await app.client().request(call.method, call.path, { body: call.body, rawBody: call.rawBody, headers: call.headers });
    if (route.access === 'public') expect([200, 204]).toContain(res.status);
    else {
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('unauthenticated');
    }
  });

  it.each(Object.keys(actors) as Role[])('rôle %s : autorisé selon le contrat, 403 sinon', async (role) => {
    const me = w[actors[role]] as Tenant;
    const call = await caseOf(name)(w, me);
    // logout would close the shared session: use a separate signed-in client for it.
    const client = name === 'logout' ? await app.client().login(me.user.email, 'Mot-de-passe-de-test-1') : me.client;
    const res = await client.request(call.method, call.path, { body: call.body, rawBody: call.rawBody, headers: call.headers });
    if (route.access === 'public' || (route.access as readonly Role[]).includes(role)) expect(res.status, res.text).toBe(route.status);
    else {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
  });
});

describe('cloisonnement entre organisations', () => {
  it('une organisation d’un autre acheteur répond 404, sans révéler qu’elle existe', async () => {
    const res = await w.buyerA.client.get(`/api/organisations/${w.buyerB.organisation.id}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    const missing = await w.buyerA.client.get('/api/organisations/00000000-0000-4000-8000-000000000000');
    expect(missing.body).toMatchObject({ status: 404, title: res.body.title, detail: res.body.detail });
  });

  it.each(['contractorA', 'facilitatorA'] as const)('%s ne voit que sa propre organisation et ses comptes', async (who) => {
    const me = w[who];
    const orgs = await me.client.get('/api/organisations');
    expect(orgs.body.items.map((o: { id: string }) => o.id)).toEqual([me.organisation.id]);
    const users = await me.client.get('/api/users');
    expect(users.body.items.map((u: { id: string }) => u.id)).toEqual([me.user.id]);
    expect(JSON.stringify(users.body)).not.toContain('passwordHash');
  });

  it('l’administrateur voit toutes les organisations', async () => {
    const res = await w.admin.client.get('/api/organisations');
    const ids = res.body.items.map((o: { id: string }) => o.id);
    for (const t of [w.buyerA, w.buyerB, w.contractorA, w.facilitatorB]) expect(ids).toContain(t.organisation.id);
  });

  it('un identifiant mal formé répond 400 avec le chemin du champ', async () => {
    const res = await w.buyerA.client.get('/api/organisations/pas-un-uuid');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'id', message: 'Identifiant invalide.' }]);
  });
});
