/**
 * The reminders on pg-boss (its own `pgboss` schema, same database): a daily scan at the configured
 * hour (Europe/Paris) and a send queue. pg-boss makes the scan run once per day across processes,
 * but correctness does not rest on it: the outbox's unique key and `skip locked` claim do (scan.ts, outbox.ts).
 */
import PgBoss from 'pg-boss';
import type { Container } from '../../container.js';
import { scanReminders, type ScanOutcome } from './scan.js';
import { sendPendingNotifications, type SendOutcome } from './outbox.js';

export const SCAN_QUEUE = 'relances-scan';
export const SEND_QUEUE = 'relances-envoi';

/** Scan then send, now (the admin's button, the tests, and the scheduled job). */
export async function runReminders(container: Container): Promise<ScanOutcome & SendOutcome> {
  const scan = await scanReminders(container.orm.em.fork(), container.clock.today(), { appUrl: container.config.publicUrl });
  const send = await sendPendingNotifications(container.orm.em.fork(), container.mailer, container.logger);
  return { ...scan, ...send };
}

export interface ReminderJobs {
  /** Queues a scan now (any worker of any process takes it). */
  trigger(): Promise<void>;
  stop(): Promise<void>;
}

export async function startReminderJobs(container: Container, databaseUrl: string, options: { pollingIntervalSeconds?: number } = {}): Promise<ReminderJobs> {
  const { logger } = container;
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 3, application_name: 'suivi-clauses-relances' });
  boss.on('error', (err) => logger.error({ err }, 'file de tâches (pg-boss) en erreur'));
  await boss.start();
  await boss.createQueue(SCAN_QUEUE);
  await boss.createQueue(SEND_QUEUE);
  const hour = container.config.reminders.hour;
  await boss.schedule(SCAN_QUEUE, `0 ${hour} * * *`, {}, { tz: 'Europe/Paris' });
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 };
  await boss.work(SCAN_QUEUE, polling, async () => {
    const outcome = await scanReminders(container.orm.em.fork(), container.clock.today(), { appUrl: container.config.publicUrl });
    logger.info(outcome, 'relances : analyse quotidienne');
    await boss.send(SEND_QUEUE, {});
  });
  await boss.work(SEND_QUEUE, polling, async () => {
    const outcome = await sendPendingNotifications(container.orm.em.fork(), container.mailer, container.logger);
    if (outcome.sent || outcome.failed) logger.info(outcome, 'relances : courriels envoyés');
  });
  logger.info({ hour }, 'relances programmées chaque jour (heure de Paris)');
  return {
    async trigger() {
      await boss.send(SCAN_QUEUE, {});
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
