// Usage: npm run build && npx tsx bench/reminders.ts [clauses=5000]
// One buyer, N contracts = lots = clauses held by 1,000 contractors, one placed person per lot and no
// declaration: on 8 June 2026 each clause has May's declaration due, March and April late; a quarter of
// the clauses are "at risk"; a tenth of the people's eligibility ends on 30 June. Times the daily scan
// (first run: everything recorded; second run: nothing new), then the sending of the outbox.
import { pino } from 'pino';
import { scanReminders, sendPendingNotifications } from '@app/api';
import { startBench } from './support.js';

const n = Number(process.argv[2] ?? 5000);
const TODAY = '2026-06-08';
const bench = await startBench();
try {
  const sql = (q: string, p: unknown[] = []) => bench.orm.em.getConnection().execute(q, p);
  const t0 = performance.now();
  await sql(`create function pg_temp.uid(seed text) returns uuid language sql immutable as $$
    select (substr(md5(seed), 1, 12) || '4' || substr(md5(seed), 14, 3) || 'a' || substr(md5(seed), 18, 15))::uuid $$`);
  await sql(`insert into organisation (id, kind, name, siret, created_at, updated_at) values (pg_temp.uid('fac'), 'facilitator', 'Facilitation du Lot', '33012000400040', now(), now())`);
  await sql(`insert into organisation (id, kind, name, siret, created_at, updated_at)
    select pg_temp.uid('org' || g), 'contractor', 'Entreprise ' || g, '4' || lpad(g::text, 13, '0'), now(), now() from generate_series(0, 999) g`);
  await sql(`insert into app_user (id, organisation_id, email, full_name, role, password_hash, active, created_at, updated_at)
    select pg_temp.uid('u' || g), pg_temp.uid('org' || g), 'entreprise' || g || '@exemple.fr', 'Contact ' || g, 'contractor', 'x', true, now(), now() from generate_series(0, 999) g`);
  await sql(`insert into app_user (id, organisation_id, email, full_name, role, password_hash, active, created_at, updated_at)
    values (pg_temp.uid('ufac'), pg_temp.uid('fac'), 'facilitatrice@exemple.fr', 'Facilitatrice', 'facilitator', 'x', true, now(), now())`);
  await sql(`insert into mandate (id, buyer_id, facilitator_id, created_at) values (pg_temp.uid('m'), ?, pg_temp.uid('fac'), now())`, [bench.buyerId]);
  await sql(`insert into contract (id, buyer_id, reference, object, amount_cents, start_date, end_date, source, search_text, created_at, updated_at)
    select pg_temp.uid('c' || g), ?, 'M' || g, 'Travaux ' || g, 100000000, date '2026-01-01', date '2027-12-31', 'manual', 'm' || g, now(), now() from generate_series(1, ?) g`, [bench.buyerId, n]);
  await sql(`insert into lot (id, contract_id, buyer_id, number, title, initial_amount_cents, amount_cents, holder_identifier, holder_name, created_at, updated_at)
    select pg_temp.uid('l' || g), pg_temp.uid('c' || g), ?, 1, 'Lot ' || g, 100000000, 100000000, '4' || lpad((g % 1000)::text, 13, '0'), 'Entreprise ' || (g % 1000), now(), now()
      from generate_series(1, ?) g`, [bench.buyerId, n]);
  await sql(`insert into insertion_clause (id, lot_id, contract_id, buyer_id, holder_identifier, type, method, required_minutes, warnings, hours_history, to_size,
      start_date, end_date, target_publics, rules, compliance_status, compliance_computed_on, search_text, created_at, updated_at)
    select pg_temp.uid('k' || g), pg_temp.uid('l' || g), pg_temp.uid('c' || g), ?, '4' || lpad((g % 1000)::text, 13, '0'), 'execution', 'labour_share', 49980, '[]', '[]', false,
      date '2026-01-01', date '2027-12-31', '[]', '{}', case when g % 4 = 0 then 'at_risk' else 'on_track' end, ?::date, 'k' || g, now(), now() from generate_series(1, ?) g`,
    [bench.buyerId, TODAY, n]);
  await sql(`insert into participant (id, organisation_id, last_name, first_name, search_name, birth_date, sex, qpv_status, education_level, driving_licence, mobility_radius_km,
      target_appellation_codes, target_rome_codes, target_families, available_from, status, waiting_since, registered_on, created_at, updated_at)
    select pg_temp.uid('p' || g), pg_temp.uid('fac'), 'Nom' || g, 'Prénom', 'nom' || g, date '1990-01-01', 'female', 'unknown', 'level_3', true, 20,
      '{16250}', '{F1703}', '{F17}', date '2026-01-01', 'placed', date '2026-01-01', date '2026-01-01', now(), now() from generate_series(1, ?) g`, [n]);
  await sql(`insert into eligibility_validation (id, organisation_id, participant_id, validated_at, validated_by, validated_by_name, created_at)
    select pg_temp.uid('v' || g), pg_temp.uid('fac'), pg_temp.uid('p' || g), case when g % 10 = 0 then date '2024-07-01' else date '2026-01-20' end, pg_temp.uid('ufac'), 'Facilitatrice', now()
      from generate_series(1, ?) g`, [n]);
  await sql(`insert into eligibility_criterion (id, validation_id, code, proof_date) select pg_temp.uid('vc' || g), pg_temp.uid('v' || g), 'RSA', date '2024-06-20' from generate_series(1, ?) g`, [n]);
  await sql(`insert into placement (id, organisation_id, participant_id, lot_id, modality, contract_type, employer_name, start_date, weekly_minutes, appellation_code, rome_code, created_at, updated_at)
    select pg_temp.uid('pl' || g), pg_temp.uid('fac'), pg_temp.uid('p' || g), pg_temp.uid('l' || g), 'direct_hire', 'cdd', 'Entreprise', date '2026-02-02', 2100, '16250', 'F1703', now(), now()
      from generate_series(1, ?) g`, [n]);
  await sql('vacuum analyze');
  console.log(`${n} clauses, personnes et mises en poste générées en ${Math.round(performance.now() - t0)} ms`);

  const time = async <T>(label: string, fn: () => Promise<T>) => {
    const started = performance.now();
    const result = await fn();
    console.log(`| ${label} | ${Math.round(performance.now() - started)} ms | ${JSON.stringify(result)} |`);
    return result;
  };
  console.log('| étape | durée | résultat |');
  console.log('|---|---:|---|');
  await time('analyse quotidienne (1re : tout est nouveau)', () => scanReminders(bench.orm.em.fork(), TODAY));
  await time('analyse quotidienne (2e : rien de nouveau)', () => scanReminders(bench.orm.em.fork(), TODAY));
  await time('deux analyses concurrentes (3e et 4e)', () => Promise.all([scanReminders(bench.orm.em.fork(), TODAY), scanReminders(bench.orm.em.fork(), TODAY)]).then((r) => r.map((x) => x.recorded)));
  let sent = 0;
  const mailer = { send: async () => void sent++ };
  const silent = pino({ level: 'silent' });
  const outcome = await time('envoi de la boîte (2 expéditeurs concurrents, transport sans latence)', () =>
    Promise.all([sendPendingNotifications(bench.orm.em.fork(), mailer, silent), sendPendingNotifications(bench.orm.em.fork(), mailer, silent)]));
  const [row] = (await sql(`select count(*) as total, count(distinct (kind, subject_id, period, recipient_user_id)) as distinct_events from notification`)) as { total: string; distinct_events: string }[];
  console.log(`courriels envoyés : ${sent} (${outcome.map((o) => o.sent).join(' + ')}), lignes : ${row!.total}, événements distincts : ${row!.distinct_events}`);
} finally {
  await bench.close();
}
