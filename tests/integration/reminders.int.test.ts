import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { initOrm, type Orm } from '@app/db';
import { createContainer, scanReminders, sendPendingNotifications, startReminderJobs, type Mailer, type OutgoingMail } from '@app/api';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld } from '../support/factories.js';
import type { World } from '../support/route-cases/types.js';
import { scenarioOfA, type DeclarationScenario } from '../support/declaration-factories.js';
import { insertParticipant, insertValidation } from '../support/participant-factories.js';

/** May's declaration is due on 10 June; March and April are late; an eligibility ends on 19 June. */
const TODAY = '2026-06-08';

const capture = (): Mailer & { mails: OutgoingMail[] } => {
  const mails: OutgoingMail[] = [];
  return {
    mails,
    async send(mail) {
      // A slow transport widens the window in which two senders could take the same row.
      await new Promise((r) => setTimeout(r, 5));
      mails.push(mail);
    },
  };
};

let app: TestApp;
let w: World;
let other: Orm;
let scenario: DeclarationScenario;
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute(query, params) as Promise<T[]>;
const rows = () => sql<{ kind: string; period: string; recipient_email: string; status: string }>(`select kind, period, recipient_email, status from notification order by kind, period, recipient_email`);

beforeAll(async () => {
  app = await startTestApp({ TODAY });
  w = await createWorld(app);
  other = await initOrm(app.databaseUrl);
  scenario = await scenarioOfA(w, { people: 2 });
  // The clause turned "at risk" today (stored status, as the daily refresh leaves it).
  await sql(`update insertion_clause set compliance_status = 'at_risk', compliance_computed_on = ? where id = ?`, [TODAY, scenario.clauseId]);
  // An eligibility validated on 20 June 2024 ends on 19 June 2026; another person's was renewed since.
  const expiring = await insertParticipant(app.orm, { organisationId: w.facilitatorA.organisation.id, lastName: 'Roques', firstName: 'Lina' });
  await insertValidation(app.orm, expiring, '2024-06-20');
  const renewed = await insertParticipant(app.orm, { organisationId: w.facilitatorA.organisation.id, lastName: 'Marty', firstName: 'Paul' });
  await insertValidation(app.orm, renewed, '2024-06-20');
  await insertValidation(app.orm, renewed, '2026-05-01');
  // Tenant B's world has nothing due.
});
afterAll(async () => {
  await other?.close();
  await app?.close();
});

const expected = () => [
  { kind: 'clause_at_risk', period: '', recipient_email: w.buyerA.user.email },
  { kind: 'clause_at_risk', period: '', recipient_email: w.facilitatorA.user.email },
  { kind: 'declaration_due', period: '2026-05', recipient_email: w.contractorA.user.email },
  { kind: 'declaration_late', period: '2026-03', recipient_email: w.contractorA.user.email },
  { kind: 'declaration_late', period: '2026-04', recipient_email: w.contractorA.user.email },
  { kind: 'eligibility_expiring', period: '2026-06-19', recipient_email: w.facilitatorA.user.email },
].sort((a, b) => `${a.kind}${a.period}${a.recipient_email}`.localeCompare(`${b.kind}${b.period}${b.recipient_email}`));

