import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { sendTable } from '../../infra/spreadsheets/tabular-export.js';
import {
  contractBatches, contractColumns, declarationBatches, declarationColumns, jobNeedBatches, jobNeedColumns, operationBatches, operationColumns,
  participantBatches, participantColumns, placementBatches, placementColumns,
} from '../../application/exports/list-exports.js';

type ExportRoutes = Pick<Routes, 'exportParticipants' | 'exportPlacements' | 'exportJobNeeds' | 'exportDeclarations' | 'exportOperations' | 'exportContracts'>;

export const exportHandlers: { [K in keyof ExportRoutes]: Handler<ExportRoutes[K]> } = {
  async exportParticipants({ ctx, actor, query: { format, ...filters } }) {
    sendTable(ctx, { name: 'participants', format, sheet: 'Participants', columns: participantColumns, batches: participantBatches(ctx.em, actor, filters, ctx.container.clock.today()) });
  },
  async exportPlacements({ ctx, actor, query: { format } }) {
    sendTable(ctx, { name: 'mises-en-poste', format, sheet: 'Mises en poste', columns: placementColumns, batches: placementBatches(ctx.em, actor, ctx.container.clock.today()) });
  },
  async exportJobNeeds({ ctx, actor, query: { format } }) {
    sendTable(ctx, { name: 'besoins', format, sheet: 'Besoins de recrutement', columns: jobNeedColumns, batches: jobNeedBatches(ctx.em, actor) });
  },
  async exportDeclarations({ ctx, actor, query: { format, ...filters } }) {
    sendTable(ctx, { name: 'declarations', format, sheet: 'Déclarations', columns: declarationColumns, batches: declarationBatches(ctx.em, actor, filters, ctx.container.clock.today()) });
  },
  async exportOperations({ ctx, actor, query: { format, ...filters } }) {
    sendTable(ctx, { name: 'operations', format, sheet: 'Opérations', columns: operationColumns, batches: operationBatches(ctx.em, actor, filters) });
  },
  async exportContracts({ ctx, actor, query: { format, ...filters } }) {
    sendTable(ctx, { name: 'marches', format, sheet: 'Marchés', columns: contractColumns, batches: contractBatches(ctx.em, actor, filters) });
  },
};
