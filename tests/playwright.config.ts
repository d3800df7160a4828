import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.E2E_PORT ?? 3310);
const repoRoot = fileURLToPath(new URL('../', import.meta.url));
/** An already running server (development): E2E_BASE_URL=http://127.0.0.1:3013 npx playwright test … */
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${port}`;

/**
 * Browser journeys against the real server (Koa + SvelteKit + embedded PostgreSQL with the demo data),
 * in Debian's Chromium: never a downloaded browser. Every journey runs on a laptop screen and on a
 * phone: two projects, the same tests.
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  // Two browsers at once (one spec file each): the journeys wait on the server more than they compute.
  // Each journey makes its own data (run-unique names), so that they do not meet.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  // The machine is shared (two browsers, the server and PostgreSQL on two cores): generous timeouts.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'ordinateur', use: { viewport: { width: 1366, height: 768 } } },
    { name: 'telephone', use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 } },
  ],
  webServer: external
    ? undefined
    : {
        command: `exec node ${repoRoot}api/dist/server.js`,
        url: `http://127.0.0.1:${port}/api/health`,
        reuseExistingServer: false,
        timeout: 90_000,
        // Stopped as a terminal's Ctrl-C would (the default is SIGKILL): the server then stops its embedded
        // PostgreSQL, which runs detached and would otherwise be left running until the next start.
        gracefulShutdown: { signal: 'SIGINT', timeout: 30_000 },
        env: {
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_URL: baseURL,
          EMBEDDED_PG_DIR: `${repoRoot}.data/pg-e2e`,
          EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? '54331',
          LOG_LEVEL: 'warn',
          DATABASE_URL: '',
          REMINDERS: 'false',
        },
      },
});
