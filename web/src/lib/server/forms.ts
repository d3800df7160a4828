import { fail, type ActionFailure } from '@sveltejs/kit';
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
