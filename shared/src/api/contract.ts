import type { z } from 'zod';
import type { Role } from '../schemas/user.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone, or the listed roles (everything else: 401 anonymous, 403 wrong role). */
export type Access = 'public' | readonly Role[];

/**
 * A route contract is plain data: the API builds its router from it (validation + authorization),
 * the web client its calls, and the OpenAPI document its paths. Nothing about a route is written twice.
 */
export interface RouteContract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Koa-style path under /api, e.g. `/api/organisations/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** null for 204 responses. */
  response: R | null;
  status: number;
}

export function defineRoute<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
>(route: RouteContract<P, Q, B, R>): RouteContract<P, Q, B, R> {
  return route;
}

export type BodyOf<C> = C extends RouteContract<z.ZodType, z.ZodType, infer B, z.ZodType> ? z.output<B> : never;
export type ResponseOf<C> = C extends RouteContract<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.output<R> : never;

/** `/api/organisations/:id` + `{ id }` → `/api/organisations/<id>` (values URI-encoded). */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Paramètre de chemin manquant : ${name}`);
    return encodeURIComponent(value);
  });
}
