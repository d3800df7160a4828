import { parse } from 'csv-parse/sync';
import type { SheetRow } from '@app/shared';

export class SpreadsheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}

const CANDIDATES = [';', ',', '\t', '|'] as const;

/** The separator of the first lines: the one that splits them most regularly (outside quotes). */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 30).filter((line) => line.trim() !== '');
  let best: string = ';';
  let bestScore = -1;
  for (const candidate of CANDIDATES) {
    const counts = lines.map((line) => line.replace(/"[^"]*"/g, '').split(candidate).length - 1);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    // Lines with the header's count weigh most; a decimal comma in the data must not win over ";".
    const score = counts.filter((count) => count === first).length * 1000 + first;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** A CSV text into rows with their line numbers; a quote left open (a file cut in the middle) is refused. */
export function readCsv(text: string): SheetRow[] {
  const delimiter = sniffDelimiter(text);
  try {
    const records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      info: true,
      relax_quotes: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    const code = (error as { code?: string }).code;
    const line = (error as { lines?: number }).lines;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new SpreadsheetError(`Guillemet ouvert et jamais refermé${line ? ` (ligne ${line})` : ''} : le fichier semble coupé ou mal formé.`);
    }
    throw new SpreadsheetError(`Fichier CSV illisible${line ? ` à la ligne ${line}` : ''} : vérifiez qu’il s’agit bien du modèle enregistré au format CSV.`);
  }
}
