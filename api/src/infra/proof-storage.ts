import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

/** Media types recognised from the first bytes of a file (never from its name or the client's claim). */
const SIGNATURES: { mediaType: string; extension: string; magic: number[] }[] = [
  { mediaType: 'application/pdf', extension: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'image/jpeg', extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/png', extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export const extensionOf = (mediaType: string): string => SIGNATURES.find((s) => s.mediaType === mediaType)?.extension ?? 'bin';

export interface StoredFile {
  storageKey: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Proof files on disk, outside the database: `<dir>/incoming/` while a request streams in, then
 * `<dir>/<64 random hex>` once the rows describing them are written. Names are not guessable and
 * files are only ever served through an authorized, audited route.
 */
export class ProofStorage {
  readonly incomingDir: string;

  constructor(readonly dir: string) {
    this.incomingDir = path.join(dir, 'incoming');
  }

  async ensureDirs(): Promise<void> {
    await fsp.mkdir(this.incomingDir, { recursive: true, mode: 0o700 });
  }

  incomingPath(): string {
    return path.join(this.incomingDir, randomBytes(16).toString('hex'));
  }

  pathOf(storageKey: string): string {
    if (!/^[0-9a-f]{64}$/.test(storageKey)) throw new Error('clé de stockage invalide');
    return path.join(this.dir, storageKey);
  }

  /** Reads the first bytes and the digest of an incoming file; null when it is not a PDF, JPEG or PNG. */
  async inspect(incoming: string): Promise<Omit<StoredFile, 'storageKey'> | null> {
    const handle = await fsp.open(incoming, 'r');
    try {
      const head = Buffer.alloc(8);
      const { bytesRead } = await handle.read(head, 0, 8, 0);
      const hit = SIGNATURES.find((s) => bytesRead >= s.magic.length && s.magic.every((b, i) => head[i] === b));
      if (!hit) return null;
      const hash = createHash('sha256');
      for await (const chunk of fs.createReadStream(incoming)) hash.update(chunk as Buffer);
      return { mediaType: hit.mediaType, sizeBytes: (await handle.stat()).size, sha256: hash.digest('hex') };
    } finally {
      await handle.close();
    }
  }

  newKey(): string {
    return randomBytes(32).toString('hex');
  }

  /** Moves an incoming file to its final name (same file system: an atomic rename). */
  async commit(incoming: string, storageKey: string): Promise<void> {
    await fsp.rename(incoming, this.pathOf(storageKey));
  }

  async remove(filePath: string): Promise<void> {
    await fsp.rm(filePath, { force: true });
  }

  open(storageKey: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(storageKey));
  }
}
