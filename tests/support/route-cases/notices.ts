import { clauseOfA, formalNoticeBody, multipartAnswer, sendNotice } from '../notice-factories.js';
import type { RouteCase, World } from './types.js';

/** A formal notice of buyer A on its lot held by contractor A (the clause is at risk on the day the tests run). */
async function noticeOfA(w: World) {
  const { clauseId } = await clauseOfA(w);
  const deadline = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  return sendNotice(w.buyerA, clauseId, formalNoticeBody({ deadline }));
}

export const noticeCases = {
  listClauseNotices: async (w) => ({ method: 'GET', path: `/api/clauses/${(await clauseOfA(w)).clauseId}/notices` }),
  createNotice: async (w) => ({ method: 'POST', path: `/api/clauses/${(await clauseOfA(w)).clauseId}/notices`, body: formalNoticeBody({ kind: 'reminder' }) }),
  getNotice: async (w) => ({ method: 'GET', path: `/api/notices/${(await noticeOfA(w)).id}` }),
  decideNotice: async (w) => {
    const notice = await noticeOfA(w);
    return { method: 'POST', path: `/api/notices/${notice.id}/decision`, body: { version: notice.version, outcome: 'waiver', reason: 'Plan d’action crédible reçu.' } };
  },
  listContractorNotices: () => ({ method: 'GET', path: '/api/contractor/notices' }),
  answerNotice: async (w) => {
    const notice = await noticeOfA(w);
    return { method: 'POST', path: `/api/notices/${notice.id}/responses`, ...(await multipartAnswer({ version: notice.version, text: 'Nous recrutons deux personnes le mois prochain.' })) };
  },
  getNoticeFile: async (w) => {
    const notice = await noticeOfA(w);
    const answer = await w.contractorA.client.request('POST', `/api/notices/${notice.id}/responses`, await multipartAnswer({ version: notice.version, text: 'Plan d’action joint.' }));
    return { method: 'GET', path: `/api/notices/${notice.id}/files/${answer.body.responses[0].files[0].id}` };
  },
  getNoticeLetter: async (w) => ({ method: 'GET', path: `/api/notices/${(await noticeOfA(w)).id}/courrier.pdf` }),
  getClauseAssessment: async (w) => ({ method: 'GET', path: `/api/clauses/${(await clauseOfA(w)).clauseId}/bilan.pdf` }),
  getTransparencySettings: () => ({ method: 'GET', path: '/api/transparency' }),
  updateTransparencySettings: () => ({ method: 'PUT', path: '/api/transparency', body: { enabled: true } }),
  getPublicTransparency: async (w) => {
    await w.buyerA.client.request('PUT', '/api/transparency', { body: { enabled: true } });
    return { method: 'GET', path: `/api/public/transparency/${w.buyerA.organisation.id}` };
  },
} satisfies Record<string, RouteCase>;
