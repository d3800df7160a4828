import { pino, type Logger } from 'pino';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config.js';
import { fixedClock, systemClock, type Clock } from './infra/clock.js';
import { ProofStorage } from './infra/proof-storage.js';
import { createMailer, type Mailer } from './infra/mailer.js';

/** The composition root: what every request needs, built once and passed in (no global singletons). */
export interface Container {
  config: Config;
  orm: MikroORM;
  logger: Logger;
  clock: Clock;
  proofs: ProofStorage;
  /** Replaceable (tests capture the e-mails). */
  mailer: Mailer;
}

export function createContainer(config: Config, orm: MikroORM, logger?: Logger, clock?: Clock): Container {
  const log = logger ?? pino({ level: config.logLevel, base: { service: 'suivi-clauses' } });
  return {
    config,
    orm,
    logger: log,
    clock: clock ?? (config.fixedToday ? fixedClock(config.fixedToday) : systemClock),
    proofs: new ProofStorage(config.proofsDir),
    mailer: createMailer(config.mail, log),
  };
}
