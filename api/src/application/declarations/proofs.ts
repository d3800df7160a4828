/**
 * Proofs of a declaration (payslip, timesheet, mission statement, SIAE attestation, invoice): PDF,
 * JPEG or PNG checked from their content, stored on disk under random names, read through an
 * audited route only. A validated declaration's proofs are frozen.
 */
import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DeclarationProofSchema } from '@app/db';
import { proofKindLabels, type DeclarationProof, type ProofKind } from '@app/shared';
import type { Actor, RequestMeta } from '../actor.js';
import { errors } from '../errors.js';
import { audit } from '../../infra/audit.js';
import { extensionOf, type ProofStorage } from '../../infra/proof-storage.js';
import type { UploadedFile } from '../../http/middleware/multipart.js';
import { inspectUpload } from '../uploaded-proofs.js';
import { findDeclaration } from './declarations.js';

export async function addProofs(
  em: EntityManager,
  actor: Actor,
  meta: RequestMeta,
  declarationId: string,
  kind: ProofKind,
  files: readonly UploadedFile[],
  storage: ProofStorage,
): Promise<DeclarationProof[]> {
  const declaration = await findDeclaration(em, actor, declarationId);
  if (declaration.status === 'validated') throw errors.conflict('Cette déclaration est validée : ses justificatifs ne changent plus.');
  if (files.length === 0) throw errors.field('(fichiers)', 'Joignez au moins un fichier (PDF, JPEG ou PNG).');
  const checked: { file: UploadedFile; mediaType: string; sizeBytes: number; sha256: string; id: string; storageKey: string }[] = [];
  for (const file of files) {
    const info = await inspectUpload(storage, file, '(fichiers)', 'Le justificatif');
    checked.push({ file, ...info, id: randomUUID(), storageKey: storage.newKey() });
  }
  const moved: string[] = [];
  try {
    await em.transactional(async (tx) => {
      for (const proof of checked) {
        tx.create(DeclarationProofSchema, {
          id: proof.id, declaration: declaration.id, kind, storageKey: proof.storageKey, originalName: proof.file.filename.slice(0, 200),
          mediaType: proof.mediaType, sizeBytes: proof.sizeBytes, sha256: proof.sha256, uploadedBy: actor.userId,
        });
        audit(tx, actor, meta, {
          action: 'add_proof', entityType: 'HourDeclaration', entityId: declaration.id,
          after: { proofId: proof.id, kind: proofKindLabels[kind], fileName: proof.file.filename.slice(0, 200), sha256: proof.sha256 },
        });
      }
      await tx.flush();
      // Files take their final names inside the transaction: if a move fails, no row is committed.
      for (const proof of checked) {
        await storage.commit(proof.file.path, proof.storageKey);
        moved.push(storage.pathOf(proof.storageKey));
      }
    });
  } catch (error) {
    for (const path of moved) await storage.remove(path);
    throw error;
  }
  const now = new Date().toISOString();
  return checked.map((proof) => ({ id: proof.id, kind, fileName: proof.file.filename.slice(0, 200), mediaType: proof.mediaType, sizeBytes: proof.sizeBytes, uploadedAt: now }));
}

export async function removeProof(em: EntityManager, actor: Actor, meta: RequestMeta, declarationId: string, proofId: string, storage: ProofStorage): Promise<void> {
  const declaration = await findDeclaration(em, actor, declarationId);
  const proof = await em.findOne(DeclarationProofSchema, { id: proofId, declaration: declaration.id });
  if (!proof) throw errors.notFound('Justificatif');
  if (declaration.status === 'validated') throw errors.conflict('Cette déclaration est validée : ses justificatifs ne changent plus.');
  audit(em, actor, meta, { action: 'remove_proof', entityType: 'HourDeclaration', entityId: declaration.id, before: { proofId, fileName: proof.originalName } });
  em.remove(proof);
  await em.flush();
  await storage.remove(storage.pathOf(proof.storageKey));
}

/** Every read of a proof is written to the audit log (it may show a payslip). */
export async function openProof(
  em: EntityManager,
  actor: Actor,
  meta: RequestMeta,
  declarationId: string,
  proofId: string,
  storage: ProofStorage,
): Promise<{ stream: ReadStream; mediaType: string; filename: string; size: number }> {
  const declaration = await findDeclaration(em, actor, declarationId);
  const proof = await em.findOne(DeclarationProofSchema, { id: proofId, declaration: declaration.id });
  if (!proof) throw errors.notFound('Justificatif');
  audit(em, actor, meta, { action: 'read_proof', entityType: 'HourDeclaration', entityId: declaration.id, after: { proofId } });
  await em.flush();
  return { stream: storage.open(proof.storageKey), mediaType: proof.mediaType, filename: `justificatif-${declaration.month}.${extensionOf(proof.mediaType)}`, size: proof.sizeBytes };
}
