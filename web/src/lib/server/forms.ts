import { fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { ApiProblem, fieldErrors } from './api';

/** What a failed form gets back: the French message, the field messages by path, and what was typed. */
export interface FormFailure {
  form?: string;
  message: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}

/** The typed values of a form, to put back in the fields when the API refuses it. */
export function typedValues(data: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of data.entries()) if (typeof v === 'string') values[k] = values[k] ? `${values[k]},${v}` : v;
  return values;
}

/** Runs the API call of a form action; an API problem becomes a form failure (status, message, field errors). */
export async function submit<T>(data: FormData, run: () => Promise<T>, form?: string): Promise<T | ActionFailure<FormFailure>> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof ApiProblem)) throw e;
    return fail(e.problem.status, { form, message: e.problem.detail ?? e.problem.title, errors: fieldErrors(e.problem), values: typedValues(data) });
  }
}

export const text = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();
export const optional = (data: FormData, name: string): string | null => text(data, name) || null;
export const checked = (data: FormData, name: string): boolean => data.get(name) === 'on' || data.get(name) === 'true';
/** A whole number, or NaN so that the API answers with its French message. */
export const integer = (data: FormData, name: string): number => (text(data, name) === '' ? Number.NaN : Number(text(data, name)));
/** The code in front of a suggestion ("46042 — Cahors (46)" → "46042"), or the text as typed. */
export const leadingCode = (value: string): string => /^([0-9][0-9AB][0-9]{1,6})\b/.exec(value.trim())?.[1] ?? value.trim();

/**
 * Runs a form action against the API: on a problem, the French message and the field errors go back to the form,
 * with the typed values (files excepted) so that nothing typed is lost.
 */
export async function submitForm<T>(event: Pick<RequestEvent, 'request'>, form: string, run: (data: FormData) => Promise<T>) {
  const data = await event.request.formData();
  const values = Object.fromEntries([...data.entries()].filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v)]));
  try {
    return { form, success: true as const, result: await run(data) };
  } catch (e) {
    if (!(e instanceof ApiProblem)) throw e;
    return fail(e.problem.status, { form, values, message: e.problem.detail ?? e.problem.title, errors: fieldErrors(e.problem) });
  }
}
