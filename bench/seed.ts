// Usage: npm run build && npm run bench:seed [-- scale]   (scale 1 = national: 2,000 buyers, 100,000 clauses,
// 250,000 participants, 200,000 placements, 3,000,000 monthly declarations; 0.1 for a tenth).
// Bulk SQL (generate_series) into DATABASE_URL (default: the database "suivi_bench_dashboard" on the local service,
// dropped and rebuilt by the migrations). Then the dashboards' roll-ups (counted hours, monthly totals, missing
// periods, statuses) are computed BY THE DOMAIN, clause by clause in batches, exactly as on validation.
import { randomUUID } from 'node:crypto';
import { initOrm, migrate } from '@app/db';
import { hashPassword, refreshClauseProgress } from '@app/api';
import { BENCH_TODAY, benchDatabaseUrl, recreateDatabase } from './dashboard-support.js';

const scale = Number(process.argv[2] ?? 1);
const BUYERS = Math.round(2000 * scale);
const CLAUSES = Math.round(100_000 * scale);
const BIG_BUYER_CLAUSES = 2000; // the bench buyer, whatever the scale
const PARTICIPANTS = Math.round(250_000 * scale);
const PLACEMENTS = Math.round(200_000 * scale);
const MONTHS_PER_PLACEMENT = 15; // 200,000 × 15 = 3,000,000 declarations
const FACILITATORS = Math.max(2, Math.round(100 * scale));
const CONTRACTORS = Math.max(10, Math.round(5000 * scale));

const url = benchDatabaseUrl();
await recreateDatabase(url);
const orm = await initOrm(url, { pool: { min: 1, max: 4 } });
await migrate(orm);
const conn = orm.em.getConnection();
const sql = (q: string, p: unknown[] = []) => conn.execute(q, p);
const step = async (label: string, q: string, p: unknown[] = []) => {
  const t = performance.now();
  await sql(q, p);
  console.log(`  ${label} : ${Math.round(performance.now() - t)} ms`);
};

const t0 = performance.now();
console.log(`Génération (échelle ${scale}) dans ${url.replace(/\/\/[^@]*@/, '//')}`);
await sql(`set synchronous_commit = off`);
// Deterministic version-4 uuids from a seed text (the API validates the ids it answers).
await sql(`create or replace function bench_uid(seed text) returns uuid language sql immutable parallel safe as $$
  select (substr(md5(seed), 1, 12) || '4' || substr(md5(seed), 14, 3) || 'a' || substr(md5(seed), 18, 15))::uuid $$`);
// Clause g → its buyer: the bench buyer (1) holds the first 2,000 clauses, the others share the rest.
await sql(`create or replace function bench_buyer(g int) returns int language sql immutable parallel safe as $$
  select case when g <= ${BIG_BUYER_CLAUSES} then 1 else 2 + (g - ${BIG_BUYER_CLAUSES + 1}) % ${BUYERS - 1} end $$`);
await sql(`create or replace function bench_facilitator(b int) returns int language sql immutable parallel safe as $$ select (b - 1) % ${FACILITATORS} + 1 $$`);
await sql(`create or replace function bench_start(g int) returns date language sql immutable parallel safe as $$ select date '2023-01-02' + ((g * 7) % 900) $$`);

await step('organisations', `insert into organisation (id, kind, name, siret, created_at, updated_at)
  select bench_uid('b' || g), 'buyer', case when g = 1 then 'Département du Lot' else 'Acheteur ' || g end,
         case when g = 1 then '22460001400019' else '2' || lpad(g::text, 13, '0') end, now(), now() from generate_series(1, ${BUYERS}) g
  union all select bench_uid('f' || g), 'facilitator', 'Structure de facilitation ' || g, '3' || lpad(g::text, 13, '0'), now(), now() from generate_series(1, ${FACILITATORS}) g
  union all select bench_uid('admin'), 'admin', 'Instance', null, now(), now()
  union all select bench_uid('e' || g), 'contractor', 'Entreprise ' || g, '4' || lpad(g::text, 13, '0'), now(), now() from generate_series(1, ${CONTRACTORS}) g`);
await step('mandats', `insert into mandate (id, buyer_id, facilitator_id, created_at)
  select bench_uid('m' || g), bench_uid('b' || g), bench_uid('f' || bench_facilitator(g)), now() from generate_series(1, ${BUYERS}) g`);
await step('opérations', `insert into operation (id, buyer_id, name, anru, created_at, updated_at)
  select bench_uid('o' || b || '-' || k), bench_uid('b' || b), 'Opération ' || k || ' de l’acheteur ' || b, k = 0, now(), now()
    from generate_series(1, ${BUYERS}) b, generate_series(0, 4) k`);
