/**
 * The contractor's responses to a notice: a text and files (PDF, JPEG, PNG, checked from their
 * content and stored on disk like the declarations' proofs). Accepted until the buyer decides (409
 * after). Files are read through an audited route only.
 */
import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NoticeFileSchema, NoticeResponseSchema, NoticeSchema } from '@app/db';
import type { Notice } from '@app/shared';
import type { Actor, RequestMeta } from '../actor.js';
import { errors } from '../errors.js';
import { audit } from '../../infra/audit.js';
import { extensionOf, type ProofStorage } from '../../infra/proof-storage.js';
import type { UploadedFile } from '../../http/middleware/multipart.js';
import { inspectUpload } from '../uploaded-proofs.js';
import { checkAnswerable, findNotice, getNotice } from './notices.js';

export async function answerNotice(
  em: EntityManager,
  actor: Actor,
  meta: RequestMeta,
  noticeId: string,
  input: { version: number; text: string },
  files: readonly UploadedFile[],
  storage: ProofStorage,
): Promise<Notice> {
  const notice = await findNotice(em, actor, noticeId);
  checkAnswerable(notice, input.version);
  const checked: { file: UploadedFile; mediaType: string; sizeBytes: number; sha256: string; id: string; storageKey: string }[] = [];
  for (const file of files) {
    const info = await inspectUpload(storage, file, '(fichiers)', 'La pièce jointe');
    checked.push({ file, ...info, id: randomUUID(), storageKey: storage.newKey() });
  }
  const responseId = randomUUID();
  const moved: string[] = [];
  try {
    await em.transactional(async (tx) => {
      // Conditional update first: a decision taken meanwhile (or another answer) makes this one 409.
      const updated = await tx.nativeUpdate(
        NoticeSchema,
        { id: notice.id, version: input.version, status: { $ne: 'decided' } },
        { status: 'answered', version: input.version + 1, updatedAt: new Date() },
      );
      if (updated !== 1) throw errors.conflict('Ce courrier a changé entre-temps (décision ou autre réponse) : rechargez la page.');
      tx.create(NoticeResponseSchema, { id: responseId, notice: notice.id, text: input.text, respondedBy: actor.userId });
      for (const file of checked) {
        tx.create(NoticeFileSchema, {
          id: file.id, response: responseId, storageKey: file.storageKey, originalName: file.file.filename.slice(0, 200),
          mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256, uploadedBy: actor.userId,
        });
      }
      audit(tx, actor, meta, {
        action: 'answer_notice', entityType: 'Notice', entityId: notice.id,
        before: { status: notice.status },
        after: { responseId, files: checked.map((f) => ({ fileId: f.id, fileName: f.file.filename.slice(0, 200), sha256: f.sha256 })) },
      });
      await tx.flush();
      for (const file of checked) {
        await storage.commit(file.file.path, file.storageKey);
        moved.push(storage.pathOf(file.storageKey));
      }
    });
  } catch (error) {
    for (const path of moved) await storage.remove(path);
    throw error;
  }
  em.clear();
  return getNotice(em, actor, noticeId);
}

/** Every read of a response's file is written to the audit log. */
export async function openNoticeFile(
  em: EntityManager,
  actor: Actor,
  meta: RequestMeta,
  noticeId: string,
  fileId: string,
  storage: ProofStorage,
): Promise<{ stream: ReadStream; mediaType: string; filename: string; size: number }> {
  const notice = await findNotice(em, actor, noticeId);
  const file = await em.findOne(NoticeFileSchema, { id: fileId, response: { notice: notice.id } });
  if (!file) throw errors.notFound('Pièce jointe');
  audit(em, actor, meta, { action: 'read_notice_file', entityType: 'Notice', entityId: notice.id, after: { fileId } });
  await em.flush();
  return { stream: storage.open(file.storageKey), mediaType: file.mediaType, filename: `reponse-${notice.sentOn}-${file.id.slice(0, 8)}.${extensionOf(file.mediaType)}`, size: file.sizeBytes };
}
