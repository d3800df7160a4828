import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { initOrm, migrate, type Orm } from '@app/db';
import { adminUrl, dropDatabase, withDatabase } from '../support/databases.js';
import { withDbName } from '../support/global-setup.js';
import { Client } from '../support/client.js';
import { createOrganisation, createUser, createWorld, PASSWORD } from '../support/factories.js';
import type { TestApp } from '../support/test-app.js';
import type { World } from '../support/route-cases/types.js';
import { scenarioOfA, type DeclarationScenario } from '../support/declaration-factories.js';
import { insertParticipant, insertValidation } from '../support/participant-factories.js';
import { errorsIn, startServerProcess, type ServerProcess } from '../support/server-process.js';

/**
 * Two application processes (the real server, as `npm start` runs it) on one PostgreSQL, as behind a
 * load balancer: nothing that matters may live in one process's memory.
 */
const TODAY = '2026-06-08'; // May's declaration due on 10 June, March and April late (as in reminders.int.test.ts)

const baseUrl = inject('databaseUrl');
const emptyDatabase = async (suffix: string) => {
  const name = `suivi_t_${process.pid}_${suffix}`;
  await withDatabase(adminUrl(baseUrl), async (sql) => {
    await sql(`drop database if exists "${name}" with (force)`);
    await sql(`create database "${name}"`);
  });
  return { name, url: withDbName(baseUrl, name) };
};

describe('mises à jour : les migrations passent une fois, par un seul processus, sous verrou', () => {
  it('deux processus qui migrent en même temps une base vide : l’un applique tout, l’autre attend puis ne trouve rien', async () => {
    const db = await emptyDatabase('migrations');
    const [one, two] = await Promise.all([initOrm(db.url), initOrm(db.url)]);
    try {
      const applied = await Promise.all([migrate(one), migrate(two)]);
      const all = (await one.getMigrator().getExecutedMigrations()).map((m) => m.name);
      expect(all.length).toBeGreaterThan(0);
      expect(applied.map((a) => a.length).sort((x, y) => x - y)).toEqual([0, all.length]);
    } finally {
      await Promise.all([one.close(), two.close()]);
      await dropDatabase(baseUrl, db.name);
    }
  }, 60_000);
});

