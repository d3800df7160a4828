import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import {
  createDeclaration,
  getDeclaration,
  listDeclarations,
  rejectDeclaration,
  submitDeclaration,
  updateDeclaration,
  validateDeclaration,
  validateMonth,
} from '../../application/declarations/declarations.js';
import { contractorLots, contractorPlacements } from '../../application/declarations/contractor-space.js';
import { validationQueue } from '../../application/declarations/validation-queue.js';
import { declarationHistory } from '../../application/declarations/audit-trail.js';
import { addProofs, openProof, removeProof } from '../../application/declarations/proofs.js';

type DeclarationRoutes = Pick<
  Routes,
  | 'listContractorLots' | 'listContractorPlacements' | 'listDeclarations' | 'createDeclaration' | 'getValidationQueue' | 'validateMonth'
  | 'getDeclaration' | 'updateDeclaration' | 'submitDeclaration' | 'validateDeclaration' | 'rejectDeclaration' | 'getDeclarationHistory'
  | 'addDeclarationProofs' | 'getDeclarationProofFile' | 'deleteDeclarationProof'
>;

export const declarationHandlers: { [K in keyof DeclarationRoutes]: Handler<DeclarationRoutes[K]> } = {
  listContractorLots: async ({ ctx, actor }) => ({ items: await contractorLots(ctx.em, actor, ctx.container.clock.today()) }),
  listContractorPlacements: async ({ ctx, actor }) => ({ items: await contractorPlacements(ctx.em, actor, ctx.container.clock.today()) }),
  listDeclarations: ({ ctx, actor, query }) => listDeclarations(ctx.em, actor, query, ctx.container.clock.today()),
  createDeclaration: ({ ctx, actor, body }) => createDeclaration(ctx.em, actor, ctx.state.meta, body, ctx.container.clock.today()),
  getValidationQueue: ({ ctx, actor, query }) => validationQueue(ctx.em, actor, query, ctx.container.clock.today()),
  validateMonth: ({ ctx, actor, body }) => validateMonth(ctx.em, actor, ctx.state.meta, body, ctx.container.clock.today()),
  getDeclaration: ({ ctx, actor, params }) => getDeclaration(ctx.em, actor, params.id, ctx.container.clock.today()),
  updateDeclaration: ({ ctx, actor, params, body }) => updateDeclaration(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  submitDeclaration: ({ ctx, actor, params, body }) => submitDeclaration(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  validateDeclaration: ({ ctx, actor, params, body }) => validateDeclaration(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  rejectDeclaration: ({ ctx, actor, params, body }) => rejectDeclaration(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  getDeclarationHistory: async ({ ctx, actor, params }) => ({ items: await declarationHistory(ctx.em, actor, params.id) }),
  addDeclarationProofs: async ({ ctx, actor, params, body, files }) => ({
    items: await addProofs(ctx.em, actor, ctx.state.meta, params.id, body.kind, files, ctx.container.proofs),
  }),
  async getDeclarationProofFile({ ctx, actor, params }) {
    const proof = await openProof(ctx.em, actor, ctx.state.meta, params.id, params.proofId, ctx.container.proofs);
    ctx.type = proof.mediaType;
    ctx.length = proof.size;
    ctx.set('Content-Disposition', `attachment; filename="${proof.filename}"`);
    ctx.body = proof.stream;
  },
  deleteDeclarationProof: ({ ctx, actor, params }) => removeProof(ctx.em, actor, ctx.state.meta, params.id, params.proofId, ctx.container.proofs),
};
