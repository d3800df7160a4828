import type { Next } from 'koa';
import { ZodError } from 'zod';
import {
  NotFoundError, UniqueConstraintViolationException, OptimisticLockError, ConnectionException, ForeignKeyConstraintViolationException,
} from '@mikro-orm/core';
import { PROBLEM_TYPE_BASE, problemCatalogue, type Problem, type ProblemCode } from '@app/shared';
import { AppError, errors } from '../../application/errors.js';
import type { AppContext } from '../context.js';

/** The one mapping table from failures to problem codes (RFC 9457); everything else is a 500 without internals. */
const mapping: Array<[new (...args: never[]) => Error, (e: Error) => AppError]> = [
  [AppError, (e) => e as AppError],
  [NotFoundError, () => errors.notFound('Ressource')],
  [UniqueConstraintViolationException, () => errors.conflict('Cette ressource existe déjà.')],
  [ForeignKeyConstraintViolationException, () => errors.conflict('Cette ressource est liée à d’autres données.')],
  [OptimisticLockError, () => errors.conflict('La ressource a été modifiée entre-temps : rechargez-la puis recommencez.')],
  [ConnectionException, () => errors.databaseUnavailable()],
];

const zodToAppError = (e: ZodError): AppError =>
  new AppError('validation', 'Certains champs sont invalides.', {
    errors: e.issues.map((i) => ({ path: i.path.map(String).join('.') || '(corps)', message: i.message })),
  });

export function toProblem(error: unknown, requestId: string, instance: string): { problem: Problem; appError: AppError | null } {
  let appError: AppError | null = null;
  if (error instanceof ZodError) appError = zodToAppError(error);
  else if (error instanceof Error) {
    const hit = mapping.find(([cls]) => error instanceof cls);
    if (hit) appError = hit[1](error);
  }
  const code: ProblemCode = appError?.code ?? 'internal';
  const { status, title } = problemCatalogue[code];
  const problem: Problem = {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title,
    status,
    code,
    ...(appError?.detail ? { detail: appError.detail } : {}),
    instance,
    requestId,
    ...(appError?.extra.errors ? { errors: appError.extra.errors } : {}),
    ...(appError?.extra.rule ? { rule: appError.extra.rule } : {}),
  };
  return { problem, appError };
}

/** Catches everything below it; internal errors are logged with the request id, never shown. */
export async function problemJson(ctx: AppContext, next: Next): Promise<void> {
  try {
    await next();
    if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api')) throw errors.routeNotFound();
  } catch (error) {
    const { problem, appError } = toProblem(error, ctx.state.requestId, ctx.path);
    if (!appError) ctx.state.log.error({ err: error }, 'erreur interne');
    if (appError?.extra.retryAfterSeconds) ctx.set('Retry-After', String(appError.extra.retryAfterSeconds));
    ctx.status = problem.status;
    ctx.type = 'application/problem+json';
    ctx.body = problem;
  }
}
