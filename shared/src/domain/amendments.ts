/**
 * Amendments (avenants, decisions.md §4): each one changes the amount and, by its hours policy,
 * the required hours. The whole history is returned so that it can be stored and audited.
 */
import { z } from 'zod';
import { fraction, fractionToNumber, roundFraction } from './arithmetic.js';
import { formatEuros, formatHours, formatNumberFr } from './format.js';
import { andThen, fail, ok, validateWith, makeViolation, type Result, type Violation } from './result.js';
import { amendmentSchema, listField, centsField, isoDateField, minutesField, type Amendment } from './schemas.js';
import type { IsoDate } from './calendar.js';
import type { HoursPolicy } from './vocabulary.js';

export interface RequiredHoursHistoryEntry {
  readonly effectiveDate: IsoDate;
  /** Null for the initial value of the clause. */
  readonly amendmentId: string | null;
  readonly policy: HoursPolicy | 'initial';
  readonly amountCents: number;
  readonly requiredMinutes: number;
  readonly unroundedHours: number;
  readonly formula: string;
}

export interface AmendmentHistory {
  readonly history: readonly RequiredHoursHistoryEntry[];
  readonly current: RequiredHoursHistoryEntry;
}

const amendmentInputSchema = z.object({
  initial: z.object({
    effectiveDate: isoDateField('Date d’effet initiale'),
    amountCents: centsField('Montant HT initial'),
    requiredMinutes: minutesField('Heures requises initiales'),
  }),
  amendments: listField(amendmentSchema, 'Avenants'),
});
export type AmendmentInput = z.infer<typeof amendmentInputSchema>;

/**
 * Applies the amendments in order of effective date. `prorata` scales the hours in force (the
 * contractual, rounded value) by new amount ÷ previous amount: 833 h × 1 080 000 ÷ 1 000 000 = 900 h.
 */
export function applyAmendments(input: AmendmentInput): Result<AmendmentHistory> {
  return andThen(validateWith(amendmentInputSchema, input), ({ initial, amendments }) => {
    const initialEntry: RequiredHoursHistoryEntry = {
      effectiveDate: initial.effectiveDate,
      amendmentId: null,
      policy: 'initial',
      amountCents: initial.amountCents,
      requiredMinutes: initial.requiredMinutes,
      unroundedHours: initial.requiredMinutes / 60,
      formula: `Heures initiales : ${formatHours(initial.requiredMinutes)} pour ${formatEuros(initial.amountCents)}`,
    };
    const ordered = amendments
      .map((amendment, index) => ({ amendment, index }))
      .sort((a, b) => (a.amendment.effectiveDate === b.amendment.effectiveDate ? a.index - b.index : a.amendment.effectiveDate < b.amendment.effectiveDate ? -1 : 1));
    const history: RequiredHoursHistoryEntry[] = [initialEntry];
    const violations: Violation[] = [];
    let current = initialEntry;
    for (const { amendment, index } of ordered) {
      const next = applyOne(current, amendment, `amendments.${index}`);
      if ('code' in next) {
        violations.push(next);
        continue;
      }
      history.push(next);
      current = next;
    }
    return violations.length > 0 ? fail(violations) : ok({ history, current });
  });
}

function applyOne(current: RequiredHoursHistoryEntry, amendment: Amendment, path: string): RequiredHoursHistoryEntry | Violation {
  const amountCents = current.amountCents + amendment.deltaAmountCents;
  if (amountCents < 0) {
    return makeViolation('negative_amount', `${path}.deltaAmountCents`, `L’avenant ${amendment.id} rendrait le montant du marché négatif.`);
  }
  const base = { effectiveDate: amendment.effectiveDate, amendmentId: amendment.id, policy: amendment.hoursPolicy, amountCents };
  const amountText = `${formatEuros(current.amountCents)} → ${formatEuros(amountCents)}`;
  switch (amendment.hoursPolicy) {
    case 'unchanged':
      return {
        ...base,
        requiredMinutes: current.requiredMinutes,
        unroundedHours: current.requiredMinutes / 60,
        formula: `Avenant ${amendment.id} (${amountText}) : heures inchangées, ${formatHours(current.requiredMinutes)}`,
      };
    case 'explicit': {
      const minutes = amendment.explicitRequiredMinutes ?? 0;
      const hours = fraction(minutes, 60);
      const requiredMinutes = Math.max(0, roundFraction(hours)) * 60;
      return {
        ...base,
        requiredMinutes,
        unroundedHours: fractionToNumber(hours),
        formula: `Avenant ${amendment.id} (${amountText}) : nouvelle valeur fixée, ${formatHours(requiredMinutes)}`,
      };
    }
    case 'prorata': {
      if (current.amountCents === 0) {
        return makeViolation('prorata_without_amount', `${path}.hoursPolicy`, `L’avenant ${amendment.id} ne peut pas être appliqué au prorata : le montant précédent est nul.`);
      }
      const hours = fraction(BigInt(current.requiredMinutes) * BigInt(amountCents), 60n * BigInt(current.amountCents));
      const requiredMinutes = Math.max(0, roundFraction(hours)) * 60;
      const unroundedHours = fractionToNumber(hours);
      return {
        ...base,
        requiredMinutes,
        unroundedHours,
        formula:
          `Avenant ${amendment.id} : ${formatHours(current.requiredMinutes)} × ${formatEuros(amountCents)} ÷ ${formatEuros(current.amountCents)}` +
          ` = ${formatNumberFr(unroundedHours)}\u00a0h → ${formatHours(requiredMinutes)}`,
      };
    }
  }
}

/** The required minutes in force on `date` (the initial value before the first amendment). */
export function requiredMinutesOn(history: readonly RequiredHoursHistoryEntry[], date: IsoDate): number {
  let inForce = history[0];
  for (const entry of history) {
    if (entry.effectiveDate <= date) inForce = entry;
  }
  return inForce?.requiredMinutes ?? 0;
}
