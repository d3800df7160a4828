/**
 * Public shapes of the DECP parser (données essentielles de la commande publique).
 * Amounts are in euro cents HT, dates are `YYYY-MM-DD`, texts are French as published.
 */

/** Layout of the file as a whole (root shape for JSON, record content for XML). */
export type DecpFormat = 'decp-2019-json' | 'decp-2019-xml' | 'decp-2022-json' | 'decp-2022-xml';

export interface DecpHolder {
  /** `SIRET`, `TVA`, `HORS-UE`… upper-cased as published; `SIRET` when the source left it out. */
  idType: string;
  /** Identifier without spaces. */
  id: string;
  /** `denominationSociale` (format 2019 only). */
  name: string | null;
  /** 14 digits with a valid check key; always false for non-SIRET identifiers. */
  siretValid: boolean;
}

export interface DecpModification {
  /** The modification `id` (format 2022) when every modification has a distinct one, else its rank 1…n by date. */
  order: number;
  notifiedOn: string | null;
  amountCents: number | null;
  durationMonths: number | null;
  /** The full new list of holders, or null when this modification does not change them. */
  holders: DecpHolder[] | null;
}

export interface DecpContract {
  /** Position of the record in the file, 0-based over all records (concessions included). */
  index: number;
  /** `${buyerSiret}|${sourceId}|${initial first holder id}|${notifiedOn}`: stable when avenants are appended. */
  key: string;
  sourceId: string;
  buyerSiret: string;
  buyerName: string | null;
  object: string;
  procedure: string | null;
  nature: string | null;
  frameworkAgreement: boolean;
  /** 8 digits, check digit dropped, lost leading zero restored. */
  cpv: string | null;
  notifiedOn: string | null;
  /** Current values: initial values overridden field by field by each modification, in order. */
  durationMonths: number | null;
  amountCents: number | null;
  initialAmountCents: number | null;
  initialDurationMonths: number | null;
  /** Current holders (the last modification that lists holders wins). */
  holders: DecpHolder[];
  /** Holders as notified, before any modification. */
  initialHolders: DecpHolder[];
  subcontractors: DecpHolder[];
  place: { typeCode: string; code: string } | null;
  /** Official labels, e.g. ['Clause sociale', 'Critère social']; [] when absent (format 2019). */
  socialConsiderations: string[];
  /** 'Clause sociale' or 'Critère social'. */
  hasInsertionClause: boolean;
  /** 'Marché réservé' / 'Concession réservée'. */
  reserved: boolean;
  /** In the order applied. */
  modifications: DecpModification[];
  /** Non-blocking, in French. */
  warnings: string[];
}

/** A record that was skipped, and why (French). A record may produce several issues. */
export interface DecpIssue {
  index: number;
  sourceId: string | null;
  field: string;
  reason: string;
}

export type DecpParseResult =
  | { ok: true; format: DecpFormat; contracts: DecpContract[]; issues: DecpIssue[]; concessionsIgnored: number }
  | { ok: false; reason: string };
