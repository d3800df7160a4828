import { describe, expect, it } from 'vitest';
import { ageOn, fundersIndicators, isced, type IndicatorPerson, type IndicatorPlacement } from './funder-indicators.js';

const person = (id: string, o: Partial<IndicatorPerson> = {}): IndicatorPerson => ({
  id, sex: 'female', birthDate: '1990-05-01', educationLevel: 'level_3', employmentStatusAtEntry: 'unemployed_long', disability: false, qpvStatus: 'no', rural: false, ...o,
});
const placement = (participantId: string, o: Partial<IndicatorPlacement> = {}): IndicatorPlacement => ({
  participantId, startDate: '2026-02-02', endedOn: null, exitOutcome: null, followUpOn: null, followUpOutcome: null, ...o,
});
const line = (lines: ReturnType<typeof fundersIndicators>, code: string) => {
  const found = lines.find((l) => l.code === code)!;
  return [found.total, found.women, found.men];
};

describe('indicateurs des financeurs (FSE)', () => {
  it.each([
    ['2000-06-15', '2026-06-14', 25],
    ['2000-06-15', '2026-06-15', 26],
    ['1976-02-29', '2026-02-28', 49],
  ])('âge : né le %s, le %s → %i ans', (birth, on, age) => expect(ageOn(birth, on)).toBe(age));

  it.each([['infra_3', 'cite_0_2'], ['level_3', 'cite_3_4'], ['level_4', 'cite_3_4'], ['level_5', 'cite_5_8'], ['level_8', 'cite_5_8']])('%s → %s', (level, group) =>
    expect(isced(level)).toBe(group));

  it('compte les entrées par la première mise en poste, les sorties par la dernière, le suivi à 6 mois', () => {
    const people = [
      person('a'),
      person('b', { sex: 'male', birthDate: '1970-01-10', educationLevel: 'infra_3', employmentStatusAtEntry: null, disability: true, qpvStatus: 'yes', rural: true }),
      person('c', { sex: 'male', birthDate: null, educationLevel: 'level_6', employmentStatusAtEntry: 'inactive' }),
      person('d'),
    ];
    const placements = [
      // a: entered in 2025, two placements, last ended in 2026 → exit in 2026 only.
      placement('a', { startDate: '2025-11-03', endedOn: '2025-12-19', exitOutcome: 'other' }),
      placement('a', { startDate: '2026-01-05', endedOn: '2026-03-31', exitOutcome: 'sustainable_job' }),
      // b: entered and still in post.
      placement('b', { startDate: '2026-03-02' }),
      // c: entered, exited to training, six months after (2026-12-15) in employment.
      placement('c', { startDate: '2026-02-02', endedOn: '2026-06-15', exitOutcome: 'training', followUpOn: '2026-12-15', followUpOutcome: 'transitional_job' }),
      // d: exited in 2025, six months after falls in 2026.
      placement('d', { startDate: '2025-01-06', endedOn: '2025-09-30', exitOutcome: 'transitional_job' }),
    ];
    const lines = fundersIndicators({ people, placements, from: '2026-01-01', to: '2026-12-31' });
    expect(line(lines, 'participants')).toEqual([2, 0, 2]);
    expect(line(lines, 'unemployed')).toEqual([0, 0, 0]);
    expect(line(lines, 'inactive')).toEqual([1, 0, 1]);
    expect(line(lines, 'status_unknown')).toEqual([1, 0, 1]);
    expect(line(lines, 'over_50')).toEqual([1, 0, 1]);
    expect(line(lines, 'over_55')).toEqual([1, 0, 1]);
    expect(line(lines, 'age_unknown')).toEqual([1, 0, 1]);
    expect(line(lines, 'cite_0_2')).toEqual([1, 0, 1]);
    expect(line(lines, 'cite_5_8')).toEqual([1, 0, 1]);
    expect(line(lines, 'disability')).toEqual([1, 0, 1]);
    expect(line(lines, 'qpv')).toEqual([1, 0, 1]);
    expect(line(lines, 'rural')).toEqual([1, 0, 1]);
    expect(line(lines, 'exits')).toEqual([2, 1, 1]);
    expect(line(lines, 'exit_employment')).toEqual([1, 1, 0]);
    expect(line(lines, 'exit_training')).toEqual([1, 0, 1]);
    expect(line(lines, 'six_months_due')).toEqual([3, 2, 1]);
    expect(line(lines, 'six_months_employment')).toEqual([1, 0, 1]);
    expect(line(lines, 'six_months_unknown')).toEqual([2, 2, 0]);
  });
});
