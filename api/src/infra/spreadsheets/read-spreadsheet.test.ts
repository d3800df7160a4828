import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readStatement } from '@app/shared';
import { readSpreadsheet, SpreadsheetError } from './read-spreadsheet.js';
import { sniffDelimiter } from './read-csv.js';
import { writeTemplateCsv, writeTemplateXlsx } from './write-template.js';

/** What Excel for Windows writes for "CSV (séparateur : point-virgule)". */
const win1252 = (text: string): Buffer => iconv.encode(text, 'win1252');

const lines = async (bytes: Uint8Array) => {
  const content = await readSpreadsheet(bytes);
  return { content, read: readStatement(content.rows) };
};

const refusal = async (bytes: Uint8Array): Promise<string> => {
  try {
    await readSpreadsheet(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(SpreadsheetError);
    return (error as Error).message;
  }
  throw new Error('le fichier aurait dû être refusé');
};

describe('CSV tels que les gens les produisent', () => {
  it('Excel français : Windows-1252, « ; », virgules décimales, heures « 151:40 », lignes vides, colonnes en plus', async () => {
    const csv = win1252([
      'Référence de la mise en poste;Mois;Personne;Code ROME;Heures travaillées sur le lot;Commentaire',
      'MP-1;03/2025;Amélie Faÿ;F1703;151:40;Chantier école – pose d’œuvre',
      ';;;;;',
      'MP-2;mars 2025;Noël Besançon;F1703;151,67;Prime 50 €',
      '',
    ].join('\r\n'));
    const { content, read } = await lines(csv);
    expect(content).toMatchObject({ format: 'csv', encoding: 'windows-1252' });
    expect(read.errors).toEqual([]);
    expect(read.ignoredHeaders).toEqual(['Code ROME']);
    expect(read.lines).toMatchObject([
      { line: 2, reference: 'MP-1', month: '2025-03', workedMinutes: 9100, comment: 'Chantier école – pose d’œuvre' },
      { line: 4, reference: 'MP-2', month: '2025-03', workedMinutes: 9100, comment: 'Prime 50 €' },
    ]);
  });

  it.each([
    ['UTF-8 avec BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Mise en poste;Mois;Heures\nMP-1;2025-03;7,5\n')]), 'utf-8'],
    ['UTF-8 sans BOM', Buffer.from('Mise en poste;Mois;Heures\nMP-1;2025-03;7,5\n'), 'utf-8'],
    ['UTF-16 (texte Unicode d’Excel, tabulations)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Mise en poste\tMois\tHeures\r\nMP-1\t2025-03\t7,5\r\n', 'utf16le')]), 'utf-16le'],
    ['virgules et points décimaux (export anglais)', Buffer.from('Mise en poste,Mois,Heures\nMP-1,2025-03,7.5\n'), 'utf-8'],
    ['virgules avec valeurs entre guillemets', Buffer.from('Mise en poste,Mois,Heures\n"MP-1","2025-03","7,5"\n'), 'utf-8'],
    ['fins de ligne Mac (CR)', Buffer.from('Mise en poste;Mois;Heures\rMP-1;2025-03;7,5\r'), 'utf-8'],
  ])('%s', async (_label, bytes, encoding) => {
    const { content, read } = await lines(bytes);
    expect(content.encoding).toBe(encoding);
    expect(read.errors).toEqual([]);
    expect(read.lines).toMatchObject([{ reference: 'MP-1', month: '2025-03', workedMinutes: 450 }]);
  });

  it('« ; » l’emporte sur la virgule décimale des données', () => {
    expect(sniffDelimiter('Mise en poste;Mois;Heures\nMP-1;2025-03;7,5\nMP-2;2025-03;151,67')).toBe(';');
  });

  it('un guillemet jamais refermé (fichier coupé au milieu) est refusé', async () => {
    const message = await refusal(Buffer.from('Mise en poste;Mois;Heures;Commentaire\nMP-1;2025-03;7,5;"début de comment'));
    expect(message).toMatch(/Guillemet ouvert et jamais refermé.*coupé/);
  });
});

