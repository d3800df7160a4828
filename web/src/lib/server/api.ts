import { env } from '$env/dynamic/private';
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { buildPath, problemSchema, type Problem, type ResponseOf, type RouteContract } from '@app/shared';

export const SESSION_COOKIE = 'sid';

/** A problem+json answer of the API, carried to loads (error pages) and actions (form messages). */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

type Input = {
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** A file sent as is (uploads). */
  raw?: { data: Uint8Array; contentType: string };
};

/**
 * Calls the API over loopback from the SvelteKit server, with the browser's session cookie and address.
 * The browser never talks to the API for pages: everything goes through loads and form actions.
 */
export async function apiFetch(event: Pick<RequestEvent, 'getClientAddress' | 'locals'>, route: RouteContract, input: Input = {}): Promise<Response> {
  const origin = env.API_ORIGIN ?? 'http://127.0.0.1:3000';
  const url = new URL(buildPath(route.path, input.params), origin);
  for (const [k, v] of Object.entries(input.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, v);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (env.INTERNAL_API_TOKEN) {
    headers['x-internal-token'] = env.INTERNAL_API_TOKEN;
    headers['x-client-ip'] = event.getClientAddress();
  }
  if (event.locals.sessionToken) headers.cookie = `${SESSION_COOKIE}=${event.locals.sessionToken}`;
  if (input.body !== undefined) headers['content-type'] = 'application/json';
  if (input.raw) headers['content-type'] = input.raw.contentType;
  return fetch(url, {
    method: route.method,
    headers,
    body: input.raw ? (input.raw.data as BodyInit) : input.body === undefined ? undefined : JSON.stringify(input.body),
  });
}

/**
 * multipart/form-data call (routes that take files): `data` carries the JSON body, then each file under its field name.
 * The files are forwarded as they came from the browser; the API checks their type on the content.
 */
export async function apiMultipart<C extends RouteContract>(
  event: Pick<RequestEvent, 'getClientAddress' | 'locals'>,
  route: C,
  input: { params?: Record<string, string>; data: unknown; files: Record<string, File> },
): Promise<ResponseOf<C>> {
  const origin = env.API_ORIGIN ?? 'http://127.0.0.1:3000';
  const url = new URL(buildPath(route.path, input.params), origin);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (env.INTERNAL_API_TOKEN) {
    headers['x-internal-token'] = env.INTERNAL_API_TOKEN;
    headers['x-client-ip'] = event.getClientAddress();
  }
  if (event.locals.sessionToken) headers.cookie = `${SESSION_COOKIE}=${event.locals.sessionToken}`;
  const form = new FormData();
  form.set('data', JSON.stringify(input.data));
  for (const [field, file] of Object.entries(input.files)) form.set(field, file, file.name);
  const res = await fetch(url, { method: route.method, headers, body: form });
  if (!res.ok) throw new ApiProblem(await problemOf(res));
  return route.response!.parse(await res.json()) as ResponseOf<C>;
}

async function problemOf(res: Response): Promise<Problem> {
  const parsed = problemSchema.safeParse(await res.json().catch(() => null));
  if (parsed.success) return parsed.data;
  return { type: 'about:blank', title: 'Le service ne répond pas correctement', status: res.status, code: 'internal' };
}

/** Typed call: returns the parsed response, or throws ApiProblem. */
export async function api<C extends RouteContract>(event: Pick<RequestEvent, 'getClientAddress' | 'locals'>, route: C, input: Input = {}): Promise<ResponseOf<C>> {
  const res = await apiFetch(event, route, input);
  if (!res.ok) throw new ApiProblem(await problemOf(res));
  if (!route.response || res.status === 204) return undefined as ResponseOf<C>;
  return route.response.parse(await res.json()) as ResponseOf<C>;
}

/** For loads: sign-in again on 401, otherwise the error page with the API's French message. */
export function failLoad(e: unknown): never {
  if (e instanceof ApiProblem) {
    if (e.problem.status === 401) redirect(303, '/connexion');
    error(e.problem.status, { message: e.problem.detail ?? e.problem.title, code: e.problem.code, requestId: e.problem.requestId });
  }
  throw e;
}

/** Field messages of a problem, keyed by path, for forms. */
export function fieldErrors(problem: Problem): Record<string, string> {
  return Object.fromEntries((problem.errors ?? []).map((e) => [e.path, e.message]));
}
