import { insertParticipant, insertValidation } from '../participant-factories.js';
import { needOfA } from './job-needs.js';
import type { RouteCase, World } from './types.js';

/** A candidate of facilitator A for a need of contractor A's lot (maçon at Cahors, validated). */
export async function candidateOfA(w: World, lastName = 'Delmas'): Promise<string> {
  const person = await insertParticipant(w.app.orm, { organisationId: w.facilitatorA.organisation.id, lastName, firstName: 'Amina', registeredOn: '2025-01-06' });
  await insertValidation(w.app.orm, person, '2026-01-05');
  return person.id;
}

/** A need of A and an open proposal of one of its candidates: { needId, proposalId, participantId }. */
export async function proposalOfA(w: World) {
  const needId = await needOfA(w);
  const participantId = await candidateOfA(w);
  const res = await w.facilitatorA.client.post(`/api/job-needs/${needId}/proposals`, { participantId });
  if (res.status !== 201) throw new Error(`proposition non créée : ${res.text}`);
  return { needId, participantId, proposalId: res.body.id as string, version: res.body.version as number };
}

export const proposalCases = {
  proposeCandidate: async (w) => {
    const needId = await needOfA(w);
    return { method: 'POST', path: `/api/job-needs/${needId}/proposals`, body: { participantId: await candidateOfA(w) } };
  },
  listNeedProposals: async (w) => ({ method: 'GET', path: `/api/job-needs/${await needOfA(w)}/proposals` }),
  withdrawProposal: async (w) => {
    const p = await proposalOfA(w);
    return { method: 'POST', path: `/api/proposals/${p.proposalId}/withdraw`, body: { version: p.version } };
  },
  listContractorProposals: () => ({ method: 'GET', path: '/api/proposals' }),
  answerProposal: async (w) => {
    const p = await proposalOfA(w);
    return { method: 'POST', path: `/api/proposals/${p.proposalId}/answer`, body: { version: p.version, decision: 'accept' } };
  },
} satisfies Record<string, RouteCase>;
