import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue, SheetRow } from '@app/shared';
import { SpreadsheetError } from './read-csv.js';

/** Excel's day 0 (1899-12-30, because of the 1900 leap-year bug), in milliseconds. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A cell as the import reads it. Dates become `YYYY-MM-DD`; a duration formatted like [h]:mm (which
 * Excel stores as a fraction of days, and exceljs hands over as a Date) becomes "151:40".
 */
function cellValue(value: ExcelJS.CellValue, numFmt: string | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (value instanceof Date) {
    const format = (numFmt ?? '').toLowerCase().replace(/"[^"]*"|\[\$[^\]]*\]/g, '');
    const isDuration = /h/.test(format) && !/[dy]/.test(format);
    if (isDuration) {
      const minutes = Math.round((value.getTime() - EXCEL_EPOCH_MS) / 60_000);
      return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
    }
    return new Date(Math.round(value.getTime() / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('error' in value) return null;
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue, numFmt);
    if ('text' in value) return String(value.text);
  }
  return String(value);
}

/** The first worksheet of an XLSX workbook, streamed (a 100 000-line workbook never sits whole in memory). */
export async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const cells: CellValue[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          cells[column - 1] = cellValue(cell.value, cell.numFmt);
        });
        rows.push({ line: row.number, cells: Array.from(cells, (cell) => cell ?? null) });
      }
      // The statement is the first sheet; the template's instructions come after it.
      break;
    }
  } catch {
    throw new SpreadsheetError('Le classeur Excel est illisible ou incomplet (fichier coupé pendant l’envoi ?) : enregistrez-le à nouveau puis renvoyez-le.');
  }
  if (rows.length === 0) throw new SpreadsheetError('Le classeur Excel ne contient aucune ligne dans sa première feuille.');
  return rows;
}
