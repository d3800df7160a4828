import { describe, expect, it } from 'vitest';
import { readStatement, type SheetRow } from './import-sheet.js';
import { columnLetter, columnOfHeader, IMPORT_COLUMNS, normaliseHeader } from './import-columns.js';

const rows = (...lines: (string | number | null)[][]): SheetRow[] => lines.map((cells, index) => ({ line: index + 1, cells }));
const template = IMPORT_COLUMNS.map((column) => column.header);

describe('en-têtes', () => {
  it.each([
    ['Heures travaillées (h)', 'workedHours'],
    ['HEURES TRAVAILLEES', 'workedHours'],
    ['heures_travaillées', 'workedHours'],
    ['Nb heures', 'workedHours'],
    ['Mois (AAAA-MM)', 'month'],
    ['Période', 'month'],
    ['Référence de la mise en poste', 'reference'],
    ['Montant facturé HT (€)', 'invoiceAmount'],
    ['Heures d’insertion attestées (SIAE, EA)', 'attestedHours'],
    ["Heures d'insertion attestées", 'attestedHours'],
    ['Observations', 'comment'],
    ['Code ROME', null],
  ])('« %s » → %s', (header, key) => {
    expect(columnOfHeader(header)).toBe(key);
  });

  it('chaque en-tête du modèle se reconnaît lui-même', () => {
    for (const column of IMPORT_COLUMNS) expect(columnOfHeader(column.header)).toBe(column.key);
  });

  it('normalise casse, accents, ponctuation et unités', () => {
    expect(normaliseHeader('  Heures  déjà—validées (h) ')).toBe('heures deja validees');
  });

  it.each([[0, 'A'], [7, 'H'], [25, 'Z'], [26, 'AA'], [27, 'AB'], [701, 'ZZ'], [702, 'AAA']])('colonne %i → %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });
});

describe('lecture d’un relevé mensuel', () => {
  it('lit les lignes du modèle, heures et montants convertis', () => {
    const read = readStatement(rows(
      template,
      ['MP-1', '2025-03', 'Awa D.', 'M-1', 'Lot 2', 'Embauche directe', 'Quercy', '10:00', '151:40', '', '', '', 'RAS'],
      ['MP-2', '03/2025', 'Léo M.', 'M-1', 'Lot 2', 'ETTI', 'Intérim+', '', '7,5', '3', '', '', ''],
      ['MP-3', 'mars 2025', 'ACI', 'M-1', 'Lot 2', 'SIAE', 'Régie', '', '', '', '90', '40 000,00', ''],
    ));
    expect(read.errors).toEqual([]);
    expect(read.headerLine).toBe(1);
    expect(read.lines).toEqual([
      { line: 2, reference: 'MP-1', month: '2025-03', workedMinutes: 9100, trainingMinutes: null, attestedMinutes: null, invoiceCents: null, comment: 'RAS' },
      { line: 3, reference: 'MP-2', month: '2025-03', workedMinutes: 450, trainingMinutes: 180, attestedMinutes: null, invoiceCents: null, comment: null },
      { line: 4, reference: 'MP-3', month: '2025-03', workedMinutes: 0, trainingMinutes: null, attestedMinutes: 5400, invoiceCents: 4_000_000, comment: null },
    ]);
  });

  it('accepte un titre avant les en-têtes, des colonnes en plus, dans un autre ordre, et des lignes vides', () => {
    const read = readStatement(rows(
      ['Relevé mensuel — Bâtiments du Quercy'],
      [],
      ['Code ROME', 'Heures', 'Période', 'Mise en poste', 'Service'],
      ['F1703', '151,67', '2025-04', 'MP-1', 'Chantier'],
      [null, '', null, '', ''],
      ['F1703', '140', '2025-05', 'MP-1', 'Chantier'],
    ));
    expect(read.errors).toEqual([]);
    expect(read.headerLine).toBe(3);
    expect(read.ignoredHeaders).toEqual(['Code ROME', 'Service']);
    expect(read.blankLines).toBe(1);
    expect(read.lines.map((line) => [line.line, line.month, line.workedMinutes])).toEqual([[4, '2025-04', 9100], [6, '2025-05', 8400]]);
  });

  it('une ligne du modèle laissée sans heures n’est pas déclarée', () => {
    const read = readStatement(rows(template, ['MP-1', '2025-03', 'Awa D.', '', '', '', '', '', '', '', '', '', '']));
    expect(read.skippedLines).toEqual([2]);
    expect(read.errors).toEqual([{ line: null, column: null, message: 'Le fichier ne contient aucune ligne d’heures à déclarer.' }]);
  });

  it('chaque erreur dit sa ligne, sa colonne (en-tête du fichier et lettre) et quoi corriger', () => {
    const read = readStatement(rows(
      ['Mise en poste', 'Mois', 'Heures travaillées', 'Commentaire'],
      ['MP-1', '2025-13', '-4', 'x'],
      ['', '2025-03', '151:75', ''],
      ['MP-2', '', 'beaucoup', ''],
    ));
    expect(read.lines).toEqual([]);
    expect(read.errors).toEqual([
      { line: 2, column: 'Mois (B)', message: '« 2025-13 » n’est pas un mois (exemples : 2025-03, 03/2025, mars 2025).' },
      { line: 2, column: 'Heures travaillées (C)', message: 'Un nombre d’heures ne peut pas être négatif.' },
      { line: 3, column: 'Heures travaillées (C)', message: '« 151:75 » : les minutes doivent être inférieures à 60.' },
      { line: 3, column: 'Mise en poste (A)', message: 'Référence de la mise en poste manquante.' },
      { line: 4, column: 'Heures travaillées (C)', message: '« beaucoup » n’est pas un nombre d’heures (exemples : 151:40, 151,67, 7,5).' },
      { line: 4, column: 'Mois (B)', message: 'Mois manquant.' },
    ]);
  });

  it('une dernière ligne coupée au milieu est signalée comme telle', () => {
    const read = readStatement(rows(['Mise en poste', 'Mois', 'Heures travaillées'], ['MP-1', '2025-03', '151'], ['MP-2', '2025-0']));
    expect(read.errors).toEqual([{ line: 3, column: null, message: 'Ligne incomplète : 2 colonne(s) au lieu d’au moins 3. Le fichier a-t-il été coupé ?' }]);
  });

  it('sans les en-têtes obligatoires : une erreur de fichier qui les nomme', () => {
    const read = readStatement(rows(['Nom', 'Heures'], ['Awa', '151']));
    expect(read.headerLine).toBeNull();
    expect(read.errors[0]?.message).toBe('Colonnes obligatoires introuvables : « Référence de la mise en poste », « Mois ». Téléchargez le modèle pour voir les en-têtes attendus.');
  });

  it('un fichier sans rien de reconnaissable', () => {
    const read = readStatement(rows(['%PDF-1.4'], ['binaire']));
    expect(read.errors[0]?.message).toContain('Aucune ligne d’en-têtes reconnue');
  });

  it('une colonne en double est refusée', () => {
    const read = readStatement(rows(['Mise en poste', 'Mois', 'Heures', 'Heures travaillées'], ['MP-1', '2025-03', '1', '2']));
    expect(read.errors[0]?.message).toBe('La colonne « Heures travaillées » apparaît deux fois dans les en-têtes (ligne 1).');
  });

  it('lit 100 000 lignes en quelques centaines de millisecondes', () => {
    const many: SheetRow[] = [{ line: 1, cells: ['Mise en poste', 'Mois', 'Heures travaillées', 'Commentaire'] }];
    for (let i = 0; i < 100_000; i++) many.push({ line: i + 2, cells: [`MP-${i % 5000}`, `2025-${String((i % 12) + 1).padStart(2, '0')}`, '151,67', ''] });
    const started = Date.now();
    const read = readStatement(many);
    expect(read.lines).toHaveLength(100_000);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
