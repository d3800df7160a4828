import fs from 'node:fs';
import busboy from 'busboy';
import type { MultipartSpec } from '@app/shared';
import { errors } from '../../application/errors.js';
import type { AppContext } from '../context.js';
import type { ProofStorage } from '../../infra/proof-storage.js';

/** A file received in a multipart request, written to the incoming directory. */
export interface UploadedFile {
  field: string;
  filename: string;
  path: string;
  size: number;
}

export interface MultipartResult {
  data: unknown;
  files: UploadedFile[];
}

/**
 * Streams a multipart request to disk: each file is counted as it arrives and the request is refused
 * (413) as soon as one exceeds the limit; on any failure every file written so far is removed.
 * The `data` field carries the JSON body of the route.
 */
export async function readMultipart(ctx: AppContext, spec: MultipartSpec, storage: ProofStorage): Promise<MultipartResult> {
  await storage.ensureDirs();
  const files: UploadedFile[] = [];
  const writes: Promise<void>[] = [];
  let data: unknown = undefined;
  let failure: Error | null = null;
  try {
    await new Promise<void>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({
          headers: ctx.req.headers,
          limits: { fileSize: spec.maxFileBytes, files: spec.maxFiles, fields: 10, fieldSize: 64 * 1024, parts: spec.maxFiles + 10 },
        });
      } catch {
        reject(errors.field('(corps)', 'Corps multipart mal formé.'));
        return;
      }
      const fail = (error: Error) => {
        failure ??= error;
        ctx.req.unpipe(parser);
        ctx.req.resume(); // drain what is left, so that the client reads our answer
        resolve();
      };
      parser.on('field', (name, value) => {
        if (name !== 'data') return;
        try {
          data = JSON.parse(value);
        } catch {
          fail(errors.malformedJson());
        }
      });
      parser.on('file', (field, stream, info) => {
        const file: UploadedFile = { field, filename: info.filename ?? 'fichier', path: storage.incomingPath(), size: 0 };
        files.push(file);
        const out = fs.createWriteStream(file.path, { mode: 0o600 });
        stream.on('data', (chunk: Buffer) => (file.size += chunk.length));
        stream.on('limit', () => fail(errors.payloadTooLarge(`${Math.round(spec.maxFileBytes / 1024 / 1024)} Mo par fichier`)));
        writes.push(
          new Promise((done) => {
            out.on('close', () => done());
            out.on('error', (e) => (fail(e), done()));
          }),
        );
        stream.pipe(out);
      });
      parser.on('filesLimit', () => fail(errors.field('(fichiers)', `${spec.maxFiles} fichiers au plus.`)));
      parser.on('error', () => fail(errors.field('(corps)', 'Corps multipart mal formé.')));
      parser.on('close', () => resolve());
      ctx.req.pipe(parser);
    });
    await Promise.all(writes);
    if (failure) throw failure;
    return { data: data ?? {}, files };
  } catch (error) {
    await Promise.all(files.map((f) => storage.remove(f.path)));
    throw error;
  }
}
