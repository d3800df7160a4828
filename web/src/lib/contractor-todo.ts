import { addMonthsToMonth, type ContractorPlacement, type Declaration } from '@app/shared';

/** One line of the contractor's to-do list: a month to declare, or a rejected declaration to correct. */
export interface TodoItem {
  kind: 'declare' | 'correct' | 'draft';
  month: string;
  person: string;
  lot: string;
  deadline: string;
  late: boolean;
  reason: string | null;
  href: string;
}

/**
 * What the contractor still has to do, oldest month first: rejected declarations (with the reason),
 * then months over whose declaration is missing or still a draft. The month in progress is not due yet.
 */
export function contractorTodo(placements: readonly ContractorPlacement[], rejected: readonly Declaration[], today: string): TodoItem[] {
  const lastMonth = addMonthsToMonth(today.slice(0, 7), -1);
  const corrections: TodoItem[] = rejected.map((d) => ({
    kind: 'correct', month: d.month, person: `${d.person.firstName} ${d.person.lastName}`, lot: d.lot.label, deadline: d.deadline, late: d.late,
    reason: d.rejectionReason, href: `/entreprise/declarations/${d.id}`,
  }));
  const declarations: TodoItem[] = placements.flatMap((p) =>
    p.months
      .filter((m) => m.month <= lastMonth && (m.status === null || m.status === 'draft'))
      .map((m) => ({
        kind: m.declarationId ? ('draft' as const) : ('declare' as const),
        month: m.month, person: `${p.person.firstName} ${p.person.lastName}`, lot: p.lot.label, deadline: m.deadline, late: m.late, reason: null,
        href: m.declarationId ? `/entreprise/declarations/${m.declarationId}` : `/entreprise/declarations/nouvelle?placement=${p.id}&mois=${m.month}`,
      })),
  );
  return [...corrections, ...declarations].sort((a, b) => a.month.localeCompare(b.month) || a.person.localeCompare(b.person, 'fr'));
}
