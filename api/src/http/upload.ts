import { errors } from '../application/errors.js';
import type { AppContext } from './context.js';

const mib = (bytes: number): string => `${Math.round(bytes / 1_048_576)} Mo`;

/**
 * Reads a file sent as the raw body (application/octet-stream), refusing it as soon as it passes the
 * limit: from Content-Length when announced, else while it streams in (nothing is kept).
 */
export async function readUpload(ctx: AppContext, limit: { maxBytes: number; label: string }): Promise<Buffer> {
  if (!ctx.is('application/octet-stream')) throw errors.uploadMediaType();
  const announced = Number(ctx.get('content-length') || 0);
  if (announced > limit.maxBytes) throw errors.payloadTooLarge(mib(limit.maxBytes), limit.label);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit.maxBytes) {
      ctx.req.unpipe();
      throw errors.payloadTooLarge(mib(limit.maxBytes), limit.label);
    }
    chunks.push(chunk);
  }
  if (size === 0) throw errors.field('(fichier)', 'Le fichier est vide.');
  return Buffer.concat(chunks, size);
}
