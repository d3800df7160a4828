import { createRequire } from 'node:module';
import type { CommuneEntry } from '@app/shared';
import { searchText } from '../search-text.js';

const require = createRequire(import.meta.url);

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
}
interface Indexed extends CommuneEntry {
  search: string;
  population: number;
}

let byCode: Map<string, Indexed> | null = null;

/** Current communes of the COG 2026 (npm @etalab/decoupage-administratif 6.0.0, Licence Ouverte), read once. */
function communes(): Map<string, Indexed> {
  if (!byCode) {
    const raw = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
    byCode = new Map(
      raw
        .filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal')
        .map((c) => [
          c.code,
          {
            code: c.code,
            name: c.nom,
            departement: c.departement ?? c.code.slice(0, 2),
            postalCodes: c.codesPostaux ?? [],
            population: c.population ?? 0,
            search: searchText(c.nom),
          },
        ]),
    );
  }
  return byCode;
}

const entryOf = (c: Indexed): CommuneEntry => ({ code: c.code, name: c.name, departement: c.departement, postalCodes: c.postalCodes });

export function communeByCode(code: string): CommuneEntry | null {
  const c = communes().get(code);
  return c ? entryOf(c) : null;
}

/** By INSEE code or postal code (digits), else by name (start of the name first, then the most populated). */
export function searchCommunes(q: string, limit: number): CommuneEntry[] {
  const typed = q.trim();
  const all = [...communes().values()];
  if (/^(\d{2,5}|2[AB]\d{0,3})$/i.test(typed)) {
    const upper = typed.toUpperCase();
    return all
      .filter((c) => c.code.startsWith(upper) || c.postalCodes.some((p) => p.startsWith(upper)))
      .sort((a, b) => b.population - a.population)
      .slice(0, limit)
      .map(entryOf);
  }
  const wanted = searchText(typed);
  return all
    .filter((c) => c.search.includes(wanted))
    .sort((a, b) => Number(b.search.startsWith(wanted)) - Number(a.search.startsWith(wanted)) || b.population - a.population)
    .slice(0, limit)
    .map(entryOf);
}
