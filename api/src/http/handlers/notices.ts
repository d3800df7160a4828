import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { createNotice, decideNotice, getNotice, listClauseNotices, listContractorNotices } from '../../application/notices/notices.js';
import { answerNotice, openNoticeFile } from '../../application/notices/responses.js';
import { assessmentPdf } from '../../application/notices/assessment-pdf.js';
import { letterPdf } from '../../application/notices/letter-pdf.js';
import { publicTransparency, transparencySettings, updateTransparencySettings } from '../../application/notices/transparency.js';

type NoticeRoutes = Pick<
  Routes,
  | 'listClauseNotices' | 'createNotice' | 'getNotice' | 'decideNotice' | 'listContractorNotices' | 'answerNotice' | 'getNoticeFile' | 'getNoticeLetter'
  | 'getClauseAssessment' | 'getTransparencySettings' | 'updateTransparencySettings' | 'getPublicTransparency'
>;

export const noticeHandlers: { [K in keyof NoticeRoutes]: Handler<NoticeRoutes[K]> } = {
  listClauseNotices: async ({ ctx, actor, params }) => ({ items: await listClauseNotices(ctx.em, actor, params.id) }),
  createNotice: ({ ctx, actor, params, body }) => createNotice(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  getNotice: ({ ctx, actor, params }) => getNotice(ctx.em, actor, params.id),
  decideNotice: ({ ctx, actor, params, body }) => decideNotice(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  listContractorNotices: async ({ ctx, actor }) => ({ items: await listContractorNotices(ctx.em, actor) }),
  answerNotice: ({ ctx, actor, params, body, files }) => answerNotice(ctx.em, actor, ctx.state.meta, params.id, body, files, ctx.container.proofs),
  async getNoticeFile({ ctx, actor, params }) {
    const file = await openNoticeFile(ctx.em, actor, ctx.state.meta, params.id, params.fileId, ctx.container.proofs);
    ctx.type = file.mediaType;
    ctx.length = file.size;
    ctx.set('Content-Disposition', `attachment; filename="${file.filename}"`);
    ctx.body = file.stream;
  },
  async getNoticeLetter({ ctx, actor, params }) {
    const { pdf, filename } = await letterPdf(ctx.em, actor, params.id, ctx.query.texte !== '1');
    ctx.type = 'application/pdf';
    ctx.set('Content-Disposition', `inline; filename="${filename}"`);
    ctx.body = pdf;
  },
  async getClauseAssessment({ ctx, actor, params }) {
    // `?texte=1` (tests): uncompressed streams, so that the figures can be read back from the file.
    const compress = ctx.query.texte !== '1';
    const { pdf, filename } = await assessmentPdf(ctx.em, actor, ctx.state.meta, params.id, ctx.container.clock.today(), compress);
    ctx.type = 'application/pdf';
    ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
    ctx.body = pdf;
  },
  getTransparencySettings: ({ ctx, actor }) => transparencySettings(ctx.em, actor),
  updateTransparencySettings: ({ ctx, actor, body }) => updateTransparencySettings(ctx.em, actor, ctx.state.meta, body.enabled),
  getPublicTransparency: ({ ctx, params }) => publicTransparency(ctx.em, params.id, ctx.container.clock.today()),
};
