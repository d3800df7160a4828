import { fail, type RequestEvent } from '@sveltejs/kit';
import { ApiProblem, fieldErrors } from './api';

/** Text of a form field, trimmed; '' when absent. */
export const text = (data: FormData, name: string): string => String(data.get(name) ?? '').trim();
/** Text or null when empty (optional API fields). */
export const optional = (data: FormData, name: string): string | null => text(data, name) || null;
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
