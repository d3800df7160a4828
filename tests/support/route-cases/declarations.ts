import { attachProof, declare, declarationBody, scenarioOfA } from '../declaration-factories.js';
import type { RouteCase, World } from './types.js';

/** A declaration of contractor A, on buyer A's lot (facilitator A is mandated): readable by A's contractor and facilitator, and the admin. */
async function declarationOfA(w: World, overrides: Record<string, unknown> = {}) {
  const scenario = await scenarioOfA(w);
  return { scenario, declaration: await declare(w.contractorA, scenario.placements[0]!.placementId, overrides) };
}

/** A multipart body as a browser sends it: the JSON part `data` and one PDF. */
async function multipartProof(kind = 'payslip') {
  const form = new FormData();
  form.set('data', JSON.stringify({ kind }));
  form.set('fichier', new Blob([Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')], { type: 'application/pdf' }), 'bulletin.pdf');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { rawBody: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } };
}

const statementCsv = (placementId: string) =>
  Buffer.from(`Référence de la mise en poste;Mois;Heures travaillées sur le lot\r\n${placementId};2026-03;140\r\n`, 'utf-8');
const upload = (body: Buffer) => ({ rawBody: body, headers: { 'content-type': 'application/octet-stream' } });

export const declarationCases = {
  listContractorLots: () => ({ method: 'GET', path: '/api/contractor/lots' }),
  listContractorPlacements: () => ({ method: 'GET', path: '/api/contractor/placements' }),
  listDeclarations: () => ({ method: 'GET', path: '/api/declarations?month=2026-03' }),
  createDeclaration: async (w) => ({ method: 'POST', path: '/api/declarations', body: declarationBody((await scenarioOfA(w)).placements[0]!.placementId) }),
  getValidationQueue: () => ({ method: 'GET', path: '/api/validation-queue' }),
  validateMonth: async (w) => {
    const { scenario, declaration } = await declarationOfA(w);
    await attachProof(w.contractorA, declaration.id);
    return { method: 'POST', path: '/api/validation-queue/validate-month', body: { contractId: scenario.contractId, month: '2026-03' } };
  },
  getDeclaration: async (w) => ({ method: 'GET', path: `/api/declarations/${(await declarationOfA(w)).declaration.id}` }),
  updateDeclaration: async (w) => {
    const { declaration } = await declarationOfA(w, { submit: false });
    return { method: 'PUT', path: `/api/declarations/${declaration.id}`, body: { version: declaration.version, workedMinutes: 120 * 60, trainingMinutes: null, attestedMinutes: null, invoiceCents: null, comment: 'Corrigé', submit: false } };
  },
  submitDeclaration: async (w) => {
    const { declaration } = await declarationOfA(w, { submit: false });
    return { method: 'POST', path: `/api/declarations/${declaration.id}/submit`, body: { version: declaration.version } };
  },
  validateDeclaration: async (w) => {
    const { declaration } = await declarationOfA(w);
    await attachProof(w.contractorA, declaration.id);
    return { method: 'POST', path: `/api/declarations/${declaration.id}/validate`, body: { version: declaration.version } };
  },
  rejectDeclaration: async (w) => {
    const { declaration } = await declarationOfA(w);
    return { method: 'POST', path: `/api/declarations/${declaration.id}/reject`, body: { version: declaration.version, reason: 'Bulletin de salaire manquant.' } };
  },
  getDeclarationHistory: async (w) => ({ method: 'GET', path: `/api/declarations/${(await declarationOfA(w)).declaration.id}/history` }),
  addDeclarationProofs: async (w) => ({ method: 'POST', path: `/api/declarations/${(await declarationOfA(w)).declaration.id}/proofs`, ...(await multipartProof()) }),
  getDeclarationProofFile: async (w) => {
    const { declaration } = await declarationOfA(w);
    const proofs = await attachProof(w.contractorA, declaration.id);
    return { method: 'GET', path: `/api/declarations/${declaration.id}/proofs/${proofs.items[0]!.id}` };
  },
  deleteDeclarationProof: async (w) => {
    const { declaration } = await declarationOfA(w);
    const proofs = await attachProof(w.contractorA, declaration.id);
    return { method: 'DELETE', path: `/api/declarations/${declaration.id}/proofs/${proofs.items[0]!.id}` };
  },
} satisfies Record<string, RouteCase>;

export const declarationImportCases = {
  downloadStatementTemplate: () => ({ method: 'GET', path: '/api/declaration-imports/template?format=csv&month=2026-03' }),
  listStatementImports: () => ({ method: 'GET', path: '/api/declaration-imports' }),
  uploadStatement: async (w) => ({ method: 'POST', path: '/api/declaration-imports?fileName=releve.csv', ...upload(statementCsv((await scenarioOfA(w)).placements[0]!.placementId)) }),
  getStatementImport: async (w) => {
    const res = await w.contractorA.client.request('POST', '/api/declaration-imports?fileName=releve.csv', upload(statementCsv((await scenarioOfA(w)).placements[0]!.placementId)));
    return { method: 'GET', path: `/api/declaration-imports/${res.body.id}` };
  },
  confirmStatementImport: async (w) => {
    const res = await w.contractorA.client.request('POST', '/api/declaration-imports?fileName=releve.csv', upload(statementCsv((await scenarioOfA(w)).placements[0]!.placementId)));
    return { method: 'POST', path: `/api/declaration-imports/${res.body.id}/confirm` };
  },
} satisfies Record<string, RouteCase>;
