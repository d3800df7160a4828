import { z } from '../../schemas/locale.js';
import { defineRoute } from '../contract.js';
import {
  listParticipantsQuerySchema, participantIdParamsSchema, participantInputSchema, participantSchema, participantSummarySchema,
} from '../../schemas/participant.js';
import { eligibilitySchema } from '../../schemas/eligibility.js';
import { participantRecordSchema } from '../../schemas/participant-record.js';
import { listOf } from './access.js';

/** Everything the tracker holds on a person (access right, GDPR art. 15). */
export const participantExportSchema = z.object({
  exportedAt: z.string(),
  participant: participantSchema,
  eligibilities: z.array(eligibilitySchema),
  placements: z.array(z.record(z.string(), z.unknown())),
});

export const participantRoutes = {
  listParticipants: defineRoute({
    method: 'GET', path: '/api/participants', tag: 'Participants', summary: 'Participants suivis par la structure (recherche par nom)',
    access: ['facilitator'], query: listParticipantsQuerySchema, response: listOf(participantSummarySchema), status: 200,
  }),
  createParticipant: defineRoute({
    method: 'POST', path: '/api/participants', tag: 'Participants', summary: 'Inscrire un participant',
    access: ['facilitator'], body: participantInputSchema, response: participantSchema, status: 201,
  }),
  getParticipant: defineRoute({
    method: 'GET', path: '/api/participants/:id', tag: 'Participants', summary: 'Un participant (sans ses critères d’éligibilité)',
    access: ['facilitator'], params: participantIdParamsSchema, response: participantSchema, status: 200,
  }),
  getParticipantRecord: defineRoute({
    method: 'GET', path: '/api/participants/:id/record', tag: 'Participants',
    summary: 'Le dossier d’une personne : mises en poste et heures mois par mois (comptées ou écartées), propositions, documents, qui l’a consulté (lecture tracée)',
    access: ['facilitator'], params: participantIdParamsSchema, response: participantRecordSchema, status: 200,
  }),
  updateParticipant: defineRoute({
    method: 'PUT', path: '/api/participants/:id', tag: 'Participants', summary: 'Modifier un participant',
    access: ['facilitator'], params: participantIdParamsSchema, body: participantInputSchema, response: participantSchema, status: 200,
  }),
  exportParticipant: defineRoute({
    method: 'GET', path: '/api/participants/:id/export', tag: 'Participants', summary: 'Exporter toutes les données d’une personne (droit d’accès), lecture tracée',
    access: ['facilitator'], params: participantIdParamsSchema, response: participantExportSchema, status: 200,
  }),
  eraseParticipant: defineRoute({
    method: 'POST', path: '/api/participants/:id/erasure', tag: 'Participants', summary: 'Effacer les données d’une personne à la fin de leur conservation (heures conservées, anonymisées)',
    access: ['facilitator'], params: participantIdParamsSchema, response: participantSchema, status: 200,
  }),
} as const;
