import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { pino } from 'pino';
import { initOrm, type Orm } from '@app/db';
import { createApp, createContainer, loadConfig, type Config, type Container } from '@app/api';
import { adminUrl, dropDatabase, withDatabase } from './databases.js';
import { withDbName } from './global-setup.js';
import { Client } from './client.js';

let counter = 0;

export interface TestApp {
  orm: Orm;
  config: Config;
  /** The app's container (tests replace its mailer to capture the e-mails). */
  container: Container;
  /** The test database's URL (a second ORM, pg-boss workers). */
  databaseUrl: string;
  baseUrl: string;
  client(): Client;
  close(): Promise<void>;
}

/**
 * A fresh database cloned from the migrated template, the real Koa app on an ephemeral loopback port.
 * Each test file builds the data it asserts on (see factories.ts).
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const baseUrl = inject('databaseUrl');
  const template = inject('templateDatabase');
  const name = `suivi_t_${process.pid}_${++counter}_${Date.now() % 1_000_000}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await withDatabase(adminUrl(baseUrl), (sql) => sql(`create database "${name}" template "${template}"`));
      break;
    } catch (error) {
      // Two workers cloning the same template at once: PostgreSQL refuses the second, briefly.
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const orm = await initOrm(withDbName(baseUrl, name));
  // Proof files of each test app go to their own temporary directory.
  const proofsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'suivi-preuves-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', INTERNAL_API_TOKEN: 'test-internal-token', PROOFS_DIR: proofsDir, ...env });
  const container = createContainer(config, orm, pino({ level: 'silent' }));
  const app = createApp(container);
  const server = http.createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    orm,
    config,
    container,
    databaseUrl: withDbName(baseUrl, name),
    baseUrl: url,
    client: () => new Client(url),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await orm.close();
      await dropDatabase(baseUrl, name);
      fs.rmSync(proofsDir, { recursive: true, force: true });
    },
  };
}
