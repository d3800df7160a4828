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

/**
 * CPV families each trade of a lot works in (the first ones rank first); without a trade, works:
 * most clauses sit on building and public works contracts.
 */
const TRADE_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  vrd_travaux_publics: ['4523', '4511', '45'],
  nettoyage: ['909', '9091'],
  espaces_verts: ['7731', '7721', '4511'],
  services: ['7', '8', '9'],
};
const WORKS: readonly string[] = ['45'];

/**
 * Words of the trade that the CPV labels say differently: "réhabilitation" is, for works, "remise en
 * état", "rénovation", "réfection", "restructuration" (the CPV only uses it for people and pollution).
 */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  rehabilitation: ['remise en etat', 'renovation', 'refection', 'restructuration', 'transformation de batiments', 'remise a neuf'],
  renovation: ['remise en etat', 'refection', 'remise a neuf'],
  entretien: ['maintenance', 'nettoyage'],
  voirie: ['routes', 'chaussee'],
};

/**
 * Codes whose number starts with the typed digits, or whose label contains every typed word (or a
 * trade synonym of it). The codes of the trade's families come first, then labels that start with
 * the typed word, then the code order.
 */
export function searchCpv(q: string, limit: number, trade?: string): CpvEntry[] {
  const digits = q.replace(/\s/g, '');
  const families = (trade && TRADE_FAMILIES[trade]) || WORKS;
  const ranked: { entry: Indexed; score: number }[] = [];
  if (/^\d+(-\d)?$/.test(digits)) {
    for (const entry of vocabulary().values()) if (entry.code.startsWith(digits.slice(0, 8))) ranked.push({ entry, score: 0 });
  } else {
    const words = searchText(q).split(' ').filter(Boolean);
    for (const entry of vocabulary().values()) {
      let synonym = false;
      const hit = words.every((word) => {
        if (entry.search.includes(word)) return true;
        const found = (SYNONYMS[word] ?? []).some((other) => entry.search.includes(other));
        synonym ||= found;
        return found;
      });
      if (!hit) continue;
      const family = families.findIndex((prefix) => entry.code.startsWith(prefix));
      const label = entry.search.slice(9); // after the 8-digit code and its space
      ranked.push({ entry, score: (family >= 0 ? 100 - family : 0) + (label.startsWith(words[0] ?? '') ? 10 : 0) + (synonym ? 0 : 5) });
    }
  }
  return ranked
    .sort((a, b) => b.score - a.score || a.entry.code.localeCompare(b.entry.code))
    .slice(0, limit)
    .map(({ entry }) => ({ code: entry.code, fullCode: entry.fullCode, label: entry.label, type: entry.type }));
}
