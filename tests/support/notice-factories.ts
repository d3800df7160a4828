import type { Tenant } from './factories.js';
import { createContract } from './portfolio.js';
import type { World } from './route-cases/types.js';

/** A contract of buyer A whose single lot (833 h clause, Feb 2026 – Jan 2027) is held by contractor A. */
export async function clauseOfA(w: World): Promise<{ contractId: string; clauseId: string; lotId: string }> {
  const contract = await createContract(w.buyerA, { holderSiret: w.contractorA.organisation.siret ?? undefined });
  return { contractId: contract.id, clauseId: contract.lots[0]!.clauseId!, lotId: contract.lots[0]!.id };
}

export const formalNoticeBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'formal_notice',
  sentOn: null,
  deadline: null,
  body: 'Malgré notre relance, les heures d’insertion du lot restent très en deçà de l’objectif. Nous vous mettons en demeure de nous transmettre un plan d’action.',
  ...overrides,
});

/** Sends a notice as the buyer; returns its body. */
export async function sendNotice(buyer: Tenant, clauseId: string, body: Record<string, unknown>) {
  const res = await buyer.client.post(`/api/clauses/${clauseId}/notices`, body);
  if (res.status !== 201) throw new Error(`courrier refusé : ${res.status} ${res.text}`);
  return res.body;
}

/** A multipart answer as a browser sends it: the JSON part `data` and, optionally, one PDF. */
export async function multipartAnswer(data: Record<string, unknown>, withFile = true) {
  const form = new FormData();
  form.set('data', JSON.stringify(data));
  if (withFile) {
    form.set('fichier', new Blob([Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')], { type: 'application/pdf' }), 'plan-action.pdf');
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { rawBody: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } };
}
