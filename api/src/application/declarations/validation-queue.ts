import type { EntityManager } from '@mikro-orm/postgresql';
import { HourDeclarationSchema } from '@app/db';
import type { QueueGroup, ValidationQueue } from '@app/shared';
import type { Actor } from '../actor.js';
import { scoped } from '../../infra/scope.js';
import { blocksValidation } from './findings.js';
import { groupBy } from '@app/shared';
import { declarationViews } from './views.js';

const QUEUE_LIMIT = 500;

/**
 * The facilitator's queue: declarations waiting for a decision, by contract and month, oldest month
 * first, each with the findings of the domain's checks. A month is "clean" when nothing blocks.
 */
export async function validationQueue(em: EntityManager, actor: Actor, filter: { contractId?: string; month?: string }, today: string): Promise<ValidationQueue> {
  const where: Record<string, unknown> = { status: { $in: ['submitted', 'corrected'] } };
  if (filter.contractId) where.contract = filter.contractId;
  if (filter.month) where.month = filter.month;
  const [rows, total] = await em.findAndCount(HourDeclarationSchema, scoped(actor, 'HourDeclaration', where), {
    orderBy: { month: 'asc', contract: 'asc', submittedAt: 'asc', id: 'asc' },
    limit: QUEUE_LIMIT,
  });
  const views = await declarationViews(em, rows, today);
  const groups: QueueGroup[] = [];
  for (const declarations of groupBy(views, (view) => `${view.month}|${view.contract.id}`).values()) {
    const first = declarations[0]!;
    const blocked = declarations.filter((view) => blocksValidation(view.findings).length > 0).length;
    declarations.sort((a, b) => `${a.person.lastName} ${a.person.firstName}`.localeCompare(`${b.person.lastName} ${b.person.firstName}`, 'fr'));
    groups.push({
      contract: first.contract,
      buyer: first.buyer,
      contractor: first.contractor,
      month: first.month,
      deadline: first.deadline,
      declarations,
      clean: declarations.length - blocked,
      blocked,
    });
  }
  return { groups, total };
}
