import { z } from '../../schemas/locale.js';
import { defineRoute } from '../contract.js';
import { idParamsSchema, uuidSchema } from '../../schemas/common.js';
import { PROOF_MAX_BYTES, PROOF_MAX_FILES, PROOF_MEDIA_TYPES } from '../../schemas/eligibility.js';
import {
  auditEntrySchema,
  bulkValidateInputSchema,
  bulkValidateResultSchema,
  createDeclarationInputSchema,
  declarationListQuerySchema,
  declarationProofSchema,
  declarationSchema,
  proofKindSchema,
  rejectDeclarationInputSchema,
  updateDeclarationInputSchema,
  versionInputSchema,
} from '../../schemas/declaration.js';
import { contractorLotSchema, contractorPlacementSchema, queueQuerySchema, validationQueueSchema } from '../../schemas/declaration-space.js';
import { listOf } from './access.js';

const readers = ['contractor', 'facilitator', 'admin'] as const;
const proofParamsSchema = z.strictObject({ id: uuidSchema, proofId: uuidSchema });

export const declarationRoutes = {
  listContractorLots: defineRoute({
    method: 'GET', path: '/api/contractor/lots', tag: 'Déclarations', summary: 'Espace entreprise : ses lots, la clause, heures requises et comptées, statut, ce qui est dû',
    access: ['contractor'], response: z.object({ items: z.array(contractorLotSchema) }), status: 200,
  }),
  listContractorPlacements: defineRoute({
    method: 'GET', path: '/api/contractor/placements', tag: 'Déclarations', summary: 'Espace entreprise : les personnes en poste sur ses lots et leurs déclarations (sans critères d’éligibilité)',
    access: ['contractor'], response: z.object({ items: z.array(contractorPlacementSchema) }), status: 200,
  }),
  listDeclarations: defineRoute({
    method: 'GET', path: '/api/declarations', tag: 'Déclarations', summary: 'Déclarations mensuelles visibles (filtres : mois, statut, marché, mise en poste)',
    access: readers, query: declarationListQuerySchema, response: listOf(declarationSchema), status: 200,
  }),
  createDeclaration: defineRoute({
    method: 'POST', path: '/api/declarations', tag: 'Déclarations', summary: 'Déclarer un mois pour une mise en poste (brouillon ou transmission)',
    access: ['contractor'], body: createDeclarationInputSchema, response: declarationSchema, status: 201,
  }),
  getValidationQueue: defineRoute({
    method: 'GET', path: '/api/validation-queue', tag: 'Déclarations', summary: 'File de validation : déclarations en attente par marché et par mois, avec les constats des contrôles',
    access: ['facilitator', 'admin'], query: queueQuerySchema, response: validationQueueSchema, status: 200,
  }),
  validateMonth: defineRoute({
    method: 'POST', path: '/api/validation-queue/validate-month', tag: 'Déclarations', summary: 'Valider d’un coup les déclarations sans anomalie d’un marché pour un mois',
    access: ['facilitator'], body: bulkValidateInputSchema, response: bulkValidateResultSchema, status: 200,
  }),
  getDeclaration: defineRoute({
    method: 'GET', path: '/api/declarations/:id', tag: 'Déclarations', summary: 'Une déclaration, ses justificatifs et les constats des contrôles',
    access: readers, params: idParamsSchema, response: declarationSchema, status: 200,
  }),
  updateDeclaration: defineRoute({
    method: 'PUT', path: '/api/declarations/:id', tag: 'Déclarations', summary: 'Modifier une déclaration non validée (correction après un rejet comprise)',
    access: ['contractor'], params: idParamsSchema, body: updateDeclarationInputSchema, response: declarationSchema, status: 200,
  }),
  submitDeclaration: defineRoute({
    method: 'POST', path: '/api/declarations/:id/submit', tag: 'Déclarations', summary: 'Transmettre un brouillon, ou une correction après un rejet',
    access: ['contractor'], params: idParamsSchema, body: versionInputSchema, response: declarationSchema, status: 200,
  }),
  validateDeclaration: defineRoute({
    method: 'POST', path: '/api/declarations/:id/validate', tag: 'Déclarations', summary: 'Valider une déclaration (verrou optimiste : 409 si quelqu’un a décidé entre-temps)',
    access: ['facilitator'], params: idParamsSchema, body: versionInputSchema, response: declarationSchema, status: 200,
  }),
  rejectDeclaration: defineRoute({
    method: 'POST', path: '/api/declarations/:id/reject', tag: 'Déclarations', summary: 'Rejeter une déclaration avec un motif',
    access: ['facilitator'], params: idParamsSchema, body: rejectDeclarationInputSchema, response: declarationSchema, status: 200,
  }),
  getDeclarationHistory: defineRoute({
    method: 'GET', path: '/api/declarations/:id/history', tag: 'Déclarations', summary: 'Journal d’audit d’une déclaration : qui, quand, avant, après',
    access: readers, params: idParamsSchema, response: z.object({ items: z.array(auditEntrySchema) }), status: 200,
  }),
  addDeclarationProofs: defineRoute({
    method: 'POST', path: '/api/declarations/:id/proofs', tag: 'Déclarations',
    summary: 'Joindre des justificatifs (PDF, JPEG, PNG ≤ 10 Mo, multipart : champ data {"kind"} et fichiers)',
    access: ['contractor'], params: idParamsSchema, body: z.strictObject({ kind: proofKindSchema }), response: z.object({ items: z.array(declarationProofSchema) }), status: 201,
    multipart: { maxFileBytes: PROOF_MAX_BYTES, maxFiles: PROOF_MAX_FILES },
  }),
  getDeclarationProofFile: defineRoute({
    method: 'GET', path: '/api/declarations/:id/proofs/:proofId', tag: 'Déclarations', summary: 'Télécharger un justificatif (lecture tracée)',
    access: readers, params: proofParamsSchema, response: null, status: 200, download: { mediaTypes: PROOF_MEDIA_TYPES },
  }),
  deleteDeclarationProof: defineRoute({
    method: 'DELETE', path: '/api/declarations/:id/proofs/:proofId', tag: 'Déclarations', summary: 'Retirer un justificatif d’une déclaration non validée',
    access: ['contractor'], params: proofParamsSchema, response: null, status: 204,
  }),
} as const;
