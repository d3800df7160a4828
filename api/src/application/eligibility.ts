import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  EligibilityCriterionSchema, EligibilityValidationSchema, ParticipantSchema, ProofDocumentSchema, type ProofDocumentEntity,
} from '@app/db';
import {
  addDays, assessValidation, clauseRules, criterionByCode, daysBetween, eligibilityPolicyOf,
  type EligibilityDto, type EligibilityValidation, type eligibilityInputSchema,
} from '@app/shared';
import type { z } from 'zod';
import type { Actor, RequestMeta } from './actor.js';
import { errors } from './errors.js';
import { eligibleUntilOn, validationsOf } from './eligibility-model.js';
import { findParticipant } from './participants.js';
import { scoped } from '../infra/scope.js';
import { audit } from '../infra/audit.js';
import { extensionOf, type ProofStorage } from '../infra/proof-storage.js';
import type { UploadedFile } from '../http/middleware/multipart.js';
import { inspectUpload } from './uploaded-proofs.js';

type Input = z.output<typeof eligibilityInputSchema>;
const defaultPolicy = () => eligibilityPolicyOf(clauseRules());

const proofView = (d: ProofDocumentEntity) => ({
  id: d.id, originalName: d.originalName, mediaType: d.mediaType, sizeBytes: d.sizeBytes, uploadedAt: d.uploadedAt.toISOString(),
});

function eligibilityView(v: EligibilityValidation, meta: { validatedByName: string }, proofs: Map<string, ProofDocumentEntity>): EligibilityDto {
  const assessment = assessValidation(v, defaultPolicy());
  return {
    id: v.id,
    validatedAt: v.validatedAt,
    validatedByName: meta.validatedByName,
    validUntil: assessment.validUntil,
    exceptionReason: v.exceptionReason ?? null,
    revokedAt: v.revokedAt ?? null,
    usable: assessment.usable,
    problems: assessment.problems.map((p) => p.message),
    criteria: v.criteria.map((c, i) => {
      const doc = c.proofDocumentId ? proofs.get(c.proofDocumentId) : undefined;
      return {
        code: c.code,
        label: criterionByCode(c.code).label,
        proven: assessment.criteria[i]!.proven,
        problem: assessment.criteria[i]!.problem?.message ?? null,
        proofDate: c.proofDate ?? null,
        proofValidUntil: c.proofValidUntil ?? null,
        proof: doc ? proofView(doc) : null,
      };
    }),
  };
}

/** Validations of one participant with criteria and proofs; the read itself is written to the audit log. */
export async function eligibilitiesOf(em: EntityManager, participantId: string): Promise<EligibilityDto[]> {
  const validations = (await validationsOf(em, [participantId])).get(participantId) ?? [];
  const rows = await em.find(EligibilityValidationSchema, { participant: participantId });
  const names = new Map(rows.map((r) => [r.id, r.validatedByName]));
  const proofs = new Map((await em.find(ProofDocumentSchema, { participant: participantId })).map((d) => [d.id, d]));
  return validations
    .map((v) => eligibilityView(v, { validatedByName: names.get(v.id) ?? '' }, proofs))
    .sort((a, b) => (a.validatedAt < b.validatedAt ? 1 : -1));
}

export async function listEligibilities(em: EntityManager, actor: Actor, meta: RequestMeta, participantId: string): Promise<{ items: EligibilityDto[] }> {
  await findParticipant(em, actor, participantId);
  const items = await eligibilitiesOf(em, participantId);
  audit(em, actor, meta, { action: 'read_criteria', entityType: 'Participant', entityId: participantId });
  await em.flush();
  return { items };
}

/** The proof files of the request, matched with the criteria that name them, and checked from their content. */
async function inspectFiles(input: Input, files: UploadedFile[], storage: ProofStorage) {
  const byField = new Map(files.map((f) => [f.field, f]));
  const named = new Set<string>();
  const checked = new Map<string, { file: UploadedFile; mediaType: string; sizeBytes: number; sha256: string }>();
  for (const [i, criterion] of input.criteria.entries()) {
    if (!criterion.proofFile) continue;
    const file = byField.get(criterion.proofFile);
    if (!file) throw errors.field(`criteria.${i}.proofFile`, 'Justificatif annoncé mais absent de l’envoi.');
    named.add(criterion.proofFile);
    const info = await inspectUpload(storage, file, `criteria.${i}.proofFile`, 'Le justificatif');
    checked.set(criterion.proofFile, { file, ...info });
  }
  const extra = files.find((f) => !named.has(f.field));
  if (extra) throw errors.field('(fichiers)', `Fichier « ${extra.filename} » sans critère associé.`);
  return checked;
}

/**
 * A facilitator validates: criteria with their proofs, a validity end, an exception reason. All or
 * nothing: the rows and the files are written together, or neither (a refused request leaves no file).
 * The domain decides whether the validation is usable (proof freshness, exception reason…).
 */
