import { randomUUID } from 'node:crypto';
import { addMonths, clauseRules, type ClauseType } from '@app/shared';
import type { DecpContract, DecpHolder } from '../../infra/decp/index.js';
import { cpvByCode } from '../../infra/referentials/cpv.js';
import { searchText } from '../../infra/search-text.js';
import { complianceOf, sizeClause } from '../portfolio/clause-sizing.js';

/**
 * DECP record → rows of the tracker (FORMATS.md §1.5): the contract, its parties, one lot (a DECP
 * record is one lot), the clause when the record has a social consideration, and one amendment per
 * modification. Required hours are not in DECP: the clause is left "to size".
 */

const cut = (text: string | null | undefined, max: number): string | null => (text == null ? null : text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** 'Clause sociale' is an execution clause; 'Critère social' alone an award criterion; 'Marché réservé' a reserved market. */
export function clauseTypeOf(c: DecpContract): ClauseType | null {
  if (c.socialConsiderations.includes('Clause sociale')) return 'execution';
  if (c.hasInsertionClause) return 'award_criterion';
  if (c.reserved) return 'reserved';
  return null;
}

export const endDateOf = (notifiedOn: string | null, months: number | null): string | null =>
  notifiedOn && months ? addMonths(notifiedOn, months) : null;

export const partyRows = (contractId: string, holders: DecpHolder[], subcontractors: DecpHolder[]) => [
  ...holders.map((h, i) => ({ id: randomUUID(), contract: contractId, role: i === 0 ? 'holder' : 'co_contractor', idType: cut(h.idType, 30)!, identifier: cut(h.id, 30)!, name: cut(h.name, 200), position: i })),
  ...subcontractors.map((s, i) => ({ id: randomUUID(), contract: contractId, role: 'subcontractor', idType: cut(s.idType, 30)!, identifier: cut(s.id, 30)!, name: cut(s.name, 200), position: i })),
];

const holdersText = (holders: DecpHolder[]) => holders.map((h) => (h.name ? `${h.name} (${h.id})` : h.id)).join(', ');

/** One amendment per modification, with the amount variation and the new end date it brings. */
export function amendmentRows(c: DecpContract, contractId: string, lotId: string, from: number, now: Date) {
  let amount = c.initialAmountCents ?? 0;
  const rows = [];
  for (const [i, m] of c.modifications.entries()) {
    const delta = m.amountCents === null ? 0 : m.amountCents - amount;
    if (m.amountCents !== null) amount = m.amountCents;
    if (i < from) continue;
    const changes = [m.holders ? `titulaires : ${holdersText(m.holders)}` : null, m.durationMonths ? `durée : ${m.durationMonths} mois` : null].filter(Boolean);
    rows.push({
      id: randomUUID(),
      lot: lotId,
      contract: contractId,
      reference: cut(`Modification DECP ${m.order}`, 60)!,
      effectiveDate: m.notifiedOn ?? c.notifiedOn!,
      deltaAmountCents: delta,
      // decisions.md §4: the default policy; the officer may change the hours later by an explicit amendment.
      hoursPolicy: 'prorata',
      explicitRequiredMinutes: null,
      newEndDate: m.durationMonths ? endDateOf(c.notifiedOn, m.durationMonths) : null,
      object: changes.length ? changes.join(' ; ') : null,
      source: 'decp',
      decpOrder: m.order,
      createdAt: now,
    });
  }
  return rows;
}

export function contractSearch(c: DecpContract): string {
  return searchText(c.sourceId, c.object, ...c.holders.flatMap((h) => [h.id, h.name]));
}

/** Every row a new DECP record creates. */
export function newRecordRows(c: DecpContract, buyerId: string, today: string, now: Date) {
  const contractId = randomUUID();
  const lotId = randomUUID();
  const endDate = endDateOf(c.notifiedOn, c.durationMonths);
  const holder = c.holders[0]!;
  const cpv = c.cpv ? cpvByCode(c.cpv) : null;
  const contract = {
    id: contractId, buyer: buyerId, operation: null, reference: cut(c.sourceId, 60)!, object: cut(c.object || '(objet non publié)', 1000)!,
    procedure: cut(c.procedure, 120), cpvCode: c.cpv, cpvLabel: cpv?.label ?? null, notifiedOn: c.notifiedOn, startDate: c.notifiedOn, endDate,
    durationMonths: c.durationMonths, amountCents: c.amountCents ?? 0, frameworkAgreement: c.frameworkAgreement, source: 'decp',
    decpKey: cut(c.key, 250), decpSourceId: cut(c.sourceId, 40), decpModifications: c.modifications.length,
    socialConsiderations: c.socialConsiderations, reserved: c.reserved, placeTypeCode: cut(c.place?.typeCode, 40), placeCode: cut(c.place?.code, 20),
    searchText: contractSearch(c), createdAt: now, updatedAt: now,
  };
  const lot = {
    id: lotId, contract: contractId, buyer: buyerId, number: 1, title: cut(c.object || '(objet non publié)', 300)!, trade: null,
    initialAmountCents: c.initialAmountCents ?? c.amountCents ?? 0, amountCents: c.amountCents ?? 0,
    holderIdType: cut(holder.idType, 30)!, holderIdentifier: cut(holder.id, 30)!, holderName: cut(holder.name, 200), createdAt: now, updatedAt: now,
  };
  const type = clauseTypeOf(c);
  let clause = null;
  if (type) {
    const rules = clauseRules();
    const outcome = sizeClause({ type, method: null, orders: [], amendments: [], initial: { effectiveDate: c.notifiedOn!, amountCents: lot.initialAmountCents }, today });
    const sizing = outcome.ok ? outcome.sizing : null;
    const clauseId = randomUUID();
    const { compliance } = complianceOf(
      { id: clauseId, lotId, holderIdentifier: lot.holderIdentifier, type, requiredMinutes: null, startDate: c.notifiedOn, endDate, amountCents: lot.amountCents, waived: false, rules, countedMinutes: 0 },
      today,
    );
    clause = {
      id: clauseId, lot: lotId, contract: contractId, buyer: buyerId, operation: null, facilitator: null, holderIdentifier: lot.holderIdentifier, trade: null,
      type, method: null, methodParams: null, requiredMinutes: null, unroundedHours: null, formula: null, warnings: [], initialRequiredMinutes: null,
      hoursHistory: [], toSize: sizing?.toSize ?? false, startDate: c.notifiedOn, endDate, targetPublics: [], rules, waived: false, countedMinutes: 0,
      complianceStatus: compliance?.status ?? null, complianceComputedOn: today,
      searchText: searchText(c.sourceId, c.object, lot.title, lot.holderName, lot.holderIdentifier), createdAt: now, updatedAt: now,
    };
  }
  return {
    contract,
    parties: partyRows(contractId, c.holders, c.subcontractors),
    lot,
    clause,
    amendments: amendmentRows(c, contractId, lotId, 0, now),
  };
}

