import { describe, expect, it } from 'vitest';
import { declarationDueSoon, eligibilityExpiringSoon } from './reminders.js';
import { monthLabelFr } from './format.js';

describe('relances', () => {
  it.each([
    ['2026-06-05', 10, { month: '2026-05', deadline: '2026-06-10' }],
    ['2026-06-10', 10, { month: '2026-05', deadline: '2026-06-10' }],
    ['2026-06-04', 10, null],
    ['2026-06-11', 10, null],
    // Day 31 of a 28-day month: the deadline is clamped, the reminder follows it.
    ['2026-02-25', 31, { month: '2026-01', deadline: '2026-02-28' }],
  ])('déclaration à transmettre le %s (échéance jour %i)', (today, day, expected) => {
    expect(declarationDueSoon(today, day)).toEqual(expected);
  });

  it.each([
    ['2026-07-15', '2026-06-15', true],
    ['2026-07-16', '2026-06-15', false],
    ['2026-06-15', '2026-06-15', true],
    ['2026-06-14', '2026-06-15', false],
  ])('éligibilité valable jusqu’au %s, aujourd’hui %s → %s', (until, today, expected) => {
    expect(eligibilityExpiringSoon(until, today)).toBe(expected);
  });

  it('nomme le mois en français', () => expect(monthLabelFr('2026-08')).toBe('août 2026'));
});
