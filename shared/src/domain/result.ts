import type { z } from 'zod';

/** A business problem, named so that the API can map it to a 422 and the UI can show the message. */
export interface Violation {
  /** Stable English code, e.g. `negative_amount`, `inverted_dates`, `rate_out_of_range`. */
  readonly code: string;
  /** Dotted path to the offending field (`declarations.3.workedMinutes`), empty for the whole input. */
  readonly path: string;
  /** French message for the user. */
  readonly message: string;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly violations: readonly Violation[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(violations: readonly Violation[]): Result<T> {
  return { ok: false, violations };
}

export function makeViolation(code: string, path: string, message: string): Violation {
  return { code, path, message };
}

// zod issues carry our business code in `params.code` (see schemas.ts); other issues keep zod's code.
function toViolation(issue: z.core.$ZodIssue): Violation {
  const params = 'params' in issue ? (issue.params as { code?: unknown } | undefined) : undefined;
  const code = typeof params?.code === 'string' ? params.code : issue.code;
  return { code, path: issue.path.map(String).join('.'), message: issue.message };
}

/** Parses `input` with `schema`; business problems come back as violations, never as exceptions. */
export function validateWith<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail(parsed.error.issues.map(toViolation));
}

/** Chains a validated input into a computation that may itself report violations. */
export function andThen<T, U>(result: Result<T>, next: (value: T) => Result<U>): Result<U> {
  return result.ok ? next(result.value) : result;
}

/** Unwraps a result in tests and internal call sites where the input is known to be valid. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const detail = result.violations.map((v) => `${v.path || '(racine)'} : ${v.message}`).join(' ; ');
  throw new Error(`Entrée invalide — ${detail}`);
}
