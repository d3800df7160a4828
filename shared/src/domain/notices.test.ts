import { describe, expect, it } from 'vitest';
import { plainSpaces } from './format.js';
import { checkNoticeAllowed, checkResponseAllowed, decidePenalty, type ClauseStanding } from './notices.js';
import { h } from './test-factories.js';
import { requiredByYear, transparencyTable } from './transparency.js';

const notMet: ClauseStanding = { status: 'not_met', missingPeriods: 0, requiredMinutes: h(833), countedMinutes: h(610) };
const codes = (r: { ok: boolean; violations?: readonly { code: string }[] }) => (r.ok ? [] : r.violations!.map((v) => v.code));

describe('relances et mises en demeure', () => {
  it.each<[string, ClauseStanding, string[]]>([
    ['non conforme', notMet, []],
    ['à risque', { ...notMet, status: 'at_risk' }, []],
    ['dans les temps mais déclarations en retard', { ...notMet, status: 'on_track', missingPeriods: 2 }, []],
    ['dans les temps', { ...notMet, status: 'on_track' }, ['clause_not_late']],
    ['conforme', { ...notMet, status: 'met' }, ['clause_not_late']],
    ['exonérée', { ...notMet, status: 'waived', missingPeriods: 3 }, ['clause_waived']],
  ])('%s', (_label, standing, expected) => {
    expect(codes(checkNoticeAllowed({ standing, kind: 'reminder', sentOn: '2027-06-01', deadline: null }))).toEqual(expected);
  });

  it('une mise en demeure fixe un délai postérieur à son envoi', () => {
    expect(codes(checkNoticeAllowed({ standing: notMet, kind: 'formal_notice', sentOn: '2027-06-01', deadline: null }))).toEqual(['deadline_required']);
    expect(codes(checkNoticeAllowed({ standing: notMet, kind: 'formal_notice', sentOn: '2027-06-01', deadline: '2027-06-01' }))).toEqual(['deadline_before_notice']);
    expect(codes(checkNoticeAllowed({ standing: notMet, kind: 'formal_notice', sentOn: '2027-06-01', deadline: '2027-06-16' }))).toEqual([]);
  });

  it('la réponse est refusée après la décision', () => {
    expect(codes(checkResponseAllowed('answered'))).toEqual([]);
    expect(codes(checkResponseAllowed('decided'))).toEqual(['notice_decided']);
  });
});

describe('décision de pénalité — exemple de decisions.md §10', () => {
  const decide = (standing: ClauseStanding, models: never[] | object[], kind: 'reminder' | 'formal_notice' = 'formal_notice') =>
    decidePenalty({ standing, penalties: { models: models as never, capRate: null }, contractAmountCents: 100_000_000, notice: { kind, sentOn: '2027-05-01' }, decidedOn: '2027-06-01' });

  it('223 h × 30 € = 6 690 € ; × 1,5 × SMIC en vigueur à la décision (12,02 € en 2027) = 4 020,69 €', () => {
    const perHour = decide(notMet, [{ model: 'per_hour', rateCents: 3000 }]);
    expect(perHour.ok && perHour.value.totalCents).toBe(669_000);
    expect(perHour.ok && plainSpaces(perHour.value.formula)).toBe('223 h × 30,00 €/h = 6 690,00 €');
    const smic = decide(notMet, [{ model: 'smic_indexed', coefficient: 1.5 }]);
    expect(smic.ok && smic.value.totalCents).toBe(402_069);
  });

  it.each<[string, ClauseStanding, object[], string]>([
    ['sans manque d’heures', { ...notMet, countedMinutes: h(900), status: 'met' }, [{ model: 'per_hour', rateCents: 3000 }], 'no_shortfall'],
    ['manque pas encore définitif', { ...notMet, status: 'at_risk' }, [{ model: 'per_hour', rateCents: 3000 }], 'shortfall_not_final'],
    ['sans modèle', notMet, [], 'no_penalty_model'],
  ])('refusée %s', (_label, standing, models, code) => {
    expect(codes(decide(standing, models))).toEqual([code]);
  });

  it('la pénalité de retard suppose une mise en demeure', () => {
    expect(codes(decide(notMet, [{ model: 'late_report', ratePerDayCents: 10_000, noticeDays: 15 }], 'reminder'))).toEqual(['formal_notice_required']);
    const late = decide(notMet, [{ model: 'late_report', ratePerDayCents: 10_000, noticeDays: 15 }]);
    // Mise en demeure le 01/05, délai 15 jours → 16/05 ; décision le 01/06 : 16 jours.
    expect(late.ok && late.value.totalCents).toBe(160_000);
  });
});

describe('transparence publique', () => {
  it('répartit les heures requises par année au prorata des jours', () => {
    const years = requiredByYear({ operationId: null, requiredMinutes: h(833), startDate: '2026-02-01', endDate: '2027-01-31' });
    expect([...years.keys()]).toEqual([2026, 2027]);
    expect(years.get(2026)! + years.get(2027)!).toBe(h(833));
  });

  it('masque les cellules de moins de 5 personnes (et la suivante si une seule l’est)', () => {
    const people = (operationId: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ operationId, month: '2026-03', participantId: `${operationId}-${i}`, minutes: h(10) }));
    const table = transparencyTable(
      [
        { operationId: 'a', requiredMinutes: h(100), startDate: '2026-01-01', endDate: '2026-12-31' },
        { operationId: 'b', requiredMinutes: h(100), startDate: '2026-01-01', endDate: '2026-12-31' },
        { operationId: 'c', requiredMinutes: h(100), startDate: '2026-01-01', endDate: '2026-12-31' },
      ],
      [...people('a', 2), ...people('b', 6), ...people('c', 8)],
    );
    expect(table).toHaveLength(1);
    const cells = table[0]!.cells;
    expect(cells.map((c) => [c.operationId, c.deliveredMinutes])).toEqual([['a', null], ['b', null], ['c', h(80)]]);
    expect(table[0]!.deliveredMinutes).toBe(h(160));
    expect(cells.every((c) => c.requiredMinutes === h(100))).toBe(true);
  });
});
