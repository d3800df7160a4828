import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { answerProposal, listContractorProposals, listNeedProposals, proposeCandidate, withdrawProposal } from '../../application/proposals.js';

type ProposalRoutes = Pick<Routes, 'proposeCandidate' | 'listNeedProposals' | 'withdrawProposal' | 'listContractorProposals' | 'answerProposal'>;

export const proposalHandlers: { [K in keyof ProposalRoutes]: Handler<ProposalRoutes[K]> } = {
  proposeCandidate: ({ ctx, actor, params, body }) => proposeCandidate(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  listNeedProposals: ({ ctx, actor, params }) => listNeedProposals(ctx.em, actor, params.id),
  withdrawProposal: ({ ctx, actor, params, body }) => withdrawProposal(ctx.em, actor, ctx.state.meta, params.id, body),
  listContractorProposals: ({ ctx, actor }) => listContractorProposals(ctx.em, actor),
  answerProposal: ({ ctx, actor, params, body }) => answerProposal(ctx.em, actor, ctx.state.meta, params.id, body),
};
