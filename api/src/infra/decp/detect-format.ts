/**
 * Which syntax, which layout, and where the records are.
 * - 2019 JSON: `{"marches": [ {…, "_type": "Marché" | "Contrat de concession"} ]}`
 * - 2022 JSON: `{"marches": {"marche": […], "contrat-concession": […]}}`
 * - XML (both years): `<marches><marche>…</marche><contrat-concession>…</contrat-concession></marches>`,
 *   or a single `<marche>` as root (official 1.5 examples); the year is told by the records' fields.
 */
import type { DecpFormat } from './types.js';
import type { XmlElement } from './parse-xml.js';
import { isObject, labelKey, nested, text, unwrapList } from './normalise.js';

export type Syntax = 'json' | 'xml';
export type RecordKind = 'marche' | 'concession';

export interface RawRecord {
  kind: RecordKind;
  value: unknown;
}

export type Located = { ok: true; format: DecpFormat; records: RawRecord[] } | { ok: false; reason: string };

export function sniffSyntax(text: string): { ok: true; syntax: Syntax } | { ok: false; reason: string } {
  const first = /\S/.exec(text)?.[0];
  if (first === undefined) return { ok: false, reason: 'Le fichier est vide.' };
  if (first === '{' || first === '[') return { ok: true, syntax: 'json' };
  if (first === '<') return { ok: true, syntax: 'xml' };
  return {
    ok: false,
    reason: 'Ce fichier n’est ni du JSON ni du XML : importez le fichier DECP au format JSON ou XML (les exports CSV ou tableur ne sont pas pris en charge).',
  };
}

export function locateJsonRecords(root: unknown): Located {
  const marches = isObject(root) ? root['marches'] : undefined;
  if (marches === undefined) {
    return { ok: false, reason: 'Ce JSON n’est pas un fichier DECP : la clé « marches » est absente à la racine.' };
  }
  if (Array.isArray(marches)) {
    return { ok: true, format: 'decp-2019-json', records: marches.map((value) => ({ kind: kind2019(value), value })) };
  }
  if (isObject(marches) && ('marche' in marches || 'contrat-concession' in marches)) {
    // Object key order is file order, so `index` follows the file even when concessions come first.
    const records = Object.entries(marches).flatMap(([key, list]): RawRecord[] => {
      const kind = containerKind(key);
      return kind === null ? [] : unwrapList(list, key).map((value) => ({ kind, value }));
    });
    return { ok: true, format: 'decp-2022-json', records };
  }
  return {
    ok: false,
    reason: 'Ce JSON n’est pas un fichier DECP : « marches » n’est ni une liste (format 2019) ni un objet contenant « marche » ou « contrat-concession » (format 2022).',
  };
}

export function locateXmlRecords(rootTag: string, root: unknown, children: XmlElement[]): Located {
  let records: RawRecord[];
  if (rootTag === 'marches') {
    records = children.flatMap((c): RawRecord[] => {
      const kind = containerKind(c.tag);
      return kind === null ? [] : [{ kind, value: c.value }];
    });
  } else {
    const kind = containerKind(rootTag);
    if (kind === null) {
      return { ok: false, reason: `Ce XML n’est pas un fichier DECP : l’élément racine est <${rootTag}> au lieu de <marches>.` };
    }
    records = [{ kind, value: root }];
  }
  const layouts = records.filter((r) => r.kind === 'marche').map((r) => recordLayout(r.value));
  const format = !layouts.includes('2022') && layouts.includes('2019') ? 'decp-2019-xml' : 'decp-2022-xml';
  return { ok: true, format, records };
}

function containerKind(tag: string): RecordKind | null {
  if (tag === 'marche') return 'marche';
  if (tag === 'contrat-concession') return 'concession';
  return null;
}

/** 2019 lists mix markets and concessions; `_type` says which, else the buyer field does. */
function kind2019(value: unknown): RecordKind {
  if (!isObject(value)) return 'marche';
  const type = text(value['_type']);
  if (type !== null) {
    const key = labelKey(type);
    if (key.includes('concession')) return 'concession';
    if (key.includes('marche')) return 'marche';
  }
  if (nested(value, 'acheteur', 'id') !== undefined) return 'marche';
  if (nested(value, 'autoriteConcedante', 'id') !== undefined) return 'concession';
  return 'marche';
}

/** Fields introduced by the 2022 arrêtés; any one of them makes a record "2022". */
const FIELDS_2022 = [
  'considerationsSociales',
  'considerationsEnvironnementales',
  'ccag',
  'offresRecues',
  'marcheInnovant',
  'typeGroupementOperateurs',
  'sousTraitanceDeclaree',
  'techniques',
  'modalitesExecution',
  'typesPrix',
  'actesSousTraitance',
  'origineUE',
  'origineFrance',
  'attributionAvance',
  'tauxAvance',
  'idAccordCadre',
];

/** Per-record layout: 2022 fields, else 2019 names (buyer or holder name, `objetModification`), else unknown. */
function recordLayout(value: unknown): '2019' | '2022' | null {
  if (!isObject(value)) return null;
  if (FIELDS_2022.some((f) => f in value)) return '2022';
  if (nested(value, 'acheteur', 'nom') !== undefined) return '2019';
  const holders = unwrapList(value['titulaires'], 'titulaire');
  if (holders.some((h) => isObject(h) && 'denominationSociale' in h)) return '2019';
  const modifications = unwrapList(value['modifications'], 'modification');
  if (modifications.some((m) => isObject(m) && 'objetModification' in m)) return '2019';
  return null;
}
