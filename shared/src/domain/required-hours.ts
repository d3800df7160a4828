/**
 * Required insertion hours by method (decisions.md §3, reference.md §3). Each method is exact
 * (BigInt on cents and basis points), rounds to the nearest whole hour and keeps the unrounded value.
 */
import { fraction, fractionToNumber, RATE_SCALE, roundFraction, toBasisPoints, type Fraction } from './arithmetic.js';
import { formatDateFr, formatEuros, formatHours, formatNumberFr, formatPercent } from './format.js';
import { CLEANING_PACT_DEFAULTS } from './parameters.js';
import { ok, andThen, validateWith, type Result } from './result.js';
import { requiredHoursMethodSchema, type RequiredHoursMethod } from './schemas.js';
import type { IsoDate } from './calendar.js';
import type { RequiredHoursMethodCode } from './vocabulary.js';

/** A warning does not stop the computation (e.g. the PACT "no clause advised"). */
export interface DomainWarning {
  readonly code: string;
  readonly message: string;
}

export interface PerOrderStep {
  readonly orderId: string;
  readonly date: IsoDate;
  readonly cumulativeAmountCents: number;
  readonly requiredMinutes: number;
  readonly unroundedHours: number;
}

export interface RequiredHours {
  readonly method: RequiredHoursMethodCode;
  /** Rounded to the nearest whole hour, in minutes (833 h → 49 980). */
  readonly requiredMinutes: number;
  /** The same, in whole hours. */
  readonly requiredHours: number;
  /** Exact value before rounding, kept for audit (4 decimals). */
  readonly unroundedHours: number;
  /** French, readable: "1 000 000,00 € × 50 % × 5 % ÷ 30,00 €/h = 833,3333 h → 833 h". */
  readonly formula: string;
  readonly warnings: readonly DomainWarning[];
  /** PACT weighting P (cleaning_pact only). */
  readonly pactWeighting?: number;
  /** Re-evaluation at each order (per_order only). */
  readonly steps?: readonly PerOrderStep[];
}

const MINUTES_PER_HOUR = 60n;
const RATE = BigInt(RATE_SCALE);

function build(
  method: RequiredHoursMethodCode,
  hours: Fraction,
  describe: (unrounded: string, rounded: string) => string,
  extra: Partial<Pick<RequiredHours, 'warnings' | 'pactWeighting' | 'steps'>> = {},
): RequiredHours {
  const requiredHours = Math.max(0, roundFraction(hours));
  const unroundedHours = fractionToNumber(hours);
  return {
    method,
    requiredMinutes: requiredHours * 60,
    requiredHours,
    unroundedHours,
    formula: describe(`${formatNumberFr(unroundedHours)}\u00a0h`, formatHours(requiredHours * 60)),
    warnings: extra.warnings ?? [],
    ...(extra.pactWeighting === undefined ? {} : { pactWeighting: extra.pactWeighting }),
    ...(extra.steps === undefined ? {} : { steps: extra.steps }),
  };
}

/** M × τ_MO × τ_ins ÷ C, in hours. */
function labourShareHours(amountCents: number, labourShare: number, insertionRate: number, hourlyCostCents: number): Fraction {
  return fraction(
    BigInt(amountCents) * BigInt(toBasisPoints(labourShare)) * BigInt(toBasisPoints(insertionRate)),
    BigInt(hourlyCostCents) * RATE * RATE,
  );
}

function labourShare(input: Extract<RequiredHoursMethod, { method: 'labour_share' }>): RequiredHours {
  const hours = labourShareHours(input.amountCents, input.labourShare, input.insertionRate, input.hourlyCostCents);
  return build(
    'labour_share',
    hours,
    (unrounded, rounded) =>
      `${formatEuros(input.amountCents)} × ${formatPercent(input.labourShare)} × ${formatPercent(input.insertionRate)} ÷ ${formatEuros(input.hourlyCostCents)}/h = ${unrounded} → ${rounded}`,
  );
}

function hoursPercentage(input: Extract<RequiredHoursMethod, { method: 'hours_percentage' }>): RequiredHours {
  const rate = BigInt(toBasisPoints(input.insertionRate));
  if (input.labourMinutes != null) {
    const labourMinutes = input.labourMinutes;
    return build(
      'hours_percentage',
      fraction(rate * BigInt(labourMinutes), RATE * MINUTES_PER_HOUR),
      (unrounded, rounded) =>
        `${formatPercent(input.insertionRate)} × ${formatHours(labourMinutes)} travaillées = ${unrounded} → ${rounded}`,
    );
  }
  // The schema guarantees the three estimation inputs when labourMinutes is missing.
  const amountCents = input.amountCents ?? 0;
  const share = input.labourShare ?? 0;
  const cost = input.hourlyCostCents ?? 1;
  return build(
    'hours_percentage',
    labourShareHours(amountCents, share, input.insertionRate, cost),
    (unrounded, rounded) => {
      const labourHours = fractionToNumber(labourShareHours(amountCents, share, 1, cost));
      return (
        `${formatPercent(input.insertionRate)} × ${formatNumberFr(labourHours)}\u00a0h travaillées estimées ` +
        `(${formatEuros(amountCents)} × ${formatPercent(share)} ÷ ${formatEuros(cost)}/h) = ${unrounded} → ${rounded}`
      );
    },
  );
}

