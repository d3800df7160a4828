import { inflateSync } from 'node:zlib';

// Windows-1252 code points 0x80–0x9F (the standard PDF fonts' WinAnsi encoding), the rest is Latin-1.
const WIN_ANSI: Record<number, string> = {
  0x80: '€', 0x85: '…', 0x8c: 'Œ', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x9c: 'œ',
};

/**
 * The text drawn in a PDF made with the standard fonts (pdfkit writes it as hex strings in TJ
 * arrays): enough to check that a generated document carries its figures. Streams are inflated when
 * compressed. One line of output per text operation.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  const streams = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streams.exec(source))) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    if (end < 0) break;
    const raw = pdf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(raw).toString('latin1');
    } catch {
      content = raw.toString('latin1');
    }
    for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|-?\d+(?:\.\d+)?|\s)*)\]\s*TJ/g)) {
      const text = [...op[1]!.matchAll(/<([0-9a-fA-F]*)>/g)]
        .map((hex) => [...Buffer.from(hex[1]!, 'hex')].map((byte) => WIN_ANSI[byte] ?? String.fromCharCode(byte)).join(''))
        .join('');
      lines.push(text);
    }
    streams.lastIndex = end;
  }
  return lines.join('\n');
}
