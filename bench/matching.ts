/**
 * Benchmark of the candidates route (GET /api/job-needs/:id/candidates) on a large population.
 *
 *   npm run bench:matching
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test BENCH_PARTICIPANTS=250000 BENCH_NEEDS=20000 BENCH_CALLS=200 npm run bench:matching
 *
 * A scratch database is created on the server of DATABASE_URL (then dropped), migrated with the committed
 * migrations and loaded with the referentials (communes, ROME). The demo-sized fixtures (a buyer, a
 * facilitation structure and its signed-in facilitator, a mandate, contracts, lots with their clause) go
 * through the real API; the bulk (participants, validations and their criterion, placements, open needs)
 * is written by set-based SQL (INSERT … SELECT generate_series), never row by row. The real Koa app then
 * serves the route on a loopback port; N random needs are asked in sequence, and the candidate query's
 * plan is printed with EXPLAIN (ANALYZE, BUFFERS).
 */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { MikroORM } from '@mikro-orm/postgresql';
import { FAMILY_SLOT, familyKey, initOrm, loadReferentials, migrate, reachBoxSql } from '@app/db';
import { createApp, createContainer, hashPassword, loadConfig } from '@app/api';

const baseUrl = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test';
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 250_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 20_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const LOTS = 20;
/** The region of the population: Occitanie and its neighbours, so that distances and radii matter. */
const DEPARTEMENTS = ['46', '12', '82', '81', '31', '32', '47', '24', '19', '15', '09', '11', '34', '30', '48'];
const FACILITATOR_SIRET = '33012000400040';
const HOLDER_SIRET = '45312000100012';
const PASSWORD = 'Banc-Essai-Clauses-2026';

const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin<T>(run: (sql: (q: string) => Promise<unknown[]>) => Promise<T>): Promise<T> {
  const orm = await MikroORM.init({ clientUrl: withDb(baseUrl, 'postgres'), entities: [], discovery: { warnWhenNoEntities: false }, pool: { min: 0, max: 1 } });
  try {
    return await run((q) => orm.em.getConnection().execute(q));
  } finally {
    await orm.close();
  }
}

