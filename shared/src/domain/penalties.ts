/**
 * Penalties (decisions.md §10): per missing hour, indexed on the SMIC, recovery of the insertion
 * effort, or per day of late reporting after a formal notice; optionally capped at a share of the
 * contract amount. Every amount comes with the formula that produced it, in French.
 * Good-faith hours (decisions.md §15, good-faith.ts), when the clause deducts them, reduce the
 * shortfall first: max(0, required − counted − credited), shown as the formula's first line.
 */
import { z } from 'zod';
import { fraction, RATE_SCALE, roundFraction, toBasisPoints } from './arithmetic.js';
import { addDays, daysBetween, type IsoDate } from './calendar.js';
import { formatDateFr, formatEuros, formatHours, formatNumberFr, formatPercent } from './format.js';
import { DEFAULT_GOOD_FAITH_RULES, SMIC_HOURLY_TABLE, smicAt } from './parameters.js';
import { andThen, fail, ok, validateWith, makeViolation, type Result } from './result.js';
import { booleanField, centsField, isoDateField, listField, minutesField, penaltyRulesSchema, type PenaltyModel } from './schemas.js';
import type { PenaltyModelCode } from './vocabulary.js';

export interface PenaltyFigures {
  readonly shortfallMinutes?: number;
  readonly rateCents?: number;
  readonly coefficient?: number;
  readonly smicHourlyCents?: number;
  readonly smicFrom?: IsoDate;
  readonly hourlyCostCents?: number;
  readonly daysLate?: number;
  readonly ratePerDayCents?: number;
}

export interface PenaltyLine {
  readonly model: PenaltyModelCode;
  readonly amountCents: number;
  /** "223 h × 30,00 €/h = 6 690,00 €". */
  readonly formula: string;
  readonly figures: PenaltyFigures;
}

/** The good-faith credit of a penalty (present only when hours were credited). */
export interface PenaltyGoodFaith {
  readonly creditedMinutes: number;
  /** False when the clause does not deduct them: shown, not applied. */
  readonly deducted: boolean;
  /** required − counted, before the credit. */
  readonly shortfallBeforeCreditMinutes: number;
  /** "Manque retenu : 833 h requises − 610 h comptées − 100 h d’efforts de bonne foi = 123 h". */
  readonly line: string;
}

export interface PenaltyAssessment {
  /** The shortfall the amounts are computed on (after the good-faith credit, when deducted). */
  readonly shortfallMinutes: number;
  readonly goodFaith?: PenaltyGoodFaith;
  readonly lines: readonly PenaltyLine[];
  readonly totalBeforeCapCents: number;
  /** Cap in cents (share of the contract amount), null without a cap. */
  readonly capCents: number | null;
  readonly totalCents: number;
  readonly formula: string;
  readonly waived: boolean;
}

const smicEntrySchema = z.object({ from: isoDateField('Date d’effet du SMIC'), hourlyCents: centsField('SMIC horaire brut') });

const penaltyInputSchema = z.object({
  penalties: penaltyRulesSchema,
  requiredMinutes: minutesField('Heures requises'),
  countedMinutes: minutesField('Heures comptées'),
  contractAmountCents: centsField('Montant HT du marché'),
  /** Date at which the SMIC is read (decision date). */
  assessmentDate: isoDateField('Date d’évaluation'),
  /** Formal notice (mise en demeure) for the late-report model. */
  lateReport: z
    .object({
      formalNoticeDate: isoDateField('Date de la mise en demeure'),
      /** Day the missing report was finally received; null while still missing (today is used). */
      reportReceivedOn: isoDateField('Date de réception du bilan').nullish(),
    })
    .nullish(),
  today: isoDateField('Date du jour'),
  waived: booleanField('Exonération décidée').nullish(),
  smicTable: listField(smicEntrySchema, 'Table du SMIC').nullish(),
  /** Hours credited as good-faith efforts (good-faith.ts) and the clause's `goodFaith.deductFromShortfall`. */
  goodFaith: z
    .object({
      creditedMinutes: minutesField('Heures d’efforts de bonne foi'),
      deductFromShortfall: booleanField('Efforts de bonne foi déduits du manque').nullish(),
    })
    .nullish(),
});
export type PenaltyInput = z.input<typeof penaltyInputSchema>;
type ParsedPenaltyInput = z.output<typeof penaltyInputSchema>;

function perHourAmount(shortfallMinutes: number, centsPerHour: number): number {
  return roundFraction(fraction(BigInt(shortfallMinutes) * BigInt(centsPerHour), 60));
}

