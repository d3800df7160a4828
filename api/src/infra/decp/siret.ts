import { isValidSiret, luhnValid } from '@app/shared';
import type { DecpHolder } from './types.js';
import { isObject, text } from './normalise.js';

/** Identifiers arrive as " 44189140500017 " or with a tab inside; all whitespace is dropped. */
export function cleanIdentifier(value: unknown): string | null {
  const raw = text(value);
  if (raw === null) return null;
  const id = raw.replace(/\s+/g, '');
  return id === '' ? null : id;
}

/**
 * 14 digits with a valid key. `isValidSiret` applies La Poste's digit-sum rule to every 356000000 SIRET, which
 * rejects La Poste's head office 35600000000048 (Luhn-valid): either rule is accepted here.
 * "00000000000000" passes Luhn but is a placeholder (seen in AIFE 2019).
 */
export function isUsableSiret(id: string): boolean {
  if (!/^\d{14}$/.test(id) || /^0+$/.test(id)) return false;
  return isValidSiret(id) || luhnValid(id);
}

/**
 * One holder / sub-contractor: `{typeIdentifiant, id, denominationSociale?}`.
 * A missing type is taken as SIRET (the 2019 producers often omit it). Returns null when there is no id.
 */
export function readHolder(value: unknown): DecpHolder | null {
  if (!isObject(value)) return null;
  const id = cleanIdentifier(value['id']);
  if (id === null) return null;
  const idType = text(value['typeIdentifiant'])?.toUpperCase() ?? 'SIRET';
  return { idType, id, name: text(value['denominationSociale']), siretValid: idType === 'SIRET' && isUsableSiret(id) };
}

/** Same holder listed twice (same type and id) counts once. */
export function distinctHolders(holders: DecpHolder[]): DecpHolder[] {
  const seen = new Set<string>();
  return holders.filter((h) => {
    const k = `${h.idType}|${h.id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
