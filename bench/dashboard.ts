// Usage: npm run build && npm run bench:seed && npm run bench
// Times the dashboards through HTTP on the bench database (p50/p95 over RUNS calls, then throughput with
// 4 concurrent clients), and the best hand-written SQL for the same figures, run directly on PostgreSQL.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { initOrm, migrate } from '@app/db';
import { createApp, createContainer, loadConfig } from '@app/api';
import { BENCH_TODAY, benchDatabaseUrl } from './dashboard-support.js';
import { measure, percentile } from './support.js';

const RUNS = Number(process.env.RUNS ?? 60);
const orm = await initOrm(benchDatabaseUrl(), { pool: { min: 2, max: 10 } });
await migrate(orm);
const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', TODAY: BENCH_TODAY });
const server = http.createServer(createApp(createContainer(config, orm, pino({ level: 'silent' }))).callback());
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function login(email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'Mot-de-passe-de-bench-1' }) });
  if (!res.ok) throw new Error(`connexion ${email} : ${res.status} — lancez d’abord npm run bench:seed`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}
const buyer = await login('acheteur@bench.fr');
const admin = await login('admin@bench.fr');
const facilitator = await login('facilitateur@bench.fr');
const get = async (path: string, cookie: string) => {
  const res = await fetch(`${url}${path}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
};
const sql = (q: string, p: unknown[] = []) => orm.em.fork().getConnection().execute(q, p);

const buyerId = ((await sql(`select id from organisation where siret = '22460001400019'`)) as { id: string }[])[0]!.id;
const clauseId = ((await sql(`select id from insertion_clause where buyer_id = ? order by id limit 1`, [buyerId])) as { id: string }[])[0]!.id;
const dashboard = await get('/api/dashboards/buyer', buyer);
console.log(`Acheteur du banc : ${(dashboard.totals as { clauseCount: number }).clauseCount} clauses ; instance : ${((await get('/api/dashboards/national', admin)).totals as { clauseCount: number }).clauseCount} clauses`);

// The same figures as the buyer's dashboard, in one hand-written statement: per clause expected line, pace, status
// (thresholds of decisions.md §9 in SQL), last-3-months rate, flagged contractors first, totals per status, operation,
// contractor, and hours by month × modality over 12 months.
const HAND_BUYER = `
with c as (
  select ic.id, ic.holder_identifier, ic.operation_id, ic.contract_id, ic.required_minutes::numeric as r, ic.counted_minutes as k, ic.end_date,
         coalesce(s.missing_periods, 0) as mp, ic.start_date,
         least(1, greatest(0, (?::date - ic.start_date)::numeric / ((ic.end_date - ic.start_date) + 1))) as el
    from insertion_clause ic left join clause_declaration_state s on s.clause_id = ic.id
   where ic.buyer_id = ? and ic.type in ('execution', 'award_criterion', 'anru') and ic.required_minutes is not null and ic.start_date is not null
), f as (
  select c.*, round(r * el) as expected, case when r * el > 0 then k / (r * el) end as pace,
         case when k >= r then 'met' when ?::date > end_date + 60 then 'not_met'
              when ?::date < start_date or (k = 0 and el < 0.1) then 'not_started'
              when (r * el > 0 and k / (r * el) < 0.5 and el >= 0.25) or mp >= 2 then 'at_risk'
              when r * el > 0 and k / (r * el) < 0.8 then 'watch' else 'on_track' end as status
    from c
), g as (select f.*, (status in ('at_risk', 'not_met') or mp > 0) as flagged from f),
w as (select clause_id, sum(counted_minutes) as recent from clause_month_total where buyer_id = ? and month >= ? group by clause_id),
fc as (select holder_identifier, bool_or(flagged) as flagged from g group by holder_identifier)
select json_build_object(
  'totals', (select json_build_object('n', count(*), 'required', sum(r), 'counted', sum(k), 'expected', sum(expected), 'late', count(*) filter (where mp > 0)) from g),
  'statuses', (select json_object_agg(status, n) from (select status, count(*) as n from g group by status) s),
  'operations', (select json_agg(o) from (select operation_id, count(*), sum(r), sum(k), sum(expected), bool_or(flagged) from g group by operation_id) o),
  'contractors', (select json_agg(x) from (select holder_identifier, count(*), sum(r), sum(k), bool_or(flagged) as flagged from g group by holder_identifier order by 5 desc) x),
  'page', (select json_agg(p) from (select g.*, w.recent from g join fc using (holder_identifier) left join w on w.clause_id = g.id
                                     order by fc.flagged desc, g.flagged desc, g.pace nulls last limit 50) p),
  'byMonth', (select json_agg(m) from (select month, modality, sum(counted_minutes) from clause_month_total where buyer_id = ? and month between ? and ? group by 1, 2 order by 1, 2) m)
) as body`;
const HAND_NATIONAL = `
select json_build_object(
  'statuses', (select json_agg(s) from (select ic.compliance_status, count(*), sum(ic.required_minutes), sum(ic.counted_minutes), sum(least(ic.counted_minutes, ic.required_minutes)),
                 count(*) filter (where s.missing_periods > 0) from insertion_clause ic left join clause_declaration_state s on s.clause_id = ic.id
                where ic.type in ('execution', 'award_criterion', 'anru') and ic.required_minutes is not null group by 1) s),
  'months', (select json_agg(m) from (select month, sum(counted_minutes) from clause_month_total where month between ? and ? group by 1 order by 1) m),
  'buyers', (select count(distinct buyer_id) from insertion_clause)) as body`;

const rows: string[] = [];
const line = (label: string, r: { p50: number; p95: number }, extra = '') => rows.push(`| ${label} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${extra} |`);

async function throughput(path: string, cookie: string, total = 200, concurrency = 4): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next++ < total) await get(path, cookie);
  }));
  return total / ((performance.now() - t0) / 1000);
}

const cases: [string, string, string][] = [
  ['tableau de bord acheteur (2 000 clauses, page 1, signalés d’abord)', '/api/dashboards/buyer', buyer],
  ['tableau de bord acheteur, filtré « à risque », tri rythme décroissant', '/api/dashboards/buyer?status=at_risk&sort=pace&dir=desc', buyer],
  ['synthèse nationale (100 000 clauses)', '/api/dashboards/national', admin],
  ['clause : courbe cumulée et raison', `/api/dashboards/clauses/${clauseId}`, buyer],
  ['participants de l’acheteur (cellules < 5 masquées)', '/api/dashboards/buyer/participants', buyer],
  ['tableau de bord facilitateur (territoire)', '/api/dashboards/facilitator', facilitator],
];
const results = new Map<string, { p50: number; p95: number }>();
// BENCH_ONLY=acheteur: only the cases whose label contains it (the hand-written SQL is always measured).
for (const [label, path, cookie] of cases.filter(([label]) => label.includes(process.env.BENCH_ONLY ?? ''))) {
  const r = await measure(RUNS, () => get(path, cookie));
  results.set(path, r);
  line(`HTTP ${label}`, r, `${(await throughput(path, cookie)).toFixed(0)} req/s (4 clients)`);
}
const to = BENCH_TODAY.slice(0, 7);
const from = `${Number(to.slice(0, 4)) - 1}-${String(Number(to.slice(5)) + 1).padStart(2, '0')}`;
const handBuyer = await measure(RUNS, () => sql(HAND_BUYER, [BENCH_TODAY, buyerId, BENCH_TODAY, BENCH_TODAY, buyerId, from, buyerId, from, to]));
line('SQL écrit à la main, mêmes chiffres acheteur', handBuyer);
const handNational = await measure(RUNS, () => sql(HAND_NATIONAL, [from, to]));
line('SQL écrit à la main, mêmes chiffres nationaux', handNational);

// The buyer's dashboard and its hand-written SQL alternated call by call: both under the same load of
// the (shared) machine, so their ratio means something even when it is busy.
async function paired(runs: number, a: () => Promise<unknown>, b: () => Promise<unknown>) {
  for (let i = 0; i < 2; i++) (await a(), await b());
  const ta: number[] = [], tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    await b();
    tb.push(performance.now() - t0);
  }
  const stats = (t: number[]) => (t.sort((x, y) => x - y), { p50: Math.round(percentile(t, 50)), p95: Math.round(percentile(t, 95)) });
  return [stats(ta), stats(tb)] as const;
}
const [pairedHttp, pairedHand] = await paired(RUNS, () => get('/api/dashboards/buyer', buyer), () => sql(HAND_BUYER, [BENCH_TODAY, buyerId, BENCH_TODAY, BENCH_TODAY, buyerId, from, buyerId, from, to]));
line('HTTP tableau de bord acheteur, alterné avec le SQL à la main', pairedHttp);
line('SQL écrit à la main, mêmes chiffres acheteur, alterné avec HTTP', pairedHand);

console.log(`\n| mesure (${RUNS} appels) | p50 (ms) | p95 (ms) | débit |`);
console.log('|---|---:|---:|---|');
for (const row of rows) console.log(row);
const ratio = (http: { p95: number }, hand: { p95: number }) => (http.p95 / hand.p95).toFixed(2);
const buyerHttp = results.get('/api/dashboards/buyer');
const nationalHttp = results.get('/api/dashboards/national');
console.log(`\nRapport p95 HTTP / SQL à la main : acheteur ${buyerHttp ? ratio(buyerHttp, handBuyer) : '—'}× (alternés : ${ratio(pairedHttp, pairedHand)}× au p95, ${(pairedHttp.p50 / pairedHand.p50).toFixed(2)}× au p50), national ${nationalHttp ? ratio(nationalHttp, handNational) : '—'}×`);

server.closeAllConnections();
await new Promise((r) => server.close(r));
await orm.close();
