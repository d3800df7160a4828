import type { z } from 'zod';
import type { Role } from '../schemas/user.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Files a route accepts as multipart/form-data (field `data`: the JSON body; files under their own names). */
export interface MultipartSpec {
  /** Enforced while the request streams in. */
  maxFileBytes: number;
  maxFiles: number;
}

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
  /** null for 204 responses and file downloads. */
  response: R | null;
  status: number;
  /** The request body is a file sent raw (application/octet-stream), refused above `maxBytes`. */
  upload?: { maxBytes: number; label: string };
  /** Also accepts multipart/form-data with files, each refused above `maxFileBytes` while it streams in. */
  multipart?: MultipartSpec;
  /** The answer is a file (exports): the handler sets the body and its media type. */
  download?: { mediaTypes: readonly string[] };
}

/** Keeps the exact types of a route (its schemas, its access) for the API handlers and the web client. */
export function defineRoute<const C extends RouteContract>(route: C): C {
  return route;
}

/** What a route answers (parsed), `undefined` for 204 routes. */
export type ResponseOf<C extends RouteContract> = C['response'] extends z.ZodType ? z.output<C['response']> : undefined;

/** `/api/organisations/:id` + `{ id }` → `/api/organisations/<id>` (values URI-encoded). */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Paramètre de chemin manquant : ${name}`);
    return encodeURIComponent(value);
  });
}
