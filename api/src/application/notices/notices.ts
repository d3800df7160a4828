/**
 * Reminders, formal notices, responses and decisions on a clause (decisions.md §10). Whether a step
 * is allowed and what a penalty amounts to is decided by the domain (`checkNoticeAllowed`,
 * `checkResponseAllowed`, `decidePenalty`); this module loads the facts, writes the case file and its
 * audit entries in one transaction, and answers 404 for what the actor may not see.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  InsertionClauseSchema,
  NoticeFileSchema,
  NoticeResponseSchema,
  NoticeSchema,
  UserSchema,
  type InsertionClauseEntity,
  type NoticeEntity,
} from '@app/db';
import {
  checkNoticeAllowed,
  checkResponseAllowed,
  decidePenalty,
  type ClauseStanding,
  type ComplianceStatus,
  type createNoticeInputSchema,
  type Notice,
  type noticeDecisionInputSchema,
  type NoticeKind,
  type NoticeOutcome,
  type NoticeStatus,
  type PenaltyDecision,
  type PenaltyRules,
  type Violation,
} from '@app/shared';
import type { Actor, RequestMeta } from '../actor.js';
import { AppError, errors } from '../errors.js';
import { scoped } from '../../infra/scope.js';
import { audit } from '../../infra/audit.js';
import { clauseProgress } from '../declarations/clause-progress.js';
import { complianceOf } from '../portfolio/clause-sizing.js';
import { rulesOf } from '../portfolio/graph.js';

type CreateInput = z.output<typeof createNoticeInputSchema>;
type DecisionInput = z.output<typeof noticeDecisionInputSchema>;

/** A refused step: 422 with the rule's code (and the field when there is one). */
export function ruleError(violations: readonly Violation[]): AppError {
  const first = violations[0]!;
  return new AppError('rule_violation', first.message, { rule: first.code, errors: first.path ? [{ path: first.path, message: first.message }] : undefined });
}

export interface ClauseFacts {
  clause: InsertionClauseEntity;
  standing: ClauseStanding;
  penalties: PenaltyRules;
  lotAmountCents: number;
}

/**
 * Where the clause stands: the counted hours the clause shows (the counting engine's stored copy),
 * the declarations missing past their deadline, and the status assessed by the domain from both.
 */
export async function clauseFacts(em: EntityManager, actor: Actor, clauseId: string, today: string): Promise<ClauseFacts> {
  const clause = await em.findOne(InsertionClauseSchema, scoped(actor, 'InsertionClause', { id: clauseId }), { populate: ['lot'] });
  if (!clause) throw errors.notFound('Clause');
  const progress = (await clauseProgress(em, [clause.id], today)).get(clause.id);
  const missingPeriods = progress?.missingPeriods ?? 0;
  const rules = rulesOf(clause);
  const { compliance } = complianceOf(
    {
      id: clause.id, lotId: clause.lot.id, holderIdentifier: clause.holderIdentifier, type: clause.type as never,
      requiredMinutes: clause.requiredMinutes ?? null, startDate: clause.startDate ?? null, endDate: clause.endDate ?? null,
      amountCents: clause.lot.amountCents, waived: clause.waived, rules, countedMinutes: clause.countedMinutes,
    },
    today,
  );
  const status: ComplianceStatus | null = clause.waived ? 'waived' : (compliance?.status ?? null);
  // A still-running clause with declarations missing is "late" even when its pace is fine.
  return {
    clause,
    standing: { status, missingPeriods, requiredMinutes: clause.requiredMinutes ?? 0, countedMinutes: clause.countedMinutes },
    penalties: rules.penalties,
    lotAmountCents: clause.lot.amountCents,
  };
}

async function userNames(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const users = await em.find(UserSchema, { id: { $in: unique } });
  return new Map(users.map((user) => [user.id, user.fullName]));
}

