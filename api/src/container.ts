import { pino, type Logger } from 'pino';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { systemClock, type Clock } from './infra/clock.js';

/** The composition root: what every request needs, built once and passed in (no global singletons). */
export interface Container {
  config: Config;
  orm: MikroORM;
  logger: Logger;
  clock: Clock;
}

export function createContainer(config: Config, orm: MikroORM, logger?: Logger, clock: Clock = systemClock): Container {
  return { config, orm, logger: logger ?? pino({ level: config.logLevel, base: { service: 'suivi-clauses' } }), clock };
}
