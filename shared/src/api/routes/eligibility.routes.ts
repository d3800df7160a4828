import { z } from '../../schemas/locale.js';
import { defineRoute } from '../contract.js';
import { idParamsSchema } from '../../schemas/common.js';
import { participantIdParamsSchema } from '../../schemas/participant.js';
import {
  PROOF_MAX_BYTES, PROOF_MAX_FILES, PROOF_MEDIA_TYPES, eligibilityInputSchema, eligibilitySchema, expiringEligibilitySchema, expiringQuerySchema,
} from '../../schemas/eligibility.js';

export const eligibilityRoutes = {
  listEligibilities: defineRoute({
    method: 'GET', path: '/api/participants/:id/eligibilities', tag: 'Éligibilité', summary: 'Validations d’éligibilité, critères et justificatifs (lecture tracée)',
    access: ['facilitator'], params: participantIdParamsSchema, response: z.object({ items: z.array(eligibilitySchema) }), status: 200,
  }),
  createEligibility: defineRoute({
    method: 'POST', path: '/api/participants/:id/eligibilities', tag: 'Éligibilité',
    summary: 'Valider l’éligibilité : critères, justificatifs (PDF, JPEG, PNG ≤ 10 Mo, multipart), fin de validité, dérogation motivée',
    access: ['facilitator'], params: participantIdParamsSchema, body: eligibilityInputSchema, response: eligibilitySchema, status: 201,
    multipart: { maxFileBytes: PROOF_MAX_BYTES, maxFiles: PROOF_MAX_FILES },
  }),
  getProofFile: defineRoute({
    method: 'GET', path: '/api/proofs/:id', tag: 'Éligibilité', summary: 'Télécharger un justificatif (lecture tracée)',
    access: ['facilitator'], params: idParamsSchema, response: null, status: 200, download: { mediaTypes: PROOF_MEDIA_TYPES },
  }),
  listExpiringEligibilities: defineRoute({
    method: 'GET', path: '/api/eligibilities/expiring', tag: 'Éligibilité', summary: 'Éligibilités qui expirent dans les N prochains jours',
    access: ['facilitator'], query: expiringQuerySchema, response: z.object({ items: z.array(expiringEligibilitySchema) }), status: 200,
  }),
} as const;