export async function createEligibility(
  em: EntityManager,
  actor: Actor,
  meta: RequestMeta,
  participantId: string,
  input: Input,
  files: UploadedFile[],
  storage: ProofStorage,
  today: string,
): Promise<EligibilityDto> {
  const participant = await findParticipant(em, actor, participantId);
  if (participant.erasedAt) throw errors.ruleViolation('erased', 'Les données de cette personne ont été effacées.');
  if (input.validatedAt > today) throw errors.field('validatedAt', 'La date de validation ne peut pas être dans le futur.');
  const checked = await inspectFiles(input, files, storage);

  const validationId = randomUUID();
  const documents = new Map<string, ProofDocumentEntity>();
  const planned = input.criteria.map((c) => ({ ...c, id: randomUUID(), documentId: c.proofFile ? randomUUID() : null }));
  const domain: EligibilityValidation = {
    id: validationId,
    participantId,
    validatedAt: input.validatedAt,
    validatedBy: actor.userId,
    validUntil: input.validUntil,
    exceptionReason: input.exceptionReason,
    revokedAt: null,
    criteria: planned.map((c) => ({ code: c.code, proofDate: c.proofDate, proofValidUntil: c.proofValidUntil, proofDocumentId: c.documentId })),
  };
  const assessment = assessValidation(domain, defaultPolicy());
  if (!assessment.usable) {
    const problem = assessment.problems[0]!;
    throw errors.ruleViolation(problem.code, problem.message);
  }

  const moved: string[] = [];
  try {
    await em.transactional(async (tx) => {
      const validation = tx.create(EligibilityValidationSchema, {
        id: validationId,
        organisation: actor.organisationId,
        participant: participant.id,
        validatedAt: input.validatedAt,
        validatedBy: actor.userId,
        validatedByName: actor.fullName,
        validUntil: input.validUntil,
        exceptionReason: input.exceptionReason,
      });
      for (const c of planned) {
        let document: ProofDocumentEntity | null = null;
        if (c.proofFile && c.documentId) {
          const file = checked.get(c.proofFile)!;
          document = tx.create(ProofDocumentSchema, {
            id: c.documentId,
            organisation: actor.organisationId,
            participant: participant.id,
            storageKey: storage.newKey(),
            originalName: file.file.filename.slice(0, 200),
            mediaType: file.mediaType,
            sizeBytes: file.sizeBytes,
            sha256: file.sha256,
            uploadedBy: actor.userId,
          });
          documents.set(document.id, document);
        }
        tx.create(EligibilityCriterionSchema, {
          id: c.id, validation, code: c.code, proofDate: c.proofDate, proofValidUntil: c.proofValidUntil, proofDocument: document,
        });
      }
      audit(tx, actor, meta, {
        action: 'create', entityType: 'EligibilityValidation', entityId: validationId,
        after: { participantId, validatedAt: input.validatedAt, criteria: input.criteria.map((c) => c.code), proofs: documents.size },
      });
      await tx.flush();
      // Files take their final names inside the transaction: if a move fails, nothing is committed.
      for (const [field, file] of checked) {
        const doc = [...documents.values()].find((d) => planned.some((c) => c.proofFile === field && c.documentId === d.id))!;
        await storage.commit(file.file.path, doc.storageKey);
        moved.push(storage.pathOf(doc.storageKey));
      }
    });
  } catch (error) {
    for (const path of moved) await storage.remove(path);
    throw error;
  }
  return eligibilityView(domain, { validatedByName: actor.fullName }, documents);
}

export async function openProof(
  em: EntityManager,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  storage: ProofStorage,
): Promise<{ stream: ReadStream; mediaType: string; filename: string; size: number }> {
  const doc = await em.findOne(ProofDocumentSchema, scoped(actor, 'ProofDocument', { id }));
  if (!doc) throw errors.notFound('Justificatif');
  audit(em, actor, meta, { action: 'read_proof', entityType: 'ProofDocument', entityId: id, after: { participantId: doc.participant.id } });
  await em.flush();
  return { stream: storage.open(doc.storageKey), mediaType: doc.mediaType, filename: `justificatif.${extensionOf(doc.mediaType)}`, size: doc.sizeBytes };
}

/** Eligibilities ending within N days (today included), for the facilitator's follow-up list. */
export async function listExpiringEligibilities(
  em: EntityManager,
  actor: Actor,
  withinDays: number,
  today: string,
): Promise<{ items: { participantId: string; lastName: string; firstName: string; eligibleUntil: string; daysLeft: number }[] }> {
  const horizon = addDays(today, withinDays);
  // Pre-filter on the default 24-month window; the domain then gives each person's exact end.
  const rows = (await em.getConnection().execute(
    `select distinct v.participant_id from eligibility_validation v join participant p on p.id = v.participant_id
     where v.organisation_id = ? and p.erased_at is null and v.revoked_at is null
       and coalesce(v.valid_until, (v.validated_at + interval '24 months' - interval '1 day')::date) between ? and ?`,
    [actor.organisationId, today, horizon],
  )) as { participant_id: string }[];
  const ids = rows.map((r) => r.participant_id);
  const validations = await validationsOf(em, ids);
  const people = ids.length ? await em.find(ParticipantSchema, scoped(actor, 'Participant', { id: { $in: ids } })) : [];
  const items = people
    .map((p) => ({ p, until: eligibleUntilOn(p.id, validations.get(p.id) ?? [], today) }))
    .filter((x): x is { p: typeof x.p; until: string } => x.until !== null && x.until <= horizon)
    .map(({ p, until }) => ({ participantId: p.id, lastName: p.lastName, firstName: p.firstName, eligibleUntil: until, daysLeft: daysBetween(today, until) }))
    .sort((a, b) => a.daysLeft - b.daysLeft);
  return { items };
}

