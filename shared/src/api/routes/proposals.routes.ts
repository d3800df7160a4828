import { z } from '../../schemas/locale.js';
import { defineRoute } from '../contract.js';
import { idParamsSchema } from '../../schemas/common.js';
import {
  contractorProposalSchema, proposalAnswerInputSchema, proposalInputSchema, proposalSchema, proposalWithdrawInputSchema,
} from '../../schemas/proposal.js';

const tag = 'Propositions de candidats';

export const proposalRoutes = {
  proposeCandidate: defineRoute({
    method: 'POST', path: '/api/job-needs/:id/proposals', tag,
    summary: 'Proposer un candidat classé à l’entreprise titulaire du lot (409 si une proposition est déjà ouverte pour cette personne)',
    access: ['facilitator'], params: idParamsSchema, body: proposalInputSchema, response: proposalSchema, status: 201,
  }),
  listNeedProposals: defineRoute({
    method: 'GET', path: '/api/job-needs/:id/proposals', tag, summary: 'Les propositions faites pour un besoin, avec les réponses de l’entreprise (facilitateur)',
    access: ['facilitator'], params: idParamsSchema, response: z.object({ items: z.array(proposalSchema) }), status: 200,
  }),
  withdrawProposal: defineRoute({
    method: 'POST', path: '/api/proposals/:id/withdraw', tag, summary: 'Retirer une proposition (facilitateur)',
    access: ['facilitator'], params: idParamsSchema, body: proposalWithdrawInputSchema, response: proposalSchema, status: 200,
  }),
  listContractorProposals: defineRoute({
    method: 'GET', path: '/api/proposals', tag, summary: 'Candidatures proposées sur les lots de l’entreprise, sans critère d’éligibilité',
    access: ['contractor'], response: z.object({ items: z.array(contractorProposalSchema) }), status: 200,
  }),
  answerProposal: defineRoute({
    method: 'POST', path: '/api/proposals/:id/answer', tag, summary: 'Accepter ou refuser (avec un motif) une candidature proposée',
    access: ['contractor'], params: idParamsSchema, body: proposalAnswerInputSchema, response: contractorProposalSchema, status: 200,
  }),
} as const;
