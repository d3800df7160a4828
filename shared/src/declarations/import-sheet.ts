/**
 * Reads the rows of a monthly statement (any spreadsheet, already decoded into cells) into declared
 * lines and French problems located by line and column. Nothing here knows the placements: the API
 * resolves references and runs the domain's declaration checks on what this returns.
 */
import type { YearMonth } from '../domain/calendar.js';
import { parseEuros, parseHours, parseMonth, parseText, type CellValue, type Parsed } from './cell-values.js';
import { columnLetter, columnOfHeader, IMPORT_COLUMN_BY_KEY, IMPORT_COLUMNS, type ImportColumnKey } from './import-columns.js';

export interface SheetRow {
  /** Line number as the spreadsheet shows it (1 = first line of the file). */
  readonly line: number;
  readonly cells: readonly CellValue[];
}

/** A problem of the file: `line` null for the whole file, `column` the header as written in the file. */
export interface ImportIssue {
  readonly line: number | null;
  readonly column: string | null;
  readonly message: string;
}

export interface StatementLine {
  readonly line: number;
  readonly reference: string;
  readonly month: YearMonth;
  readonly workedMinutes: number;
  readonly trainingMinutes: number | null;
  readonly attestedMinutes: number | null;
  readonly invoiceCents: number | null;
  readonly comment: string | null;
}

export interface StatementRead {
  /** Line of the headers; null when they could not be found (then `errors` says why). */
  readonly headerLine: number | null;
  /** Headers of the file that the import does not use (extra columns are allowed). */
  readonly ignoredHeaders: readonly string[];
  /** Each recognised column as the file names it, with its letter ("Heures (C)"), for later messages. */
  readonly columns: Partial<Readonly<Record<ImportColumnKey, string>>>;
  readonly lines: readonly StatementLine[];
  readonly errors: readonly ImportIssue[];
  /** Lines with a reference but no hours at all: not declared (a pre-filled template line left empty). */
  readonly skippedLines: readonly number[];
  readonly blankLines: number;
}

export const COMMENT_MAX_LENGTH = 500;
/** Headers are looked for in the first lines only (some files start with a title). */
const HEADER_SEARCH_LINES = 20;
const REQUIRED: readonly ImportColumnKey[] = IMPORT_COLUMNS.filter((column) => column.required).map((column) => column.key);
const INPUTS: readonly ImportColumnKey[] = ['workedHours', 'trainingHours', 'attestedHours', 'invoiceAmount'];

interface HeaderMap {
  readonly line: number;
  /** Position of the last required column: a line with fewer cells was cut. */
  readonly lastRequired: number;
  readonly index: ReadonlyMap<ImportColumnKey, number>;
  readonly labels: ReadonlyMap<ImportColumnKey, string>;
  readonly ignored: readonly string[];
  readonly duplicates: readonly string[];
}

const isBlank = (cell: CellValue): boolean => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

function mapHeaders(row: SheetRow): HeaderMap {
  const index = new Map<ImportColumnKey, number>();
  const labels = new Map<ImportColumnKey, string>();
  const ignored: string[] = [];
  const duplicates: string[] = [];
  row.cells.forEach((cell, position) => {
    if (isBlank(cell)) return;
    const text = String(cell).trim();
    const key = columnOfHeader(text);
    if (key === null) ignored.push(text);
    else if (index.has(key)) duplicates.push(text);
    else {
      index.set(key, position);
      labels.set(key, text);
    }
  });
  const lastRequired = Math.max(...REQUIRED.map((key) => index.get(key) ?? 0));
  return { line: row.line, lastRequired, index, labels, ignored, duplicates };
}

const quoted = (keys: readonly ImportColumnKey[]): string => keys.map((key) => `« ${IMPORT_COLUMN_BY_KEY[key].header} »`).join(', ');

