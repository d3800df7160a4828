import { pino, type Logger } from 'pino';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';

/** The composition root: what every request needs, built once and passed in (no global singletons). */
export interface Container {
  config: Config;
  orm: MikroORM;
  logger: Logger;
}

export function createContainer(config: Config, orm: MikroORM, logger?: Logger): Container {
  return { config, orm, logger: logger ?? pino({ level: config.logLevel, base: { service: 'suivi-clauses' } }) };
}
