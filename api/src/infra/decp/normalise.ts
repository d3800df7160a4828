/**
 * Lenient readers for DECP values. Producers emit numbers as strings, "NC", French decimals,
 * timezone-suffixed dates and lists in three shapes, so every field is read from `unknown`.
 */

export type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Trimmed text of a scalar; null for absent, empty or structured values. */
export function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * A list whatever its shape: `[{titulaire: {…}}]` (format 2022 JSON), `[{…}]` (2019),
 * `{titulaire: […]}` or `{titulaire: {…}}` (XML), nested arrays (seen in a real 2019 modification),
 * a single bare item, or an empty XML element (`""`).
 */
export function unwrapList(value: unknown, itemKey: string): unknown[] {
  const out: unknown[] = [];
  collect(value, itemKey, out);
  return out;
}

// One output array for the whole walk: this runs several times per record.
function collect(value: unknown, itemKey: string, out: unknown[]): void {
  if (value === undefined || value === null || value === '') return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, itemKey, out);
  } else if (isObject(value) && itemKey in value) {
    collect(value[itemKey], itemKey, out);
  } else {
    out.push(value);
  }
}

/** Record fields may be nested (`acheteur: {id}`) or flattened (`"acheteur.id"`, seen in 2019 files). */
export function nested(record: Obj, parent: string, child: string): unknown {
  const inner = record[parent];
  if (isObject(inner) && inner[child] !== undefined) return inner[child];
  return record[`${parent}.${child}`];
}

export function hasReplacementChar(value: string | null): boolean {
  return value !== null && value.includes('\uFFFD');
}

const labelKeys = new Map<string, string>();