await step('marchés', `insert into contract (id, buyer_id, operation_id, reference, object, amount_cents, notified_on, start_date, end_date, source, search_text, created_at, updated_at)
  select bench_uid('c' || g), bench_uid('b' || bench_buyer(g)), bench_uid('o' || bench_buyer(g) || '-' || g % 5), 'M' || g, 'Travaux ' || g, 100000000,
         bench_start(g) - 30, bench_start(g), (bench_start(g) + make_interval(months => 24 + g % 25))::date - 1, 'manual', 'm' || g, now(), now()
    from generate_series(1, ${CLAUSES}) g`);
await step('lots', `insert into lot (id, contract_id, buyer_id, number, title, trade, initial_amount_cents, amount_cents, holder_identifier, holder_name, created_at, updated_at)
  select bench_uid('l' || g), bench_uid('c' || g), bench_uid('b' || bench_buyer(g)), 1, 'Gros œuvre ' || g, 'batiment_moyenne', 100000000, 100000000,
         '4' || lpad(((g * 7) % ${CONTRACTORS} + 1)::text, 13, '0'), 'Entreprise ' || ((g * 7) % ${CONTRACTORS} + 1), now(), now()
    from generate_series(1, ${CLAUSES}) g`);
await step('clauses', `insert into insertion_clause (id, lot_id, contract_id, buyer_id, operation_id, facilitator_id, holder_identifier, trade, type, method, required_minutes,
      initial_required_minutes, warnings, hours_history, to_size, start_date, end_date, target_publics, rules, counted_minutes, search_text, created_at, updated_at)
  select bench_uid('k' || g), bench_uid('l' || g), bench_uid('c' || g), bench_uid('b' || bench_buyer(g)), bench_uid('o' || bench_buyer(g) || '-' || g % 5),
         bench_uid('f' || bench_facilitator(bench_buyer(g))), '4' || lpad(((g * 7) % ${CONTRACTORS} + 1)::text, 13, '0'), 'batiment_moyenne', 'execution', 'fixed',
         60 * (1500 + (g * 13) % 4000), 60 * (1500 + (g * 13) % 4000), '[]', '[]', false,
         bench_start(g), (bench_start(g) + make_interval(months => 24 + g % 25))::date - 1, '[]', '{}', 0, 'm' || g, now(), now()
    from generate_series(1, ${CLAUSES}) g`);
// Participant p ≤ PLACEMENTS is placed on clause ((p − 1) mod CLAUSES) + 1 and followed by that buyer's facilitator.
await step('participants', `insert into participant (id, organisation_id, last_name, first_name, search_name, birth_date, sex, qpv_status, education_level, driving_licence,
      mobility_radius_km, target_appellation_codes, target_rome_codes, target_families, available_from, status, waiting_since, registered_on, created_at, updated_at)
  select bench_uid('p' || p), bench_uid('f' || bench_facilitator(bench_buyer((p - 1) % ${CLAUSES} + 1))), 'Nom' || p, 'Prénom' || p, 'nom' || p || ' prenom' || p,
         date '1962-01-01' + (p * 37) % 16000, case when (p * 7) % 10 < 4 then 'female' else 'male' end, 'unknown', 'level_3', p % 2 = 0, 30,
         '{16250}', '{F1703}', '{F17}', date '2023-01-01', case when p > ${PLACEMENTS} then 'searching' else 'placed' end, date '2023-01-01' + p % 700, date '2022-12-01', now(), now()
    from generate_series(1, ${PARTICIPANTS}) p`);
await step('éligibilités', `insert into eligibility_validation (id, organisation_id, participant_id, validated_at, validated_by, validated_by_name, valid_until, created_at)
  select bench_uid('v' || p), bench_uid('f' || bench_facilitator(bench_buyer((p - 1) % ${CLAUSES} + 1))), bench_uid('p' || p), date '2022-12-01', bench_uid('u'), 'Bench',
         date '2026-12-01' + p % 200, now() from generate_series(1, ${PARTICIPANTS}) p`);
await step('critères', `insert into eligibility_criterion (id, validation_id, code, proof_date)
  select bench_uid('q' || p), bench_uid('v' || p), (array['RSA','ASS','DETLD','TH','QPV','JEUNE'])[p % 6 + 1], date '2022-11-25'
    from generate_series(1, ${PARTICIPANTS}) p`);
await step('mises en poste', `insert into placement (id, organisation_id, participant_id, lot_id, modality, contract_type, employer_name, start_date, weekly_minutes,
      appellation_code, rome_code, ended_on, exit_outcome, created_at, updated_at)
  select bench_uid('pl' || m), bench_uid('f' || bench_facilitator(bench_buyer((m - 1) % ${CLAUSES} + 1))), bench_uid('p' || m), bench_uid('l' || ((m - 1) % ${CLAUSES} + 1)),
         case when m % 10 = 0 then 'etti' when m % 10 = 1 then 'geiq' else 'direct_hire' end, case when m % 10 in (0, 1) then null else 'cdd' end, 'Employeur ' || m,
         bench_start((m - 1) % ${CLAUSES} + 1) + (m % 60), 35 * 60, '16250', 'F1703',
         case when m % 7 <> 0 then (date_trunc('month', bench_start((m - 1) % ${CLAUSES} + 1) + (m % 60)) + interval '15 months')::date - 1 end,
         case when m % 7 <> 0 then (array['sustainable_job','transitional_job','training','other'])[m % 4 + 1] end, now(), now()
    from generate_series(1, ${PLACEMENTS}) m`);
