import { describe, expect, it } from 'vitest';
import { assessCompliance } from './compliance.js';
import { ageBand, burnUp, statusReason, suppressSmallCells } from './dashboard.js';
import { forecastCompletion } from './forecast.js';
import { plainSpaces } from './format.js';
import { unwrap } from './result.js';
import { aClause, h } from './test-factories.js';

describe('tableau de bord — la raison du statut', () => {
  it('decisions.md §9 : « à risque : 250 h comptées pour 555 h attendues au 8e mois sur 12 »', () => {
    const clause = aClause();
    const assessment = unwrap(assessCompliance({ clause, countedMinutes: h(250), missingPeriods: 0, today: '2025-09-01' }));
    expect(plainSpaces(statusReason(clause, assessment))).toBe('à risque : 250 h comptées pour 555 h attendues au 8e mois sur 12');
  });

  it('à risque par les déclarations manquantes : la raison le dit', () => {
    const clause = aClause();
    const assessment = unwrap(assessCompliance({ clause, countedMinutes: h(420), missingPeriods: 2, today: '2025-07-01' }));
    expect(plainSpaces(statusReason(clause, assessment))).toBe('à risque : 2 périodes non déclarées après l’échéance');
  });

  it('dans les temps, avec une période en retard signalée', () => {
    const clause = aClause();
    const assessment = unwrap(assessCompliance({ clause, countedMinutes: h(600), missingPeriods: 1, today: '2025-09-01' }));
    expect(plainSpaces(statusReason(clause, assessment))).toBe('dans les temps : 600 h comptées pour 555 h attendues au 8e mois sur 12 ; 1 période non déclarée après l’échéance');
  });
});

describe('tableau de bord — courbe cumulée', () => {
  it('ligne attendue jusqu’aux heures requises, cumul connu puis projection', () => {
    const clause = aClause();
    const countedByMonth = [{ month: '2025-06', countedMinutes: h(100) }, { month: '2025-07', countedMinutes: h(100) }, { month: '2025-08', countedMinutes: h(50) }];
    const forecast = unwrap(forecastCompletion({ clause, countedByMonth, today: '2025-09-20' }));
    const points = burnUp(clause, countedByMonth, forecast, '2025-09-20');
    expect(points).toHaveLength(12);
    expect(points.at(-1)?.expectedMinutes).toBe(h(833));
    expect(points[7]).toMatchObject({ month: '2025-08', countedMinutes: h(250), forecastMinutes: h(250) });
    expect(points[8]?.countedMinutes).toBeNull();
    expect(points.at(-1)?.forecastMinutes).toBe(forecast.projectedMinutesAtEnd);
  });
});

describe('tableau de bord — petits effectifs masqués', () => {
  it('les cellules de 1 à 4 sont masquées, et la suivante quand une seule l’est', () => {
    const cells = suppressSmallCells([
      { key: 'a', label: 'A', count: 3 },
      { key: 'b', label: 'B', count: 12 },
      { key: 'c', label: 'C', count: 30 },
      { key: 'd', label: 'D', count: 0 },
    ]);
    expect(cells.map((cell) => cell.count)).toEqual([null, null, 30, 0]);
  });

  it('tranches d’âge au jour dit', () => {
    expect(ageBand('2000-09-02', '2026-09-01')).toBe('under_26');
    expect(ageBand('2000-09-01', '2026-09-01')).toBe('26_49');
    expect(ageBand('1976-01-01', '2026-09-01')).toBe('50_plus');
    expect(ageBand(null, '2026-09-01')).toBe('unknown');
  });
});
