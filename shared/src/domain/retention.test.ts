import { describe, expect, it } from 'vitest';
import { canErase, retentionEnd } from './retention.js';

describe('conservation des données d’un participant (24 mois après la dernière activité)', () => {
  it.each([
    ['inscrit seulement', { registeredOn: '2024-01-10', activityDates: [], hasOpenPlacement: false }, '2026-01-10'],
    ['dernière mise en poste terminée', { registeredOn: '2023-01-10', activityDates: ['2024-05-31', '2023-06-01'], hasOpenPlacement: false }, '2026-05-31'],
    ['mise en poste en cours', { registeredOn: '2023-01-10', activityDates: [], hasOpenPlacement: true }, null],
  ])('%s → conservé jusqu’au %s', (_label, activity, end) => {
    expect(retentionEnd(activity)).toBe(end);
  });

  it.each([
    ['le dernier jour de conservation', '2026-01-10', false],
    ['le lendemain', '2026-01-11', true],
  ])('effacement %s : %s', (_label, today, erasable) => {
    expect(canErase({ registeredOn: '2024-01-10', activityDates: [], hasOpenPlacement: false }, today).erasable).toBe(erasable);
  });
});
