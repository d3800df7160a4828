import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pino } from 'pino';
import type { MikroORM } from '@mikro-orm/postgresql';
import { initOrm, loadReferentials, migrate, seedDemo, startEmbeddedPostgres, withAdvisoryLock, type EmbeddedDatabase } from '@app/db';
import { loadConfig } from './config.js';
import { createContainer } from './container.js';
import { createApp, type WebHandler } from './http/app.js';
import { hashPassword } from './infra/passwords.js';
import { systemClock } from './infra/clock.js';
import { seedDemoPortfolio } from './application/demo-portfolio.js';
import { refreshComplianceStatuses } from './application/portfolio/compliance-refresh.js';
import { seedDemoDeclarations } from './application/declarations/demo-declarations.js';
import { DECP_MAX_BYTES } from '@app/shared';
import { startReminderJobs, type ReminderJobs } from './application/reminders/jobs.js';

// One process: Koa answers /api/*, the SvelteKit build answers the pages; PostgreSQL embedded unless DATABASE_URL is set.
const config = loadConfig();
const logger = pino({ level: config.logLevel, base: { service: 'suivi-clauses' } });

/** What a stop must close, in this order: requests, jobs, the refresh under way, the pool, then PostgreSQL. */
let server: http.Server | null = null;
let jobs: Promise<ReminderJobs | null> = Promise.resolve(null);
let refreshing: Promise<unknown> = Promise.resolve();
let refreshTimer: NodeJS.Timeout | undefined;
let orm: MikroORM | null = null;
let embedded: EmbeddedDatabase | null = null;
let shuttingDown = false;

/** Requests still running after this are cut: a stop never hangs on a slow client. */
const DRAIN_MS = 10_000;

async function main(): Promise<void> {
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const t0 = performance.now();
    embedded = await startEmbeddedPostgres({ ...config.embedded, log: (m) => logger.warn(m) });
    databaseUrl = embedded.url;
    logger.info({ dataDir: config.embedded.dataDir, port: config.embedded.port, ms: Math.round(performance.now() - t0) }, 'PostgreSQL embarqué démarré');
  }
  if (shuttingDown) return;
  orm = await initOrm(databaseUrl);
  const applied = await migrate(orm);
  if (applied.length) logger.info({ applied }, 'migrations appliquées');
  // Replicas starting together on an empty database: one loads the referentials and the demo, the others then find them there.
  await withAdvisoryLock(orm, 'startup', async () => {
    const db = orm!;
    const referentials = await loadReferentials(db.em.fork());
    if (referentials.length) logger.info({ referentials }, 'données de référence chargées (ROME, communes)');
    if (config.seedDemo && (await seedDemo(db.em.fork(), hashPassword))) {
      logger.info('base vide : données de démonstration du Lot créées (comptes dans le README)');
    }
    if (config.seedDemo && (await seedDemoPortfolio(db.em.fork(), systemClock.today()))) {
      logger.info('portefeuille de démonstration du Lot créé (opérations, marchés, clauses, import DECP)');
    }
    if (config.seedDemo && (await seedDemoDeclarations(db.em.fork(), systemClock.today()))) {
      logger.info('déclarations d’heures de démonstration créées (validées, en attente, rejetée, en retard)');
    }
  });
  if (shuttingDown) return;

  // Compliance statuses move with the calendar: refreshed at start, then every hour (cheap when up to date).
  const db = orm;
  const refresh = () => {
    refreshing = refreshComplianceStatuses(db.em.fork(), systemClock.today())
      .then((n) => n && logger.info({ clauses: n }, 'statuts de conformité recalculés'))
      .catch((err: unknown) => !shuttingDown && logger.error({ err }, 'recalcul des statuts de conformité impossible'));
  };
  refresh();
  refreshTimer = setInterval(refresh, 3_600_000).unref();

  const webBuild = fileURLToPath(new URL('../../web/build/handler.js', import.meta.url));
  let web: WebHandler | undefined;
  if (fs.existsSync(webBuild)) {
    // The pages call the API over loopback with the internal token (see request-context.ts).
    const apiHost = ['0.0.0.0', '::', ''].includes(config.host) ? '127.0.0.1' : config.host;
    process.env.API_ORIGIN ??= `http://${apiHost.includes(':') ? `[${apiHost}]` : apiHost}:${config.port}`;
    process.env.INTERNAL_API_TOKEN = config.internalToken;
    process.env.PROTOCOL_HEADER = 'x-forwarded-proto'; // set by Koa from the real connection (app.ts)
    // DECP files go through a form action: a little above the API's limit, so that the API answers in French.
    process.env.BODY_SIZE_LIMIT ??= String(DECP_MAX_BYTES + 2 * 1_048_576);
    web = (await import(pathToFileURL(webBuild).href)).handler as WebHandler;
  } else {
    logger.warn('web/build absent : seules les routes /api sont servies (lancez npm run build)');
  }

  const container = createContainer(config, db, logger);
  const app = createApp(container, { web });
  server = http.createServer(app.callback());
  const s = server;
  s.listen(config.port, config.host, () => {
    const { port } = s.address() as AddressInfo; // PORT=0: a free port, chosen by the system
    logger.info({ port, startupMs: Math.round(process.uptime() * 1000) }, `Suivi des clauses sociales prêt sur http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}`);
  });
  // Reminders (relances): pg-boss in its own schema; any number of processes may run it (see jobs.ts).
  // Started once the server answers: a background job need not delay the first page.
  if (config.reminders.enabled) {
    jobs = startReminderJobs(container, databaseUrl).catch((err: unknown) => {
      logger.error({ err }, 'relances non démarrées (pg-boss)');
      return null;
    });
  }
}

/**
 * Ctrl-C (SIGINT) or SIGTERM: stop taking connections and let the requests under way finish, stop the
 * job queue, wait for a refresh under way, close the pool, then stop the embedded PostgreSQL — which runs
 * in its own process group, so that the terminal's signal does not stop it while we still use it.
 * A second signal (npm forwards the terminal's to us) changes nothing.
 */
async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, 'arrêt en cours');
  clearInterval(refreshTimer);
  if (server) {
    const s = server;
    const drained = new Promise<void>((resolve) => s.close(() => resolve()));
    s.closeIdleConnections();
    const cut = setTimeout(() => s.closeAllConnections(), DRAIN_MS);
    await drained;
    clearTimeout(cut);
  }
  await (await jobs)?.stop().catch((err: unknown) => logger.warn({ err }, 'arrêt de la file de tâches incomplet'));
  await refreshing;
  await orm?.close().catch((err: unknown) => logger.warn({ err }, 'fermeture des connexions incomplète'));
  await embedded?.stop().catch((err: unknown) => logger.warn({ err }, 'arrêt du PostgreSQL embarqué incomplet'));
  logger.info('arrêté');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

main().catch(async (error: unknown) => {
  if (shuttingDown) return; // stopped while starting: shutdown() ends the process
  logger.fatal({ err: error }, 'démarrage impossible');
  await orm?.close().catch(() => undefined);
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
