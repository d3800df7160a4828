/**
 * Monthly declarations: the contractor declares (draft, submit, correct after a rejection), the
 * facilitator decides (validate, reject with a reason, validate a clean month at once). Only
 * validated hours count; each decision refreshes the clause's counted hours and status.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { HourDeclarationSchema, type HourDeclarationEntity } from '@app/db';
import {
  DECLARATION_STATUS_LABELS,
  SUBCONTRACT_MODALITIES,
  type BulkValidateResult,
  type Declaration,
  type DeclarationProof,
  type DeclarationStatus,
  type Finding,
} from '@app/shared';
import type { z } from 'zod';
import type {
  bulkValidateInputSchema,
  createDeclarationInputSchema,
  declarationListQuerySchema,
  rejectDeclarationInputSchema,
  updateDeclarationInputSchema,
  versionInputSchema,
} from '@app/shared';
import type { Actor, RequestMeta } from '../actor.js';
import { AppError, errors } from '../errors.js';
import { scoped } from '../../infra/scope.js';
import { audit } from '../../infra/audit.js';
import { sqlOf } from '../../infra/sql.js';
import { placementFacts, type PlacementFacts } from '../../infra/declaration-facts.js';
import { checkAll } from './checks.js';
import { blocksSubmission, blocksValidation } from './findings.js';
import { refreshClauseProgress } from './clause-progress.js';
import { asDomainDeclaration, declarationView, declarationViews, proofsOf } from './views.js';

type CreateInput = z.output<typeof createDeclarationInputSchema>;
type UpdateInput = z.output<typeof updateDeclarationInputSchema>;
type VersionInput = z.output<typeof versionInputSchema>;
type RejectInput = z.output<typeof rejectDeclarationInputSchema>;
type BulkInput = z.output<typeof bulkValidateInputSchema>;
type ListQuery = z.output<typeof declarationListQuerySchema>;

const PAGE_SIZE = 100;
const PENDING: readonly string[] = ['submitted', 'corrected'];

/** The placement, when the contractor holds its lot (404 otherwise, another company's included). */
export async function visiblePlacement(em: EntityManager, actor: Actor, placementId: string): Promise<PlacementFacts> {
  const facts = (await placementFacts(em, [placementId])).get(placementId);
  if (!facts || !canSeeLot(actor, facts)) throw errors.notFound('Mise en poste');
  return facts;
}

/** Contractors: the lots they hold; facilitators: the lots of the buyers that mandated them. */
export function canSeeLot(actor: Actor, facts: Pick<PlacementFacts, 'holderIdentifier' | 'buyerId'>): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'contractor':
      return actor.organisationSiret !== null && facts.holderIdentifier === actor.organisationSiret;
    case 'facilitator':
      return actor.mandatingBuyerIds.includes(facts.buyerId);
    default:
      return false;
  }
}

export async function findDeclaration(em: EntityManager, actor: Actor, id: string): Promise<HourDeclarationEntity> {
  const entity = await em.findOne(HourDeclarationSchema, scoped(actor, 'HourDeclaration', { id }));
  if (!entity) throw errors.notFound('Déclaration');
  return entity;
}

const values = (entity: Pick<HourDeclarationEntity, 'workedMinutes' | 'trainingMinutes' | 'attestedMinutes' | 'invoiceCents' | 'comment'>) => ({
  workedMinutes: entity.workedMinutes,
  trainingMinutes: entity.trainingMinutes ?? null,
  attestedMinutes: entity.attestedMinutes ?? null,
  invoiceCents: entity.invoiceCents ?? null,
  comment: entity.comment ?? null,
});

/**
 * What a declaration carries depends on how the person is employed: hours worked for a hire or a
 * staff provision; attested hours and/or an invoice for a subcontract to an SIAE or an EA (C7).
 */
