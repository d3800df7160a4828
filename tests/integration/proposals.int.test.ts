import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld } from '../support/factories.js';
import { insertParticipant, insertValidation } from '../support/participant-factories.js';
import { lotOfA, needBody } from '../support/route-cases/job-needs.js';
import { candidateOfA } from '../support/route-cases/proposals.js';
import type { World } from '../support/route-cases/index.js';

const TODAY = '2026-08-17';
let app: TestApp;
let w: World;
let lotId: string;
let needId: string;
let amina: string;
let bruno: string;
let proposalId: string;

beforeAll(async () => {
  app = await startTestApp({ TODAY });
  w = await createWorld(app);
  lotId = await lotOfA(w);
  needId = (await w.contractorA.client.post('/api/job-needs', needBody(lotId))).body.id;
  amina = await candidateOfA(w, 'Delmas');
  bruno = await candidateOfA(w, 'Bru');
});
afterAll(() => app?.close());

const auditActions = async (entityId: string) =>
  ((await app.orm.em.fork().getConnection().execute(`select action from audit_event where entity_id = ? order by id`, [entityId])) as { action: string }[]).map(
    (r) => r.action,
  );

describe('proposer des candidats à l’entreprise titulaire du lot', () => {
  it('le facilitateur propose un candidat classé ; une seconde proposition ouverte est un conflit (409)', async () => {
    const res = await w.facilitatorA.client.post(`/api/job-needs/${needId}/proposals`, { participantId: amina });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      jobNeedId: needId, participant: { id: amina, lastName: 'Delmas', firstName: 'Amina' }, jobMatch: 'appellation',
      eligibleUntil: '2028-01-04', status: 'proposed', answerReason: null, placementId: null, version: 1,
    });
    proposalId = res.body.id;
    const again = await w.facilitatorA.client.post(`/api/job-needs/${needId}/proposals`, { participantId: amina });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('déjà proposé');
  });

  it('refuse une personne qui n’est pas candidate (422 avec le motif) ; une personne d’une autre structure : 404', async () => {
    const cleaner = await insertParticipant(app.orm, { organisationId: w.facilitatorA.organisation.id, targetAppellationCodes: ['10571'], targetRomeCodes: ['K2204'] });
    await insertValidation(app.orm, cleaner, '2026-01-05');
    const res = await w.facilitatorA.client.post(`/api/job-needs/${needId}/proposals`, { participantId: cleaner.id });
    expect(res.status).toBe(422);
    expect(res.body.rule).toBe('matching');
    const other = await insertParticipant(app.orm, { organisationId: w.facilitatorB.organisation.id });
    expect((await w.facilitatorA.client.post(`/api/job-needs/${needId}/proposals`, { participantId: other.id })).status).toBe(404);
    expect((await w.facilitatorB.client.post(`/api/job-needs/${needId}/proposals`, { participantId: other.id })).status).toBe(404);
    expect((await w.facilitatorB.client.get(`/api/job-needs/${needId}/proposals`)).status).toBe(404);
  });

  it('l’entreprise voit la candidature sans aucun critère d’éligibilité ni donnée personnelle', async () => {
    const res = await w.contractorA.client.get('/api/proposals');
    expect(res.status, res.text).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      id: proposalId, status: 'proposed', version: 1,
      need: { id: needId, siteName: 'Cahors', startDate: '2026-09-07' },
      candidate: { displayName: 'Amina D.', commune: 'Cahors', jobMatch: 'appellation', availableFrom: '2024-01-01', eligibleUntil: '2028-01-04' },
    });
    for (const forbidden of ['RSA', 'criteri', 'proof', 'Delmas', amina, '1988-02-01', 'Bénéficiaire', 'score', 'qpv']) expect(res.text).not.toContain(forbidden);
    expect((await w.contractorB.client.get('/api/proposals')).body.items).toEqual([]);
  });

  it('une autre entreprise ne peut pas répondre (404) ; un refus sans motif : 400 ; une version périmée : 409', async () => {
    expect((await w.contractorB.client.post(`/api/proposals/${proposalId}/answer`, { version: 1, decision: 'accept' })).status).toBe(404);
    expect((await w.facilitatorB.client.post(`/api/proposals/${proposalId}/withdraw`, { version: 1 })).status).toBe(404);
    const noReason = await w.contractorA.client.post(`/api/proposals/${proposalId}/answer`, { version: 1, decision: 'decline' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([{ path: 'reason', message: 'Indiquez le motif du refus.' }]);
    expect((await w.contractorA.client.post(`/api/proposals/${proposalId}/answer`, { version: 7, decision: 'accept' })).status).toBe(409);
  });

  it('l’entreprise accepte ; le facilitateur voit la réponse, met en poste depuis la proposition', async () => {
    const res = await w.contractorA.client.post(`/api/proposals/${proposalId}/answer`, { version: 1, decision: 'accept', reason: 'Profil adapté.' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'accepted', answerReason: 'Profil adapté.', version: 2 });
    expect(res.text).not.toContain('RSA');
    expect((await w.contractorA.client.post(`/api/proposals/${proposalId}/answer`, { version: 2, decision: 'decline', reason: 'Finalement non.' })).status).toBe(409);

    const list = await w.facilitatorA.client.get(`/api/job-needs/${needId}/proposals`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: proposalId, status: 'accepted', answerReason: 'Profil adapté.', placementId: null });
    expect(list.body.items[0].answeredByName).toBeTruthy();

    const placement = await w.facilitatorA.client.post('/api/placements', {
      participantId: amina, lotId, jobNeedId: needId, modality: 'direct_hire', contractType: 'cdd', employerName: 'Bâtiments du Quercy',
      startDate: '2026-09-07', plannedEndDate: '2026-11-27', weeklyMinutes: 2100, appellationCode: '16250',
    });
    expect(placement.status, placement.text).toBe(201);
    const after = await w.facilitatorA.client.get(`/api/job-needs/${needId}/proposals`);
    expect(after.body.items[0].placementId).toBe(placement.body.id);
    expect(await auditActions(proposalId)).toEqual(['propose', 'accept']);
  });

  it('le facilitateur retire une proposition, puis peut la refaire ; l’entreprise ne peut plus y répondre', async () => {
    const made = await w.facilitatorA.client.post(`/api/job-needs/${needId}/proposals`, { participantId: bruno });
    expect(made.status, made.text).toBe(201);
    const withdrawn = await w.facilitatorA.client.post(`/api/proposals/${made.body.id}/withdraw`, { version: 1 });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await w.facilitatorA.client.post(`/api/proposals/${made.body.id}/withdraw`, { version: 2 })).status).toBe(409);
    expect((await w.contractorA.client.post(`/api/proposals/${made.body.id}/answer`, { version: 2, decision: 'accept' })).status).toBe(409);
    expect(await auditActions(made.body.id)).toEqual(['propose', 'withdraw']);
    const again = await w.facilitatorA.client.post(`/api/job-needs/${needId}/proposals`, { participantId: bruno });
    expect(again.status, again.text).toBe(201);
  });

  it('deux propositions simultanées de la même personne : une seule est ouverte (index unique partiel)', async () => {
    const person = await candidateOfA(w, 'Concurrent');
    const results = await Promise.all([0, 1, 2].map(() => w.facilitatorA.client.post(`/api/job-needs/${needId}/proposals`, { participantId: person })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });
});
