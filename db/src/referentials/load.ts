import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { EntityManager } from '@mikro-orm/postgresql';
import { foldForSearch } from './fold.js';

const require = createRequire(import.meta.url);
const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));

type Row = Record<string, string>;

/** A small CSV reader for our own reference files (comma separated, optional double quotes, header line). */
export function parseCsv(text: string): Row[] {
  const lines: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), (field = '');
      if (row.some((v) => v !== '')) lines.push(row);
      row = [];
    } else field += c;
  }
  if (field || row.length) row.push(field), lines.push(row);
  const [header, ...rest] = lines;
  return rest.map((values) => Object.fromEntries(header!.map((name, i) => [name, values[i] ?? ''])));
}

interface Dataset {
  name: string;
  table: string;
  columns: string[];
  fingerprint: () => string;
  rows: () => unknown[][];
}

const sha = (...parts: (string | Buffer)[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};
const file = (relative: string): Buffer => fs.readFileSync(dataDir + relative);

const decoupage = (): { version: string; communes: { code: string; nom: string; type: string; departement: string; codesPostaux?: string[]; population?: number }[] } => ({
  version: require('@etalab/decoupage-administratif/package.json').version as string,
  communes: require('@etalab/decoupage-administratif/data/communes.json'),
});

const datasets: Dataset[] = [
  {
    name: 'rome_fiche',
    table: 'rome_fiche',
    columns: ['code', 'label', 'family'],
    fingerprint: () => sha(file('rome/rome_fiches.csv')),
    rows: () => parseCsv(file('rome/rome_fiches.csv').toString('utf8')).map((r) => [r.code_rome, r.libelle, r.domaine_professionnel]),
  },
  {
    name: 'rome_appellation',
    table: 'rome_appellation',
    columns: ['code', 'label', 'rome_code', 'search_label'],
    fingerprint: () => sha(file('rome/rome_appellations.csv')),
    rows: () =>
      parseCsv(file('rome/rome_appellations.csv').toString('utf8')).map((r) => [r.code_appellation, r.libelle, r.code_rome, foldForSearch(r.libelle!)]),
  },
  {
    name: 'commune',
    table: 'commune',
    columns: ['code', 'name', 'search_name', 'departement', 'postal_codes', 'population', 'latitude', 'longitude', 'position_precision'],
    fingerprint: () => sha(decoupage().version, file('geo/commune-centroids.csv')),
    rows: () => {
      const points = new Map(parseCsv(file('geo/commune-centroids.csv').toString('utf8')).map((r) => [r.code_insee, r]));
      return decoupage()
        .communes.filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal')
        .map((c) => {
          const point = points.get(c.code);
          return [
            c.code, c.nom, foldForSearch(c.nom), c.departement, (c.codesPostaux ?? []).join(' '), c.population ?? 0,
            point ? Number(point.latitude) : null, point ? Number(point.longitude) : null, point?.precision ?? null,
          ];
        });
    },
  },
];

/**
 * Loads the shipped reference data (ROME, communes with their points) when its fingerprint changed:
 * nothing happens on an up-to-date database, a new data version replaces the rows in one transaction.
 */
export async function loadReferentials(em: EntityManager): Promise<string[]> {
  const conn = em.getConnection();
  const loaded: string[] = [];
  for (const dataset of datasets) {
    const fingerprint = dataset.fingerprint();
    const [current] = (await conn.execute('select fingerprint from referential_version where name = ?', [dataset.name])) as { fingerprint: string }[];
    if (current?.fingerprint === fingerprint) continue;
    const rows = dataset.rows();
    await em.transactional(async (tx) => {
      const t = tx.getConnection();
      await t.execute(`delete from "${dataset.table}"`);
      const width = dataset.columns.length;
      for (let i = 0; i < rows.length; i += 2000) {
        const chunk = rows.slice(i, i + 2000);
        const values = chunk.map(() => `(${Array(width).fill('?').join(',')})`).join(',');
        await t.execute(`insert into "${dataset.table}" (${dataset.columns.map((c) => `"${c}"`).join(',')}) values ${values}`, chunk.flat());
      }
      await t.execute(
        `insert into referential_version (name, fingerprint, rows, loaded_at) values (?, ?, ?, now())
         on conflict (name) do update set fingerprint = excluded.fingerprint, rows = excluded.rows, loaded_at = excluded.loaded_at`,
        [dataset.name, fingerprint, rows.length],
      );
    });
    loaded.push(`${dataset.name} (${rows.length})`);
  }
  return loaded;
}