describe('fichiers qui ne sont pas des tableurs', () => {
  it.each([
    ['vide', Buffer.alloc(0), 'Le fichier est vide.'],
    ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'PDF'],
    ['ancien Excel .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), '.xls'],
    ['image PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'n’est pas un tableur'],
    ['OpenDocument', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]), '.ods'],
  ])('%s → refus clair', async (_label, bytes, fragment) => {
    expect(await refusal(bytes)).toContain(fragment);
  });
});

describe('classeurs XLSX', () => {
  it('lit le modèle rempli : heures saisies « 151:40 » (durée Excel), nombres décimaux, mois saisi comme date', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Déclarations');
    sheet.addRow(['Référence de la mise en poste', 'Mois', 'Heures travaillées sur le lot', 'Heures de formation', 'Montant facturé HT (SIAE, EA)']);
    const first = sheet.addRow(['MP-1', new Date(Date.UTC(2025, 2, 1)), 151 / 24 + 40 / 1440, 7.5, 40000]);
    first.getCell(2).numFmt = 'mmm-yy';
    first.getCell(3).numFmt = '[h]:mm';
    sheet.addRow([]);
    sheet.addRow(['MP-2', '2025-03', 151.67, null, null]);
    sheet.addRow(['MP-3', '2025-03', { formula: '100+51.67', result: 151.67 }, null, null]);
    const { content, read } = await lines(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(content.format).toBe('xlsx');
    expect(read.errors).toEqual([]);
    expect(read.lines).toMatchObject([
      { line: 2, reference: 'MP-1', month: '2025-03', workedMinutes: 9100, trainingMinutes: 450, invoiceCents: 4_000_000 },
      { line: 4, reference: 'MP-2', month: '2025-03', workedMinutes: 9100 },
      { line: 5, reference: 'MP-3', month: '2025-03', workedMinutes: 9100 },
    ]);
  });

  it('un classeur coupé pendant l’envoi est refusé sans planter', async () => {
    const whole = await writeTemplateXlsx([{ reference: 'MP-1', month: '2025-03', workedHours: 151 }], 'Relevé');
    expect(await refusal(whole.subarray(0, Math.floor(whole.length / 2)))).toContain('illisible ou incomplet');
  });
});

describe('modèle à télécharger', () => {
  const prefilled = [{ reference: 'MP-1', month: '2025-03', person: 'Amélie Faÿ', lot: 'Lot 2 — gros œuvre', validatedHours: '151:40' }];

  it('le modèle XLSX rempli se relit tel quel', async () => {
    const xlsx = await writeTemplateXlsx([{ ...prefilled[0], workedHours: '151:40', comment: 'RAS; « ok »' }], 'Relevé');
    const { read } = await lines(xlsx);
    expect(read.errors).toEqual([]);
    expect(read.lines).toEqual([{ line: 2, reference: 'MP-1', month: '2025-03', workedMinutes: 9100, trainingMinutes: null, attestedMinutes: null, invoiceCents: null, comment: 'RAS; « ok »' }]);
  });

  it('le modèle CSV : UTF-8 avec BOM, « ; », et se relit tel quel', async () => {
    const csv = writeTemplateCsv([{ ...prefilled[0], workedHours: '7,5', comment: 'a;b "c"' }]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf-8')).toContain('Référence de la mise en poste;Mois;Personne');
    const { read } = await lines(csv);
    expect(read.lines).toMatchObject([{ reference: 'MP-1', month: '2025-03', workedMinutes: 450, comment: 'a;b "c"' }]);
  });

  it('un modèle non rempli ne déclare rien', async () => {
    const { read } = await lines(writeTemplateCsv(prefilled));
    expect(read.skippedLines).toEqual([2]);
    expect(read.lines).toEqual([]);
  });
});
