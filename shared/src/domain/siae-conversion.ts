/**
 * Subcontracting to an SIAE (EI, ACI), an EA or an ESAT (rule C7): the structure's attested insertion
 * hours count; without an attestation, invoices are converted (invoice HT × τ_MO ÷ C: 40 000 € × 0.8
 * ÷ 25 €/h = 1 280 h); when both exist, the smaller of the two counts.
 */
import { floorFraction, fraction, RATE_SCALE, toBasisPoints } from './arithmetic.js';
import { monthOf, monthRange, type YearMonth } from './calendar.js';
import type { Ledger, SliceKind, SliceOrigin } from './counting-ledger.js';
import { formatDateFr, formatEuros, formatHours, formatPercent } from './format.js';
import { prorate } from './proration.js';
import type { InsertionClause, SiaeSubcontract } from './schemas.js';
import type { Modality } from './vocabulary.js';

export interface SubcontractCount {
  readonly subcontractId: string;
  /** Total attested minutes, null without attestations. */
  readonly attestedMinutes: number | null;
  /** Total minutes converted from invoices, null without invoices. */
  readonly convertedMinutes: number | null;
  readonly countedMinutes: number;
  /** French, readable: "40 000,00 € × 80 % ÷ 25,00 €/h = 1 280 h". */
  readonly formula: string;
}

/** Hours bought from a structure: invoice HT × labour share ÷ hourly cost, in minutes (rounded down). */
export function convertInvoiceToMinutes(amountCents: number, labourShare: number, hourlyCostCents: number): number {
  return floorFraction(fraction(BigInt(amountCents) * BigInt(toBasisPoints(labourShare)) * 60n, BigInt(hourlyCostCents) * BigInt(RATE_SCALE)));
}

function sumByMonth<T>(items: readonly T[], month: (item: T) => YearMonth, value: (item: T) => number): [YearMonth, number][] {
  const totals = new Map<YearMonth, number>();
  for (const item of items) totals.set(month(item), (totals.get(month(item)) ?? 0) + value(item));
  return [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function countSiaeSubcontract(subcontract: SiaeSubcontract, clause: InsertionClause, ledger: Ledger): SubcontractCount {
  const rules = clause.rules.counting.c7;
  const labourShare = subcontract.labourShare ?? rules.defaultLabourShare;
  const hourlyCostCents = subcontract.hourlyCostCents ?? rules.defaultHourlyCostCents;
  const modality: Modality = subcontract.structureKind === 'ei' || subcontract.structureKind === 'aci' ? 'siae_subcontract' : 'ea_esat_subcontract';
  const origin = (month: YearMonth, kind: SliceKind): SliceOrigin => ({
    month,
    kind,
    modality,
    participantId: null,
    placementId: null,
    declarationId: null,
    subcontractId: subcontract.id,
    pooledFromClauseId: null,
  });

  const invoicedCents = subcontract.invoices.reduce((total, invoice) => total + invoice.amountCents, 0);
  const convertedByMonth = sumByMonth(subcontract.invoices, (invoice) => monthOf(invoice.date), (invoice) => invoice.amountCents).map(
    ([month, cents]): [YearMonth, number] => [month, convertInvoiceToMinutes(cents, labourShare, hourlyCostCents)],
  );
  const attestedByMonth = sumByMonth(subcontract.attestations, (attestation) => attestation.month, (attestation) => attestation.minutes);
  const convertedMinutes = subcontract.invoices.length > 0 ? convertedByMonth.reduce((total, [, minutes]) => total + minutes, 0) : null;
  const attestedMinutes = subcontract.attestations.length > 0 ? attestedByMonth.reduce((total, [, minutes]) => total + minutes, 0) : null;
  const conversionText = `${formatEuros(invoicedCents)} × ${formatPercent(labourShare)} ÷ ${formatEuros(hourlyCostCents)}/h = ${formatHours(convertedMinutes ?? 0)}`;
  const useAttested = attestedMinutes !== null;
  const kind: SliceKind = useAttested ? 'siae_attested' : 'siae_converted';
  const base = useAttested ? attestedByMonth : convertedByMonth;

  if (!rules.enabled) {
    for (const [month, minutes] of base) {
      ledger.exclude(origin(month, kind), minutes, 'C7', 'subcontract_not_counted', 'La sous-traitance à une structure d’insertion ne compte pas pour cette clause (C7 non retenue).');
    }
    return { subcontractId: subcontract.id, attestedMinutes, convertedMinutes, countedMinutes: 0, formula: 'C7 non retenue : aucune heure comptée.' };
  }

  let counted = 0;
  for (const [month, minutes] of base) {
    // Attested months are work months: outside the clause period they are prorated away.
    // Invoice dates are billing dates, so converted hours are not.
    let remaining = minutes;
    if (useAttested) {
      const outcome = prorate(minutes, monthRange(month), {
        classify: (day) => (day < clause.startDate ? 'before_clause' : day > clause.endDate ? 'after_clause' : null),
      });
      for (const part of outcome.excluded) {
        const reason =
          part.key === 'before_clause'
            ? `Heures attestées antérieures au début de la clause (${formatDateFr(clause.startDate)}), au prorata des jours ouvrés.`
            : `Heures attestées postérieures à la fin de la clause (${formatDateFr(clause.endDate)}), au prorata des jours ouvrés.`;
        ledger.exclude(origin(month, kind), part.minutes, 'CLAUSE_PERIOD', part.key, reason);
      }
      remaining = outcome.counted;
    }
    if (useAttested && convertedMinutes !== null) {
      const allowed = Math.max(0, convertedMinutes - counted);
      if (remaining > allowed) {
        ledger.exclude(
          origin(month, kind),
          remaining - allowed,
          'C7',
          'siae_capped_at_converted',
          `Heures attestées au-delà des heures converties depuis les factures (${conversionText}) (C7).`,
        );
        remaining = allowed;
      }
    }
    if (remaining > 0) ledger.counted.push({ ...origin(month, kind), source: 'siae_subcontract', minutes: remaining });
    counted += remaining;
  }

  const formula = useAttested
    ? convertedMinutes === null
      ? `Heures attestées par la structure : ${formatHours(attestedMinutes ?? 0)}`
      : `min(heures attestées ${formatHours(attestedMinutes ?? 0)} ; ${conversionText}) = ${formatHours(counted)}`
    : conversionText;
  return { subcontractId: subcontract.id, attestedMinutes, convertedMinutes, countedMinutes: counted, formula };
}