function checkShape(facts: PlacementFacts, input: UpdateInput | CreateInput): void {
  const subcontract = SUBCONTRACT_MODALITIES.includes(facts.modality);
  if (subcontract) {
    if (input.workedMinutes > 0) {
      throw errors.field('workedMinutes', 'Sous-traitance à une SIAE ou une EA : déclarez les heures attestées par la structure ou le montant facturé, pas des heures travaillées.');
    }
    if (input.attestedMinutes === null && input.invoiceCents === null) {
      throw errors.field('attestedMinutes', 'Sous-traitance à une SIAE ou une EA : indiquez les heures attestées par la structure, le montant facturé, ou les deux.');
    }
  } else if (input.attestedMinutes !== null || input.invoiceCents !== null) {
    throw errors.field('attestedMinutes', 'Les heures attestées et le montant facturé ne concernent que la sous-traitance à une SIAE ou une EA.');
  }
}

/** The first problem that stops a submission, as a 422 naming the rule. */
function refuseBlocking(findings: readonly Finding[], blocking: (findings: readonly Finding[]) => Finding[]): void {
  const blocked = blocking(findings);
  if (blocked.length > 0) {
    throw new AppError('rule_violation', blocked.map((finding) => finding.message).join(' '), {
      rule: blocked[0]!.code,
      errors: blocked.map((finding) => ({ path: finding.code === 'period_in_future' || finding.code === 'period_outside_placement' ? 'month' : 'workedMinutes', message: finding.message })),
    });
  }
}

interface Checked {
  findings: Finding[];
  proofs: DeclarationProof[];
}

/** The checks of a declaration as it would stand; a new one has no proof yet (no query for them). */
async function findingsFor(em: EntityManager, entity: HourDeclarationEntity, facts: PlacementFacts, today: string, isNew = false): Promise<Checked> {
  const proofs = isNew ? [] : ((await proofsOf(em, [entity.id])).get(entity.id) ?? []);
  const declaration = asDomainDeclaration(entity, proofs.map((proof) => proof.id));
  return { findings: (await checkAll(em, [{ facts, declaration }], today)).get(entity.id) ?? [], proofs };
}

async function viewOf(em: EntityManager, entity: HourDeclarationEntity, today: string): Promise<Declaration> {
  return (await declarationViews(em, [entity], today))[0]!;
}

/**
 * The view of a declaration the contractor has just written, from what its checks loaded: the checks
 * exclude the declaration itself from the "others", so they find the same after the write.
 */
const viewAfterWrite = (entity: HourDeclarationEntity, facts: PlacementFacts, checked: Checked, today: string): Declaration =>
  declarationView(entity, facts, checked.proofs, checked.findings, today);

/** The status after the contractor transmits: a correction after a rejection, a submission otherwise. */
const transmittedStatus = (status: string): DeclarationStatus => (status === 'rejected' || status === 'corrected' ? 'corrected' : 'submitted');

/**
 * A new declaration in few round trips (the contractors' month-end rush): the placement and an
 * existing declaration read at once, the checks' reads at once, then the declaration and its audit
 * row written by one statement (atomic on its own, no transaction to open and commit).
 */
