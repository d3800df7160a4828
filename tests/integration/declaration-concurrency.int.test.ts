import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser, createWorld, PASSWORD, type Tenant } from '../support/factories.js';
import type { World } from '../support/route-cases/types.js';
import { attachProof, declare, scenarioOfA, TODAY } from '../support/declaration-factories.js';

let app: TestApp;
let w: World;
let colleague: Tenant;
beforeAll(async () => {
  app = await startTestApp({ TODAY });
  w = await createWorld(app);
  const user = await createUser(app.orm, { id: w.facilitatorA.organisation.id, kind: 'facilitator' });
  colleague = { organisation: w.facilitatorA.organisation, user, client: await app.client().login(user.email, PASSWORD) };
});
afterAll(() => app?.close());

describe('deux facilitateurs décident de la même déclaration au même moment (verrou optimiste)', () => {
  it('exactement une décision l’emporte, l’autre reçoit un 409 qui dit quoi faire', async () => {
    const scenario = await scenarioOfA(w, { people: 5 });
    const declarations = [];
    for (const placed of scenario.placements) {
      for (const month of ['2026-03', '2026-04']) {
        const declared = await declare(w.contractorA, placed.placementId, { month, workedMinutes: 120 * 60 });
        await attachProof(w.contractorA, declared.id);
        declarations.push(declared);
      }
    }
    for (const [index, declaration] of declarations.entries()) {
      // Half the pairs validate against validate, the other half validate against reject.
      const second = index % 2 === 0
        ? colleague.client.post(`/api/declarations/${declaration.id}/validate`, { version: declaration.version })
        : colleague.client.post(`/api/declarations/${declaration.id}/reject`, { version: declaration.version, reason: 'Heures à justifier.' });
      const [a, b] = await Promise.all([w.facilitatorA.client.post(`/api/declarations/${declaration.id}/validate`, { version: declaration.version }), second]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.headers.get('content-type')).toContain('application/problem+json');
      expect(loser.body.code).toBe('conflict');
      expect(loser.body.detail).toMatch(/(déjà été (validée|rejetée) par|Une autre personne vient de décider).*[Rr]echargez la file de validation/);
      const history = await w.facilitatorA.client.get(`/api/declarations/${declaration.id}/history`);
      expect(history.body.items.filter((e: { action: string }) => e.action === 'validate' || e.action === 'reject')).toHaveLength(1);
    }
    // Counted hours: exactly the validated ones, once each.
    const validated = (await w.facilitatorA.client.get(`/api/declarations?contractId=${scenario.contractId}&status=validated`)).body.total;
    const lots = await w.contractorA.client.get('/api/contractor/lots');
    const lot = lots.body.items.find((item: { lot: { id: string } }) => item.lot.id === scenario.lotId);
    expect(lot.clause.countedMinutes).toBe(validated * 120 * 60);
  });

  it('une décision prise sur une version périmée (page pas rechargée) est refusée', async () => {
    const scenario = await scenarioOfA(w);
    const declared = await declare(w.contractorA, scenario.placements[0]!.placementId, { submit: false });
    const changed = await w.contractorA.client.request('PUT', `/api/declarations/${declared.id}`, {
      body: { version: declared.version, workedMinutes: 100 * 60, trainingMinutes: null, attestedMinutes: null, invoiceCents: null, comment: null, submit: true },
    });
    expect(changed.body.version).toBe(declared.version + 1);
    const stale = await w.facilitatorA.client.post(`/api/declarations/${declared.id}/validate`, { version: declared.version });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toContain('modifiée entre-temps');
  });
});
