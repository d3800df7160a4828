/** Bytes → clean text, and early refusal of files that are obviously not DECP (PDF, archives). */

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

const SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; reason: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46], reason: 'Ce fichier est un PDF, pas un fichier DECP (JSON ou XML).' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], reason: 'Ce fichier est une archive ZIP : décompressez-la et importez le fichier JSON ou XML qu’elle contient.' },
  { bytes: [0x1f, 0x8b], reason: 'Ce fichier est compressé (gzip) : décompressez-le et importez le fichier JSON ou XML.' },
];

/** ASCII control characters other than tab, LF and CR: invalid in JSON strings and in XML 1.0. */
const CONTROL_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;
const HAS_CONTROL_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

export function decodeContent(content: Buffer | string): DecodeResult {
  const head = typeof content === 'string' ? [...content.slice(0, 4)].map((c) => c.charCodeAt(0)) : [...content.subarray(0, 4)];
  for (const sig of SIGNATURES) {
    if (sig.bytes.every((b, i) => head[i] === b)) return { ok: false, reason: sig.reason };
  }
  const raw = typeof content === 'string' ? content : decodeBytes(content);
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return { ok: true, text: HAS_CONTROL_CHAR.test(text) ? text.replace(CONTROL_CHARS, '') : text };
}

/**
 * UTF-8 as the format requires. Two exceptions decided by the bytes themselves: a UTF-16 byte-order mark,
 * and an XML file that is not valid UTF-8 but declares a Latin encoding (its accents would otherwise all be lost).
 * Any other invalid byte becomes U+FFFD, which the record reader reports as damaged accents.
 */
function decodeBytes(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const declaration = bytes.subarray(0, 200).toString('latin1');
    if (/^\s*<\?xml[^>]*encoding=["'](iso-8859-1|iso-8859-15|latin-?1|windows-1252|cp1252)["']/i.test(declaration)) {
      return new TextDecoder('windows-1252').decode(bytes);
    }
    return new TextDecoder('utf-8').decode(bytes);
  }
}
