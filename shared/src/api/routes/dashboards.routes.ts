import { defineRoute } from '../contract.js';
import { idParamsSchema } from '../../schemas/common.js';
import {
  buyerDashboardQuerySchema,
  buyerDashboardSchema,
  buyerOnlyQuerySchema,
  clauseDashboardSchema,
  contractorDashboardSchema,
  facilitatorDashboardSchema,
  nationalSummarySchema,
  participantStatsSchema,
} from '../../schemas/dashboard.js';
import { lotReaders } from './access.js';

const buyerViewers = ['buyer', 'facilitator', 'admin'] as const;

export const dashboardRoutes = {
  getBuyerDashboard: defineRoute({
    method: 'GET', path: '/api/dashboards/buyer', tag: 'Tableaux de bord',
    summary: 'Tableau de bord d’un acheteur : clauses (requis, compté, attendu, rythme, statut, projection), titulaires signalés en premier, totaux',
    access: buyerViewers, query: buyerDashboardQuerySchema, response: buyerDashboardSchema, status: 200,
  }),
  getBuyerParticipantStats: defineRoute({
    method: 'GET', path: '/api/dashboards/buyer/participants', tag: 'Tableaux de bord',
    summary: 'Participants des lots d’un acheteur par sexe, tranche d’âge, critère et sortie (cellules de moins de 5 masquées)',
    access: buyerViewers, query: buyerOnlyQuerySchema, response: participantStatsSchema, status: 200,
  }),
  getClauseDashboard: defineRoute({
    method: 'GET', path: '/api/dashboards/clauses/:id', tag: 'Tableaux de bord',
    summary: 'Une clause : statut et sa raison, courbe cumulée (attendu, compté, projection), heures par mois',
    access: lotReaders, params: idParamsSchema, response: clauseDashboardSchema, status: 200,
  }),
  getFacilitatorDashboard: defineRoute({
    method: 'GET', path: '/api/dashboards/facilitator', tag: 'Tableaux de bord',
    summary: 'Tableau de bord du facilitateur : déclarations en retard, clauses à risque, validations en attente, éligibilités qui expirent',
    access: ['facilitator'], response: facilitatorDashboardSchema, status: 200,
  }),
  getContractorDashboard: defineRoute({
    method: 'GET', path: '/api/dashboards/contractors/:id', tag: 'Tableaux de bord',
    summary: 'Tableau de bord d’une entreprise : ses lots et ce qui est dû',
    access: ['contractor'], params: idParamsSchema, response: contractorDashboardSchema, status: 200,
  }),
  getNationalSummary: defineRoute({
    method: 'GET', path: '/api/dashboards/national', tag: 'Tableaux de bord',
    summary: 'Synthèse de l’instance : clauses par statut, heures requises et comptées, heures par mois',
    access: ['admin'], response: nationalSummarySchema, status: 200,
  }),
} as const;
