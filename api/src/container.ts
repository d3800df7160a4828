import { pino, type Logger } from 'pino';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { fixedClock, systemClock, type Clock } from './infra/clock.js';
import { ProofStorage } from './infra/proof-storage.js';

/** The composition root: what every request needs, built once and passed in (no global singletons). */
export interface Container {
  config: Config;
  orm: MikroORM;
  logger: Logger;
  clock: Clock;
  proofs: ProofStorage;
}

export function createContainer(config: Config, orm: MikroORM, logger?: Logger, clock?: Clock): Container {
  return {
    config,
    orm,
    logger: logger ?? pino({ level: config.logLevel, base: { service: 'suivi-clauses' } }),
    clock: clock ?? (config.fixedToday ? fixedClock(config.fixedToday) : systemClock),
    proofs: new ProofStorage(config.proofsDir),
  };
}