export async function createDeclaration(em: EntityManager, actor: Actor, meta: RequestMeta, input: CreateInput, today: string): Promise<Declaration> {
  const [facts, existing] = await Promise.all([
    placementFacts(em, [input.placementId]).then((found) => found.get(input.placementId)),
    sqlOf(em)<{ status: string }>(`select status from hour_declaration where placement_id = ? and month = ?`, [input.placementId, input.month]),
  ]);
  // Visibility first: another company's placement is a 404, whatever it has declared.
  if (!facts || !canSeeLot(actor, facts)) throw errors.notFound('Mise en poste');
  checkShape(facts, input);
  if (existing[0]) {
    throw errors.conflict(`Une déclaration existe déjà pour ${facts.firstName} ${facts.lastName} en ${input.month} (${DECLARATION_STATUS_LABELS[existing[0].status as DeclarationStatus].toLowerCase()}) : modifiez-la plutôt.`);
  }
  const now = new Date();
  // Not persisted by the unit of work: written below by one statement.
  const entity = em.create(
    HourDeclarationSchema,
    {
      id: randomUUID(),
      placement: facts.id,
      month: input.month,
      lot: facts.lotId,
      clause: facts.clauseId,
      contract: facts.contractId,
      buyer: facts.buyerId,
      holderIdentifier: facts.holderIdentifier,
      status: input.submit ? 'submitted' : 'draft',
      version: 1,
      workedMinutes: input.workedMinutes,
      trainingMinutes: input.trainingMinutes,
      attestedMinutes: input.attestedMinutes,
      invoiceCents: input.invoiceCents,
      comment: input.comment,
      source: 'form',
      submittedAt: input.submit ? now : null,
      submittedBy: input.submit ? actor.userId : null,
      createdAt: now,
      updatedAt: now,
    },
    { persist: false },
  );
  const checked = await findingsFor(em, entity, facts, today, true);
  refuseBlocking(checked.findings, blocksSubmission);
  const after = { month: input.month, status: entity.status, ...values(entity) };
  try {
    await sqlOf(em)(
      `with inserted as (
         insert into hour_declaration (id, placement_id, month, lot_id, clause_id, contract_id, buyer_id, holder_identifier, status, version,
           worked_minutes, training_minutes, attested_minutes, invoice_cents, comment, source, submitted_at, submitted_by, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 'form', ?, ?, ?, ?)
         returning id)
       insert into audit_event (at, actor_user_id, organisation_id, action, entity_type, entity_id, before, after, request_id)
       select ?, ?, ?, 'create', 'HourDeclaration', inserted.id::text, null, ?::jsonb, ? from inserted`,
      [
        entity.id, facts.id, input.month, facts.lotId, facts.clauseId, facts.contractId, facts.buyerId, facts.holderIdentifier, entity.status,
        input.workedMinutes, input.trainingMinutes, input.attestedMinutes, input.invoiceCents, input.comment, entity.submittedAt ?? null,
        entity.submittedBy ?? null, now, now,
        now, actor.userId, actor.organisationId, JSON.stringify(after), meta.requestId,
      ],
    );
  } catch (error) {
    // Two tabs declaring the same month at once: the unique (placement, month) keeps one.
    if (error instanceof UniqueConstraintViolationException || (error as { code?: string }).code === '23505') {
      throw errors.conflict(`Une déclaration vient d’être enregistrée pour ${input.month} : rechargez la page.`);
    }
    throw error;
  }
  return viewAfterWrite(entity, facts, checked, today);
}

async function editable(em: EntityManager, actor: Actor, id: string, version: number): Promise<{ entity: HourDeclarationEntity; facts: PlacementFacts }> {
  const entity = await findDeclaration(em, actor, id);
  if (entity.status === 'validated') {
    throw errors.conflict('Cette déclaration est validée : elle ne se modifie plus. Contactez votre facilitateur si elle est erronée.');
  }
  if (entity.version !== version) throw staleConflict();
  const facts = await visiblePlacement(em, actor, entity.placement.id);
  return { entity, facts };
}

const staleConflict = (): AppError =>
  errors.conflict('Cette déclaration a été modifiée entre-temps (par une autre personne ou un autre onglet) : rechargez la page puis recommencez.');

/** Flushes; a concurrent change (optimistic lock) becomes a clear 409. */
async function flushOrConflict(em: EntityManager, message?: string): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) throw message ? errors.conflict(message) : staleConflict();
    throw error;
  }
}

