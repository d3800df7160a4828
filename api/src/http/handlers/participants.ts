import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { createParticipant, getParticipant, listParticipants, updateParticipant } from '../../application/participants.js';
import { eraseParticipant, exportParticipant } from '../../application/participant-rights.js';
import { participantRecord } from '../../application/participant-record.js';

type ParticipantRoutes = Pick<Routes, 'listParticipants' | 'createParticipant' | 'getParticipant' | 'getParticipantRecord' | 'updateParticipant' | 'exportParticipant' | 'eraseParticipant'>;

export const participantHandlers: { [K in keyof ParticipantRoutes]: Handler<ParticipantRoutes[K]> } = {
  listParticipants: ({ ctx, actor, query }) => listParticipants(ctx.em, actor, query, ctx.container.clock.today()),
  createParticipant: ({ ctx, actor, body }) => createParticipant(ctx.em, actor, ctx.state.meta, body, ctx.container.clock.today()),
  getParticipant: ({ ctx, actor, params }) => getParticipant(ctx.em, actor, params.id, ctx.container.clock.today()),
  getParticipantRecord: ({ ctx, actor, params }) => participantRecord(ctx.em, actor, ctx.state.meta, params.id, ctx.container.clock.today()),
  updateParticipant: ({ ctx, actor, params, body }) => updateParticipant(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  exportParticipant: ({ ctx, actor, params }) => exportParticipant(ctx.em, actor, ctx.state.meta, params.id, ctx.container.clock.today()),
  eraseParticipant: ({ ctx, actor, params }) =>
    eraseParticipant(ctx.em, actor, ctx.state.meta, params.id, ctx.container.clock.today(), ctx.container.proofs),
};
