/**
 * Modifications (avenants). Published data is never edited: each change appends a modification holding only
 * the changed values (new total amount, new total duration, full new list of holders).
 * Current state = initial values overridden field by field by every modification, in order:
 * by `id` in format 2022, by notification date in 2019 (which has no id).
 */
import type { DecpHolder, DecpModification } from './types.js';
import { isBlank, isObject, readAmount, readDate, readDuration, readOrderId, unwrapList } from './normalise.js';
import { distinctHolders, readHolder } from './siret.js';

export interface ModificationsRead {
  modifications: DecpModification[];
  warnings: string[];
}

interface Draft extends DecpModification {
  id: number | null;
  position: number;
}

export function readModifications(value: unknown): ModificationsRead {
  const warnings: string[] = [];
  const drafts: Draft[] = [];
  unwrapList(value, 'modification').forEach((item, position) => {
    if (!isObject(item)) {
      warnings.push(`modification illisible ignorée (${position + 1}ᵉ de la liste)`);
      return;
    }
    const id = readOrderId(item['id']);
    const date = readDate(item['dateNotificationModification'], 'date de notification');
    // 2019 modifications have no id and get reordered by date, so they are named by date.
    const label = id !== null ? `modification n° ${id}` : date.ok ? `modification du ${date.date}` : `modification ${position + 1} (rang dans le fichier)`;
    if (!date.ok && !date.missing) warnings.push(`${label} : ${date.reason}`);
    drafts.push({
      id,
      position,
      order: 0,
      notifiedOn: date.ok ? date.date : null,
      amountCents: readChangedAmount(item['montant'], label, warnings),
      durationMonths: readChangedDuration(item['dureeMois'], label, warnings),
      holders: readChangedHolders(item['titulaires'], label, warnings),
    });
  });
  return { modifications: orderDrafts(drafts, warnings), warnings };
}

/** A bad value in a modification is dropped with a warning; the contract itself stays usable. */
function readChangedAmount(value: unknown, label: string, warnings: string[]): number | null {
  if (isBlank(value)) return null;
  const amount = readAmount(value);
  if (amount.ok) return amount.cents;
  warnings.push(`${label} : ${amount.reason} (valeur ignorée)`);
  return null;
}

function readChangedDuration(value: unknown, label: string, warnings: string[]): number | null {
  if (isBlank(value)) return null;
  const duration = readDuration(value);
  if (duration.warning !== null) warnings.push(`${label} : ${duration.warning}`);
  return duration.months;
}

/** null = holders unchanged. Holders with an invalid SIRET are kept (siretValid: false) and reported. */
function readChangedHolders(value: unknown, label: string, warnings: string[]): DecpHolder[] | null {
  const items = unwrapList(value, 'titulaire');
  if (items.length === 0) return null;
  const holders = items.map(readHolder).filter((h): h is DecpHolder => h !== null);
  if (holders.length < items.length) warnings.push(`${label} : titulaire illisible ignoré`);
  for (const h of holders) {
    if (h.idType === 'SIRET' && !h.siretValid) warnings.push(`${label} : SIRET du titulaire invalide : « ${h.id} »`);
  }
  return holders.length === 0 ? null : distinctHolders(holders);
}

function orderDrafts(drafts: Draft[], warnings: string[]): DecpModification[] {
  const ids = drafts.map((d) => d.id);
  const byId = ids.every((id) => id !== null) && new Set(ids).size === ids.length;
  const sorted = byId
    ? [...drafts].sort((a, b) => (a.id ?? 0) - (b.id ?? 0))
    : [...drafts].sort((a, b) => compareDates(a.notifiedOn, b.notifiedOn) || a.position - b.position);
  if (!byId && sorted.some((d, i) => d.position !== i)) {
    warnings.push('modifications appliquées dans l’ordre de leurs dates de notification, différent de l’ordre du fichier');
  }
  return sorted.map((d, i) => ({
    order: byId ? (d.id ?? i + 1) : i + 1,
    notifiedOn: d.notifiedOn,
    amountCents: d.amountCents,
    durationMonths: d.durationMonths,
    holders: d.holders,
  }));
}

/** Undated modifications go last, in file order. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export interface CurrentState {
  amountCents: number | null;
  durationMonths: number | null;
  holders: DecpHolder[];
}

export function applyModifications(initial: CurrentState, modifications: DecpModification[]): CurrentState {
  return modifications.reduce<CurrentState>(
    (state, m) => ({
      amountCents: m.amountCents ?? state.amountCents,
      durationMonths: m.durationMonths ?? state.durationMonths,
      holders: m.holders ?? state.holders,
    }),
    initial,
  );
}
