import { describe, expect, it } from 'vitest';
import { assessCompliance, elapsedByTime } from './compliance.js';
import { unwrap } from './result.js';
import type { ClauseRulesOverrides } from './clause-rules.js';
import { aClause, h } from './test-factories.js';

describe('conformité — exemple de decisions.md §9 : 833 h sur 12 mois, au 8e mois, 250 h comptées', () => {
  const assessment = unwrap(
    assessCompliance({ clause: aClause(), countedMinutes: h(250), invoicedAmountCents: 50_000_000, missingPeriods: 0, today: '2025-09-01' }),
  );

  it('au prorata du temps : attendu 555 h, rythme 0,45 → « à risque »', () => {
    expect(Math.round(assessment.byTime.expectedMinutes / 60)).toBe(555);
    expect(assessment.byTime.pace?.toFixed(2)).toBe('0.45');
    expect(assessment.byTime.status).toBe('at_risk');
    expect(assessment.status).toBe('at_risk');
  });

  it('avec 50 % facturés : attendu 417 h, rythme 0,60 → « à surveiller » (les deux sont affichés)', () => {
    expect(Math.round((assessment.byInvoiced?.expectedMinutes ?? 0) / 60)).toBe(417);
    expect(assessment.byInvoiced?.pace?.toFixed(2)).toBe('0.60');
    expect(assessment.byInvoiced?.status).toBe('watch');
  });

  it('si la clause retient le facturé comme base du rythme, le statut suit', () => {
    const onInvoices = unwrap(
      assessCompliance({
        clause: aClause({ rules: { status: { paceBasis: 'invoiced' } } }),
        countedMinutes: h(250),
        invoicedAmountCents: 50_000_000,
        missingPeriods: 0,
        today: '2025-09-01',
      }),
    );
    expect(onInvoices.status).toBe('watch');
  });
});

describe('conformité — le premier statut qui s’applique', () => {
  it.each<[string, { counted: number; today: string; missing?: number; waived?: boolean; rules?: ClauseRulesOverrides }, string]>([
    ['exonération décidée, même sans heure', { counted: 0, today: '2025-06-01', waived: true }, 'waived'],
    ['objectif atteint avant la fin', { counted: h(833), today: '2025-04-01' }, 'met'],
    ['fin + 60 jours dépassée avec 800 h', { counted: h(800), today: '2026-03-02' }, 'not_met'],
    ['fin dépassée mais délai de grâce en cours', { counted: h(800), today: '2026-03-01' }, 'on_track'],
    ['délai de grâce de 0 jour', { counted: h(800), today: '2026-01-01', rules: { status: { endGraceDays: 0 } } }, 'not_met'],
    ['avant la date de début', { counted: 0, today: '2024-12-15' }, 'not_started'],
    ['aucune heure et moins de 10 % écoulés', { counted: 0, today: '2025-02-05' }, 'not_started'],
    ['aucune heure à 20 % écoulés', { counted: 0, today: '2025-03-15' }, 'watch'],
    ['aucune heure à 30 % écoulés', { counted: 0, today: '2025-04-20' }, 'at_risk'],
    ['deux périodes non déclarées après l’échéance', { counted: h(420), today: '2025-07-01', missing: 2 }, 'at_risk'],
    ['une seule période non déclarée', { counted: h(420), today: '2025-07-01', missing: 1 }, 'on_track'],
    ['rythme 0,7', { counted: h(290), today: '2025-07-01' }, 'watch'],
    ['rythme 0,9', { counted: h(375), today: '2025-07-01' }, 'on_track'],
    ['seuil « à surveiller » abaissé à 0,6', { counted: h(290), today: '2025-07-01', rules: { status: { watchPace: 0.6 } } }, 'on_track'],
  ])('%s → %s', (_label, facts, status) => {
    const clause = aClause({ waived: facts.waived ?? false, rules: facts.rules });
    const assessment = unwrap(assessCompliance({ clause, countedMinutes: facts.counted, missingPeriods: facts.missing ?? 0, today: facts.today }));
    expect(assessment.status).toBe(status);
    expect(assessment.lateDeclaration).toEqual({ flag: (facts.missing ?? 0) > 0, missingPeriods: facts.missing ?? 0 });
  });

  it('968 h comptées pour 833 h : conforme, excédent 135 h', () => {
    const assessment = unwrap(assessCompliance({ clause: aClause(), countedMinutes: 58_100, missingPeriods: 0, today: '2025-06-15' }));
    expect([assessment.status, Math.floor(assessment.surplusMinutes / 60), assessment.shortfallMinutes]).toEqual(['met', 135, 0]);
  });
});

describe('conformité — cas limites', () => {
  it.each([
    ['le jour du début', '2025-01-01', 0],
    ['au milieu d’une année bissextile', '2024-07-02', 0.5],
    ['après la fin', '2030-01-01', 1],
  ])('part écoulée %s', (_label, today, elapsed) => {
    const [start, end] = today.startsWith('2024') ? ['2024-01-01', '2024-12-31'] : ['2025-01-01', '2025-12-31'];
    expect(elapsedByTime(start, end, today)).toBeCloseTo(elapsed, 4);
  });

  it('montant nul : pas de rythme sur le facturé ; aucune heure requise : conforme', () => {
    const assessment = unwrap(
      assessCompliance({ clause: aClause({ amountCents: 0, requiredMinutes: 0 }), countedMinutes: 0, invoicedAmountCents: 0, missingPeriods: 0, today: '2025-06-01' }),
    );
    expect([assessment.byInvoiced, assessment.status, assessment.progress]).toEqual([null, 'met', null]);
  });

  it.each([
    ['fin avant début', { clause: aClause({ startDate: '2025-12-31', endDate: '2025-01-01' }) }, 'inverted_dates'],
    ['heures comptées négatives', { countedMinutes: -1 }, 'negative_duration'],
    ['facturé négatif', { invoicedAmountCents: -1 }, 'negative_amount'],
    ['seuil hors de [0, 1]', { clause: aClause({ rules: { status: { atRiskElapsed: 1.5 } } }) }, 'rate_out_of_range'],
    ['date du jour invalide', { today: '2025-02-29' }, 'invalid_date'],
  ])('mauvaise entrée : %s → %s', (_label, override, code) => {
    const result = assessCompliance({ clause: aClause(), countedMinutes: 0, missingPeriods: 0, today: '2025-06-01', ...override });
    expect(result.ok ? [] : result.violations.map((item) => item.code)).toContain(code);
  });
});
