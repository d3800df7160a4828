import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { createMandate, createOrganisation, siret } from '../factories.js';
import { contractBody, createContract, createOperation, labourShareMethod } from '../portfolio.js';
import type { RouteCase, World } from './types.js';

/** Buyer A's portfolio (mandated to facilitator A, lots held by contractor A): what every role's request targets. */
const heldByA = (w: World) => createContract(w.buyerA, { holderSiret: w.contractorA.organisation.siret!, clauses: true });

export const decpSample = fs.readFileSync(fileURLToPath(new URL('../../fixtures/decp/exemples-v2/json/marches_avec_modifications.json', import.meta.url)));

export const referentialCases = {
  searchCpv: () => ({ method: 'GET', path: '/api/referentials/cpv?q=45214' }),
  searchCommunes: () => ({ method: 'GET', path: '/api/referentials/communes?q=cahors' }),
  getParameterDefaults: () => ({ method: 'GET', path: '/api/referentials/parameters' }),
} satisfies Record<string, RouteCase>;

export const mandateCases = {
  listMandates: () => ({ method: 'GET', path: '/api/mandates' }),
  createMandate: async (w) => {
    const structure = await createOrganisation(w.app.orm, 'facilitator');
    return { method: 'POST', path: '/api/mandates', body: { facilitatorSiret: structure.siret } };
  },
  deleteMandate: async (w) => {
    const structure = await createOrganisation(w.app.orm, 'facilitator');
    const id = await createMandate(w.app.orm, w.buyerA.organisation.id, structure.id);
    return { method: 'DELETE', path: `/api/mandates/${id}` };
  },
} satisfies Record<string, RouteCase>;

export const operationCases = {
  listOperations: () => ({ method: 'GET', path: '/api/operations?q=op' }),
  getOperation: async (w) => ({ method: 'GET', path: `/api/operations/${(await createOperation(w.buyerA)).id}` }),
  createOperation: () => ({ method: 'POST', path: '/api/operations', body: { name: 'Quartier de la gare de Cahors', anru: true, communeCode: '46042' } }),
  updateOperation: async (w) => ({
    method: 'PUT', path: `/api/operations/${(await createOperation(w.buyerA)).id}`, body: { name: 'Renommée', anru: false, communeCode: null },
  }),
} satisfies Record<string, RouteCase>;

export const contractCases = {
  listContracts: () => ({ method: 'GET', path: '/api/contracts?pageSize=10' }),
  getContract: async (w) => ({ method: 'GET', path: `/api/contracts/${(await heldByA(w)).id}` }),
  createContract: () => ({ method: 'POST', path: '/api/contracts', body: contractBody() }),
  updateContract: async (w) => {
    const c = await heldByA(w);
    return { method: 'PUT', path: `/api/contracts/${c.id}`, body: contractBody({ object: 'Objet modifié' }, w.contractorA.organisation.siret!) };
  },
  createLot: async (w) => {
    const c = await heldByA(w);
    return { method: 'POST', path: `/api/contracts/${c.id}/lots`, body: { number: 2, title: 'Lot 2 — menuiseries', trade: null, amountCents: 5_000_000, holderSiret: w.contractorA.organisation.siret } };
  },
  updateLot: async (w) => {
    const c = await heldByA(w);
    return { method: 'PUT', path: `/api/lots/${c.lots[0]!.id}`, body: { number: 1, title: 'Lot 1 renommé', trade: 'maconnerie', amountCents: 100_000_000, holderSiret: w.contractorA.organisation.siret } };
  },
  listLots: () => ({ method: 'GET', path: '/api/lots' }),
  getLot: async (w) => ({ method: 'GET', path: `/api/lots/${(await heldByA(w)).lots[0]!.id}` }),
  createAmendment: async (w) => ({
    method: 'POST', path: `/api/lots/${(await heldByA(w)).lots[0]!.id}/amendments`,
    body: { reference: 'Avenant n° 1', effectiveDate: '2026-06-01', deltaAmountCents: 8_000_000, hoursPolicy: 'prorata' },
  }),
} satisfies Record<string, RouteCase>;

export const clauseCases = {
  listClauses: () => ({ method: 'GET', path: '/api/clauses?status=on_track' }),
  getClause: async (w) => ({ method: 'GET', path: `/api/clauses/${(await heldByA(w)).lots[0]!.clauseId}` }),
  createClause: async (w) => {
    const c = await createContract(w.buyerA, { clauses: false });
    return { method: 'POST', path: `/api/lots/${c.lots[0]!.id}/clause`, body: { type: 'execution', method: labourShareMethod() } };
  },
  updateClause: async (w) => ({
    method: 'PUT', path: `/api/clauses/${(await heldByA(w)).lots[0]!.clauseId}`, body: { type: 'execution', method: { method: 'fixed', minutes: 60_000 } },
  }),
  createPurchaseOrder: async (w) => {
    const c = await createContract(w.buyerA, { clauses: false, overrides: { frameworkAgreement: true } });
    const clause = await w.buyerA.client.post(`/api/lots/${c.lots[0]!.id}/clause`, {
      type: 'execution', method: { method: 'per_order', labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 },
    });
    return { method: 'POST', path: `/api/clauses/${clause.body.id}/orders`, body: { reference: 'BC-001', orderedOn: '2026-03-01', amountCents: 12_000_000 } };
  },
  exportClauses: () => ({ method: 'GET', path: '/api/exports/clauses?format=csv' }),
} satisfies Record<string, RouteCase>;

const upload = (body: Buffer) => ({ rawBody: body, headers: { 'content-type': 'application/octet-stream' } });

export const decpImportCases = {
  previewDecpImport: () => ({ method: 'POST', path: '/api/decp-imports?filename=marches.json', ...upload(decpSample) }),
  listDecpImports: () => ({ method: 'GET', path: '/api/decp-imports' }),
  getDecpImport: async (w) => {
    const res = await w.buyerA.client.request('POST', '/api/decp-imports?filename=marches.json', upload(decpSample));
    return { method: 'GET', path: `/api/decp-imports/${res.body.id}` };
  },
  confirmDecpImport: async (w, me) => {
    // Confirm is buyer-only: the import is previewed by the caller when it is a buyer (their own file).
    const who = me.organisation.id === w.buyerB.organisation.id ? w.buyerB : w.buyerA;
    const res = await who.client.request('POST', '/api/decp-imports?filename=marches.json', upload(decpSample));
    return { method: 'POST', path: `/api/decp-imports/${res.body.id ?? randomUUID()}/confirm` };
  },
} satisfies Record<string, RouteCase>;
