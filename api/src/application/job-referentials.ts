import type { EntityManager } from '@mikro-orm/postgresql';
import { RomeAppellationSchema, RomeFicheSchema, foldForSearch } from '@app/db';
import { ELIGIBILITY_CRITERIA, type AppellationDto } from '@app/shared';

/** Appellations whose label contains the words typed (accents ignored), or whose code is typed; prefix matches first. */
export async function searchAppellations(em: EntityManager, q: string): Promise<{ items: AppellationDto[] }> {
  const folded = foldForSearch(q);
  const words = folded.split(' ').filter(Boolean);
  const where = /^\d+$/.test(folded)
    ? { code: folded }
    : /^[a-n]\d{4}$/.test(folded)
      ? { romeCode: folded.toUpperCase() }
      : { $and: words.map((w) => ({ searchLabel: { $like: `%${w}%` } })) };
  const rows = await em.find(RomeAppellationSchema, where, { limit: 200 });
  rows.sort((a, b) => Number(!a.searchLabel.startsWith(folded)) - Number(!b.searchLabel.startsWith(folded)) || a.label.localeCompare(b.label, 'fr'));
  const top = rows.slice(0, 15);
  const fiches = new Map((await em.find(RomeFicheSchema, { code: { $in: [...new Set(top.map((r) => r.romeCode))] } })).map((f) => [f.code, f.label]));
  return { items: top.map((r) => ({ code: r.code, label: r.label, romeCode: r.romeCode, romeLabel: fiches.get(r.romeCode) ?? '' })) };
}

export function listEligibilityCriteria() {
  return { items: ELIGIBILITY_CRITERIA.map((c) => ({ ...c, lists: [...c.lists] })) };
}
