/**
 * One tabular export for every list: columns with a French header and a type, written as CSV for
 * French spreadsheets (UTF-8 with BOM, `;`, decimal comma, dates JJ/MM/AAAA) or as XLSX with real
 * number and date cells (the officer sums and sorts). Rows arrive in batches, so that a long list
 * never sits in memory; an XLSX workbook may hold several sheets.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../http/context.js';

export type CellValue = string | number | null;

export interface ExportColumn<R> {
  header: string;
  kind: 'text' | 'number' | 'integer' | 'date';
  width?: number;
  value: (row: R) => CellValue;
}

export type Batches<R> = AsyncIterable<readonly R[]> | Iterable<readonly R[]>;

export interface ExportSheet<R> {
  name: string;
  columns: readonly ExportColumn<R>[];
  batches: Batches<R>;
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const TABLE_MEDIA_TYPES = ['text/csv', XLSX_MEDIA_TYPE] as const;

/** `date` values come back as Date or string depending on the driver: always YYYY-MM-DD here. */
export const day = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

function csvCell(value: CellValue, kind: ExportColumn<unknown>['kind']): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100).replace('.', ',');
  const text = kind === 'date' ? `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}` : value;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvStream<R>(columns: readonly ExportColumn<R>[], batches: Batches<R>): Readable {
  async function* lines() {
    yield `\ufeff${columns.map((c) => csvCell(c.header, 'text')).join(';')}\r\n`;
    for await (const rows of batches) {
      yield rows.map((r) => `${columns.map((c) => csvCell(c.value(r), c.kind)).join(';')}\r\n`).join('');
    }
  }
  return Readable.from(lines());
}

const numFmt = (kind: ExportColumn<unknown>['kind']) => (kind === 'number' ? '#,##0.00' : kind === 'integer' ? '0' : kind === 'date' ? 'dd/mm/yyyy' : undefined);

export function xlsxStream(sheets: readonly ExportSheet<any>[], log: (err: unknown) => void): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  void (async () => {
    try {
      for (const spec of sheets) {
        const sheet = workbook.addWorksheet(spec.name.slice(0, 31));
        sheet.columns = spec.columns.map((c) => {
          const fmt = numFmt(c.kind);
          return { header: c.header, width: c.width ?? Math.min(50, Math.max(12, c.header.length + 2)), style: fmt ? { numFmt: fmt } : {} };
        });
        sheet.getRow(1).font = { bold: true };
        for await (const rows of spec.batches) {
          for (const r of rows) {
            sheet.addRow(spec.columns.map((c) => {
              const v = c.value(r);
              return c.kind === 'date' && typeof v === 'string' && v ? new Date(`${v.slice(0, 10)}T00:00:00Z`) : v;
            })).commit();
          }
        }
        sheet.commit();
      }
      await workbook.commit();
    } catch (err) {
      log(err);
      out.destroy(err as Error);
    }
  })();
  return out;
}

/** Answers a download route with the table in the requested format. */
export function sendTable<R>(ctx: AppContext, input: { name: string; format: 'csv' | 'xlsx'; sheet: string; columns: readonly ExportColumn<R>[]; batches: Batches<R> }): void {
  ctx.set('Content-Disposition', `attachment; filename="${input.name}-${ctx.container.clock.today()}.${input.format}"`);
  ctx.type = input.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_MEDIA_TYPE;
  ctx.body =
    input.format === 'csv'
      ? csvStream(input.columns, input.batches)
      : xlsxStream([{ name: input.sheet, columns: input.columns, batches: input.batches }], (err) => ctx.state.log.error({ err }, 'export XLSX interrompu'));
}

/** Sends a workbook of several sheets. */
export function sendWorkbook(ctx: AppContext, name: string, sheets: readonly ExportSheet<any>[]): void {
  ctx.set('Content-Disposition', `attachment; filename="${name}.xlsx"`);
  ctx.type = XLSX_MEDIA_TYPE;
  ctx.body = xlsxStream(sheets, (err) => ctx.state.log.error({ err }, 'export XLSX interrompu'));
}
