import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readPlainCsv } from './read-csv.js';

/** What the general parser (csv-parse, as readCsv configures it) gives for a text. */
const parsed = (text: string, delimiter: string) =>
  (parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true, info: true, relax_quotes: true }) as unknown as { record: string[]; info: { lines: number } }[])
    .map(({ record, info }) => ({ line: info.lines, cells: record }));

describe('lecture rapide des CSV sans guillemets : mêmes lignes que l’analyseur général', () => {
  it.each([
    ['CRLF, point-virgule, ligne finale', 'Mois;Heures\r\n2026-03;151,67\r\n2026-04;140\r\n', ';'],
    ['LF sans ligne finale, cellules vides', 'a;b;c\n1;;3\n;;\n4;5', ';'],
    ['lignes vides au milieu', 'a;b\n\n1;2\n\n\n3;4\n', ';'],
    ['BOM, virgules, tabulations dans les cellules', '\uFEFFa,b\n1,2\tx\n', ','],
    ['une seule ligne', 'Référence;Mois;Heures', ';'],
    ['colonnes en nombre variable', 'a;b;c\n1\n1;2;3;4\n', ';'],
  ])('%s', (_label, text, delimiter) => {
    const fast = readPlainCsv(text, delimiter);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(parsed(text, delimiter));
  });

  it('laisse à l’analyseur général les guillemets et les fins de ligne mélangées', () => {
    expect(readPlainCsv('a;"b;c"\n1;2\n', ';')).toBeNull();
    expect(readPlainCsv('a;b\r\n1;2\n3;4\r\n', ';')).toBeNull();
    expect(readPlainCsv('a;b\n1;2\r\n', ';')).toBeNull();
    expect(readPlainCsv('a;b\r1;2\r', ';')).toBeNull(); // CR alone (old Mac)

  });
});