function fixed(input: Extract<RequiredHoursMethod, { method: 'fixed' }>): RequiredHours {
  return build('fixed', fraction(input.minutes, 60), (unrounded, rounded) => `Volume fixé au CCAP : ${unrounded} → ${rounded}`);
}

/**
 * PACT Propreté: P = 1 − (S × C) ÷ (A ÷ N) and I = P × A ÷ C × T, which simplifies to
 * I = T × (A ÷ C − S × N); P ≤ 0 or I below the floor (150 h) means "no clause advised".
 */
function cleaningPact(input: Extract<RequiredHoursMethod, { method: 'cleaning_pact' }>): RequiredHours {
  const coefficient = input.coefficientCents ?? CLEANING_PACT_DEFAULTS.coefficientCents;
  const minimumHours = input.minimumHours ?? CLEANING_PACT_DEFAULTS.minimumHours;
  const turnover = BigInt(input.turnoverCents);
  const transferredCostPerPeriod = BigInt(input.transferredMonthlyMinutes) * BigInt(input.durationMonths) * BigInt(coefficient);
  // P = 1 − S·C·N ÷ A with S in hours: numerator and denominator in cent-minutes.
  const weighting = turnover === 0n ? null : fraction(turnover * MINUTES_PER_HOUR - transferredCostPerPeriod, turnover * MINUTES_PER_HOUR);
  const pactWeighting = weighting === null ? 0 : fractionToNumber(weighting);
  const positive = weighting !== null && weighting.numerator > 0n;
  const hours = positive
    ? fraction(BigInt(toBasisPoints(input.insertionRate)) * (turnover * MINUTES_PER_HOUR - transferredCostPerPeriod), RATE * BigInt(coefficient) * MINUTES_PER_HOUR)
    : fraction(0, 1);
  const warnings: DomainWarning[] = [];
  if (!positive) {
    warnings.push({
      code: 'pact_no_clause_advised',
      message:
        'Aucune clause conseillée : le personnel transférable absorbe tout le potentiel du marché (P ≤ 0).',
    });
  } else if (roundFraction(hours) < minimumHours) {
    warnings.push({
      code: 'pact_no_clause_advised',
      message: `Aucune clause conseillée : moins de ${minimumHours} heures d’insertion réalisables sur le lot (PACT Propreté).`,
    });
  }
  return build(
    'cleaning_pact',
    hours,
    (unrounded, rounded) =>
      `P = 1 − (${formatHours(input.transferredMonthlyMinutes)} × ${formatEuros(coefficient)}) ÷ (${formatEuros(input.turnoverCents)} ÷ ${input.durationMonths}) = ${formatNumberFr(pactWeighting)} ; ` +
      `I = P × ${formatEuros(input.turnoverCents)} ÷ ${formatEuros(coefficient)} × ${formatPercent(input.insertionRate)} = ${unrounded} → ${rounded}`,
    { warnings, pactWeighting },
  );
}

function perOrder(input: Extract<RequiredHoursMethod, { method: 'per_order' }>): RequiredHours {
  const orders = input.orders
    .filter((order) => order.date <= input.asOf)
    .sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? -1 : 1));
  let cumulative = 0;
  const steps: PerOrderStep[] = orders.map((order) => {
    cumulative += order.amountCents;
    const hours = labourShareHours(cumulative, input.labourShare, input.insertionRate, input.hourlyCostCents);
    return {
      orderId: order.id,
      date: order.date,
      cumulativeAmountCents: cumulative,
      requiredMinutes: Math.max(0, roundFraction(hours)) * 60,
      unroundedHours: fractionToNumber(hours),
    };
  });
  const hours = labourShareHours(cumulative, input.labourShare, input.insertionRate, input.hourlyCostCents);
  return build(
    'per_order',
    hours,
    (unrounded, rounded) =>
      `${formatEuros(cumulative)} commandés au ${formatDateFr(input.asOf)} (${orders.length} bon${orders.length > 1 ? 's' : ''}) × ${formatPercent(input.labourShare)} × ${formatPercent(input.insertionRate)} ÷ ${formatEuros(input.hourlyCostCents)}/h = ${unrounded} → ${rounded}`,
    { steps },
  );
}

/** Required hours of one lot's clause, by its method. */
export function computeRequiredHours(input: RequiredHoursMethod): Result<RequiredHours> {
  return andThen(validateWith(requiredHoursMethodSchema, input), (method) => {
    switch (method.method) {
      case 'labour_share':
        return ok(labourShare(method));
      case 'hours_percentage':
        return ok(hoursPercentage(method));
      case 'fixed':
        return ok(fixed(method));
      case 'cleaning_pact':
        return ok(cleaningPact(method));
      case 'per_order':
        return ok(perOrder(method));
    }
  });
}

/** A contract's required hours are the sum of its lots' (each lot carries its own clause). */
export function sumRequiredMinutes(lots: readonly Pick<RequiredHours, 'requiredMinutes'>[]): number {
  return lots.reduce((total, lot) => total + lot.requiredMinutes, 0);
}
