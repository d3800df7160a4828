import fs from 'node:fs';
import http from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { initOrm, loadReferentials, migrate, seedDemo, startEmbeddedPostgres, type EmbeddedDatabase } from '@app/db';
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

let embedded: EmbeddedDatabase | null = null;
let shuttingDown = false;

async function main(): Promise<void> {
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const t0 = performance.now();
    embedded = await startEmbeddedPostgres({ ...config.embedded, log: (m) => logger.warn(m) });
    databaseUrl = embedded.url;
    logger.info({ dataDir: config.embedded.dataDir, port: config.embedded.port, ms: Math.round(performance.now() - t0) }, 'PostgreSQL embarqué démarré');
  }
  const orm = await initOrm(databaseUrl);
  const applied = await migrate(orm);
  if (applied.length) logger.info({ applied }, 'migrations appliquées');
  const referentials = await loadReferentials(orm.em.fork());
  if (referentials.length) logger.info({ referentials }, 'données de référence chargées (ROME, communes)');
  if (config.seedDemo && (await seedDemo(orm.em.fork(), hashPassword))) {
    logger.info('base vide : données de démonstration du Lot créées (comptes dans le README)');
  }
  if (config.seedDemo && (await seedDemoPortfolio(orm.em.fork(), systemClock.today()))) {
    logger.info('portefeuille de démonstration du Lot créé (opérations, marchés, clauses, import DECP)');
  }
  if (config.seedDemo && (await seedDemoDeclarations(orm.em.fork(), systemClock.today()))) {
    logger.info('déclarations d’heures de démonstration créées (validées, en attente, rejetée, en retard)');
  }

  // Compliance statuses move with the calendar: refreshed at start, then every hour (cheap when up to date).
  const refresh = () =>
    refreshComplianceStatuses(orm.em.fork(), systemClock.today())
      .then((n) => n && logger.info({ clauses: n }, 'statuts de conformité recalculés'))
      .catch((err: unknown) => logger.error({ err }, 'recalcul des statuts de conformité impossible'));
  void refresh();
  setInterval(() => void refresh(), 3_600_000).unref();

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

  const container = createContainer(config, orm, logger);
  // Reminders (relances): pg-boss in its own schema; any number of processes may run it (see jobs.ts).
  let jobs: ReminderJobs | null = null;
  if (config.reminders.enabled) {
    jobs = await startReminderJobs(container, databaseUrl).catch((err: unknown) => {
      logger.error({ err }, 'relances non démarrées (pg-boss)');
      return null;
    });
  }
  const app = createApp(container, { web });
  const server = http.createServer(app.callback());
  server.listen(config.port, config.host, () => {
    logger.info(`Suivi des clauses sociales prêt sur http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`);
  });

  const shutdown = async (signal: string): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'arrêt en cours');
    server.close();
    server.closeAllConnections();
    await jobs?.stop().catch(() => undefined);
    await orm.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    logger.info('arrêté');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch(async (error: unknown) => {
  logger.fatal({ err: error }, 'démarrage impossible');
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
