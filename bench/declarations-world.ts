// Shared by the declaration benchmarks: on top of startBench's buyer, a contractor (Bâtiments du Quercy)
// holding `lots` lots with a clause each, a facilitation structure, and `people` eligible participants
// placed on those lots (one placement each, 35 h a week, from `startMonth`). Bulk SQL: setting up is
// not what is measured.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { OrganisationSchema, UserSchema } from '@app/db';
import { hashPassword } from '@app/api';
import { startBench, type Bench } from './support.js';

export const CONTRACTOR_SIRET = '45312000100012';
const PASSWORD = 'Mot-de-passe-de-bench-1';

export interface DeclarationsWorld {
  bench: Bench;
  contractorId: string;
  placements: { id: string; lotId: string }[];
  /** Signs a contractor user in (a real session); `n` distinct users are created on demand. */
  contractorSession(n: number): Promise<string>;
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
}

async function ok(res: Response, status: number): Promise<{ id: string }> {
  if (res.status !== status) throw new Error(`attendu ${status}, reçu ${res.status} : ${await res.text()}`);
  return (await res.json()) as { id: string };
}

export async function startDeclarationsWorld(options: { lots: number; people: number; startMonth: string }): Promise<DeclarationsWorld> {
  const bench = await startBench();
  const em = bench.orm.em.fork();
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => bench.orm.em.fork().getConnection().execute(query, params) as Promise<T[]>;
  const contractor = em.create(OrganisationSchema, { id: randomUUID(), kind: 'contractor', name: 'Bâtiments du Quercy', siret: CONTRACTOR_SIRET });
  const facilitator = em.create(OrganisationSchema, { id: randomUUID(), kind: 'facilitator', name: 'Maison de l’emploi du Lot', siret: '33012000400040' });
  await em.flush();

  const buyer = { cookie: bench.cookie, 'content-type': 'application/json' };
  const lotIds: string[] = [];
  for (let i = 0; i < options.lots; i++) {
    const contract = await ok(
      await fetch(`${bench.url}/api/contracts`, {
        method: 'POST', headers: buyer,
        body: JSON.stringify({
          reference: `2024-BENCH-${String(i).padStart(3, '0')}`, object: `Réhabilitation du bâtiment départemental n° ${i}`, procedure: 'Appel d’offres ouvert',
          cpvCode: '45214220', notifiedOn: '2023-12-15', startDate: '2024-01-01', endDate: '2027-12-31', amountCents: 500_000_000, frameworkAgreement: false,
          holders: [{ siret: CONTRACTOR_SIRET, name: 'Bâtiments du Quercy' }], subcontractors: [],
        }),
      }),
      201,
    );
    const lot = await ok(
      await fetch(`${bench.url}/api/contracts/${contract.id}/lots`, {
        method: 'POST', headers: buyer,
        body: JSON.stringify({ number: 1, title: 'Gros œuvre', trade: 'batiment_moyenne', amountCents: 500_000_000, holderSiret: CONTRACTOR_SIRET }),
      }),
      201,
    );
    await ok(
      await fetch(`${bench.url}/api/lots/${lot.id}/clause`, {
        method: 'POST', headers: buyer,
        body: JSON.stringify({ type: 'execution', method: { method: 'labour_share', amountCents: 500_000_000, labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 } }),
      }),
      201,
    );
    lotIds.push(lot.id);
  }

  // People, eligibility (RSA, validated before the placements) and placements, in a few statements.
  const ids = Array.from({ length: options.people }, () => randomUUID());
  const validations = ids.map(() => randomUUID());
  const placementIds = ids.map(() => randomUUID());
  const lots = ids.map((_, i) => lotIds[i % lotIds.length]!);
  const uuids = (values: string[]) => `{${values.join(',')}}`;
  await sql(
    `insert into participant (id, organisation_id, last_name, first_name, search_name, birth_date, sex, commune_code, latitude, longitude, position_approximate,
       qpv_status, education_level, driving_licence, mobility_radius_km, target_appellation_codes, target_rome_codes, target_families, available_from, status,
       waiting_since, registered_on, created_at, updated_at)
     select id, ?, 'Personne ' || n, 'Prénom', 'personne ' || n || ' prénom', '1990-01-01', 'female', '46042', 44.4491, 1.43663, false, 'unknown', 'level_3', true, 50,
            '{16250}', '{F1703}', '{F17}', '2023-01-01', 'placed', '2023-01-01', '2023-01-01', now(), now()
       from unnest(?::uuid[]) with ordinality as t(id, n)`,
    [facilitator.id, uuids(ids)],
  );
  await sql(
    `insert into eligibility_validation (id, organisation_id, participant_id, validated_at, validated_by, validated_by_name, created_at)
     select v, ?, p, '2023-12-20', ?, 'Facilitatrice du banc', now() from unnest(?::uuid[], ?::uuid[]) as t(v, p)`,
    [facilitator.id, randomUUID(), uuids(validations), uuids(ids)],
  );
  await sql(
    `insert into eligibility_criterion (id, validation_id, code, proof_date) select gen_random_uuid(), v, 'RSA', '2023-12-15' from unnest(?::uuid[]) as t(v)`,
    [uuids(validations)],
  );
  await sql(
    `insert into placement (id, organisation_id, participant_id, lot_id, modality, contract_type, employer_name, employer_siret, start_date,
       planned_end_date, weekly_minutes, appellation_code, rome_code, created_at, updated_at)
     select id, ?, p, l, 'direct_hire', 'cdi', 'Bâtiments du Quercy', ?, ?, null, 2100, '16250', 'F1703', now(), now()
       from unnest(?::uuid[], ?::uuid[], ?::uuid[]) as t(id, p, l)`,
    [facilitator.id, CONTRACTOR_SIRET, `${options.startMonth}-01`, uuids(placementIds), uuids(ids), uuids(lots)],
  );
  await sql('analyze');

  const sessions: string[] = [];
  return {
    bench,
    contractorId: contractor.id,
    placements: placementIds.map((id, i) => ({ id, lotId: lots[i]! })),
    sql,
    async contractorSession(n: number) {
      const email = `titulaire-${n}@exemple.fr`;
      if (!sessions[n]) {
        const fork = bench.orm.em.fork();
        if (!(await fork.findOne(UserSchema, { email }))) {
          fork.create(UserSchema, { id: randomUUID(), organisation: contractor.id, email, fullName: `Titulaire ${n}`, role: 'contractor', passwordHash: await hashPassword(PASSWORD) });
          await fork.flush();
        }
        const login = await fetch(`${bench.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
        if (login.status !== 200) throw new Error(`connexion refusée : ${await login.text()}`);
        sessions[n] = login.headers.getSetCookie()[0]!.split(';')[0]!;
      }
      return sessions[n]!;
    },
  };
}

/** The machine's load when measuring (the figures depend on it: PostgreSQL shares the same cores). */
export const machineLoad = (): string =>
  `charge de la machine ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} sur ${os.cpus().length} cœurs`;

const hwmKiB = (): number | null => {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1]);
  } catch {
    return null;
  }
};

/**
 * Peak resident memory of the process (bench and server together) while `fn` runs, in MiB: the
 * kernel's high-water mark (VmHWM), reset before (clear_refs 5), so that a synchronous parse that
 * blocks the event loop is caught too; sampled every 10 ms where /proc is not available.
 */
export async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMiB: number; startMiB: number; ms: number; cpuMs: number }> {
  const startMiB = Math.round(process.memoryUsage.rss() / 1_048_576);
  let sampled = process.memoryUsage.rss();
  let kernel = false;
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    kernel = hwmKiB() !== null;
  } catch {
    kernel = false;
  }
  const timer = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage.rss())), 10);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    const value = await fn();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const peak = kernel ? hwmKiB()! * 1024 : Math.max(sampled, process.memoryUsage.rss());
    return { value, peakMiB: Math.round(peak / 1_048_576), startMiB, ms, cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
  } finally {
    clearInterval(timer);
  }
}
