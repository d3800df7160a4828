import { PassThrough, Readable } from 'node:stream';
import type { z } from 'zod';
import type { EntityManager } from '@mikro-orm/postgresql';
import ExcelJS from 'exceljs';
import { InsertionClauseSchema, type InsertionClauseEntity } from '@app/db';
import {
  CLAUSE_STATE_LABELS, CLAUSE_TYPE_LABELS, COMPLIANCE_STATUS_LABELS, REQUIRED_HOURS_METHOD_LABELS, tradeLabel,
  type ClauseType, type ComplianceStatus, type exportQuerySchema, type RequiredHoursMethodCode,
} from '@app/shared';
import type { Actor } from '../actor.js';
import { clauseWhere } from './lists.js';

type ExportQuery = z.output<typeof exportQuerySchema>;

/** One column of the export: French header, and a typed value (numbers stay numbers, dates stay dates). */
interface Column {
  header: string;
  kind: 'text' | 'number' | 'integer' | 'date';
  width: number;
  value: (c: InsertionClauseEntity) => string | number | null;
}

const state = (c: InsertionClauseEntity): string =>
  c.toSize ? CLAUSE_STATE_LABELS.to_size : c.complianceStatus ? COMPLIANCE_STATUS_LABELS[c.complianceStatus as ComplianceStatus] : CLAUSE_STATE_LABELS.no_hours;

const columns: Column[] = [
  { header: 'Acheteur', kind: 'text', width: 28, value: (c) => c.buyer.name },
  { header: 'Opération', kind: 'text', width: 28, value: (c) => c.operation?.name ?? null },
  { header: 'Référence du marché', kind: 'text', width: 18, value: (c) => c.contract.reference },
  { header: 'Objet du marché', kind: 'text', width: 50, value: (c) => c.contract.object },
  { header: 'N° de lot', kind: 'integer', width: 9, value: (c) => c.lot.number },
  { header: 'Intitulé du lot', kind: 'text', width: 36, value: (c) => c.lot.title },
  { header: 'Corps d’état', kind: 'text', width: 24, value: (c) => tradeLabel(c.trade) },
  { header: 'SIRET du titulaire', kind: 'text', width: 16, value: (c) => c.lot.holderIdentifier },
  { header: 'Titulaire', kind: 'text', width: 30, value: (c) => c.lot.holderName ?? null },
  { header: 'Type de clause', kind: 'text', width: 30, value: (c) => CLAUSE_TYPE_LABELS[c.type as ClauseType] },
  { header: 'Méthode de calcul', kind: 'text', width: 30, value: (c) => (c.method ? REQUIRED_HOURS_METHOD_LABELS[c.method as RequiredHoursMethodCode] : null) },
  { header: 'Montant HT du lot (€)', kind: 'number', width: 16, value: (c) => c.lot.amountCents / 100 },
  { header: 'Heures requises', kind: 'number', width: 14, value: (c) => (c.requiredMinutes == null ? null : c.requiredMinutes / 60) },
  { header: 'Début de la clause', kind: 'date', width: 14, value: (c) => c.startDate ?? null },
  { header: 'Fin de la clause', kind: 'date', width: 14, value: (c) => c.endDate ?? null },
  { header: 'État', kind: 'text', width: 22, value: state },
  { header: 'Facilitateur', kind: 'text', width: 28, value: (c) => c.facilitator?.name ?? null },
];

const BATCH = 2000;

/** The clauses of the filter, in batches (keyset on the creation order), so that 100,000 rows never sit in memory. */
async function* clauseBatches(em: EntityManager, actor: Actor, query: ExportQuery): AsyncGenerator<InsertionClauseEntity[]> {
  const base = clauseWhere(actor, query);
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const where: object = after
      ? { $and: [base, { $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, id: { $lt: after.id } }] }] }
      : base;
    const fork = em.fork();
    const rows = await fork.find(InsertionClauseSchema, where, {
      populate: ['lot', 'contract', 'buyer', 'operation', 'facilitator'], orderBy: { createdAt: 'desc', id: 'desc' }, limit: BATCH,
    });
    if (!rows.length) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
    if (rows.length < BATCH) return;
  }
}

const csvCell = (value: string | number | null, kind: Column['kind']): string => {
  if (value === null) return '';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100).replace('.', ',');
  const text = kind === 'date' ? `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}` : value;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** CSV for French spreadsheets: UTF-8 with BOM, semicolons, decimal commas, dates JJ/MM/AAAA. */
export function clausesCsv(em: EntityManager, actor: Actor, query: ExportQuery): Readable {
  async function* lines() {
    yield `\ufeff${columns.map((c) => csvCell(c.header, 'text')).join(';')}\r\n`;
    for await (const rows of clauseBatches(em, actor, query)) {
      yield rows.map((r) => `${columns.map((c) => csvCell(c.value(r), c.kind)).join(';')}\r\n`).join('');
    }
  }
  return Readable.from(lines());
}

/** XLSX written as a stream: numbers and dates as real cells, so that the officer can sum and sort. */
export function clausesXlsx(em: EntityManager, actor: Actor, query: ExportQuery, log: (err: unknown) => void): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Clauses');
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.kind === 'number' ? { numFmt: '#,##0.00' } : c.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const rows of clauseBatches(em, actor, query)) {
        for (const r of rows) {
          sheet.addRow(columns.map((c) => {
            const v = c.value(r);
            return c.kind === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v;
          })).commit();
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (err) {
      log(err);
      out.destroy(err as Error);
    }
  })();
  return out;
}
