import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrganisationSchema, AuditEventSchema } from '@app/db';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld } from '../support/factories.js';

type World = Awaited<ReturnType<typeof createWorld>>;
let app: TestApp;
let w: World;
beforeAll(async () => {
  app = await startTestApp();
  w = await createWorld(app);
});
afterAll(() => app?.close());

const counts = async () => {
  const em = app.orm.em.fork();
  return { organisations: await em.count(OrganisationSchema, {}), audit: await em.count(AuditEventSchema, { action: 'create' }) };
};

const expectProblem = (res: { status: number; headers: Headers; body: any; text: string }, status: number, code: string) => {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status, code, type: `https://suivi-clauses.fr/problems/${code}` });
  expect(res.body.title).toMatch(/[a-zé]/);
  expect(res.text).not.toMatch(/at .*\.(js|ts):\d+/); // never a stack trace
};

describe('mauvaises entrées : un problème clair, et rien d’écrit', () => {
  const valid = { kind: 'buyer', name: 'Commune de Gourdon', siret: '21460127500016' };

  it.each([
    ['JSON mal formé', { rawBody: '{"kind": "buyer", ', headers: { 'content-type': 'application/json' } }, 400, 'malformed_json'],
    ['corps qui n’est pas du JSON (formulaire)', { rawBody: 'kind=buyer', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type'],
    ['corps de plus de 1 Mo', { rawBody: JSON.stringify({ ...valid, name: 'x'.repeat(1_100_000) }), headers: { 'content-type': 'application/json' } }, 413, 'payload_too_large'],
    ['requête venue d’un autre site', { body: valid, headers: { origin: 'https://site-malveillant.example' } }, 403, 'csrf'],
  ])('%s', async (_label, options, status, code) => {
    const before = await counts();
    const res = await w.admin.client.request('POST', '/api/organisations', options);
    expectProblem(res, status, code);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['mauvais types', { kind: 'buyer', name: 42, siret: 21460127500016 }, ['name', 'siret']],
    ['champs manquants', { kind: 'buyer' }, ['name', 'siret']],
    ['champ inconnu', { kind: 'buyer', name: 'Commune de Gourdon', siret: '21460127500016', admin: true }, ['(corps)']],
    ['SIRET à la clé de contrôle fausse', { kind: 'buyer', name: 'Commune de Gourdon', siret: '21460127500017' }, ['siret']],
    ['SIRET trop court', { kind: 'buyer', name: 'Commune de Gourdon', siret: '2146012750' }, ['siret']],
    ['type d’organisation inconnu', { kind: 'admin', name: 'Commune de Gourdon', siret: '21460127500016' }, ['kind']],
  ])('%s : 400 avec le chemin de chaque champ, en français', async (_label, body, paths) => {
    const before = await counts();
    const res = await w.admin.client.post('/api/organisations', body);
    expectProblem(res, 400, 'validation');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([...paths].sort());
    for (const e of res.body.errors) expect(e.message).not.toMatch(/invalid input|expected|required/i);
    expect(await counts()).toEqual(before);
  });

  it('un SIRET déjà enregistré : 400 sur le champ siret, rien d’écrit', async () => {
    const before = await counts();
    const res = await w.admin.client.post('/api/organisations', { kind: 'buyer', name: 'Doublon', siret: (await app.orm.em.fork().findOneOrFail(OrganisationSchema, { id: w.buyerA.organisation.id })).siret });
    expectProblem(res, 400, 'validation');
    expect(res.body.errors[0].path).toBe('siret');
    expect(await counts()).toEqual(before);
  });

  it('route inconnue : 404 problem+json', async () => {
    expectProblem(await w.admin.client.get('/api/inexistante'), 404, 'not_found');
  });

  it('méthode non permise : 405 problem+json', async () => {
    expectProblem(await w.admin.client.request('DELETE', '/api/organisations'), 405, 'method_not_allowed');
  });

  it('une création valide est écrite avec sa trace d’audit (qui, quoi, après)', async () => {
    const res = await w.admin.client.post('/api/organisations', valid);
    expect(res.status).toBe(201);
    const event = await app.orm.em.fork().findOneOrFail(AuditEventSchema, { entityId: res.body.id });
    expect(event).toMatchObject({ action: 'create', entityType: 'Organisation', actorUserId: w.admin.user.id });
    expect(event.after).toMatchObject({ siret: '21460127500016' });
  });

  it('un SIRET saisi avec des espaces est accepté et stocké sur 14 chiffres', async () => {
    const res = await w.admin.client.post('/api/organisations', { kind: 'contractor', name: 'La Poste (Cahors)', siret: '356 000 000 04165' });
    expect(res.status, res.text).toBe(201);
    expect(res.body.siret).toBe('35600000004165');
  });
});
