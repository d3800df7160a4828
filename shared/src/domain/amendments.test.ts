import { describe, expect, it } from 'vitest';
import { applyAmendments, requiredMinutesOn } from './amendments.js';
import { plainSpaces } from './format.js';
import { unwrap } from './result.js';
import type { Amendment } from './schemas.js';

const initial = { effectiveDate: '2025-01-01', amountCents: 100_000_000, requiredMinutes: 833 * 60 };

describe('avenants : effet sur les heures requises', () => {
  it.each([
    ['prorata (défaut) : 833 h sur 1 000 000 € + 80 000 € → 900 h', 'prorata', 8_000_000, null, 900],
    ['heures inchangées', 'unchanged', 8_000_000, null, 833],
    ['valeur explicite fixée par l’avenant', 'explicit', 8_000_000, 950 * 60, 950],
    ['prorata à la baisse : −200 000 € → 666 h', 'prorata', -20_000_000, null, 666],
  ] as const)('%s', (_label, hoursPolicy, deltaAmountCents, explicitRequiredMinutes, hours) => {
    const result = unwrap(
      applyAmendments({ initial, amendments: [{ id: 'av-1', effectiveDate: '2025-06-01', deltaAmountCents, hoursPolicy, explicitRequiredMinutes }] }),
    );
    expect(result.current.requiredMinutes).toBe(hours * 60);
    expect(result.history).toHaveLength(2);
  });

  it('l’historique est gardé dans l’ordre des dates d’effet, avec la formule', () => {
    const amendments: Amendment[] = [
      { id: 'av-2', effectiveDate: '2025-09-01', deltaAmountCents: 0, hoursPolicy: 'explicit', explicitRequiredMinutes: 1000 * 60 },
      { id: 'av-1', effectiveDate: '2025-06-01', deltaAmountCents: 8_000_000, hoursPolicy: 'prorata' },
    ];
    const { history } = unwrap(applyAmendments({ initial, amendments }));
    expect(history.map((entry) => [entry.amendmentId, entry.requiredMinutes / 60, entry.amountCents])).toEqual([
      [null, 833, 100_000_000],
      ['av-1', 900, 108_000_000],
      ['av-2', 1000, 108_000_000],
    ]);
    expect(plainSpaces(history[1]?.formula ?? '')).toBe('Avenant av-1 : 833 h × 1 080 000,00 € ÷ 1 000 000,00 € = 899,64 h → 900 h');
    expect(requiredMinutesOn(history, '2025-05-31')).toBe(833 * 60);
    expect(requiredMinutesOn(history, '2025-06-01')).toBe(900 * 60);
    expect(requiredMinutesOn(history, '2026-01-01')).toBe(1000 * 60);
  });

  it.each([
    ['montant rendu négatif', { id: 'av-1', effectiveDate: '2025-06-01', deltaAmountCents: -200_000_000, hoursPolicy: 'prorata' }, 'negative_amount'],
    ['valeur explicite absente', { id: 'av-1', effectiveDate: '2025-06-01', deltaAmountCents: 0, hoursPolicy: 'explicit' }, 'missing_parameter'],
    ['date invalide', { id: 'av-1', effectiveDate: '2025-02-30', deltaAmountCents: 0, hoursPolicy: 'unchanged' }, 'invalid_date'],
  ] as const)('violation : %s', (_label, amendment, code) => {
    const result = applyAmendments({ initial, amendments: [amendment as Amendment] });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.violations.map((item) => item.code)).toContain(code);
  });

  it('prorata impossible sur un montant initial nul', () => {
    const result = applyAmendments({
      initial: { ...initial, amountCents: 0 },
      amendments: [{ id: 'av-1', effectiveDate: '2025-06-01', deltaAmountCents: 1000, hoursPolicy: 'prorata' }],
    });
    expect(result.ok ? [] : result.violations.map((item) => item.code)).toEqual(['prorata_without_amount']);
  });
});
