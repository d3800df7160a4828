import iconv from 'iconv-lite';

/**
 * Bytes of a CSV into text: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"),
 * otherwise Windows-1252 (what Excel for Windows writes as "CSV (séparateur : point-virgule)").
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: an accented letter in Windows-1252 is a lone byte ≥ 0x80 (é = 0xE9).
    // (Node's TextDecoder reads "windows-1252" as Latin-1 and loses €, ’ and œ: iconv-lite does not.)
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252'), encoding: 'windows-1252' };
  }
}
