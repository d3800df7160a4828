import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { fundersSheets, fundersWorkbook } from '../../application/reporting/funders-indicators.js';
import { yearlyColumns, yearlyFiguresOf, yearlyRows } from '../../application/reporting/yearly.js';
import { sendTable, sendWorkbook } from '../../infra/spreadsheets/tabular-export.js';

type ReportingRoutes = Pick<Routes, 'exportFundersIndicators' | 'getYearlyFigures' | 'exportYearlyFigures'>;

export const reportingHandlers: { [K in keyof ReportingRoutes]: Handler<ReportingRoutes[K]> } = {
  async exportFundersIndicators({ ctx, actor, query }) {
    const book = await fundersWorkbook(ctx.em, actor, ctx.state.meta, query);
    sendWorkbook(ctx, `indicateurs-fse-${query.from}-${query.to}`, fundersSheets(book, query, ctx.container.clock.today()));
  },
  async getYearlyFigures({ ctx, actor, query }) {
    const f = await yearlyFiguresOf(ctx.em, actor, query);
    return { ...f, byModality: [...f.byModality], byPublic: [...f.byPublic] };
  },
  async exportYearlyFigures({ ctx, actor, query }) {
    const figures = await yearlyFiguresOf(ctx.em, actor, query);
    sendTable(ctx, { name: `chiffres-${query.year}`, format: query.format, sheet: `Chiffres ${query.year}`, columns: yearlyColumns, batches: [yearlyRows(figures)] });
  },
};
