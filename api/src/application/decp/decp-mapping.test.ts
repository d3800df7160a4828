import { describe, expect, it } from 'vitest';
import type { DecpContract } from '../../infra/decp/index.js';
import { amendmentRows, clauseTypeOf, endDateOf, newRecordRows } from './decp-mapping.js';

const holder = { idType: 'SIRET', id: '45312000100012', name: null, siretValid: true };
const record = (overrides: Partial<DecpContract> = {}): DecpContract => ({
  index: 0, key: '22460001400019|2025X|45312000100012|2025-09-15', sourceId: '2025X', buyerSiret: '22460001400019', buyerName: null,
  object: 'Entretien des espaces verts', procedure: null, nature: 'Marché', frameworkAgreement: false, cpv: '77311000', notifiedOn: '2025-09-15',
  durationMonths: 36, amountCents: 26_000_000, initialAmountCents: 24_000_000, initialDurationMonths: 36, holders: [holder], initialHolders: [holder],
  subcontractors: [], place: null, socialConsiderations: ['Clause sociale'], hasInsertionClause: true, reserved: false,
  modifications: [{ order: 1, notifiedOn: '2026-03-02', amountCents: 26_000_000, durationMonths: null, holders: null }], warnings: [],
  ...overrides,
});

describe('un enregistrement DECP devient marché, lot, clause et avenants', () => {
  it.each([
    [['Clause sociale'], true, false, 'execution'],
    [['Clause sociale', 'Critère social'], true, false, 'execution'],
    [['Critère social'], true, false, 'award_criterion'],
    [['Marché réservé'], false, true, 'reserved'],
    [['Pas de considération sociale'], false, false, null],
  ] as const)('%j → %s', (considerations, hasInsertionClause, reserved, type) => {
    expect(clauseTypeOf(record({ socialConsiderations: [...considerations], hasInsertionClause, reserved }))).toBe(type);
  });

  it('la clause est « à dimensionner » : les DECP ne donnent jamais les heures', () => {
    const rows = newRecordRows(record(), 'buyer', '2026-06-01', new Date());
    expect(rows.clause).toMatchObject({ type: 'execution', requiredMinutes: null, toSize: true, rules: {}, startDate: '2025-09-15', endDate: '2028-09-15' });
    expect(rows.lot).toMatchObject({ number: 1, initialAmountCents: 24_000_000, amountCents: 26_000_000, holderIdentifier: '45312000100012' });
    expect(rows.contract).toMatchObject({ source: 'decp', decpModifications: 1, cpvLabel: 'Entretien de pelouses décoratives ou d\'agrément' });
  });

  it('chaque modification est un avenant avec sa variation de montant ; seules les nouvelles sont rendues', () => {
    const two = record({
      amountCents: 30_000_000,
      modifications: [
        { order: 1, notifiedOn: '2026-03-02', amountCents: 26_000_000, durationMonths: null, holders: null },
        { order: 2, notifiedOn: '2026-09-01', amountCents: 30_000_000, durationMonths: 48, holders: null },
      ],
    });
    const all = amendmentRows(two, 'c', 'l', 0, new Date());
    expect(all.map((a) => [a.decpOrder, a.deltaAmountCents, a.newEndDate])).toEqual([[1, 2_000_000, null], [2, 4_000_000, '2029-09-15']]);
    expect(amendmentRows(two, 'c', 'l', 1, new Date()).map((a) => a.decpOrder)).toEqual([2]);
  });

  it('fin = notification + durée en mois', () => {
    expect(endDateOf('2025-01-31', 1)).toBe('2025-02-28');
    expect(endDateOf(null, 12)).toBeNull();
  });
});
