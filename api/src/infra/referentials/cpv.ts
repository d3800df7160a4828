import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { CpvEntry } from '@app/shared';
import { searchText } from '../search-text.js';

const file = fileURLToPath(new URL('../../../data/cpv/cpv2008_fr.csv', import.meta.url));

interface Indexed extends CpvEntry {
  search: string;
}

let byCode: Map<string, Indexed> | null = null;

/** The CPV 2008 vocabulary (api/data/cpv, 9,454 codes), read once on first use. */
function vocabulary(): Map<string, Indexed> {
  if (!byCode) {
    const rows = parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    byCode = new Map(
      rows.map((r) => [
        r.code8!,
        { code: r.code8!, fullCode: r.code!, label: r.label_fr!, type: r.type as CpvEntry['type'], search: searchText(r.code8, r.label_fr) },
      ]),
    );
  }
  return byCode;
}

/** The entry of an 8-digit code, or null when the code is not in the vocabulary. */
export function cpvByCode(code8: string): CpvEntry | null {
  const entry = vocabulary().get(code8);
  return entry ? { code: entry.code, fullCode: entry.fullCode, label: entry.label, type: entry.type } : null;
}

/** Codes whose number starts with the typed digits, or whose label contains every typed word. */
export function searchCpv(q: string, limit: number): CpvEntry[] {
  const digits = q.replace(/\s/g, '');
  const words = searchText(q).split(' ').filter(Boolean);
  const found: CpvEntry[] = [];
  for (const entry of vocabulary().values()) {
    const hit = /^\d+(-\d)?$/.test(digits) ? entry.code.startsWith(digits.slice(0, 8)) : words.every((w) => entry.search.includes(w));
    if (hit) found.push({ code: entry.code, fullCode: entry.fullCode, label: entry.label, type: entry.type });
    if (found.length >= limit) break;
  }
  return found;
}
