import { z } from '../../schemas/locale.js';
import { defineRoute } from '../contract.js';
import { idParamsSchema } from '../../schemas/common.js';
import {
  anonymousCandidatesSchema, candidatesSchema, endPlacementInputSchema, followUpInputSchema, jobNeedInputSchema, jobNeedSchema,
  placementInputSchema, placementSchema,
} from '../../schemas/job-need.js';

export const jobNeedRoutes = {
  listJobNeeds: defineRoute({
    method: 'GET', path: '/api/job-needs', tag: 'Besoins et mises en poste', summary: 'Besoins de recrutement ouverts (lots de l’entreprise, ou des acheteurs mandants)',
    access: ['facilitator', 'contractor'], response: z.object({ items: z.array(jobNeedSchema) }), status: 200,
  }),
  createJobNeed: defineRoute({
    method: 'POST', path: '/api/job-needs', tag: 'Besoins et mises en poste', summary: 'Enregistrer un besoin : lot, métier, commune du chantier, dates, heures, nombre de personnes',
    access: ['facilitator', 'contractor'], body: jobNeedInputSchema, response: jobNeedSchema, status: 201,
  }),
  getJobNeed: defineRoute({
    method: 'GET', path: '/api/job-needs/:id', tag: 'Besoins et mises en poste', summary: 'Un besoin',
    access: ['facilitator', 'contractor'], params: idParamsSchema, response: jobNeedSchema, status: 200,
  }),
  listCandidates: defineRoute({
    method: 'GET', path: '/api/job-needs/:id/candidates', tag: 'Besoins et mises en poste', summary: 'Candidats classés, avec leurs motifs (facilitateur)',
    access: ['facilitator'], params: idParamsSchema, response: candidatesSchema, status: 200,
  }),
  listAnonymousCandidates: defineRoute({
    method: 'GET', path: '/api/job-needs/:id/anonymous-candidates', tag: 'Besoins et mises en poste',
    summary: 'Candidats classés, anonymes et sans critère d’éligibilité (entreprise titulaire du lot)',
    access: ['contractor'], params: idParamsSchema, response: anonymousCandidatesSchema, status: 200,
  }),
  listPlacements: defineRoute({
    method: 'GET', path: '/api/placements', tag: 'Besoins et mises en poste', summary: 'Mises en poste (personnes suivies, ou placées sur les lots de l’entreprise)',
    access: ['facilitator', 'contractor'], response: z.object({ items: z.array(placementSchema) }), status: 200,
  }),
  createPlacement: defineRoute({
    method: 'POST', path: '/api/placements', tag: 'Besoins et mises en poste', summary: 'Mettre en poste une personne éligible (422 avec la règle sinon)',
    access: ['facilitator'], body: placementInputSchema, response: placementSchema, status: 201,
  }),
  endPlacement: defineRoute({
    method: 'POST', path: '/api/placements/:id/end', tag: 'Besoins et mises en poste', summary: 'Fin de la mise en poste et situation de sortie',
    access: ['facilitator'], params: idParamsSchema, body: endPlacementInputSchema, response: placementSchema, status: 200,
  }),
  recordFollowUp: defineRoute({
    method: 'POST', path: '/api/placements/:id/follow-up', tag: 'Besoins et mises en poste', summary: 'Suivi six mois après la sortie',
    access: ['facilitator'], params: idParamsSchema, body: followUpInputSchema, response: placementSchema, status: 200,
  }),
} as const;
