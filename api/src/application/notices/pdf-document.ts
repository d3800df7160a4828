/** What the generated PDFs (assessment, letters) share: the fonts' character set and the finished file. */
import { plainSpaces } from '@app/shared';

/** The standard PDF fonts speak WinAnsi: no narrow no-break space, no arrows. */
export const winAnsi = (text: string): string => plainSpaces(text).replace(/[^\u0000-\u00ff€‘’“”–—…•œŒ×]/g, '?');

/** The document's bytes once `doc.end()` has been called. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
