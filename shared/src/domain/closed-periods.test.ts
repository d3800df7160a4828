import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.js';
import { checkReopening, decidePeriodChange, periodCalendar, type PeriodChangeInput, type PeriodReopening } from './closed-periods.js';
import { plainSpaces } from './format.js';
import { unwrap } from './result.js';
import { aClause } from './test-factories.js';

const reopening = (overrides: Partial<PeriodReopening> = {}): PeriodReopening => ({
  id: 'r-1',
  month: '2025-01',
  reopenedOn: '2025-03-03',
  until: null,
  reason: 'Bulletin de salaire rectifié par l’employeur',
  reopenedBy: 'facilitateur-1',
  ...overrides,
});
const decide = (overrides: Partial<PeriodChangeInput> = {}) =>
  unwrap(decidePeriodChange({ clause: aClause(), month: '2025-01', kind: 'correction', on: '2025-02-20', ...overrides }));

describe('périodes closes — un mois se ferme 15 jours après son échéance (decisions.md §16)', () => {
  it.each([
    ['janvier 2025, échéance le 10, délai 15 j', '2025-01', 10, 15, '2025-02-10', '2025-02-25', '2025-02-26'],
    ['décembre 2025 : échéance et clôture l’année suivante', '2025-12', 10, 15, '2026-01-10', '2026-01-25', '2026-01-26'],
    ['janvier 2025, échéance le 31 ramenée au 28 février, délai 0 j', '2025-01', 31, 0, '2025-02-28', '2025-02-28', '2025-03-01'],
  ])('%s', (_label, month, deadlineDay, closingDays, deadline, lastOpenDay, closedFrom) => {
    expect(periodCalendar(month, { deadlineDay, closingDays })).toEqual({ month, deadline, lastOpenDay, closedFrom });
  });

  it.each<[string, Partial<PeriodChangeInput>, { allowed: boolean; closed: boolean; needsReopening: boolean; revised: boolean }]>([
    ['correction le dernier jour ouvert (25/02) : permise', { on: '2025-02-25' }, { allowed: true, closed: false, needsReopening: false, revised: false }],
    ['correction le lendemain (26/02) : réouverture nécessaire', { on: '2025-02-26' }, { allowed: false, closed: true, needsReopening: true, revised: false }],
    ['déclaration tardive d’un mois clos : réouverture nécessaire', { kind: 'declaration', on: '2025-04-01' }, { allowed: false, closed: true, needsReopening: true, revised: false }],
    ['validation d’une déclaration transmise à temps, après la clôture : permise, pas une révision', { kind: 'validation', on: '2025-03-15' }, { allowed: true, closed: true, needsReopening: false, revised: false }],
    ['résultat d’un contrôle sur un mois clos : permis, chiffres révisés', { kind: 'control_outcome', on: '2025-06-01' }, { allowed: true, closed: true, needsReopening: false, revised: true }],
    ['correction pendant la réouverture : permise, chiffres révisés', { on: '2025-03-10', reopenings: [reopening()] }, { allowed: true, closed: true, needsReopening: false, revised: true }],
    ['correction après la fin de la réouverture (15 j) : refusée', { on: '2025-03-19', reopenings: [reopening()] }, { allowed: false, closed: true, needsReopening: true, revised: false }],
    ['réouverture d’un autre mois : sans effet', { on: '2025-03-10', reopenings: [reopening({ month: '2025-02' })] }, { allowed: false, closed: true, needsReopening: true, revised: false }],
  ])('%s', (_label, overrides, expected) => {
    expect(decide(overrides)).toEqual(expect.objectContaining(expected));
  });

  it('le délai de clôture est un paramètre de la clause', () => {
    const clause = aClause({ rules: { declarations: { closingDays: 30 } } });
    expect(decide({ clause, on: '2025-03-12' }).allowed).toBe(true);
    expect(decide({ clause, on: '2025-03-13' }).needsReopening).toBe(true);
  });

  it('le message dit la date de clôture et le motif de la réouverture', () => {
    expect(plainSpaces(decide({ on: '2025-03-01' }).message)).toBe(
      'Le mois de janvier 2025 est clos depuis le 26/02/2025 : une réouverture motivée par le facilitateur ou l’acheteur est nécessaire.',
    );
    expect(decide({ on: '2025-03-10', reopenings: [reopening()] }).message).toContain('Bulletin de salaire rectifié');
  });

  it('propriété : une correction est permise sans réouverture exactement jusqu’au dernier jour ouvert', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 60 }), (offset, deadlineDay, closingDays) => {
        const clause = aClause({ rules: { declarations: { deadlineDay, closingDays } } });
        const on = addDays('2025-01-15', offset);
        const decision = decide({ clause, on });
        expect(decision.allowed).toBe(on <= decision.lastOpenDay);
        expect(decision.revised).toBe(false);
      }),
    );
  });
});

describe('périodes closes — réouverture', () => {
  const check = (overrides: Partial<PeriodReopening>) => checkReopening({ clause: aClause(), reopening: reopening(overrides) });

  it('réouverture motivée d’un mois clos : acceptée, jusqu’au jour + délai de clôture', () => {
    expect(unwrap(check({ reason: '  Erreur de saisie du nombre d’heures  ' }))).toEqual(
      expect.objectContaining({ reason: 'Erreur de saisie du nombre d’heures', until: '2025-03-18' }),
    );
  });

  it.each([
    ['réouverture sans motif', { reason: '   ' }, 'reopening_reason_required', 'reopening.reason'],
    ['mois encore ouvert', { reopenedOn: '2025-02-25' }, 'period_not_closed', 'reopening.month'],
    ['fin avant le début', { until: '2025-03-01' }, 'inverted_dates', 'reopening.until'],
    ['motif absent', { reason: undefined as unknown as string }, 'invalid_type', 'reopening.reason'],
  ])('mauvaise entrée : %s → %s', (_label, overrides, code, path) => {
    const result = check(overrides);
    expect(result.ok ? [] : result.violations.map((item) => [item.code, item.path])).toContainEqual([code, path]);
  });
});
