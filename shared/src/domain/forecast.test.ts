import { describe, expect, it } from 'vitest';
import { forecastCompletion, lastClosedMonth } from './forecast.js';
import { unwrap } from './result.js';
import { aClause, h } from './test-factories.js';

const months = (hours: number[], from = 1) => hours.map((value, index) => ({ month: `2025-${String(from + index).padStart(2, '0')}`, countedMinutes: h(value) }));

describe('projection de fin de clause au rythme des 3 derniers mois', () => {
  it('le dernier mois clos dépend de l’échéance de déclaration', () => {
    expect(lastClosedMonth('2025-07-15', 10)).toBe('2025-06');
    expect(lastClosedMonth('2025-07-10', 10)).toBe('2025-05');
  });

  it('50 h par mois : pas à ce rythme (≈ 603 h à la fin), objectif atteint le 20/05/2026 si le rythme se maintenait', () => {
    const forecast = unwrap(forecastCompletion({ clause: aClause(), countedByMonth: months([50, 50, 50, 50, 50, 50]), today: '2025-07-15' }));
    expect(forecast.windowMonths).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(forecast.projectedMinutesAtEnd).toBe(h(300) + Math.round((h(150) / 91) * 184));
    expect(forecast.outcome).toEqual({ kind: 'not_at_this_pace', dateIfContinued: '2026-05-20' });
    expect(forecast.message).toMatch(/^Pas à ce rythme/);
  });

  it('100 h par mois : objectif atteint le 09/09/2025', () => {
    const forecast = unwrap(forecastCompletion({ clause: aClause(), countedByMonth: months([100, 100, 100, 100, 100, 100]), today: '2025-07-15' }));
    expect(forecast.outcome).toEqual({ kind: 'met_by', date: '2025-09-09' });
    expect(forecast.projectedMinutesAtEnd).toBe(h(600) + Math.round((h(300) / 91) * 184));
  });

  it('activité arrêtée depuis trois mois : le rythme récent est nul', () => {
    const forecast = unwrap(forecastCompletion({ clause: aClause(), countedByMonth: months([200, 200, 200]), today: '2025-07-15' }));
    expect(forecast.outcome).toEqual({ kind: 'not_at_this_pace', dateIfContinued: null });
    expect(forecast.projectedMinutesAtEnd).toBe(h(600));
  });

  it('objectif déjà atteint : le mois où il l’a été', () => {
    const forecast = unwrap(forecastCompletion({ clause: aClause(), countedByMonth: months([400, 400, 400]), today: '2025-04-15' }));
    expect(forecast.outcome).toEqual({ kind: 'already_met', month: '2025-03' });
  });

  it('clause pas encore commencée : aucune projection', () => {
    const forecast = unwrap(forecastCompletion({ clause: aClause(), countedByMonth: [], today: '2024-12-01' }));
    expect([forecast.windowMonths, forecast.projectedMinutesAtEnd, forecast.outcome.kind]).toEqual([[], 0, 'not_at_this_pace']);
  });

  it('des heures déjà validées pour le mois en cours élargissent la fenêtre jusqu’à lui', () => {
    const forecast = unwrap(forecastCompletion({ clause: aClause(), countedByMonth: months([80, 80, 80, 80, 80, 80, 80]), today: '2025-07-20' }));
    expect(forecast.windowMonths).toEqual(['2025-05', '2025-06', '2025-07']);
  });
});
