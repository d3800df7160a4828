import { pino, type Logger } from 'pino';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { ProofStorage } from './infra/proof-storage.js';

/** Today's date in Paris (YYYY-MM-DD): the domain never reads the clock, the use cases get it from here. */
export interface Clock {
  today(): string;
}

const parisDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
export const systemClock = (fixed?: string): Clock => ({ today: () => fixed ?? parisDate.format(new Date()) });

/** The composition root: what every request needs, built once and passed in (no global singletons). */
export interface Container {
  config: Config;
  orm: MikroORM;
  logger: Logger;
  clock: Clock;
  proofs: ProofStorage;
}

export function createContainer(config: Config, orm: MikroORM, logger?: Logger): Container {
  return {
    config,
    orm,
    logger: logger ?? pino({ level: config.logLevel, base: { service: 'suivi-clauses' } }),
    clock: systemClock(config.fixedToday),
    proofs: new ProofStorage(config.proofsDir),
  };
}
