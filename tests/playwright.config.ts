import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.E2E_PORT ?? 3310);
const repoRoot = fileURLToPath(new URL('../', import.meta.url));

/**
 * Browser journeys against the real server (Koa + SvelteKit + embedded PostgreSQL with the demo data),
 * in Debian's Chromium: never a downloaded browser.
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
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
      EMBEDDED_PG_DIR: `${repoRoot}.data/pg-e2e`,
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? '54331',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
  },
});
