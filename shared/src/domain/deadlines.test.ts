import { describe, expect, it } from 'vitest';
import { assessCompliance } from './compliance.js';
import { declarationDeadline, declarationDeadlines } from './deadlines.js';
import { unwrap } from './result.js';
import { aClause, aDeclaration, aPlacement, h } from './test-factories.js';

describe('échéances de déclaration', () => {
  it.each([
    ['2025-01', 10, '2025-02-10'],
    ['2025-12', 10, '2026-01-10'],
    ['2025-01', 31, '2025-02-28'],
    ['2024-01', 31, '2024-02-29'],
    ['2025-03', 5, '2025-04-05'],
  ])('mois %s, jour limite %i → %s', (month, day, deadline) => {
    expect(declarationDeadline(month, day)).toBe(deadline);
  });

  const report = (today: string, declarations = [aDeclaration({ month: '2025-01', submittedAt: '2025-02-12' }), aDeclaration({ id: 'd-3', month: '2025-03', status: 'draft', submittedAt: null })]) =>
    unwrap(declarationDeadlines({ clause: aClause(), placements: [aPlacement()], declarations, today }));

  it('février manquant et mars en brouillon après leur échéance : drapeau levé, 2 périodes', () => {
    const result = report('2025-04-15');
    expect(result.missing.map((item) => [item.month, item.deadline, item.daysLate])).toEqual([
      ['2025-02', '2025-03-10', 36],
      ['2025-03', '2025-04-10', 5],
    ]);
    expect([result.missingPeriods, result.lateFlag]).toEqual([2, true]);
    expect(result.lateSubmissions).toEqual([expect.objectContaining({ month: '2025-01', daysLate: 2 })]);
  });

  it('le jour de l’échéance, la déclaration n’est pas encore en retard', () => {
    expect(report('2025-03-10').missing.map((item) => item.month)).toEqual([]);
    expect(report('2025-03-11').missing.map((item) => item.month)).toEqual(['2025-02']);
  });

  it('une déclaration rejetée a été transmise : elle n’est pas manquante', () => {
    const result = report('2025-03-15', [aDeclaration({ month: '2025-01' }), aDeclaration({ id: 'd-2', month: '2025-02', status: 'rejected', submittedAt: '2025-03-01' })]);
    expect(result.lateFlag).toBe(false);
  });

  it('« rien à déclarer ce mois-ci » (un mois transmis à 0 h, à temps) : le mois n’est ni manquant ni transmis en retard', () => {
    const nothing = aDeclaration({ id: 'd-2', month: '2025-02', status: 'submitted', workedMinutes: 0, trainingMinutes: null, submittedAt: '2025-03-04', proofDocumentIds: [] });
    const result = report('2025-03-15', [aDeclaration({ month: '2025-01' }), nothing]);
    expect([result.missing, result.lateFlag, result.lateSubmissions]).toEqual([[], false, []]);
  });

  it('rien n’est attendu hors des dates de la mise en poste ou de la clause', () => {
    const result = unwrap(
      declarationDeadlines({
        clause: aClause({ endDate: '2025-02-28' }),
        placements: [aPlacement({ startDate: '2025-02-10' }), aPlacement({ id: 'mp-autre', clauseId: 'clause-2' })],
        declarations: [],
        today: '2025-06-01',
      }),
    );
    expect(result.missing.map((item) => [item.placementId, item.month])).toEqual([['mp-1', '2025-02']]);
  });

  it('deux périodes manquantes rendent la clause « à risque » malgré un bon rythme', () => {
    const { missingPeriods } = report('2025-04-15');
    expect(unwrap(assessCompliance({ clause: aClause(), countedMinutes: h(300), missingPeriods, today: '2025-04-15' })).status).toBe('at_risk');
  });
});
