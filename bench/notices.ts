// Usage: npm run build && npx tsx bench/notices.ts [clauses=20000] [people=2000]
// One buyer with N clauses (bulk SQL) and P people placed on its lots with 12 validated monthly
// declarations each (100 of them on lot 1). Times over HTTP: the end-of-contract assessment PDF of the
// clause of lot 1 (100 participants), the public transparency page of the buyer (every clause and
// declaration aggregated, small cells suppressed), and sending a reminder.
import { startBench, measure } from './support.js';

const n = Number(process.argv[2] ?? 20_000);
const people = Number(process.argv[3] ?? 2_000);
const bench = await startBench();
try {
  const sql = (q: string, p: unknown[] = []) => bench.orm.em.getConnection().execute(q, p);
  const t0 = performance.now();
  await sql(`create function pg_temp.uid(seed text) returns uuid language sql immutable as $$
    select (substr(md5(seed), 1, 12) || '4' || substr(md5(seed), 14, 3) || 'a' || substr(md5(seed), 18, 15))::uuid $$`);
  await sql(`insert into operation (id, buyer_id, name, anru, created_at, updated_at)
    select pg_temp.uid('o' || g), ?, 'Opération ' || g, false, now(), now() from generate_series(1, 50) g`, [bench.buyerId]);
  await sql(`insert into contract (id, buyer_id, operation_id, reference, object, amount_cents, notified_on, start_date, end_date, source, search_text, created_at, updated_at)
    select pg_temp.uid('c' || g), ?, pg_temp.uid('o' || (g % 50 + 1)), 'M' || g, 'Travaux ' || g, 100000000, date '2025-01-01', date '2025-02-01', date '2026-01-31', 'manual',
      'm' || g, now(), now() from generate_series(1, ?) g`, [bench.buyerId, n]);
  await sql(`insert into lot (id, contract_id, buyer_id, number, title, trade, initial_amount_cents, amount_cents, holder_identifier, holder_name, created_at, updated_at)
    select pg_temp.uid('l' || g), pg_temp.uid('c' || g), ?, 1, 'Lot unique ' || g, 'batiment_moyenne', 100000000, 100000000, '45312000100012', 'Bâtiments du Quercy', now(), now()
      from generate_series(1, ?) g`, [bench.buyerId, n]);
  await sql(`insert into insertion_clause (id, lot_id, contract_id, buyer_id, operation_id, holder_identifier, trade, type, method, required_minutes, counted_minutes, warnings, hours_history,
      to_size, start_date, end_date, target_publics, rules, compliance_status, search_text, created_at, updated_at)
    select pg_temp.uid('k' || g), pg_temp.uid('l' || g), pg_temp.uid('c' || g), ?, pg_temp.uid('o' || (g % 50 + 1)), '45312000100012', 'batiment_moyenne', 'execution',
      'labour_share', 49980, 36600, '[]', '[]', false, date '2025-02-01', date '2026-01-31', '[]',
      '{"penalties": {"models": [{"model": "per_hour", "rateCents": 3000}], "capRate": null}}', 'not_met', 'm' || g, now(), now()
      from generate_series(1, ?) g`, [bench.buyerId, n]);
  const facilitator = (await sql(`insert into organisation (id, kind, name, siret, created_at, updated_at)
    values (gen_random_uuid(), 'facilitator', 'Maison de l’emploi (bench)', '33012000400040', now(), now()) returning id`))[0] as { id: string };
  await sql(`insert into participant (id, organisation_id, last_name, first_name, sex, qpv_status, education_level, driving_licence, mobility_radius_km,
      target_appellation_codes, target_rome_codes, target_families, available_from, status, waiting_since, registered_on, created_at, updated_at)
    select pg_temp.uid('p' || g), ?, 'Nom' || g, 'Prénom', 'f', 'unknown', 'v', false, 20, '{}', '{}', '{}', date '2025-01-01', 'placed', date '2025-01-01', date '2025-01-01', now(), now()
      from generate_series(1, ?) g`, [facilitator.id, people]);
  // The first 100 people on lot 1, the others spread over lots 2–201.
  await sql(`insert into placement (id, organisation_id, participant_id, lot_id, modality, contract_type, employer_name, start_date, weekly_minutes, appellation_code, rome_code,
      ended_on, exit_outcome, created_at, updated_at)
    select pg_temp.uid('pl' || g), ?, pg_temp.uid('p' || g), pg_temp.uid('l' || case when g <= 100 then 1 else g % 200 + 2 end),
      (array['direct_hire','etti','geiq','ai'])[g % 4 + 1], 'cdd', 'Bâtiments du Quercy', date '2025-02-01', 2100, '16250', 'F1703',
      date '2026-01-31', (array['sustainable_job','transitional_job','training','other'])[g % 4 + 1], now(), now()
      from generate_series(1, ?) g`, [facilitator.id, people]);
  await sql(`insert into hour_declaration (id, placement_id, month, lot_id, clause_id, contract_id, buyer_id, holder_identifier, status, worked_minutes, created_at, updated_at)
    select gen_random_uuid(), pl.id, to_char(date '2025-02-01' + (m || ' months')::interval, 'YYYY-MM'), pl.lot_id, k.id, k.contract_id, k.buyer_id, k.holder_identifier,
      'validated', 9000, now(), now()
      from placement pl join insertion_clause k on k.lot_id = pl.lot_id cross join generate_series(0, 11) m`);
  await sql(`update organisation set transparency_enabled = true where id = ?`, [bench.buyerId]);
  await sql('vacuum analyze');
  console.log(`${n} clauses, ${people} personnes, ${people * 12} déclarations validées générées en ${Math.round(performance.now() - t0)} ms`);

  const clauseId = ((await sql(`select pg_temp.uid('k1') as id`))[0] as { id: string }).id;
  const get = async (path: string, expected = 200) => {
    const res = await fetch(`${bench.url}${path}`, { headers: { cookie: bench.cookie } });
    if (res.status !== expected) throw new Error(`${path} : ${res.status} ${await res.text()}`);
    return res.arrayBuffer();
  };
  const pdf = await get(`/api/clauses/${clauseId}/bilan.pdf`);
  const pdfTimes = await measure(30, () => get(`/api/clauses/${clauseId}/bilan.pdf`));
  console.log(`bilan PDF (100 participants, ${Math.round(pdf.byteLength / 1024)} Ko) : p50 ${pdfTimes.p50} ms, p95 ${pdfTimes.p95} ms, max ${pdfTimes.max} ms`);
  const page = await get(`/api/public/transparency/${bench.buyerId}`);
  const pageTimes = await measure(30, () => get(`/api/public/transparency/${bench.buyerId}`));
  console.log(`page publique (${n} clauses, ${people * 12} déclarations, ${Math.round(page.byteLength / 1024)} Ko) : p50 ${pageTimes.p50} ms, p95 ${pageTimes.p95} ms, max ${pageTimes.max} ms`);
  let i = 0;
  const sendTimes = await measure(30, async () => {
    const res = await fetch(`${bench.url}/api/clauses/${clauseId}/notices`, {
      method: 'POST', headers: { cookie: bench.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'reminder', body: `Relance numéro ${++i} : les heures d’insertion manquent.` }),
    });
    if (res.status !== 201) throw new Error(`relance : ${res.status} ${await res.text()}`);
  });
  console.log(`relance (clause de 100 participants, 1 200 déclarations) : p50 ${sendTimes.p50} ms, p95 ${sendTimes.p95} ms, max ${sendTimes.max} ms`);
} finally {
  await bench.close();
}
