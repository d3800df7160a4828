import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrganisationSchema } from '@app/db';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld } from '../support/factories.js';
import { contractBody, createContract, createOperation, labourShareMethod } from '../support/portfolio.js';
import { decpSample } from '../support/route-cases/portfolio.js';
import type { World } from '../support/route-cases/index.js';

let app: TestApp;
let w: World;
let ids: { contract: string; lot: string; clause: string; operation: string; decpImport: string; mandate: string };
beforeAll(async () => {
  app = await startTestApp();
  w = await createWorld(app);
  const c = await createContract(w.buyerA, { holderSiret: w.contractorA.organisation.siret! });
  const op = await createOperation(w.buyerA);
  const upload = await w.buyerA.client.request('POST', '/api/decp-imports?filename=a.json', { rawBody: decpSample, headers: { 'content-type': 'application/octet-stream' } });
  const mandates = await w.buyerA.client.get('/api/mandates');
  ids = { contract: c.id, lot: c.lots[0]!.id, clause: c.lots[0]!.clauseId!, operation: op.id, decpImport: upload.body.id, mandate: mandates.body.items[0].id };
});
afterAll(() => app?.close());

/** Each route that names one of buyer A's objects, as another tenant would call it (valid body, so only the scope can refuse). */
const foreignCalls = () => [
  ['GET', `/api/operations/${ids.operation}`],
  ['PUT', `/api/operations/${ids.operation}`, { name: 'Piratée' }],
  ['GET', `/api/contracts/${ids.contract}`],
  ['PUT', `/api/contracts/${ids.contract}`, contractBody()],
  ['POST', `/api/contracts/${ids.contract}/lots`, { number: 9, title: 'Lot pirate', amountCents: 1, holderSiret: '22460001400019' }],
  ['PUT', `/api/lots/${ids.lot}`, { number: 1, title: 'Lot', amountCents: 1, holderSiret: '22460001400019' }],
  ['GET', `/api/lots/${ids.lot}`],
  ['POST', `/api/lots/${ids.lot}/amendments`, { reference: 'Av', effectiveDate: '2026-05-01', deltaAmountCents: 1 }],
  ['POST', `/api/lots/${ids.lot}/clause`, { type: 'execution' }],
  ['GET', `/api/clauses/${ids.clause}`],
  ['PUT', `/api/clauses/${ids.clause}`, { type: 'execution', method: labourShareMethod() }],
  ['POST', `/api/clauses/${ids.clause}/orders`, { reference: 'BC', orderedOn: '2026-05-01', amountCents: 1 }],
  ['GET', `/api/decp-imports/${ids.decpImport}`],
  ['POST', `/api/decp-imports/${ids.decpImport}/confirm`],
  ['DELETE', `/api/mandates/${ids.mandate}`],
] as [string, string, unknown?][];

describe('un autre acheteur, un facilitateur non mandaté, une autre entreprise : 404 sur les objets de l’acheteur A', () => {
  it.each(['buyerB', 'facilitatorB', 'contractorB'] as const)('%s', async (who) => {
    for (const [method, path, body] of foreignCalls()) {
      const res = await w[who].client.request(method, path, { body });
      // 403 when the role cannot call the route at all, 404 otherwise: never 200, never a hint that it exists.
      expect([403, 404], `${method} ${path} → ${res.status} ${res.text}`).toContain(res.status);
      if (res.status === 404) expect(res.body.code).toBe('not_found');
    }
  });

  it('le facilitateur mandaté voit le marché ; après le retrait du mandat, il ne le voit plus', async () => {
    expect((await w.facilitatorA.client.get(`/api/contracts/${ids.contract}`)).status).toBe(200);
    const other = await createContract(w.buyerA);
    const mandate = (await w.buyerA.client.get('/api/mandates')).body.items[0];
    expect((await w.buyerA.client.request('DELETE', `/api/mandates/${mandate.id}`)).status).toBe(204);
    expect((await w.facilitatorA.client.get(`/api/contracts/${other.id}`)).status).toBe(404);
    expect((await w.facilitatorA.client.get('/api/clauses')).body.total).toBe(0);
    const again = await w.buyerA.client.post('/api/mandates', { facilitatorSiret: (await app.orm.em.fork().findOneOrFail(OrganisationSchema, { id: w.facilitatorA.organisation.id })).siret });
    expect(again.status, again.text).toBe(201);
    expect((await w.facilitatorA.client.get(`/api/contracts/${other.id}`)).status).toBe(200);
  });

  it('les listes ne montrent que le portefeuille de chacun', async () => {
    const b = await createContract(w.buyerB);
    const listA = await w.buyerA.client.get('/api/contracts?pageSize=100');
    const listB = await w.buyerB.client.get('/api/contracts?pageSize=100');
    expect(listA.body.items.map((c: { id: string }) => c.id)).not.toContain(b.id);
    expect(listB.body.items.map((c: { id: string }) => c.id)).toEqual([b.id]);
    const clausesB = await w.buyerB.client.get('/api/clauses');
    expect(clausesB.body.total).toBe(1);
    expect((await w.facilitatorB.client.get('/api/clauses')).body.items.map((c: { id: string }) => c.id)).toEqual([b.lots[0]!.clauseId]);
    expect((await w.contractorB.client.get('/api/lots')).body.total).toBe(0);
    const importsB = await w.buyerB.client.get('/api/decp-imports');
    expect(importsB.body.total).toBe(0);
    const csv = await w.buyerB.client.get('/api/exports/clauses?format=csv');
    expect(csv.text.trim().split('\n')).toHaveLength(2);
  });

  it('un filtre sur l’acheteur d’un autre ne révèle rien', async () => {
    const res = await w.buyerB.client.get(`/api/clauses?buyerId=${w.buyerA.organisation.id}`);
    expect(res.body.total).toBe(0);
  });
});
