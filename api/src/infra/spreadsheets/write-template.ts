import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS, type ImportColumnKey } from '@app/shared';

/** One pre-filled line of the template: a placement and a month, hours left for the contractor to type. */
export type TemplateLine = Partial<Record<ImportColumnKey, string | number | null>>;

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4D6' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF000091' } };

/** The statement template as an XLSX workbook: the sheet to fill, then the instructions. */
export async function writeTemplateXlsx(lines: readonly TemplateLine[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Suivi des clauses sociales';
  const sheet = workbook.addWorksheet('Déclarations', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((column) => ({
    header: column.header,
    key: column.key,
    width: Math.max(12, Math.min(40, column.header.length + 2)),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = HEADER_FILL;
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 32;
  for (const line of lines) {
    const row = sheet.addRow(Object.fromEntries(IMPORT_COLUMNS.map((column) => [column.key, line[column.key] ?? null])));
    IMPORT_COLUMNS.forEach((column, index) => {
      if (column.role === 'input') row.getCell(index + 1).fill = INPUT_FILL;
    });
  }
  // Months stay text ("2025-03"), never turned into dates by Excel.
  sheet.getColumn('month').numFmt = '@';
  sheet.getColumn('reference').numFmt = '@';

  const help = workbook.addWorksheet('Mode d’emploi');
  help.columns = [{ width: 42 }, { width: 16 }, { width: 90 }];
  help.addRow([title]).font = { bold: true, size: 14 };
  help.addRow(['Une ligne par personne et par mois. Remplissez les cellules jaunes, puis déposez le fichier (.xlsx ou .csv).']);
  help.addRow(['Heures : 151:40, 151,67 ou 7,5. Montants : 40 000,00. Mois : 2025-03 ou 03/2025.']);
  help.addRow(['Déposer deux fois le même fichier ne change rien ; un fichier avec une erreur n’est pas enregistré du tout.']);
  help.addRow([]);
  help.addRow(['Colonne', 'Obligatoire', 'Contenu']).font = { bold: true };
  for (const column of IMPORT_COLUMNS) help.addRow([column.header, column.required ? 'oui' : 'non', column.help]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvCell = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value).replace('.', ',') : value;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The same template as CSV for Excel in French: UTF-8 with BOM, ";" separator, CRLF. */
export function writeTemplateCsv(lines: readonly TemplateLine[]): Buffer {
  const rows = [IMPORT_COLUMNS.map((column) => csvCell(column.header)).join(';')];
  for (const line of lines) rows.push(IMPORT_COLUMNS.map((column) => csvCell(line[column.key])).join(';'));
  return Buffer.from(`\ufeff${rows.join('\r\n')}\r\n`, 'utf-8');
}
