import type { UploadedFile } from '../http/middleware/multipart.js';
import type { ProofStorage, StoredFile } from '../infra/proof-storage.js';
import { AppError, errors } from './errors.js';

/**
 * One uploaded proof checked from its content (PDF, JPEG or PNG, never trusted from its name or the
 * client's claim): its type, size and digest, or a French error on `field` (empty file → 400, other
 * type → 415). `what` names the file in the message ("Le justificatif", "La pièce jointe").
 */
export async function inspectUpload(storage: ProofStorage, file: UploadedFile, field: string, what: string): Promise<Omit<StoredFile, 'storageKey'>> {
  if (file.size === 0) throw errors.field(field, `« ${file.filename} » est vide.`);
  const info = await storage.inspect(file.path);
  if (!info) {
    throw new AppError('unsupported_media_type', `« ${file.filename} » n’est ni un PDF, ni une image JPEG ou PNG (type vérifié sur le contenu du fichier).`, {
      errors: [{ path: field, message: `${what} doit être un PDF, un JPEG ou un PNG.` }],
    });
  }
  return info;
}