/** The case files, with their responses, files, and the names of who acted. */
async function toNotices(em: EntityManager, notices: readonly NoticeEntity[]): Promise<Notice[]> {
  if (!notices.length) return [];
  const clauseIds = [...new Set(notices.map((n) => n.clause.id))];
  const clauses = await em.find(InsertionClauseSchema, { id: { $in: clauseIds } }, { populate: ['lot', 'contract', 'buyer'] });
  const clauseById = new Map(clauses.map((c) => [c.id, c]));
  const responses = await em.find(NoticeResponseSchema, { notice: { $in: notices.map((n) => n.id) } }, { orderBy: { respondedAt: 'asc' } });
  const files = responses.length ? await em.find(NoticeFileSchema, { response: { $in: responses.map((r) => r.id) } }, { orderBy: { uploadedAt: 'asc' } }) : [];
  const names = await userNames(em, [
    ...notices.flatMap((n) => [n.createdBy, n.decidedBy ?? n.createdBy]),
    ...responses.map((r) => r.respondedBy),
  ]);
  const name = (id: string) => names.get(id) ?? 'Utilisateur supprimé';
  return notices.map((notice) => {
    const clause = clauseById.get(notice.clause.id)!;
    return {
      id: notice.id,
      version: notice.version,
      clauseId: clause.id,
      contract: { id: clause.contract.id, reference: clause.contract.reference, object: clause.contract.object },
      lot: { id: clause.lot.id, number: clause.lot.number, title: clause.lot.title },
      buyer: { id: clause.buyer.id, name: clause.buyer.name },
      holder: { identifier: clause.holderIdentifier, name: clause.lot.holderName ?? null },
      kind: notice.kind as NoticeKind,
      status: notice.status as NoticeStatus,
      sentOn: notice.sentOn,
      deadline: notice.deadline ?? null,
      body: notice.body,
      complianceStatus: (notice.complianceStatus ?? null) as ComplianceStatus | null,
      requiredMinutes: notice.requiredMinutes,
      countedMinutes: notice.countedMinutes,
      createdAt: notice.createdAt.toISOString(),
      createdBy: name(notice.createdBy),
      responses: responses
        .filter((r) => r.notice.id === notice.id)
        .map((r) => ({
          id: r.id,
          text: r.text,
          respondedAt: r.respondedAt.toISOString(),
          respondedBy: name(r.respondedBy),
          files: files
            .filter((f) => f.response.id === r.id)
            .map((f) => ({ id: f.id, fileName: f.originalName, mediaType: f.mediaType, sizeBytes: f.sizeBytes, uploadedAt: f.uploadedAt.toISOString() })),
        })),
      decision:
        notice.outcome && notice.decidedOn && notice.decidedAt && notice.decidedBy
          ? {
              outcome: notice.outcome as NoticeOutcome,
              decidedOn: notice.decidedOn,
              decidedAt: notice.decidedAt.toISOString(),
              decidedBy: name(notice.decidedBy),
              penalty: (notice.penalty ?? null) as PenaltyDecision | null,
              reason: notice.waiverReason ?? null,
            }
          : null,
    };
  });
}

export async function findNotice(em: EntityManager, actor: Actor, id: string): Promise<NoticeEntity> {
  const notice = await em.findOne(NoticeSchema, scoped(actor, 'Notice', { id }));
  if (!notice) throw errors.notFound('Courrier');
  return notice;
}

export async function listClauseNotices(em: EntityManager, actor: Actor, clauseId: string): Promise<Notice[]> {
  const clause = await em.findOne(InsertionClauseSchema, scoped(actor, 'InsertionClause', { id: clauseId }));
  if (!clause) throw errors.notFound('Clause');
  return toNotices(em, await em.find(NoticeSchema, { clause: clause.id }, { orderBy: { createdAt: 'asc' } }));
}

export async function listContractorNotices(em: EntityManager, actor: Actor): Promise<Notice[]> {
  return toNotices(em, await em.find(NoticeSchema, scoped(actor, 'Notice', {}), { orderBy: { createdAt: 'desc' } }));
}

export async function getNotice(em: EntityManager, actor: Actor, id: string): Promise<Notice> {
  return (await toNotices(em, [await findNotice(em, actor, id)]))[0]!;
}

