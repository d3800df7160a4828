import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities/index.js';

const migrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));
const isTs = import.meta.url.endsWith('.ts');

/** The single ORM configuration, used by the server, the scripts and the tests. */
export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    // pg-boss keeps its queues in its own schema: not ours to diff or migrate.
    schemaGenerator: { ignoreSchema: ['pgboss'] },
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      glob: isTs ? '!(*.d).{js,ts}' : '!(*.d).js',
      emit: 'ts',
      snapshot: false,
      transactional: true,
      silent: true,
      allOrNothing: true,
    },
    ...overrides,
  });
}
