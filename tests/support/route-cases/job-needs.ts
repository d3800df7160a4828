import { createContract } from '../portfolio.js';
import { insertParticipant, insertValidation } from '../participant-factories.js';
import type { RouteCase, World } from './types.js';

/** A lot of buyer A held by contractor A (buyer A mandated facilitator A), with a clause. */
export async function lotOfA(w: World): Promise<string> {
  const contract = await createContract(w.buyerA, { holderSiret: (w.contractorA.organisation as { siret: string }).siret });
  return contract.lots[0]!.id;
}

export const needBody = (lotId: string) => ({
  lotId, appellationCode: '16250', siteCommuneCode: '46042', startDate: '2026-09-07', durationWeeks: 12, weeklyMinutes: 35 * 60, headcount: 2,
});

export async function needOfA(w: World): Promise<string> {
  const res = await w.contractorA.client.post('/api/job-needs', needBody(await lotOfA(w)));
  if (res.status !== 201) throw new Error(`besoin non créé : ${res.text}`);
  return res.body.id;
}

async function placementOfA(w: World, ended: boolean): Promise<string> {
  const lotId = await lotOfA(w);
  const person = await insertParticipant(w.app.orm, { organisationId: w.facilitatorA.organisation.id });
  await insertValidation(w.app.orm, person, '2026-01-05');
  const res = await w.facilitatorA.client.post('/api/placements', {
    participantId: person.id, lotId, modality: 'direct_hire', contractType: 'cdd', employerName: 'Bâtiments du Quercy',
    startDate: '2026-02-02', weeklyMinutes: 2100, appellationCode: '16250',
  });
  if (res.status !== 201) throw new Error(`mise en poste non créée : ${res.text}`);
  if (ended) await w.facilitatorA.client.post(`/api/placements/${res.body.id}/end`, { endedOn: '2026-05-29', exitOutcome: 'sustainable_job' });
  return res.body.id;
}

export const jobNeedCases = {
  listJobNeeds: () => ({ method: 'GET', path: '/api/job-needs' }),
  createJobNeed: async (w) => ({ method: 'POST', path: '/api/job-needs', body: needBody(await lotOfA(w)) }),
  getJobNeed: async (w) => ({ method: 'GET', path: `/api/job-needs/${await needOfA(w)}` }),
  listCandidates: async (w) => ({ method: 'GET', path: `/api/job-needs/${await needOfA(w)}/candidates` }),
  listAnonymousCandidates: async (w) => ({ method: 'GET', path: `/api/job-needs/${await needOfA(w)}/anonymous-candidates` }),
  listPlacements: () => ({ method: 'GET', path: '/api/placements' }),
  createPlacement: async (w) => {
    const lotId = await lotOfA(w);
    const person = await insertParticipant(w.app.orm, { organisationId: w.facilitatorA.organisation.id });
    await insertValidation(w.app.orm, person, '2026-01-05');
    return {
      method: 'POST', path: '/api/placements',
      body: { participantId: person.id, lotId, modality: 'etti', employerName: 'Quercy Intérim Insertion', startDate: '2026-02-02', weeklyMinutes: 2100, appellationCode: '16250' },
    };
  },
  endPlacement: async (w) => ({ method: 'POST', path: `/api/placements/${await placementOfA(w, false)}/end`, body: { endedOn: '2026-05-29', exitOutcome: 'transitional_job' } }),
  recordFollowUp: async (w) => ({ method: 'POST', path: `/api/placements/${await placementOfA(w, true)}/follow-up`, body: { followUpOn: '2026-11-30', followUpOutcome: 'sustainable_job' } }),
} satisfies Record<string, RouteCase>;
