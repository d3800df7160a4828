import type { ParameterizedContext } from 'koa';
import type { Logger } from 'pino';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor, RequestMeta } from '../application/actor.js';
import type { Container } from '../container.js';

export interface AppState {
  requestId: string;
  log: Logger;
  actor: Actor | null;
  meta: RequestMeta;
}

export type AppContext = ParameterizedContext<AppState> & { container: Container; em: EntityManager };
