import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld } from '../support/factories.js';
import { insertParticipant, insertValidation } from '../support/participant-factories.js';
import { lotOfA, needBody } from '../support/route-cases/job-needs.js';
import type { World } from '../support/route-cases/index.js';

const TODAY = '2026-08-17';
let app: TestApp;
let w: World;
let needId: string;
let lotId: string;
const ids: Record<string, string> = {};

// Need: maçon (16250, F1703) at Cahors from 2026-09-07. Fixed population of facilitator A:
beforeAll(async () => {
  app = await startTestApp({ TODAY });
  w = await createWorld(app);
  lotId = await lotOfA(w);
  needId = (await w.contractorA.client.post('/api/job-needs', needBody(lotId))).body.id;
  const org = w.facilitatorA.organisation.id;
  const people = [
    // same job, on site, waiting for a year
    { key: 'amina', lastName: 'Amina', targetAppellationCodes: ['16250'], targetRomeCodes: ['F1703'], waitingSince: '2025-08-17' },
    // same ROME code (maçon en rénovation), at Pradines (≈ 5 km), waiting 6 months
    { key: 'bruno', lastName: 'Bruno', targetAppellationCodes: ['16254'], targetRomeCodes: ['F1703'], latitude: 44.48341, longitude: 1.40105, waitingSince: '2026-02-17' },
    // same family (aide-maçon F1704), at Gourdon (≈ 32 km), waiting 1 month
    { key: 'chloe', lastName: 'Chloé', targetAppellationCodes: ['10879'], targetRomeCodes: ['F1704'], latitude: 44.73333, longitude: 1.38333, waitingSince: '2026-07-17' },
    // same job but at Figeac (≈ 50 km) with a 30 km radius: excluded
    { key: 'david', lastName: 'David', targetAppellationCodes: ['16250'], targetRomeCodes: ['F1703'], latitude: 44.6, longitude: 2.03333, mobilityRadiusKm: 30 },
    // cleaning job: another family, excluded
    { key: 'emma', lastName: 'Emma', targetAppellationCodes: ['10571'], targetRomeCodes: ['K2204'] },
  ];
  for (const p of people) {
    const { key, ...row } = p;
    const person = await insertParticipant(app.orm, { organisationId: org, registeredOn: '2025-01-06', ...row });
    ids[key] = person.id;
    await insertValidation(app.orm, person, '2026-01-05');
  }
  // Not validated: excluded.
  ids.farid = (await insertParticipant(app.orm, { organisationId: org, lastName: 'Farid' })).id;
  // Another structure's participant: never in A's candidates.
  const other = await insertParticipant(app.orm, { organisationId: w.facilitatorB.organisation.id, lastName: 'Autre' });
  await insertValidation(app.orm, other, '2026-01-05');
});
afterAll(() => app?.close());

describe('rapprochement d’un besoin et des participants', () => {
  it('classe la petite population dans l’ordre attendu, avec les motifs', async () => {
    const res = await w.facilitatorA.client.get(`/api/job-needs/${needId}/candidates`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.candidates.map((c: { participant: { lastName: string } }) => c.participant.lastName)).toEqual(['Amina', 'Bruno', 'Chloé']);
    expect(res.body.excluded).toBe(0); // Emma, Farid and David (too far for his own radius) are filtered by the database
    expect(res.body.candidates[1].participant).toMatchObject({ commune: '46042', communeName: 'Cahors' });
    const [audit] = (await app.orm.em.fork().getConnection().execute(
      `select actor_user_id, after from audit_event where action = 'read_matching' and entity_id = ? order by id desc limit 1`, [needId],
    )) as { actor_user_id: string; after: { candidates: string[]; setAside: string[] } }[];
    expect(audit).toEqual({ actor_user_id: w.facilitatorA.user.id, after: { candidates: [ids.amina, ids.bruno, ids.chloe], setAside: [] } });
    const bruno = res.body.candidates[1];
    expect(bruno.reasons.map((r: { text: string }) => r.text.replace(/[\u202f\u00a0]/g, ' '))).toEqual([
      'Maçon / Maçonne en rénovation — même code ROME F1703',
      '5 km',
      'Éligible jusqu’au 04/01/2028',
      'En attente depuis 5 mois',
    ]);
  });

  it('l’entreprise voit des candidats anonymes : ni nom, ni identifiant, ni critère', async () => {
    const res = await w.contractorA.client.get(`/api/job-needs/${needId}/anonymous-candidates`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.candidates).toHaveLength(3);
    for (const forbidden of ['Amina', 'Bruno', ids.amina!, 'RSA', 'Bénéficiaire', 'participant', 'score']) expect(res.text).not.toContain(forbidden);
    expect(res.body.candidates[0]).toEqual({
      rank: 1, jobMatch: 'appellation', distanceKm: 0, eligibleUntil: '2028-01-04',
      reasons: expect.arrayContaining([{ kind: 'job', text: 'Maçon / Maçonne — même métier' }]),
    });
  });

  it('une entreprise qui demande les candidats du lot d’une autre : 404', async () => {
    expect((await w.contractorB.client.get(`/api/job-needs/${needId}/anonymous-candidates`)).status).toBe(404);
    expect((await w.facilitatorB.client.get(`/api/job-needs/${needId}/candidates`)).status).toBe(404);
  });

  it('refuse la mise en poste d’une personne inéligible, avec la règle (422, C2)', async () => {
    const res = await w.facilitatorA.client.post('/api/placements', {
      participantId: ids.farid, lotId, modality: 'direct_hire', contractType: 'cdd', employerName: 'Bâtiments du Quercy',
      startDate: '2026-09-07', weeklyMinutes: 2100, appellationCode: '16250',
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ rule: 'C2', detail: 'Aucune validation d’éligibilité pour cette personne.' });
  });

  it('met en poste le premier : il quitte la liste (temps plein), l’entreprise le voit avec « éligible jusqu’au », sans critère', async () => {
    const res = await w.facilitatorA.client.post('/api/placements', {
      participantId: ids.amina, lotId, jobNeedId: needId, modality: 'direct_hire', contractType: 'cdd', employerName: 'Bâtiments du Quercy',
      startDate: '2026-09-07', plannedEndDate: '2026-11-27', weeklyMinutes: 2100, appellationCode: '16250',
    });
    expect(res.status, res.text).toBe(201);
    const again = await w.facilitatorA.client.get(`/api/job-needs/${needId}/candidates`);
    expect(again.body.candidates.map((c: { participant: { lastName: string } }) => c.participant.lastName)).toEqual(['Bruno', 'Chloé']);
    const seen = await w.contractorA.client.get('/api/placements');
    expect(seen.body.items).toHaveLength(1);
    expect(seen.body.items[0].participant).toEqual({ id: ids.amina, lastName: 'Amina', firstName: 'Léa', eligibleUntil: '2028-01-04' });
    expect(seen.text).not.toContain('RSA');
    expect((await w.contractorB.client.get('/api/placements')).body.items).toEqual([]);
    const ended = await w.facilitatorA.client.post(`/api/placements/${res.body.id}/end`, { endedOn: '2026-11-27', exitOutcome: 'sustainable_job' });
    expect(ended.body).toMatchObject({ endedOn: '2026-11-27', exitOutcome: 'sustainable_job', followUpDue: '2027-05-27' });
  });
});