describe('deux répliques sur un même PostgreSQL', () => {
  let db: { name: string; url: string };
  let orm: Orm;
  let a: ServerProcess;
  let b: ServerProcess;
  let w: World;
  let scenario: DeclarationScenario;
  const proofsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'suivi-repliques-'));
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute(query, params) as Promise<T[]>;
  /** The same browser session, sent to the other replica. */
  const onB = (client: Client) => Object.assign(new Client(b.url), { cookie: client.cookie });

  beforeAll(async () => {
    // Both start together on an empty database: one migrates and loads the referentials, the other waits and finds them.
    db = await emptyDatabase('repliques');
    const env = { DATABASE_URL: db.url, TODAY, SEED_DEMO: 'false', PROOFS_DIR: proofsDir, INTERNAL_API_TOKEN: 'jeton-des-repliques' };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    orm = await initOrm(db.url);
    w = await createWorld({ orm, client: () => new Client(a.url) } as TestApp);
    scenario = await scenarioOfA(w, { people: 2 });
    await sql(`update insertion_clause set compliance_status = 'at_risk', compliance_computed_on = ? where id = ?`, [TODAY, scenario.clauseId]);
    const expiring = await insertParticipant(orm, { organisationId: w.facilitatorA.organisation.id, lastName: 'Roques', firstName: 'Lina' });
    await insertValidation(orm, expiring, '2024-06-20');
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop('SIGKILL').catch(() => undefined), b?.stop('SIGKILL').catch(() => undefined)]);
    await orm?.close();
    if (db) await dropDatabase(baseUrl, db.name);
    fs.rmSync(proofsDir, { recursive: true, force: true });
  });

  it('au démarrage simultané, un seul a appliqué les migrations', () => {
    const migrated = [a, b].filter((p) => p.logs.some((l) => l.msg === 'migrations appliquées'));
    expect(migrated).toHaveLength(1);
  });

  it('une session ouverte sur l’une sert sur l’autre, et la déconnexion sur l’autre la ferme partout', async () => {
    const client = await new Client(a.url).login(w.buyerA.user.email, PASSWORD);
    const me = await onB(client).get('/api/auth/me');
    expect(me.status, me.text).toBe(200);
    expect(me.body).toMatchObject({ email: w.buyerA.user.email });
    expect((await onB(client).post('/api/auth/logout')).status).toBeLessThan(300);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('un import de relevé prévisualisé sur l’une et confirmé sur les deux à la fois : enregistré une fois', async () => {
    const [p1, p2] = scenario.placements;
    const file = Buffer.from(`Référence de la mise en poste;Mois;Heures travaillées sur le lot\r\n${p1!.placementId};2026-03;140\r\n${p2!.placementId};2026-03;151,67\r\n`);
    const contractor = w.contractorA.client;
    const preview = await contractor.request('POST', '/api/declaration-imports?fileName=releve.csv', { rawBody: file, headers: { 'content-type': 'application/octet-stream' } });
    expect(preview.status, preview.text).toBe(201);
    expect(preview.body.counts).toMatchObject({ create: 2, error: 0 });
    const confirmations = await Promise.all([
      onB(contractor).post(`/api/declaration-imports/${preview.body.id}/confirm`),
      contractor.post(`/api/declaration-imports/${preview.body.id}/confirm`),
    ]);
    expect(confirmations.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(confirmations.find((r) => r.status === 200)!.body).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const [{ count }] = (await sql<{ count: string }>(`select count(*) from hour_declaration where placement_id in (?, ?)`, [p1!.placementId, p2!.placementId])) as [{ count: string }];
    expect(Number(count)).toBe(2);
    // Read from the other replica, as the contractor's next page would be.
    const listed = await onB(contractor).get(`/api/declarations?contractId=${scenario.contractId}`);
    expect(listed.body.items).toHaveLength(2);
  });

  it('les relances lancées sur les deux à la fois : chaque courriel part une fois', async () => {
    const admin = w.admin.client;
    const runs = await Promise.all([admin.post('/api/notifications/scan', {}), onB(admin).post('/api/notifications/scan', {}), admin.post('/api/notifications/scan', {})]);
    expect(runs.map((r) => r.status)).toEqual([200, 200, 200]);
    const notifications = await sql<{ status: string }>(`select status from notification`);
    expect(notifications.length).toBeGreaterThanOrEqual(5);
    expect(notifications.every((n) => n.status === 'sent')).toBe(true);
    // Without SMTP_URL each process writes the e-mails it sends to its log (infra/mailer.ts).
    const mails = [a, b].flatMap((p) => p.logs.filter((l) => l.msg.startsWith('courriel'))).map((l) => JSON.stringify(l.courriel));
    expect(mails).toHaveLength(notifications.length);
    expect(new Set(mails).size).toBe(notifications.length);
    expect(runs.reduce((n, r) => n + (r.body.sent as number), 0)).toBe(notifications.length);
  });

  it('la limitation des tentatives de connexion compte sur les deux', async () => {
    const organisation = await createOrganisation(orm, 'buyer');
    const user = await createUser(orm, organisation);
    for (let i = 0; i < 5; i++) {
      const res = await new Client(i % 2 ? b.url : a.url).post('/api/auth/login', { email: user.email, password: 'mauvais-mot-de-passe' });
      expect(res.status).toBe(401);
    }
    // 3 failures on one, 2 on the other: the account is blocked on both, even with the right password.
    for (const url of [a.url, b.url]) {
      const blocked = await new Client(url).post('/api/auth/login', { email: user.email, password: PASSWORD });
      expect(blocked.status).toBe(429);
    }
  });

  it('chacune s’arrête proprement (SIGTERM), sans erreur au journal', async () => {
    expect(await Promise.all([a.stop('SIGTERM'), b.stop('SIGTERM')])).toEqual([0, 0]);
    expect([...errorsIn(a.logs), ...errorsIn(b.logs)]).toEqual([]);
  });
});