function line(model: PenaltyModel, input: ParsedPenaltyInput, shortfallMinutes: number): PenaltyLine | { error: string } {
  const hours = formatHours(shortfallMinutes);
  switch (model.model) {
    case 'per_hour': {
      const amountCents = perHourAmount(shortfallMinutes, model.rateCents);
      return {
        model: 'per_hour',
        amountCents,
        formula: `${hours} × ${formatEuros(model.rateCents)}/h = ${formatEuros(amountCents)}`,
        figures: { shortfallMinutes, rateCents: model.rateCents },
      };
    }
    case 'smic_indexed': {
      const smic = smicAt(input.assessmentDate, input.smicTable ?? SMIC_HOURLY_TABLE);
      if (!smic) return { error: `Aucune valeur du SMIC connue au ${formatDateFr(input.assessmentDate)}.` };
      const amountCents = roundFraction(
        fraction(BigInt(shortfallMinutes) * BigInt(toBasisPoints(model.coefficient)) * BigInt(smic.hourlyCents), 60n * BigInt(RATE_SCALE)),
      );
      return {
        model: 'smic_indexed',
        amountCents,
        formula: `${hours} × ${formatNumberFr(model.coefficient)} × ${formatEuros(smic.hourlyCents)}/h (SMIC horaire brut en vigueur le ${formatDateFr(input.assessmentDate)}) = ${formatEuros(amountCents)}`,
        figures: { shortfallMinutes, coefficient: model.coefficient, smicHourlyCents: smic.hourlyCents, smicFrom: smic.from },
      };
    }
    case 'effort': {
      const amountCents = perHourAmount(shortfallMinutes, model.hourlyCostCents);
      return {
        model: 'effort',
        amountCents,
        formula: `${hours} × ${formatEuros(model.hourlyCostCents)}/h (coût horaire de l’effort d’insertion) = ${formatEuros(amountCents)}`,
        figures: { shortfallMinutes, hourlyCostCents: model.hourlyCostCents },
      };
    }
    case 'late_report': {
      const notice = input.lateReport;
      if (!notice) {
        return { model: 'late_report', amountCents: 0, formula: 'Pas de mise en demeure restée sans effet : 0,00\u00a0€', figures: { daysLate: 0, ratePerDayCents: model.ratePerDayCents } };
      }
      const deadline = addDays(notice.formalNoticeDate, model.noticeDays);
      const until = notice.reportReceivedOn ?? input.today;
      const daysLate = Math.max(0, daysBetween(deadline, until));
      const amountCents = daysLate * model.ratePerDayCents;
      return {
        model: 'late_report',
        amountCents,
        formula: `${daysLate} jour${daysLate > 1 ? 's' : ''} de retard après le ${formatDateFr(deadline)} × ${formatEuros(model.ratePerDayCents)}/jour = ${formatEuros(amountCents)}`,
        figures: { daysLate, ratePerDayCents: model.ratePerDayCents },
      };
    }
  }
}

function goodFaithOf(parsed: ParsedPenaltyInput, shortfallBeforeCreditMinutes: number): PenaltyGoodFaith | undefined {
  const creditedMinutes = parsed.goodFaith?.creditedMinutes ?? 0;
  if (creditedMinutes === 0) return undefined;
  const deducted = parsed.goodFaith?.deductFromShortfall ?? DEFAULT_GOOD_FAITH_RULES.deductFromShortfall;
  const credit = formatHours(creditedMinutes);
  const line = deducted
    ? `Manque retenu : ${formatHours(parsed.requiredMinutes)} requises − ${formatHours(parsed.countedMinutes)} comptées − ${credit} d’efforts de bonne foi = ${formatHours(Math.max(0, shortfallBeforeCreditMinutes - creditedMinutes))}`
    : `Efforts de bonne foi : ${credit}, non déduits du manque (la clause ne le prévoit pas)`;
  return { creditedMinutes, deducted, shortfallBeforeCreditMinutes, line };
}

export function computePenalties(input: PenaltyInput): Result<PenaltyAssessment> {
  return andThen(validateWith(penaltyInputSchema, input), (parsed): Result<PenaltyAssessment> => {
    const shortfallBeforeCreditMinutes = Math.max(0, parsed.requiredMinutes - parsed.countedMinutes);
    const goodFaith = goodFaithOf(parsed, shortfallBeforeCreditMinutes);
    const shortfallMinutes = goodFaith?.deducted ? Math.max(0, shortfallBeforeCreditMinutes - goodFaith.creditedMinutes) : shortfallBeforeCreditMinutes;
    // Without credit the assessment is exactly what it was before good-faith efforts existed.
    const credit = goodFaith ? { goodFaith } : {};
    const capRate = parsed.penalties.capRate;
    const capCents = capRate === null ? null : roundFraction(fraction(BigInt(parsed.contractAmountCents) * BigInt(toBasisPoints(capRate)), RATE_SCALE));
    if (parsed.waived) {
      return ok({ shortfallMinutes, ...credit, lines: [], totalBeforeCapCents: 0, capCents, totalCents: 0, formula: 'Exonération décidée par l’acheteur : aucune pénalité.', waived: true });
    }
    const lines: PenaltyLine[] = [];
    for (const [index, model] of parsed.penalties.models.entries()) {
      const computed = line(model, parsed, shortfallMinutes);
      if ('error' in computed) return fail([makeViolation('smic_unknown', `penalties.models.${index}`, computed.error)]);
      lines.push(computed);
    }
    const totalBeforeCapCents = lines.reduce((total, item) => total + item.amountCents, 0);
    const totalCents = capCents === null ? totalBeforeCapCents : Math.min(totalBeforeCapCents, capCents);
    const detail = [...(goodFaith ? [goodFaith.line] : []), ...lines.map((item) => item.formula)].join(' ; ');
    const formula =
      lines.length === 0
        ? 'Aucun modèle de pénalité prévu par la clause.'
        : capCents !== null && totalBeforeCapCents > capCents
          ? `${detail} ; total ${formatEuros(totalBeforeCapCents)} plafonné à ${formatPercent(capRate ?? 0)} du montant du marché (${formatEuros(parsed.contractAmountCents)}) = ${formatEuros(totalCents)}`
          : detail;
    return ok({ shortfallMinutes, ...credit, lines, totalBeforeCapCents, capCents, totalCents, formula, waived: false });
  });
}