export async function updateDeclaration(em: EntityManager, actor: Actor, meta: RequestMeta, id: string, input: UpdateInput, today: string): Promise<Declaration> {
  const { entity, facts } = await editable(em, actor, id, input.version);
  checkShape(facts, input);
  const before = { status: entity.status, ...values(entity) };
  Object.assign(entity, {
    workedMinutes: input.workedMinutes,
    trainingMinutes: input.trainingMinutes,
    attestedMinutes: input.attestedMinutes,
    invoiceCents: input.invoiceCents,
    comment: input.comment,
    source: 'form',
  });
  if (input.submit || PENDING.includes(entity.status)) {
    entity.status = input.submit ? transmittedStatus(entity.status) : entity.status;
    entity.submittedAt = new Date();
    entity.submittedBy = actor.userId;
  }
  const checked = await findingsFor(em, entity, facts, today);
  refuseBlocking(checked.findings, blocksSubmission);
  audit(em, actor, meta, {
    action: entity.status === 'corrected' && before.status === 'rejected' ? 'correct' : 'update',
    entityType: 'HourDeclaration', entityId: entity.id, before, after: { status: entity.status, ...values(entity) },
  });
  await flushOrConflict(em);
  return viewAfterWrite(entity, facts, checked, today);
}

export async function submitDeclaration(em: EntityManager, actor: Actor, meta: RequestMeta, id: string, input: VersionInput, today: string): Promise<Declaration> {
  const { entity, facts } = await editable(em, actor, id, input.version);
  if (PENDING.includes(entity.status)) throw errors.conflict('Cette déclaration est déjà transmise : elle attend la décision du facilitateur.');
  const before = entity.status;
  entity.status = transmittedStatus(entity.status);
  entity.submittedAt = new Date();
  entity.submittedBy = actor.userId;
  const checked = await findingsFor(em, entity, facts, today);
  refuseBlocking(checked.findings, blocksSubmission);
  audit(em, actor, meta, {
    action: before === 'rejected' ? 'correct' : 'submit', entityType: 'HourDeclaration', entityId: entity.id,
    before: { status: before }, after: { status: entity.status, ...values(entity) },
  });
  await flushOrConflict(em);
  return viewAfterWrite(entity, facts, checked, today);
}

/** The declaration, pending and at the version the facilitator saw (409 otherwise, with who decided). */
async function pendingForDecision(em: EntityManager, actor: Actor, id: string, version: number): Promise<HourDeclarationEntity> {
  const entity = await findDeclaration(em, actor, id);
  if (!PENDING.includes(entity.status)) {
    const status = DECLARATION_STATUS_LABELS[entity.status as DeclarationStatus].toLowerCase();
    throw errors.conflict(
      entity.decidedByName
        ? `Cette déclaration a déjà été ${status} par ${entity.decidedByName} : rechargez la file de validation.`
        : `Cette déclaration n’attend pas de décision (statut : ${status}).`,
    );
  }
  if (entity.version !== version) throw staleConflict();
  return entity;
}

const decidedElsewhere = 'Une autre personne vient de décider de cette déclaration : votre décision n’a pas été enregistrée. Rechargez la file de validation.';

export async function validateDeclaration(em: EntityManager, actor: Actor, meta: RequestMeta, id: string, input: VersionInput, today: string): Promise<Declaration> {
  const entity = await em.transactional(async (tx) => {
    const entity = await pendingForDecision(tx, actor, id, input.version);
    const facts = await visiblePlacement(tx, actor, entity.placement.id);
    refuseBlocking((await findingsFor(tx, entity, facts, today)).findings, blocksValidation);
    decide(entity, actor, 'validated', null);
    audit(tx, actor, meta, { action: 'validate', entityType: 'HourDeclaration', entityId: entity.id, before: { status: 'pending' }, after: { status: 'validated', ...values(entity) } });
    await flushOrConflict(tx, decidedElsewhere);
    if (facts.clauseId) await refreshClauseProgress(tx, [facts.clauseId], today);
    return entity;
  });
  return viewOf(em, entity, today);
}

