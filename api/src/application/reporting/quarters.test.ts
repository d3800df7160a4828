import { describe, expect, it } from 'vitest';
import { quartersOf } from './funders-indicators.js';

describe('trimestres d’une période', () => {
  it('coupe la période aux trimestres civils', () => {
    expect(quartersOf('2025-11-15', '2026-04-10')).toEqual([
      { label: 'T4 2025', from: '2025-11-15', to: '2025-12-31' },
      { label: 'T1 2026', from: '2026-01-01', to: '2026-03-31' },
      { label: 'T2 2026', from: '2026-04-01', to: '2026-04-10' },
    ]);
  });
  it('une année entière : quatre trimestres', () => expect(quartersOf('2026-01-01', '2026-12-31').map((q) => q.to)).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']));
});