export async function createNotice(em: EntityManager, actor: Actor, meta: RequestMeta, clauseId: string, input: CreateInput, today: string): Promise<Notice> {
  const facts = await clauseFacts(em, actor, clauseId, today);
  const sentOn = input.sentOn ?? today;
  if (sentOn > today) throw errors.field('sentOn', 'La date d’envoi ne peut pas être dans le futur.');
  const allowed = checkNoticeAllowed({ standing: facts.standing, kind: input.kind, sentOn, deadline: input.deadline });
  if (!allowed.ok) throw ruleError(allowed.violations);
  const id = randomUUID();
  await em.transactional(async (tx) => {
    tx.create(NoticeSchema, {
      id, clause: facts.clause.id, buyer: facts.clause.buyer.id, holderIdentifier: facts.clause.holderIdentifier,
      kind: input.kind, status: 'sent', sentOn, deadline: input.kind === 'formal_notice' ? input.deadline : null, body: input.body,
      complianceStatus: facts.standing.status, requiredMinutes: facts.standing.requiredMinutes, countedMinutes: facts.standing.countedMinutes,
      createdBy: actor.userId, version: 1,
    });
    audit(tx, actor, meta, {
      action: input.kind === 'formal_notice' ? 'send_formal_notice' : 'send_reminder', entityType: 'Notice', entityId: id,
      after: { clauseId: facts.clause.id, kind: input.kind, sentOn, deadline: input.deadline, status: facts.standing.status },
    });
    await tx.flush();
  });
  return getNotice(em, actor, id);
}

/** The optimistic lock: someone acted on the letter since the page was loaded. */
function checkVersion(notice: NoticeEntity, version: number) {
  if (notice.version !== version) throw errors.conflict('Ce courrier a changé entre-temps (réponse ou décision) : rechargez la page.');
}

export async function decideNotice(em: EntityManager, actor: Actor, meta: RequestMeta, id: string, input: DecisionInput, today: string): Promise<Notice> {
  const notice = await findNotice(em, actor, id);
  if (notice.status === 'decided') throw errors.conflict('La décision sur ce courrier est déjà prise : elle ne se modifie pas.');
  checkVersion(notice, input.version);
  let penalty: PenaltyDecision | null = null;
  if (input.outcome === 'penalty') {
    const facts = await clauseFacts(em, actor, notice.clause.id, today);
    const penalties: PenaltyRules = input.model ? { models: [input.model], capRate: facts.penalties.capRate } : facts.penalties;
    const decided = decidePenalty({
      standing: facts.standing, penalties, contractAmountCents: facts.lotAmountCents,
      notice: { kind: notice.kind as NoticeKind, sentOn: notice.sentOn }, decidedOn: today,
    });
    if (!decided.ok) throw ruleError(decided.violations);
    const a = decided.value;
    penalty = {
      models: penalties.models.map((m) => m.model), amountCents: a.totalCents, formula: a.formula, shortfallMinutes: a.shortfallMinutes,
      lines: a.lines.map((l) => ({ model: l.model, amountCents: l.amountCents, formula: l.formula, figures: { ...l.figures } })),
      capCents: a.capCents, totalBeforeCapCents: a.totalBeforeCapCents,
    };
  }
  await em.transactional(async (tx) => {
    // Conditional update: two decisions at once → only one wins, the other gets 409.
    const updated = await tx.nativeUpdate(
      NoticeSchema,
      { id: notice.id, version: input.version, status: { $ne: 'decided' } },
      {
        status: 'decided', outcome: input.outcome, decidedOn: today, decidedAt: new Date(), decidedBy: actor.userId,
        penalty: penalty as Record<string, unknown> | null, penaltyCents: penalty?.amountCents ?? null,
        waiverReason: input.outcome === 'waiver' ? input.reason : (input.reason ?? null), version: input.version + 1, updatedAt: new Date(),
      },
    );
    if (updated !== 1) throw errors.conflict('Ce courrier a changé entre-temps (réponse ou décision) : rechargez la page.');
    audit(tx, actor, meta, {
      action: input.outcome === 'penalty' ? 'decide_penalty' : 'decide_waiver', entityType: 'Notice', entityId: notice.id,
      before: { status: notice.status },
      after: { outcome: input.outcome, amountCents: penalty?.amountCents ?? null, formula: penalty?.formula ?? null, reason: input.reason },
    });
    await tx.flush();
  });
  em.clear();
  return getNotice(em, actor, id);
}


/** The response check shared by the answer use case: 409 once the buyer decided. */
export function checkAnswerable(notice: NoticeEntity, version: number): void {
  const allowed = checkResponseAllowed(notice.status as NoticeStatus);
  if (!allowed.ok) throw new AppError('conflict', allowed.violations[0]!.message, { rule: allowed.violations[0]!.code });
  checkVersion(notice, version);
}