export async function rejectDeclaration(em: EntityManager, actor: Actor, meta: RequestMeta, id: string, input: RejectInput, today: string): Promise<Declaration> {
  const entity = await em.transactional(async (tx) => {
    const entity = await pendingForDecision(tx, actor, id, input.version);
    await visiblePlacement(tx, actor, entity.placement.id);
    decide(entity, actor, 'rejected', input.reason);
    audit(tx, actor, meta, { action: 'reject', entityType: 'HourDeclaration', entityId: entity.id, before: { status: 'pending' }, after: { status: 'rejected', reason: input.reason } });
    await flushOrConflict(tx, decidedElsewhere);
    return entity;
  });
  return viewOf(em, entity, today);
}

function decide(entity: HourDeclarationEntity, actor: Actor, status: 'validated' | 'rejected', reason: string | null): void {
  entity.status = status;
  entity.rejectionReason = reason;
  entity.decidedAt = new Date();
  entity.decidedBy = actor.userId;
  entity.decidedByName = actor.fullName;
}

/**
 * Validates, in one transaction, every pending declaration of a contract and month whose checks find
 * nothing blocking; the others stay in the queue with their reasons. A concurrent decision on any of
 * them makes the whole batch refuse (409): nothing is half-validated.
 */
export async function validateMonth(em: EntityManager, actor: Actor, meta: RequestMeta, input: BulkInput, today: string): Promise<BulkValidateResult> {
  return em.transactional(async (tx) => {
    const pending = await tx.find(
      HourDeclarationSchema,
      scoped(actor, 'HourDeclaration', { contract: input.contractId, month: input.month, status: { $in: [...PENDING] } }),
      { orderBy: { id: 'asc' } },
    );
    if (pending.length === 0) throw errors.notFound('Déclaration en attente pour ce marché et ce mois');
    const facts = await placementFacts(tx, pending.map((entity) => entity.placement.id));
    const proofs = await proofsOf(tx, pending.map((entity) => entity.id));
    const findings = await checkAll(
      tx,
      pending.map((entity) => ({ facts: facts.get(entity.placement.id)!, declaration: asDomainDeclaration(entity, (proofs.get(entity.id) ?? []).map((proof) => proof.id)) })),
      today,
    );
    const left: BulkValidateResult['left'] = [];
    const clauses = new Set<string>();
    let validated = 0;
    for (const entity of pending) {
      const placement = facts.get(entity.placement.id)!;
      const blocking = blocksValidation(findings.get(entity.id) ?? []);
      if (blocking.length > 0) {
        left.push({ id: entity.id, person: `${placement.firstName} ${placement.lastName}`, reasons: blocking.map((finding) => finding.message) });
        continue;
      }
      decide(entity, actor, 'validated', null);
      audit(tx, actor, meta, {
        action: 'validate', entityType: 'HourDeclaration', entityId: entity.id,
        before: { status: 'pending' }, after: { status: 'validated', bulk: true, ...values(entity) },
      });
      if (placement.clauseId) clauses.add(placement.clauseId);
      validated += 1;
    }
    await flushOrConflict(tx, decidedElsewhere);
    await refreshClauseProgress(tx, [...clauses], today);
    return { validated, left };
  });
}

export async function getDeclaration(em: EntityManager, actor: Actor, id: string, today: string): Promise<Declaration> {
  return viewOf(em, await findDeclaration(em, actor, id), today);
}

export async function listDeclarations(em: EntityManager, actor: Actor, query: ListQuery, today: string): Promise<{ items: Declaration[]; total: number }> {
  const where: Record<string, unknown> = {};
  if (query.month) where.month = query.month;
  if (query.status) where.status = query.status;
  if (query.contractId) where.contract = query.contractId;
  if (query.placementId) where.placement = query.placementId;
  const [rows, total] = await em.findAndCount(HourDeclarationSchema, scoped(actor, 'HourDeclaration', where), {
    orderBy: { month: 'desc', createdAt: 'desc', id: 'asc' },
    limit: PAGE_SIZE,
    offset: (query.page - 1) * PAGE_SIZE,
  });
  return { items: await declarationViews(em, rows, today), total };
}

