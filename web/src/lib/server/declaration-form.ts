import { parseEuros, parseHours, parseText, COMMENT_MAX_LENGTH } from '@app/shared';

export interface HoursInput {
  workedMinutes: number;
  trainingMinutes: number | null;
  attestedMinutes: number | null;
  invoiceCents: number | null;
  comment: string | null;
}

/**
 * The hours typed in a declaration form ("151:40", "151,67", "7,5"), turned into minutes here, at the
 * edge; field messages keyed like the API's (workedMinutes…) so that both show at the same place.
 */
export function readHoursForm(data: FormData): { input: HoursInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const take = <T>(field: string, parsed: { ok: true; value: T | null } | { ok: false; message: string }): T | null => {
    if (parsed.ok) return parsed.value;
    errors[field] = parsed.message;
    return null;
  };
  const field = (name: string) => String(data.get(name) ?? '');
  const input: HoursInput = {
    workedMinutes: take('workedMinutes', parseHours(field('workedHours'))) ?? 0,
    trainingMinutes: take('trainingMinutes', parseHours(field('trainingHours'))),
    attestedMinutes: take('attestedMinutes', parseHours(field('attestedHours'))),
    invoiceCents: take('invoiceCents', parseEuros(field('invoiceAmount'))),
    comment: take('comment', parseText(field('comment'), COMMENT_MAX_LENGTH)),
  };
  return { input, errors };
}
