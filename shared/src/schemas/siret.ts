import { z } from './locale.js';
import { textError } from './common.js';

/** La Poste's SIREN: its SIRETs follow a digit-sum rule instead of Luhn. */
const LA_POSTE_SIREN = '356000000';

/** Luhn checksum over a string of digits (used by INSEE for SIREN and SIRET). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A SIRET is 14 digits, Luhn-valid; La Poste's establishments may instead have a digit sum divisible by 5. */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (luhnValid(value)) return true; // includes La Poste's head office, 356 000 000 00048
  if (!value.startsWith(LA_POSTE_SIREN)) return false;
  const sum = [...value].reduce((s, c) => s + Number(c), 0);
  return sum % 5 === 0;
}

/** Accepts "552 100 554 00013" as typed by people; stores the 14 digits. */
export const siretSchema = z
  .string({ error: textError('Le SIRET') })
  .transform((v) => v.replace(/\s+/g, ''))
  .refine((v) => /^\d{14}$/.test(v), { message: 'Le SIRET doit comporter 14 chiffres.', abort: true })
  .refine(isValidSiret, { message: 'Ce SIRET n’est pas valide (clé de contrôle incorrecte).' });

/** "22460001400019" → "224 600 014 00019" (SIREN by threes, then the NIC), as printed on French documents. */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret) ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : siret;
}
