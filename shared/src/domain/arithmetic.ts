/**
 * Exact integer arithmetic for the formulas: rates are turned into basis points (4 decimals) and
 * products go through BigInt, so that 833.5 h rounds the same on every machine.
 */

export const RATE_SCALE = 10_000;

/** 0.05 → 500. Rates are stored with 4 decimals, anything finer is rounded away here. */
export function toBasisPoints(rate: number): number {
  return Math.round(rate * RATE_SCALE);
}

/** A non-negative fraction `numerator / denominator` kept exact until it is rounded. */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export function fraction(numerator: bigint | number, denominator: bigint | number): Fraction {
  const den = BigInt(denominator);
  if (den === 0n) throw new RangeError('Dénominateur nul');
  return den < 0n
    ? { numerator: -BigInt(numerator), denominator: -den }
    : { numerator: BigInt(numerator), denominator: den };
}

/** Nearest integer, halves away from zero (833.5 → 834, −0.5 → −1). */
export function roundFraction(value: Fraction): number {
  const { numerator, denominator } = value;
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return Number(numerator < 0n ? -rounded : rounded);
}

/** Largest integer ≤ value. */
export function floorFraction(value: Fraction): number {
  const { numerator, denominator } = value;
  const quotient = numerator / denominator;
  return Number(numerator < 0n && quotient * denominator !== numerator ? quotient - 1n : quotient);
}

export function fractionToNumber(value: Fraction, decimals = 4): number {
  const scale = 10 ** decimals;
  return roundFraction(fraction(value.numerator * BigInt(scale), value.denominator)) / scale;
}

/** Rounds a float for display/audit (4 decimals by default). */
export function roundTo(value: number, decimals = 4): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/**
 * Splits `total` into integers proportional to `weights` (largest remainder, ties to the first),
 * so that the parts always add up to `total`.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  if (sum <= 0 || total === 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map((value) => Math.floor(value));
  let remaining = total - parts.reduce((acc, part) => acc + part, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (remaining <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    remaining -= 1;
  }
  return parts;
}
