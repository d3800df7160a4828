import type { LineOutcome } from '@app/shared';

/** The values a declaration line carries; two lines with the same values are the same declaration. */
export interface DeclaredValues {
  workedMinutes: number;
  trainingMinutes: number | null;
  attestedMinutes: number | null;
  invoiceCents: number | null;
  comment: string | null;
}

export interface RecordedDeclaration extends DeclaredValues {
  id: string;
  status: string;
}

export const sameValues = (a: DeclaredValues, b: DeclaredValues): boolean =>
  a.workedMinutes === b.workedMinutes &&
  (a.trainingMinutes ?? null) === (b.trainingMinutes ?? null) &&
  (a.attestedMinutes ?? null) === (b.attestedMinutes ?? null) &&
  (a.invoiceCents ?? null) === (b.invoiceCents ?? null) &&
  (a.comment ?? null) === (b.comment ?? null);

/**
 * What confirming a line will do, given what is recorded for the same placement and month. Importing
 * the same values again changes nothing (idempotent on placement × month), even once validated; other
 * values for a validated month are refused (the facilitator has decided; ask for a new review).
 */
export function lineOutcome(line: DeclaredValues, recorded: RecordedDeclaration | undefined): { outcome: LineOutcome; error?: string } {
  if (!recorded) return { outcome: 'create' };
  if (sameValues(line, recorded) && recorded.status !== 'draft') return { outcome: 'unchanged' };
  if (recorded.status === 'validated') {
    return { outcome: 'error', error: 'Ce mois est déjà validé pour cette mise en poste : une déclaration validée ne se modifie plus.' };
  }
  return { outcome: 'update' };
}
