import { participantInput, parisToday, PDF, insertParticipant } from '../participant-factories.js';
import type { Tenant } from '../factories.js';
import type { RouteCase, World } from './types.js';

/** A participant of the facilitator acting (or of facilitator A when another role calls: it gets 403 before any lookup). */
export async function participantOf(w: World, me: Tenant): Promise<string> {
  const owner = me === w.facilitatorB ? w.facilitatorB : w.facilitatorA;
  const res = await owner.client.post('/api/participants', participantInput({ lastName: `Cas ${Math.random().toString(36).slice(2, 8)}` }));
  if (res.status !== 201) throw new Error(`participant non créé : ${res.text}`);
  return res.body.id as string;
}

const rsaToday = () => ({ validatedAt: parisToday(), criteria: [{ code: 'RSA', proofDate: parisToday(), proofFile: null }] });

export const participantCases = {
  searchAppellations: () => ({ method: 'GET', path: '/api/rome/appellations?q=macon' }),
  listEligibilityCriteria: () => ({ method: 'GET', path: '/api/eligibility-criteria' }),
  listParticipants: () => ({ method: 'GET', path: '/api/participants?q=cas' }),
  createParticipant: () => ({ method: 'POST', path: '/api/participants', body: participantInput() }),
  getParticipant: async (w, me) => ({ method: 'GET', path: `/api/participants/${await participantOf(w, me)}` }),
  getParticipantRecord: async (w, me) => ({ method: 'GET', path: `/api/participants/${await participantOf(w, me)}/record` }),
  updateParticipant: async (w, me) => ({ method: 'PUT', path: `/api/participants/${await participantOf(w, me)}`, body: participantInput({ mobilityRadiusKm: 25 }) }),
  exportParticipant: async (w, me) => ({ method: 'GET', path: `/api/participants/${await participantOf(w, me)}/export` }),
  eraseParticipant: async (w) => {
    // Registered three years ago, nothing since: its retention has ended.
    const old = await insertParticipant(w.app.orm, { organisationId: w.facilitatorA.organisation.id, registeredOn: '2022-01-03' });
    return { method: 'POST', path: `/api/participants/${old.id}/erasure` };
  },
  listEligibilities: async (w, me) => ({ method: 'GET', path: `/api/participants/${await participantOf(w, me)}/eligibilities` }),
  createEligibility: async (w, me) => ({ method: 'POST', path: `/api/participants/${await participantOf(w, me)}/eligibilities`, body: rsaToday() }),
  getProofFile: async (w) => {
    const id = await participantOf(w, w.facilitatorA);
    const res = await w.facilitatorA.client.postMultipart(`/api/participants/${id}/eligibilities`, { ...rsaToday(), criteria: [{ code: 'RSA', proofDate: parisToday(), proofFile: 'proof-0' }] }, {
      'proof-0': { name: 'attestation.pdf', content: PDF, type: 'application/pdf' },
    });
    return { method: 'GET', path: `/api/proofs/${res.body.criteria[0].proof.id}` };
  },
  listExpiringEligibilities: () => ({ method: 'GET', path: '/api/eligibilities/expiring?withinDays=30' }),
} satisfies Record<string, RouteCase>;