/** Lower case, no accents, single spaces: "ACCORD-CADRE" and "Accord cadre" compare equal. */
export function labelKey(value: string): string {
  let key = labelKeys.get(value);
  if (key === undefined) {
    key = value
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[’'`]/g, "'")
      .replace(/[\s\-_]+/g, ' ')
      .trim();
    // The same few labels repeat on every record; NFD normalisation is the costly part, so remember them (bounded).
    if (labelKeys.size < 5000) labelKeys.set(value, key);
  }
  return key;
}

/** Maps a label to its official spelling when known; unknown labels are kept as published. */
export function canonicalLabel(value: unknown, official: ReadonlyMap<string, string>): string | null {
  const raw = text(value);
  if (raw === null) return null;
  return official.get(labelKey(raw)) ?? raw;
}

export function labelMap(labels: readonly string[]): ReadonlyMap<string, string> {
  return new Map(labels.map((l) => [labelKey(l), l]));
}

// ---------------------------------------------------------------- amounts

export type AmountResult = { ok: true; cents: number } | { ok: false; reason: string };

const MAX_INTEGER_DIGITS = 11;

/**
 * Euros HT → cents. Accepts numbers and strings such as "12 345,67" or "1.0E17".
 * Refuses "NC", zero or negative values, and more than 11 integer digits (sentinels like 1e17).
 */
export function readAmount(value: unknown): AmountResult {
  if (isBlank(value)) return { ok: false, reason: 'montant manquant' };
  if (typeof value === 'number' && !Number.isFinite(value)) return { ok: false, reason: 'montant illisible' };
  if (typeof value !== 'number' && typeof value !== 'string') return { ok: false, reason: 'montant illisible' };
  // Fast path for the common case, whole euros as a JSON number.
  if (Number.isSafeInteger(value) && (value as number) > 0 && (value as number) < 10 ** MAX_INTEGER_DIGITS) {
    return { ok: true, cents: (value as number) * 100 };
  }
  // String(n) gives the shortest exact decimal form, so 57379.41 is read digit by digit, not as a binary float × 100.
  const raw = String(value).trim();
  if (/^n\.?\s*c\.?$|^non communiqu/i.test(raw)) return { ok: false, reason: `montant non communiqué : « ${raw} »` };
  const decimal = toDecimalString(raw);
  const m = decimal === null ? null : /^([+-]?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(decimal);
  if (!m) return { ok: false, reason: `montant illisible : « ${raw} »` };
  const [, sign = '', intPart = '', frac = '', exp] = m;
  let cents: number;
  if (exp !== undefined) {
    const n = Number(decimal);
    if (Math.abs(n) >= 10 ** MAX_INTEGER_DIGITS) return tooLarge(raw);
    cents = Math.round(n * 100);
  } else {
    if (intPart.replace(/^0+/, '').length > MAX_INTEGER_DIGITS) return tooLarge(raw);
    const roundUp = (frac[2] ?? '0') >= '5' ? 1 : 0;
    cents = Number(intPart) * 100 + Number(frac.slice(0, 2).padEnd(2, '0')) + roundUp;
    if (sign === '-') cents = -cents;
  }
  if (cents <= 0) return { ok: false, reason: `montant nul ou négatif : « ${raw} »` };
  return { ok: true, cents };
}

function tooLarge(raw: string): AmountResult {
  return { ok: false, reason: `montant aberrant (plus de ${MAX_INTEGER_DIGITS} chiffres avant la virgule) : « ${raw} »` };
}

/** "12 345,67 €" → "12345.67"; "1.234,5" → "1234.5"; "1,234.5" → "1234.5". */
function toDecimalString(raw: string): string | null {
  let s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/(€|eur|euros?)$/i, '');
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (comma >= 0) {
    if (s.indexOf(',') !== comma) return null;
    s = s.replace(',', '.');
  }
  return s === '' ? null : s;
}

// ---------------------------------------------------------------- durations

export interface DurationResult {
  months: number | null;
  warning: string | null;
}

/** `dureeMois`: integer ≥ 1; decimals are rounded up as the format requires; anything else → null with a warning. */
export function readDuration(value: unknown): DurationResult {
  if (isBlank(value)) return { months: null, warning: 'durée manquante' };
  const raw = text(value);
  if (raw === null) return { months: null, warning: 'durée illisible' };
  if (/^n\.?\s*c\.?$/i.test(raw)) return { months: null, warning: `durée non communiquée : « ${raw} »` };
  const n = typeof value === 'number' ? value : Number(raw.replace(',', '.'));
  if (!Number.isFinite(n)) return { months: null, warning: `durée illisible : « ${raw} »` };
  if (n <= 0) return { months: null, warning: `durée nulle ou négative : « ${raw} »` };
  if (!Number.isInteger(n)) return { months: Math.ceil(n), warning: `durée arrondie au mois supérieur : « ${raw} »` };
  return { months: n, warning: null };
}

// ---------------------------------------------------------------- dates

export type DateResult = { ok: true; date: string } | { ok: false; missing: boolean; reason: string };

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/**
 * First 10 characters as `YYYY-MM-DD` (PES writes "2018-12-17+01:00"), a real calendar day,
 * year within [2000, 2100] (sources hold "0222-04-29" or "5021-02-18"). `label` starts the French reason.
 */
export function readDate(value: unknown, label: string): DateResult {
  const raw = text(value);
  if (raw === null) return { ok: false, missing: true, reason: `${label} manquante` };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.slice(0, 10));
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (!m || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return { ok: false, missing: false, reason: `${label} illisible : « ${raw} »` };
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { ok: false, missing: false, reason: `${label} hors de la plage ${MIN_YEAR}–${MAX_YEAR} : « ${raw} »` };
  }
  return { ok: true, date: raw.slice(0, 10) };
}

// ---------------------------------------------------------------- CPV

export interface CpvResult {
  code: string | null;
  warning: string | null;
}

/** "45000000-7" → "45000000"; "9000000" (leading zero lost by a spreadsheet) → "09000000". */
export function readCpv(value: unknown): CpvResult {
  const raw = text(value);
  if (raw === null) return { code: null, warning: 'code CPV manquant' };
  const m = /^(\d{7,8})(?:-\d)?$/.exec(raw.replace(/\s/g, ''));
  if (!m || m[1] === undefined) return { code: null, warning: `code CPV illisible : « ${raw} »` };
  return { code: m[1].padStart(8, '0'), warning: null };
}

/** Modification `id`: an integer ≥ 0, possibly written as a string (XML). */
export function readOrderId(value: unknown): number | null {
  const raw = text(value);
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}
