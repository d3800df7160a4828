// Usage: npm run build && npx tsx bench/clauses-list.ts [clauses=100000]
// Fills one buyer's portfolio with N contracts, lots and clauses (bulk SQL), then times the list
// routes over HTTP (first page, deep page, filters, search) and the CSV export of everything.
import { refreshComplianceStatuses } from '@app/api';
import { startBench, measure } from './support.js';

const n = Number(process.argv[2] ?? 100_000);
const only = process.env.BENCH_DATA_ONLY === '1';
const bench = await startBench();
try {
  const sql = (q: string, p: unknown[] = []) => bench.orm.em.getConnection().execute(q, p);
  const t0 = performance.now();
  if (!process.env.BENCH_REUSE) {
  // A valid version-4 uuid from a seed (the API validates the ids it answers).
  await sql(`create function pg_temp.uid(seed text) returns uuid language sql immutable as $$
    select (substr(md5(seed), 1, 12) || '4' || substr(md5(seed), 14, 3) || 'a' || substr(md5(seed), 18, 15))::uuid $$`);
  // Deterministic data: 1 contract = 1 lot = 1 clause; statuses, trades and holders spread evenly.
  await sql(`insert into operation (id, buyer_id, name, anru, created_at, updated_at)
    select ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, ?, 'Opération ' || g, g % 2 = 0, now(), now() from generate_series(1, 50) g`, [bench.buyerId]);
  await sql(`insert into contract (id, buyer_id, operation_id, reference, object, amount_cents, notified_on, start_date, end_date, source, search_text, created_at, updated_at)
    select pg_temp.uid('c' || g), ?, ('00000000-0000-4000-8000-' || lpad((g % 50 + 1)::text, 12, '0'))::uuid, 'M' || g,
      'Travaux de réhabilitation du bâtiment ' || g, 100000000, date '2024-01-01' + (g % 700), date '2024-02-01' + (g % 700), date '2026-02-01' + (g % 700), 'manual',
      'm' || g || ' travaux de rehabilitation du batiment ' || g, now() - (g || ' seconds')::interval, now() from generate_series(1, ?) g`, [bench.buyerId, n]);
  await sql(`insert into lot (id, contract_id, buyer_id, number, title, trade, initial_amount_cents, amount_cents, holder_identifier, holder_name, created_at, updated_at)
    select pg_temp.uid('l' || g), pg_temp.uid('c' || g), ?, 1, 'Lot unique ' || g, (array['batiment_moyenne','maconnerie','vrd_travaux_publics','nettoyage'])[g % 4 + 1],
      100000000, 100000000, '4' || lpad((g % 1000)::text, 13, '0'), 'Entreprise ' || (g % 1000), now(), now() from generate_series(1, ?) g`, [bench.buyerId, n]);
  await sql(`insert into insertion_clause (id, lot_id, contract_id, buyer_id, operation_id, holder_identifier, trade, type, method, required_minutes, warnings, hours_history,
      to_size, start_date, end_date, target_publics, rules, compliance_status, search_text, created_at, updated_at)
    select pg_temp.uid('k' || g), pg_temp.uid('l' || g), pg_temp.uid('c' || g), ?, ('00000000-0000-4000-8000-' || lpad((g % 50 + 1)::text, 12, '0'))::uuid,
      '4' || lpad((g % 1000)::text, 13, '0'), (array['batiment_moyenne','maconnerie','vrd_travaux_publics','nettoyage'])[g % 4 + 1], 'execution',
      case when g % 5 = 0 then null else 'labour_share' end, case when g % 5 = 0 then null else 49980 end, '[]', '[]', g % 5 = 0,
      date '2024-02-01' + (g % 700), date '2026-02-01' + (g % 700), '[]', '{}',
      case when g % 5 = 0 then null else (array['on_track','watch','at_risk','not_started'])[g % 4 + 1] end,
      'm' || g || ' travaux de rehabilitation du batiment ' || g || ' lot unique ' || g || ' entreprise ' || (g % 1000),
      now() - (g || ' seconds')::interval, now() from generate_series(1, ?) g`, [bench.buyerId, n]);
  await sql('vacuum analyze');
  console.log(`${n} marchés, lots et clauses générés en ${Math.round(performance.now() - t0)} ms`);
  }

  if (only) process.exit(0);
  const get = async (path: string) => {
    const res = await fetch(`${bench.url}${path}`, { headers: { cookie: bench.cookie } });
    if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as { total: number };
  };
  const cases: [string, string][] = [
    ['clauses, page 1', '/api/clauses'],
    ['clauses, page 2 000 (offset 49 975)', '/api/clauses?page=2000'],
    ['clauses, état « à risque »', '/api/clauses?status=at_risk'],
    ['clauses, à dimensionner', '/api/clauses?status=to_size'],
    ['clauses, recherche « batiment 4242 »', '/api/clauses?q=batiment%204242'],
    ['clauses, titulaire (SIRET)', '/api/clauses?contractorSiret=40000000000042'],
    ['clauses, corps d’état + actives en 2025', '/api/clauses?trade=maconnerie&from=2025-01-01&to=2025-12-31'],
    ['marchés, page 1', '/api/contracts'],
    ['marchés, à dimensionner', '/api/contracts?hoursToSize=true'],
    ['marchés, recherche', '/api/contracts?q=rehabilitation%20du%20batiment%2099'],
  ];
  console.log('| requête | total | p50 (ms) | p95 (ms) | max (ms) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [label, path] of cases) {
    const total = (await get(path)).total as number;
    const m = await measure(30, () => get(path));
    console.log(`| ${label} | ${total} | ${m.p50} | ${m.p95} | ${m.max} |`);
  }
  const r0 = performance.now();
  const refreshed = await refreshComplianceStatuses(bench.orm.em.fork(), '2026-06-01');
  console.log(`recalcul quotidien des statuts de ${refreshed} clauses : ${Math.round(performance.now() - r0)} ms`);
  const e0 = performance.now();
  const csv = await (await fetch(`${bench.url}/api/exports/clauses?format=csv`, { headers: { cookie: bench.cookie } })).text();
  console.log(`export CSV de ${csv.trim().split('\r\n').length - 1} clauses : ${Math.round(performance.now() - e0)} ms, ${(csv.length / 1_048_576).toFixed(1)} Mo`);
} finally {
  await bench.close();
}
