import { z } from '../../schemas/locale.js';
import { defineRoute } from '../contract.js';
import { idParamsSchema, uuidSchema } from '../../schemas/common.js';
import { PROOF_MAX_BYTES, PROOF_MAX_FILES, PROOF_MEDIA_TYPES } from '../../schemas/eligibility.js';
import {
  createNoticeInputSchema,
  noticeDecisionInputSchema,
  noticeResponseInputSchema,
  noticeSchema,
  publicTransparencySchema,
  transparencyInputSchema,
  transparencySettingsSchema,
} from '../../schemas/notice.js';

/** The buyer acts; the facilitators it mandated read; the contractor holding the lot reads and answers. */
const noticeReaders = ['buyer', 'facilitator', 'contractor', 'admin'] as const;
const fileParamsSchema = z.strictObject({ id: uuidSchema, fileId: uuidSchema });
const items = z.object({ items: z.array(noticeSchema) });

export const noticeRoutes = {
  listClauseNotices: defineRoute({
    method: 'GET', path: '/api/clauses/:id/notices', tag: 'Relances et pénalités', summary: 'Relances, mises en demeure, réponses et décisions d’une clause',
    access: ['buyer', 'facilitator', 'admin'], params: idParamsSchema, response: items, status: 200,
  }),
  createNotice: defineRoute({
    method: 'POST', path: '/api/clauses/:id/notices', tag: 'Relances et pénalités',
    summary: 'Envoyer une relance ou une mise en demeure (clause en retard ou non conforme, sinon 422)',
    access: ['buyer'], params: idParamsSchema, body: createNoticeInputSchema, response: noticeSchema, status: 201,
  }),
  getNotice: defineRoute({
    method: 'GET', path: '/api/notices/:id', tag: 'Relances et pénalités', summary: 'Un courrier, ses réponses et la décision',
    access: noticeReaders, params: idParamsSchema, response: noticeSchema, status: 200,
  }),
  decideNotice: defineRoute({
    method: 'POST', path: '/api/notices/:id/decision', tag: 'Relances et pénalités',
    summary: 'Décider : pénalité calculée par le domaine (formule et chiffres) ou exonération motivée (422 sans manque d’heures, 409 si déjà décidé)',
    access: ['buyer'], params: idParamsSchema, body: noticeDecisionInputSchema, response: noticeSchema, status: 200,
  }),
  listContractorNotices: defineRoute({
    method: 'GET', path: '/api/contractor/notices', tag: 'Relances et pénalités', summary: 'Espace entreprise : les relances et mises en demeure reçues',
    access: ['contractor'], response: items, status: 200,
  }),
  answerNotice: defineRoute({
    method: 'POST', path: '/api/notices/:id/responses', tag: 'Relances et pénalités',
    summary: 'Répondre à un courrier avant la décision (texte et pièces PDF, JPEG, PNG ≤ 10 Mo ; multipart : champ data {"version","text"}) ; 409 après la décision',
    access: ['contractor'], params: idParamsSchema, body: noticeResponseInputSchema, response: noticeSchema, status: 201,
    multipart: { maxFileBytes: PROOF_MAX_BYTES, maxFiles: PROOF_MAX_FILES },
  }),
  getNoticeFile: defineRoute({
    method: 'GET', path: '/api/notices/:id/files/:fileId', tag: 'Relances et pénalités', summary: 'Télécharger une pièce jointe à une réponse (lecture tracée)',
    access: noticeReaders, params: fileParamsSchema, response: null, status: 200, download: { mediaTypes: PROOF_MEDIA_TYPES },
  }),
  getNoticeLetter: defineRoute({
    method: 'GET', path: '/api/notices/:id/courrier.pdf', tag: 'Relances et pénalités',
    summary: 'Le courrier envoyé (relance ou mise en demeure), imprimable : en-tête de l’acheteur, destinataire, texte conservé, délai, signature',
    access: noticeReaders, params: idParamsSchema, response: null, status: 200, download: { mediaTypes: ['application/pdf'] },
  }),
  getClauseAssessment: defineRoute({
    method: 'GET', path: '/api/clauses/:id/bilan.pdf', tag: 'Relances et pénalités',
    summary: 'Bilan de fin de marché de la clause (PDF) : heures requises et réalisées, par modalité, participants pseudonymisés, sorties, décision',
    access: ['buyer', 'facilitator', 'admin'], params: idParamsSchema, response: null, status: 200, download: { mediaTypes: ['application/pdf'] },
  }),
  getTransparencySettings: defineRoute({
    method: 'GET', path: '/api/transparency', tag: 'Transparence', summary: 'La page publique de transparence de l’acheteur est-elle activée ?',
    access: ['buyer'], response: transparencySettingsSchema, status: 200,
  }),
  updateTransparencySettings: defineRoute({
    method: 'PUT', path: '/api/transparency', tag: 'Transparence', summary: 'Activer ou retirer la page publique de transparence (choix de l’acheteur)',
    access: ['buyer'], body: transparencyInputSchema, response: transparencySettingsSchema, status: 200,
  }),
  getPublicTransparency: defineRoute({
    method: 'GET', path: '/api/public/transparency/:id', tag: 'Transparence',
    summary: 'Page publique d’un acheteur (s’il l’a activée) : heures requises et réalisées par année et par opération, sans donnée personnelle, petites cellules masquées',
    access: 'public', params: idParamsSchema, response: publicTransparencySchema, status: 200,
  }),
} as const;
