import type { SheetRow } from '@app/shared';
import { detectFormat, type SpreadsheetFormat } from './detect-format.js';
import { decodeText, type TextEncodingName } from './decode-text.js';
import { readCsv, SpreadsheetError } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';

export { SpreadsheetError } from './read-csv.js';

export interface SpreadsheetContent {
  format: SpreadsheetFormat;
  /** For CSV files: the encoding they were read with. */
  encoding: TextEncodingName | null;
  rows: SheetRow[];
}

/** Any uploaded statement into rows: XLSX or CSV (any separator, UTF-8/16 or Windows-1252); SpreadsheetError otherwise. */
export async function readSpreadsheet(bytes: Uint8Array): Promise<SpreadsheetContent> {
  const detected = detectFormat(bytes);
  if (!detected.ok) throw new SpreadsheetError(detected.message);
  if (detected.format === 'xlsx') return { format: 'xlsx', encoding: null, rows: await readXlsx(bytes) };
  const { text, encoding } = decodeText(bytes);
  return { format: 'csv', encoding, rows: readCsv(text) };
}
