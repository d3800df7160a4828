import type { EntityManager } from '@mikro-orm/postgresql';
import type { DecpContract } from '../../infra/decp/index.js';

/**
 * Which records of a DECP file the buyer imports, and what the import does with each:
 * - only the buyer's own markets (same SIREN: the file names an establishment of the organisation);
 * - format 2022 files say which markets have a social consideration: only those are imported;
 *   format 2019 files predate that field: all the buyer's markets are imported (without clause);
 * - a market already imported (same composite key) is updated when the file brings new modifications.
 */
export interface Classified {
  mine: DecpContract[];
  otherBuyers: number;
  notSocial: number;
  existing: Map<string, ExistingContract>;
  actionOf: (c: DecpContract) => 'create' | 'update' | 'unchanged';
}

export interface ExistingContract {
  id: string;
  decpModifications: number;
}

const CHUNK = 1000;

export async function existingByKey(em: EntityManager, buyerId: string, keys: string[]): Promise<Map<string, ExistingContract>> {
  const found = new Map<string, ExistingContract>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK);
    // Raw rows: nothing enters the identity map of the import's unit of work.
    const rows = await em.getConnection().execute<{ id: string; decp_key: string; decp_modifications: number }[]>(
      `select id, decp_key, decp_modifications from contract where buyer_id = ? and decp_key in (${chunk.map(() => '?').join(',')})`,
      [buyerId, ...chunk],
      'all',
      em.getTransactionContext(),
    );
    for (const r of rows) found.set(r.decp_key, { id: r.id, decpModifications: r.decp_modifications });
  }
  return found;
}

export async function classify(em: EntityManager, buyerId: string, buyerSiret: string, format: string, contracts: DecpContract[]): Promise<Classified> {
  const siren = buyerSiret.slice(0, 9);
  const ofBuyer = contracts.filter((c) => c.buyerSiret.slice(0, 9) === siren);
  const socialOnly = format.startsWith('decp-2022');
  const mine = socialOnly ? ofBuyer.filter((c) => c.socialConsiderations.some((s) => s !== 'Pas de considération sociale')) : ofBuyer;
  const existing = await existingByKey(em, buyerId, mine.map((c) => c.key));
  return {
    mine,
    otherBuyers: contracts.length - ofBuyer.length,
    notSocial: ofBuyer.length - mine.length,
    existing,
    actionOf: (c) => {
      const known = existing.get(c.key);
      if (!known) return 'create';
      return c.modifications.length > known.decpModifications ? 'update' : 'unchanged';
    },
  };
}

/**
 * DECP 2022 gives no holder names: the organisations known to the instance lend theirs (matched by
 * SIRET, never by name). Fills `name` in place when the file left it empty.
 */
export async function nameHolders(em: EntityManager, contracts: DecpContract[]): Promise<void> {
  const parties = contracts.flatMap((c) => [...c.holders, ...c.subcontractors, ...c.modifications.flatMap((m) => m.holders ?? [])]).filter((h) => !h.name && h.siretValid);
  const sirets = [...new Set(parties.map((h) => h.id))];
  const names = new Map<string, string>();
  for (let i = 0; i < sirets.length; i += CHUNK) {
    const chunk = sirets.slice(i, i + CHUNK);
    const rows = await em.getConnection().execute<{ siret: string; name: string }[]>(
      `select siret, name from organisation where siret in (${chunk.map(() => '?').join(',')})`,
      chunk,
      'all',
      em.getTransactionContext(),
    );
    for (const r of rows) names.set(r.siret, r.name);
  }
  for (const h of parties) h.name = names.get(h.id) ?? null;
}