// The declarations' secondary indexes are built once after the load rather than maintained row by row.
const declarationIndexes = (await sql(
  `select indexname, indexdef from pg_indexes where tablename = 'hour_declaration' and indexname not like '%pkey' and indexdef not like '%UNIQUE%'`,
)) as { indexname: string; indexdef: string }[];
for (const index of declarationIndexes) await sql(`drop index "${index.indexname}"`);
// 15 months per placement: validated, the last ones transmitted only; one placement in 25 stops declaring after 9 months (drafts);
// one in 7 is still running after its 15 declared months (missing periods → late flags).
await step('déclarations', `insert into hour_declaration (id, placement_id, month, lot_id, clause_id, contract_id, buyer_id, holder_identifier, status, version,
      worked_minutes, source, submitted_at, decided_at, created_at, updated_at)
  select bench_uid('d' || m || '-' || k), bench_uid('pl' || m), to_char(s.start + make_interval(months => k), 'YYYY-MM'),
         bench_uid('l' || c), bench_uid('k' || c), bench_uid('c' || c), bench_uid('b' || bench_buyer(c)), '4' || lpad(((c * 7) % ${CONTRACTORS} + 1)::text, 13, '0'),
         case when m % 25 = 0 and k > 8 then 'draft' when k = 14 or (k = 13 and m % 3 = 0) then 'submitted' else 'validated' end, 1,
         60 * (70 + (m * 7 + k * 13) % 60), 'import',
         case when m % 25 = 0 and k > 8 then null else (date_trunc('month', s.start) + make_interval(months => k + 1, days => 4))::timestamptz end,
         case when k < 13 then (date_trunc('month', s.start) + make_interval(months => k + 1, days => 12))::timestamptz end, now(), now()
    from generate_series(1, ${PLACEMENTS}) m
    cross join lateral (select (m - 1) % ${CLAUSES} + 1 as c, bench_start((m - 1) % ${CLAUSES} + 1) + (m % 60) as start) s
    cross join generate_series(0, ${MONTHS_PER_PLACEMENT - 1}) k`);

for (const index of declarationIndexes) await step(`index ${index.indexname}`, index.indexdef);

const password = await hashPassword('Mot-de-passe-de-bench-1');
await sql(
  `insert into app_user (id, organisation_id, email, full_name, role, password_hash, active, created_at, updated_at) values
     (?, bench_uid('b1'), 'acheteur@bench.fr', 'Acheteuse Bench', 'buyer', ?, true, now(), now()),
     (?, bench_uid('f1'), 'facilitateur@bench.fr', 'Facilitatrice Bench', 'facilitator', ?, true, now(), now()),
     (?, bench_uid('admin'), 'admin@bench.fr', 'Admin Bench', 'admin', ?, true, now(), now())`,
  [randomUUID(), password, randomUUID(), password, randomUUID(), password],
);
await step('analyse', 'vacuum analyze');
const tData = performance.now();
console.log(`Données : ${Math.round((tData - t0) / 1000)} s`);

// Roll-ups by the domain (counting engine, deadlines, compliance), 500 clauses per transaction.
const BATCH = 500;
let done = 0;
for (let from = 1; from <= CLAUSES; from += BATCH) {
  const ids = (await sql(`select bench_uid('k' || g) as id from generate_series(?::int, ?::int) g`, [from, Math.min(CLAUSES, from + BATCH - 1)])) as { id: string }[];
  await orm.em.fork().transactional((tx) => refreshClauseProgress(tx, ids.map((r) => r.id), BENCH_TODAY));
  done += ids.length;
  if (done % 10_000 === 0 || done === CLAUSES) console.log(`  cumuls par le domaine : ${done} / ${CLAUSES} clauses (${Math.round((performance.now() - tData) / 1000)} s)`);
}
// The roll-ups were rewritten batch after batch: compact them as a bulk load would leave them.
await step('compactage des cumuls', 'vacuum full analyze buyer_status_total, buyer_month_total, clause_dashboard_row');
await step('analyse', 'vacuum analyze');
const counts = (await sql(`select (select count(*) from organisation where kind = 'buyer')::int as buyers, (select count(*) from insertion_clause)::int as clauses,
  (select count(*) from participant)::int as participants, (select count(*) from placement)::int as placements, (select count(*) from hour_declaration)::int as declarations,
  (select count(*) from clause_month_total)::int as month_totals`)) as Record<string, number>[];
console.log(counts[0]);
console.log(`Terminé en ${Math.round((performance.now() - t0) / 1000)} s (cumuls : ${Math.round((performance.now() - tData) / 1000)} s). Comptes : acheteur@bench.fr, facilitateur@bench.fr, admin@bench.fr / Mot-de-passe-de-bench-1`);
await orm.close();
