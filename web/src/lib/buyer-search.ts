import { formatSiret } from '@app/shared';

export interface BuyerChoice {
  id: string;
  name: string;
  siret: string | null;
}

/** How a buyer reads in the searchable list: its name, then its SIRET (two buyers may share a name). */
export const buyerLabel = (b: BuyerChoice): string => (b.siret ? `${b.name} — SIRET ${formatSiret(b.siret)}` : b.name);

const plain = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The buyers that what was typed names: the label chosen in the list, a name, a SIRET (spaces
 * ignored), or words that all appear in the name. One match opens its dashboard; several are listed.
 */
export function matchBuyers(buyers: readonly BuyerChoice[], typed: string): BuyerChoice[] {
  const text = plain(typed);
  if (!text) return [];
  const exact = buyers.filter((b) => plain(buyerLabel(b)) === text || plain(b.name) === text);
  if (exact.length) return exact;
  const digits = typed.replace(/\D/g, '');
  if (digits.length >= 9) {
    const bySiret = buyers.filter((b) => b.siret?.startsWith(digits));
    if (bySiret.length) return bySiret;
  }
  const words = text.split(' ');
  return buyers.filter((b) => words.every((w) => plain(b.name).includes(w)));
}
