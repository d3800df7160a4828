import { defineConfig } from 'vitest/config';

// One Vitest run, four projects: pure rules (shared), database and API units, and HTTP integration on PostgreSQL.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', include: ['shared/src/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'db', include: ['db/src/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'api', include: ['api/src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
