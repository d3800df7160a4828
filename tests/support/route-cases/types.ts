import type { createWorld, Tenant } from '../factories.js';

export type World = Awaited<ReturnType<typeof createWorld>>;
/** A valid request for the route, made as `me` (the matrix runs it for each role, anonymous and another tenant). */
export type Call = { method: string; path: string; body?: unknown; rawBody?: Buffer | string; headers?: Record<string, string> };
export type RouteCase = (w: World, me: Tenant) => Call | Promise<Call>;
