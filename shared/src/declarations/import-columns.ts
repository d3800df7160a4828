/**
 * Columns of the monthly statement (relevé mensuel d'heures), one line per person and month
 * (FORMATS.md §5). The template writes `header`; a file is read by matching its headers, whatever
 * their case, accents, punctuation or unit hints, against the header and its aliases.
 */
export type ImportColumnKey =
  | 'reference'
  | 'month'
  | 'person'
  | 'contract'
  | 'lot'
  | 'modality'
  | 'employer'
  | 'validatedHours'
  | 'workedHours'
  | 'trainingHours'
  | 'attestedHours'
  | 'invoiceAmount'
  | 'comment';

export interface ImportColumn {
  readonly key: ImportColumnKey;
  readonly header: string;
  /** Other headers people write for the same column (compared once normalised). */
  readonly aliases: readonly string[];
  /** `key`: identifies the line; `input`: what is declared; `info`: pre-filled for reading, ignored on import. */
  readonly role: 'key' | 'input' | 'info';
  readonly required: boolean;
  /** One line of help, written under the headers of the template's instructions sheet. */
  readonly help: string;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'reference', header: 'Référence de la mise en poste', role: 'key', required: true,
    aliases: ['mise en poste', 'reference', 'ref mise en poste', 'identifiant mise en poste', 'id mise en poste', 'reference mise en poste'],
    help: 'Pré-remplie dans le modèle : ne la modifiez pas.',
  },
  {
    key: 'month', header: 'Mois', role: 'key', required: true,
    aliases: ['periode', 'mois declare', 'periode declaree', 'mois de declaration', 'mois concerne'],
    help: 'Mois déclaré, par exemple 2025-03 ou 03/2025.',
  },
  { key: 'person', header: 'Personne', role: 'info', required: false, aliases: ['participant', 'salarie', 'nom', 'nom prenom', 'prenom nom'], help: 'Pour information.' },
  { key: 'contract', header: 'Marché', role: 'info', required: false, aliases: ['marche', 'contrat', 'reference marche'], help: 'Pour information.' },
  { key: 'lot', header: 'Lot', role: 'info', required: false, aliases: ['numero de lot'], help: 'Pour information.' },
  { key: 'modality', header: 'Modalité', role: 'info', required: false, aliases: ['mode', 'modalite de realisation'], help: 'Pour information.' },
  { key: 'employer', header: 'Employeur', role: 'info', required: false, aliases: ['structure employeuse', 'siret employeur'], help: 'Pour information.' },
  { key: 'validatedHours', header: 'Heures déjà validées', role: 'info', required: false, aliases: ['cumul', 'cumul des heures', 'heures cumulees', 'cumul heures validees'], help: 'Cumul validé à la date du modèle, pour information.' },
  {
    key: 'workedHours', header: 'Heures travaillées sur le lot', role: 'input', required: true,
    aliases: ['heures travaillees', 'heures', 'heures realisees', 'nombre d heures', 'nb heures', 'heures du mois', 'heures effectuees', 'heures travaillees sur l operation'],
    help: 'Heures réellement travaillées et payées sur le lot, heures supplémentaires comprises (151:40, 151,67 ou 7,5).',
  },
  { key: 'trainingHours', header: 'Heures de formation', role: 'input', required: false, aliases: ['formation', 'heures formation', 'heures en centre de formation'], help: 'Heures en centre de formation (alternance, formation prévue au marché).' },
  { key: 'attestedHours', header: 'Heures d’insertion attestées (SIAE, EA)', role: 'input', required: false, aliases: ['heures attestees', 'heures d insertion attestees', 'heures attestees siae'], help: 'Sous-traitance à une SIAE ou une EA : heures attestées par la structure.' },
  { key: 'invoiceAmount', header: 'Montant facturé HT (SIAE, EA)', role: 'input', required: false, aliases: ['montant facture', 'montant facture ht', 'facture ht', 'montant ht'], help: 'Sous-traitance à une SIAE ou une EA : montant HT facturé dans le mois, en euros.' },
  { key: 'comment', header: 'Commentaire', role: 'input', required: false, aliases: ['commentaires', 'observations', 'observation', 'remarque', 'remarques'], help: 'Facultatif (500 caractères au plus).' },
];

export const IMPORT_COLUMN_BY_KEY: Readonly<Record<ImportColumnKey, ImportColumn>> = Object.fromEntries(
  IMPORT_COLUMNS.map((column) => [column.key, column]),
) as Record<ImportColumnKey, ImportColumn>;

/** "Heures travaillées (h)" → "heures travaillees": lower case, no accents, no unit hint, no punctuation. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const headerIndex: ReadonlyMap<string, ImportColumnKey> = new Map(
  IMPORT_COLUMNS.flatMap((column) => [column.header, ...column.aliases].map((name) => [normaliseHeader(name), column.key] as const)),
);

/** The column a header stands for, or null for a column the import ignores. */
export function columnOfHeader(text: string): ImportColumnKey | null {
  return headerIndex.get(normaliseHeader(text)) ?? null;
}

/** 0 → "A", 27 → "AB": how spreadsheets name columns. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