describe('relances : une fois par événement, et jamais deux', () => {
  it('deux analyses et deux envois concurrents (deux processus) : un seul courriel par événement', async () => {
    const first = capture();
    const second = capture();
    const silent = pino({ level: 'silent' });
    const scans = await Promise.all([scanReminders(app.orm.em.fork(), TODAY), scanReminders(other.em.fork(), TODAY), scanReminders(other.em.fork(), TODAY)]);
    expect(scans.map((s) => s.due)).toEqual([6, 6, 6]);
    expect(scans.reduce((n, s) => n + s.recorded, 0)).toBe(6);
    const sends = await Promise.all([sendPendingNotifications(app.orm.em.fork(), first, silent), sendPendingNotifications(other.em.fork(), second, silent)]);
    expect(sends[0].sent + sends[1].sent).toBe(6);
    const mails = [...first.mails, ...second.mails];
    expect(mails).toHaveLength(6);
    expect(new Set(mails.map((m) => `${m.to}|${m.subject}`)).size).toBe(6);
    expect((await rows()).map(({ status, ...r }) => (expect(status).toBe('sent'), r))).toEqual(expected());
  });

  it('les courriels sont en français et disent quoi faire', async () => {
    const [late] = await sql<{ subject: string; body: string }>(`select subject, body from notification where kind = 'declaration_late' and period = '2026-04'`);
    expect(late!.subject).toBe('Déclaration d’heures de avril 2026 en retard');
    expect(late!.body).toContain('attendue le 10/05/2026');
    expect(late!.body).toMatch(/Amina Delmas.*Jordan Lacoste|Jordan Lacoste.*Amina Delmas/);
    // A link to the month to declare: the contractor's form for it, one click away.
    expect(late!.body).toContain('Déclarer ce mois : http://127.0.0.1:3000/entreprise/declarations/nouvelle?mois=2026-04');
    const [due] = await sql<{ subject: string }>(`select subject from notification where kind = 'declaration_due'`);
    expect(due!.subject).toBe('Déclaration d’heures de mai 2026 à transmettre avant le 10/06/2026');
  });

  it('une nouvelle analyse (bouton de l’administrateur) ne renvoie rien', async () => {
    const mails = capture();
    app.container.mailer = mails;
    const res = await w.admin.client.post('/api/notifications/scan', {});
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ due: 6, recorded: 0, sent: 0, failed: 0 });
    expect(mails.mails).toHaveLength(0);
  });

  it('un courriel refusé par le serveur reste à envoyer, les autres du lot aussi, puis chacun part une fois', async () => {
    await sql(`delete from notification where kind in ('eligibility_expiring', 'clause_at_risk')`);
    await scanReminders(app.orm.em.fork(), TODAY);
    const refusing: Mailer = { send: () => Promise.reject(new Error('SMTP indisponible')) };
    const silent = pino({ level: 'silent' });
    expect(await sendPendingNotifications(app.orm.em.fork(), refusing, silent)).toEqual({ sent: 0, failed: 1 });
    const pending = await sql<{ status: string; attempts: number }>(`select status, attempts from notification where kind in ('eligibility_expiring', 'clause_at_risk') order by attempts desc`);
    // The refused one counts an attempt; the others of its batch were not tried, none is left "sending".
    expect(pending).toEqual([{ status: 'pending', attempts: 1 }, { status: 'pending', attempts: 0 }, { status: 'pending', attempts: 0 }]);
    const mails = capture();
    expect(await sendPendingNotifications(app.orm.em.fork(), mails, silent)).toEqual({ sent: 3, failed: 0 });
    expect(mails.mails.map((m) => m.to).sort()).toEqual([w.buyerA.user.email, w.facilitatorA.user.email, w.facilitatorA.user.email].sort());
  });

  it('la liste des relances : le facilitateur voit celles de sa structure, l’administrateur toutes', async () => {
    const mine = await w.facilitatorA.client.get('/api/notifications');
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.total).toBe(6);
    expect(mine.body.items[0]).toMatchObject({ status: 'sent', sentAt: expect.any(String), body: expect.stringContaining('Bonjour') });
    const kind = await w.facilitatorA.client.get('/api/notifications?kind=declaration_late');
    expect(kind.body.total).toBe(2);
    expect((await w.facilitatorB.client.get('/api/notifications')).body.total).toBe(0);
    expect((await w.admin.client.get('/api/notifications')).body.total).toBe(6);
    expect((await w.contractorA.client.get('/api/notifications')).status).toBe(403);
    const bad = await w.facilitatorA.client.get('/api/notifications?kind=inconnu');
    expect(bad.status).toBe(400);
  });

  it('avec pg-boss : deux processus, deux déclenchements, un courriel par événement', async () => {
    await sql(`delete from notification`);
    const silent = pino({ level: 'silent' });
    const containerA = createContainer(app.config, app.orm, silent);
    const containerB = createContainer(app.config, other, silent);
    const mailsA = capture();
    const mailsB = capture();
    containerA.mailer = mailsA;
    containerB.mailer = mailsB;
    const jobsA = await startReminderJobs(containerA, app.databaseUrl, { pollingIntervalSeconds: 0.5 });
    const jobsB = await startReminderJobs(containerB, app.databaseUrl, { pollingIntervalSeconds: 0.5 });
    try {
      await Promise.all([jobsA.trigger(), jobsB.trigger(), jobsA.trigger()]);
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const [counts] = await sql<{ sent: string }>(`select count(*) filter (where status = 'sent') as sent from notification`);
        if (Number(counts?.sent) >= 6) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      // Let the other scans and sends finish: nothing more may go out.
      await new Promise((r) => setTimeout(r, 2000));
    } finally {
      await Promise.all([jobsA.stop(), jobsB.stop()]);
    }
    const mails = [...mailsA.mails, ...mailsB.mails];
    expect(mails).toHaveLength(6);
    expect(new Set(mails.map((m) => `${m.to}|${m.subject}`)).size).toBe(6);
    expect((await rows()).map(({ status, ...r }) => (expect(status).toBe('sent'), r))).toEqual(expected());
  }, 40_000);
});