const ms = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function main(): Promise<void> {
  // BENCH_DB=<name>: measure again on a database a previous run kept (BENCH_KEEP=1), without generating.
  const reuse = process.env.BENCH_DB;
  const name = reuse ?? `suivi_bench_${process.pid}`;
  if (!reuse) await admin((sql) => sql(`create database "${name}"`));
  const proofsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'suivi-bench-'));
  const orm = await initOrm(withDb(baseUrl, name));
  let server: http.Server | null = null;
  try {
    let t0 = performance.now();
    const sql = (q: string, params: unknown[] = []) => orm.em.getConnection().execute(q, params);
    let facilitatorId: string = randomUUID();
    if (reuse) facilitatorId = ((await sql(`select id from organisation where siret = ?`, [FACILITATOR_SIRET])) as { id: string }[])[0]!.id;
    else {
    await migrate(orm);
    await loadReferentials(orm.em.fork());
    console.log(`base ${name} : migrations et référentiels en ${ms(t0)}`);

    // Organisations and accounts (three rows: plain SQL, with the real password hash).
    const buyerId = randomUUID();
    const buyerUser = randomUUID();
    const facilitatorUser = randomUUID();
    const hash = await hashPassword(PASSWORD);
    await sql(
      `insert into organisation (id, kind, name, siret, created_at, updated_at) values
         (?, 'buyer', 'Département (banc d’essai)', '22460001400019', now(), now()),
         (?, 'facilitator', 'Facilitation (banc d’essai)', ?, now(), now())`,
      [buyerId, facilitatorId, FACILITATOR_SIRET],
    );
    await sql(
      `insert into app_user (id, organisation_id, email, full_name, role, password_hash, active, created_at, updated_at) values
         (?, ?, 'acheteur@banc.test', 'Acheteur Banc', 'buyer', ?, true, now(), now()),
         (?, ?, 'facilitateur@banc.test', 'Facilitatrice Banc', 'facilitator', ?, true, now(), now())`,
      [buyerUser, buyerId, hash, facilitatorUser, facilitatorId, hash],
    );
    }

    const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', PROOFS_DIR: proofsDir, DATABASE_URL: withDb(baseUrl, name) });
    const app = createApp(createContainer(config, orm, pino({ level: 'error' }, pino.destination(2))));
    server = http.createServer(app.callback());
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const session = async (email: string) => {
      const res = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
      if (res.status !== 200) throw new Error(`connexion de ${email} : ${res.status} ${await res.text()}`);
      return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    };
    const call = async (cookie: string, method: string, url: string, body?: unknown) => {
      const res = await fetch(`${origin}${url}`, { method, headers: { cookie, 'content-type': 'application/json', accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${url} : ${res.status} ${text}`);
      return JSON.parse(text) as { id: string };
    };

    if (!reuse) {
    const facilitatorUser = ((await sql(`select id from app_user where email = 'facilitateur@banc.test'`)) as { id: string }[])[0]!.id;
    // The buyer mandates the structure and notifies LOTS lots with a clause, through the API.
    t0 = performance.now();
    const buyer = await session('acheteur@banc.test');
    await call(buyer, 'POST', '/api/mandates', { facilitatorSiret: FACILITATOR_SIRET });
    const contract = await call(buyer, 'POST', '/api/contracts', {
      reference: 'BANC-2026-001', object: 'Construction du groupe scolaire (banc d’essai)', amountCents: 2_000_000_000,
      startDate: '2026-01-01', endDate: '2028-12-31', holders: [{ siret: HOLDER_SIRET, name: 'Bâtiments du Quercy' }],
    });
    for (let n = 1; n <= LOTS; n++) {
      const lot = await call(buyer, 'POST', `/api/contracts/${contract.id}/lots`, { number: n, title: `Lot ${n}`, amountCents: 100_000_000, holderSiret: HOLDER_SIRET });
      await call(buyer, 'POST', `/api/lots/${lot.id}/clause`, {
        type: 'execution', method: { method: 'labour_share', amountCents: 100_000_000, labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 },
      });
    }
    console.log(`marché, ${LOTS} lots et leurs clauses par l’API en ${ms(t0)}`);

    // Bulk data, set-based.
    const deps = `array[${DEPARTEMENTS.map((d) => `'${d}'`).join(',')}]`;
    t0 = performance.now();
    await sql(`create temporary table bench_commune as
      select row_number() over (order by code) as n, code, latitude, longitude from commune where departement = any(${deps}) and latitude is not null`);
    await sql(`create temporary table bench_job as
      select row_number() over (order by random()) as n, code, rome_code from rome_appellation
      where left(rome_code, 1) in ('F', 'K', 'A', 'N', 'H', 'G') order by random() limit 400`);
    const [{ communes }] = (await sql(`select count(*)::int as communes from bench_commune`)) as [{ communes: number }];
    const [{ jobs }] = (await sql(`select count(*)::int as jobs from bench_job`)) as [{ jobs: number }];
    await sql(
      `insert into participant (id, organisation_id, last_name, first_name, search_name, birth_date, sex, commune_code, latitude, longitude,
         position_approximate, qpv_status, education_level, driving_licence, mobility_radius_km, target_appellation_codes, target_rome_codes,
         target_families, available_from, status, waiting_since, registered_on, created_at, updated_at)
       select gen_random_uuid(), ?, 'Nom' || s.i, 'Prénom' || s.i, 'nom' || s.i || ' prenom' || s.i, date '1970-01-01' + (s.i % 12000),
         case when s.i % 2 = 0 then 'female' else 'male' end, c.code, c.latitude, c.longitude, false,
         (array['yes','no','unknown'])[1 + s.i % 3], 'level_3', s.i % 3 <> 0, (array[10,20,30,40,60])[1 + s.i % 5],
         array_remove(array[j1.code, case when s.i % 4 = 0 then j2.code end], null),
         array_remove(array[j1.rome_code, case when s.i % 4 = 0 then j2.rome_code end], null),
         array(select distinct left(r, 3) from unnest(array_remove(array[j1.rome_code, case when s.i % 4 = 0 then j2.rome_code end], null)) r),
         current_date - (s.i % 700), (array['searching','searching','searching','placed','unavailable','exited'])[1 + s.i % 6],
         current_date - (s.i % 700), current_date - (s.i % 700), now(), now()
       from (select i, 1 + floor(random() * ${communes})::int as cn, 1 + floor(random() * ${jobs})::int as j1n,
                    1 + floor(random() * ${jobs})::int as j2n from generate_series(1, ${PARTICIPANTS}) i) s
       join bench_commune c on c.n = s.cn join bench_job j1 on j1.n = s.j1n join bench_job j2 on j2.n = s.j2n`,
      [facilitatorId],
    );
    console.log(`${PARTICIPANTS} participants en ${ms(t0)}`);
    t0 = performance.now();
    // Seven in ten validated (some of them expired), each with one proven criterion (RSA, attestation a week before).
    await sql(
      `insert into eligibility_validation (id, organisation_id, participant_id, validated_at, validated_by, validated_by_name, created_at)
       select gen_random_uuid(), organisation_id, id, registered_on + 7, ?, 'Facilitatrice Banc', now()
       from participant where abs(hashtext(id::text)) % 10 < 7`,
      [facilitatorUser],
    );
    await sql(
      `insert into eligibility_criterion (id, validation_id, code, proof_date)
       select gen_random_uuid(), id, 'RSA', validated_at - 7 from eligibility_validation`,
    );
    console.log(`validations d’éligibilité et critères en ${ms(t0)}`);
    t0 = performance.now();
    await sql(
      `insert into job_need (id, lot_id, created_by_id, appellation_code, rome_code, site_commune_code, site_latitude, site_longitude, site_approximate,
         start_date, duration_weeks, end_date, weekly_minutes, headcount, status, created_at)
       select gen_random_uuid(), l.id, ?, j.code, j.rome_code, c.code, c.latitude, c.longitude, false,
         current_date + 7 + (s.i % 120), 4 + s.i % 20, current_date + 7 + (s.i % 120) + 7 * (4 + s.i % 20), (array[1050, 1800, 2100])[1 + s.i % 3], 1 + s.i % 3, 'open', now()
       from (select i, 1 + floor(random() * ${communes})::int as cn, 1 + floor(random() * ${jobs})::int as jn, 1 + i % ${LOTS} as ln
             from generate_series(1, ${NEEDS}) i) s
       join bench_commune c on c.n = s.cn join bench_job j on j.n = s.jn
       join (select id, row_number() over (order by number) as n from lot) l on l.n = s.ln`,
      [facilitatorId],
    );
    // The "placed" people hold a running full-time or part-time placement (the overlap sum of the query).
    await sql(
      `insert into placement (id, organisation_id, participant_id, lot_id, modality, contract_type, employer_name, start_date, planned_end_date,
         weekly_minutes, appellation_code, rome_code, created_at, updated_at)
       select gen_random_uuid(), p.organisation_id, p.id, (select id from lot order by number limit 1), 'direct_hire', 'cdd', 'Bâtiments du Quercy',
         current_date - 30, current_date + 90, case when abs(hashtext(p.id::text)) % 2 = 0 then 2100 else 1050 end,
         p.target_appellation_codes[1], p.target_rome_codes[1], now(), now()
       from participant p where p.status = 'placed'`,
    );
    await sql('analyze');
    console.log(`${NEEDS} besoins ouverts et les mises en poste en cours en ${ms(t0)}`);
    }

    // The route, over HTTP, as the signed-in facilitator.
    const facilitator = await session('facilitateur@banc.test');
    const needs = ((await sql(`select id from job_need order by random() limit ?`, [CALLS])) as { id: string }[]).map((r) => r.id);
    await call(facilitator, 'GET', `/api/job-needs/${needs[0]}/candidates`); // warm-up
    const times: number[] = [];
    let candidates = 0;
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    for (const id of needs) {
      const t = performance.now();
      const res = await fetch(`${origin}/api/job-needs/${id}/candidates`, { headers: { cookie: facilitator, accept: 'application/json' } });
      const body = (await res.json()) as { candidates: unknown[]; excluded: number };
      if (res.status !== 200) throw new Error(`candidats : ${res.status} ${JSON.stringify(body)}`);
      times.push(performance.now() - t);
      candidates += body.candidates.length;
    }
    const total = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    times.sort((a, b) => a - b);
    console.log(`\nGET /api/job-needs/:id/candidates — ${needs.length} besoins tirés au hasard, appels en série`);
    console.log(`  p50 ${quantile(times, 0.5).toFixed(1)} ms · p95 ${quantile(times, 0.95).toFixed(1)} ms · max ${times.at(-1)!.toFixed(1)} ms`);
    console.log(`  débit ${(needs.length / total).toFixed(1)} requêtes/s · ${(candidates / needs.length).toFixed(1)} candidats renvoyés en moyenne (50 au plus)`);
    // The machine may be shared: the CPU this process (client and API) spent per request does not depend on the load.
    console.log(`  CPU Node (client + API) ${((cpu.user + cpu.system) / 1000 / needs.length).toFixed(1)} ms par requête · charge de la machine ${os.loadavg()[0]!.toFixed(1)} (${os.cpus().length} cœurs)`);

    // Throughput with a few clients at once (the pool and the two cores shared).
    const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
    let next = 0;
    const parallelTimes: number[] = [];
    const parallelStart = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < needs.length) {
        const id = needs[next++]!;
        const t = performance.now();
        const res = await fetch(`${origin}/api/job-needs/${id}/candidates`, { headers: { cookie: facilitator, accept: 'application/json' } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`candidats : ${res.status}`);
        parallelTimes.push(performance.now() - t);
      }
    }));
    const parallelTotal = (performance.now() - parallelStart) / 1000;
    parallelTimes.sort((a, b) => a - b);
    console.log(`  ${CONCURRENCY} clients à la fois : p50 ${quantile(parallelTimes, 0.5).toFixed(1)} ms · p95 ${quantile(parallelTimes, 0.95).toFixed(1)} ms · débit ${(needs.length / parallelTotal).toFixed(1)} requêtes/s`);

    // The candidate query's plan, on the need at the median.
    const [need] = (await sql(
      `select n.start_date::text as start, n.end_date::text as "end", left(n.rome_code, 3) as family, n.site_latitude as lat, n.site_longitude as lon
       from job_need n where n.id = ?`,
      [needs[Math.floor(needs.length / 2)]],
    )) as [{ start: string; end: string; family: string; lat: number; lon: number }];
    // The indexed part of the route's query (api/src/application/candidates.ts): one GiST probe on
    // participant_reach (boxes shifted by family), then the person's row and their validations.
    const x = familyKey(need.family) * FAMILY_SLOT + need.lon;
    const plan = (await sql(
      `explain (analyze, buffers)
       select p.id, p.mobility_radius_km, p.latitude, p.longitude
       from participant_reach r join participant p on p.id = r.participant_id
       where ${reachBoxSql('r')} @> box(point(?, ?), point(?, ?)) and r.family = ? and r.organisation_id = any(?::uuid[])
         and p.erased_at is null and p.status in ('searching', 'placed') and p.available_from <= ?
         and exists (select 1 from eligibility_validation v where v.participant_id = p.id and v.revoked_at is null
                     and v.validated_at <= (?::date + ?::int)
                     and coalesce(v.valid_until, (v.validated_at + make_interval(months => ?))::date) >= ?)`,
      [x, need.lat, x, need.lat, need.family, `{${facilitatorId}}`, need.start, need.start, 0, 24, need.start],
    )) as { 'QUERY PLAN': string }[];
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) de la requête des candidats (famille ${need.family}) :`);
    for (const row of plan) console.log(`  ${row['QUERY PLAN']}`);
  } finally {
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server!.close(resolve));
    }
    await orm.close();
    if (reuse || process.env.BENCH_KEEP) console.log(`base gardée : BENCH_DB=${name} npm run bench:matching`);
    else await admin((sql) => sql(`drop database if exists "${name}" with (force)`));
    fs.rmSync(proofsDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
