import { describe, expect, it } from 'vitest';
import { yearlyFigures, type YearPlacement } from './yearly-figures.js';

const placement = (id: string, o: Partial<YearPlacement> = {}): YearPlacement => ({
  id, participantId: `p-${id}`, modality: 'direct_hire', startDate: '2026-02-02', endedOn: null, contractId: 'k1', buyerId: 'b1', holderIdentifier: 's1', ...o,
});

describe('chiffres consolidés de l’année', () => {
  it('heures validées, personnes, contrats, par modalité et par public', () => {
    const figures = yearlyFigures({
      year: 2026,
      placements: [
        placement('a'),
        placement('b', { participantId: 'p-a', modality: 'etti', contractId: 'k2', holderIdentifier: 's2' }),
        placement('c', { buyerId: 'b2' }),
        placement('old', { startDate: '2025-01-06', endedOn: '2025-12-31' }),
      ],
      hours: [{ placementId: 'a', minutes: 600 }, { placementId: 'a', minutes: 60 }, { placementId: 'b', minutes: 300 }],
      criteria: new Map([['p-a', ['RSA', 'QPV']]]),
    });
    expect(figures).toMatchObject({ year: 2026, minutes: 960, people: 2, workContracts: 3, publicContracts: 2, companies: 2, buyers: 2 });
    expect(figures.byModality.map((m) => [m.code, m.minutes, m.people, m.workContracts])).toEqual([['direct_hire', 660, 2, 2], ['etti', 300, 1, 1]]);
    expect(figures.byPublic.map((m) => [m.code, m.minutes, m.people])).toEqual([['QPV', 960, 1], ['RSA', 960, 1], ['none', 0, 1]]);
  });
});
