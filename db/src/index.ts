export * from './entities/index.js';
export { ormConfig } from './config.js';
export { initOrm, migrate, pendingSchemaDiff, type Orm } from './orm.js';
export { runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.js';
export { embeddedSettings } from './embedded-settings.js';
export { withAdvisoryLock } from './lock.js';
export { seedDemo, demoAccounts, DEMO_PASSWORD } from './seeders/demo.js';
export { loadReferentials } from './referentials/load.js';
export { foldForSearch } from './referentials/fold.js';