/** Reads a statement; stops at the first file-level problem (no headers, a column twice). */
export function readStatement(rows: Iterable<SheetRow>): StatementRead {
  const lines: StatementLine[] = [];
  const errors: ImportIssue[] = [];
  const skippedLines: number[] = [];
  let blankLines = 0;
  let header: HeaderMap | null = null;
  let best: HeaderMap | null = null;
  let seen = 0;

  for (const row of rows) {
    if (header === null) {
      seen += 1;
      if (row.cells.every(isBlank)) {
        if (seen > HEADER_SEARCH_LINES) break;
        continue;
      }
      const candidate = mapHeaders(row);
      if (REQUIRED.every((key) => candidate.index.has(key))) {
        header = candidate;
        if (candidate.duplicates.length > 0) {
          return fileProblem(candidate.line, `La colonne « ${candidate.duplicates[0]} » apparaît deux fois dans les en-têtes (ligne ${candidate.line}).`);
        }
        continue;
      }
      if (!best || candidate.index.size > best.index.size) best = candidate;
      if (seen >= HEADER_SEARCH_LINES) break;
      continue;
    }
    if (row.cells.every(isBlank)) {
      blankLines += 1;
      continue;
    }
    const outcome = readLine(row, header);
    if ('skipped' in outcome) skippedLines.push(row.line);
    else if ('issues' in outcome) errors.push(...outcome.issues);
    else lines.push(outcome.line);
  }

  if (header === null) {
    const missing = REQUIRED.filter((key) => !best?.index.has(key));
    return fileProblem(
      null,
      best && best.index.size > 0
        ? `Colonnes obligatoires introuvables : ${quoted(missing)}. Téléchargez le modèle pour voir les en-têtes attendus.`
        : `Aucune ligne d’en-têtes reconnue : le fichier doit contenir les colonnes ${quoted(REQUIRED)}. Téléchargez le modèle.`,
    );
  }
  if (lines.length === 0 && errors.length === 0) {
    return { headerLine: header.line, ignoredHeaders: header.ignored, columns: columnsOf(header), lines, skippedLines, blankLines, errors: [{ line: null, column: null, message: 'Le fichier ne contient aucune ligne d’heures à déclarer.' }] };
  }
  return { headerLine: header.line, ignoredHeaders: header.ignored, columns: columnsOf(header), lines, errors, skippedLines, blankLines };
}

function fileProblem(line: number | null, message: string): StatementRead {
  return { headerLine: null, ignoredHeaders: [], columns: {}, lines: [], errors: [{ line, column: null, message }], skippedLines: [], blankLines: 0 };
}

const columnName = (header: HeaderMap, key: ImportColumnKey): string =>
  `${header.labels.get(key) ?? IMPORT_COLUMN_BY_KEY[key].header} (${columnLetter(header.index.get(key) ?? 0)})`;

function columnsOf(header: HeaderMap): Partial<Record<ImportColumnKey, string>> {
  return Object.fromEntries([...header.index.keys()].map((key) => [key, columnName(header, key)]));
}

type LineOutcome = { line: StatementLine } | { issues: ImportIssue[] } | { skipped: true };

function readLine(row: SheetRow, header: HeaderMap): LineOutcome {
  const cell = (key: ImportColumnKey): CellValue => {
    const position = header.index.get(key);
    return position === undefined ? null : row.cells[position];
  };
  const issues: ImportIssue[] = [];
  const where = (key: ImportColumnKey): string => columnName(header, key);
  const take = <T>(key: ImportColumnKey, parsed: Parsed<T>): T | null => {
    if (parsed.ok) return parsed.value;
    issues.push({ line: row.line, column: where(key), message: parsed.message });
    return null;
  };

  const lastRequired = header.lastRequired;
  if (row.cells.length <= lastRequired && INPUTS.every((key) => isBlank(cell(key)))) {
    // Fewer cells than the headers and no hours: the line was cut (truncated file) or mangled.
    return { issues: [{ line: row.line, column: null, message: `Ligne incomplète : ${row.cells.length} colonne(s) au lieu d’au moins ${lastRequired + 1}. Le fichier a-t-il été coupé ?` }] };
  }
  if (INPUTS.every((key) => isBlank(cell(key)))) return { skipped: true };

  const reference = take('reference', parseText(cell('reference'), 100));
  const month = take('month', parseMonth(cell('month')));
  const worked = take('workedHours', parseHours(cell('workedHours')));
  const training = take('trainingHours', parseHours(cell('trainingHours')));
  const attested = take('attestedHours', parseHours(cell('attestedHours')));
  const invoice = take('invoiceAmount', parseEuros(cell('invoiceAmount')));
  const comment = take('comment', parseText(cell('comment'), COMMENT_MAX_LENGTH));
  if (reference === null && !issues.some((issue) => issue.column === where('reference'))) {
    issues.push({ line: row.line, column: where('reference'), message: 'Référence de la mise en poste manquante.' });
  }
  if (month === null && !issues.some((issue) => issue.column === where('month'))) {
    issues.push({ line: row.line, column: where('month'), message: 'Mois manquant.' });
  }
  if (issues.length > 0 || reference === null || month === null) return { issues };
  return {
    line: {
      line: row.line,
      reference,
      month,
      workedMinutes: worked ?? 0,
      trainingMinutes: training,
      attestedMinutes: attested,
      invoiceCents: invoice,
      comment,
    },
  };
}
