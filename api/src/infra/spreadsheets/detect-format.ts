/**
 * What kind of file was uploaded, from its first bytes (never from its name or declared type, which
 * browsers and people get wrong): an XLSX workbook, a text file to read as CSV, or a French refusal.
 */
export type SpreadsheetFormat = 'xlsx' | 'csv';

export type Detection = { ok: true; format: SpreadsheetFormat } | { ok: false; message: string };

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean => signature.every((byte, index) => bytes[index] === byte);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];

const NOT_A_SPREADSHEET = 'Ce fichier n’est pas un tableur : envoyez le modèle rempli au format .xlsx ou .csv.';

export function detectFormat(bytes: Uint8Array): Detection {
  if (bytes.length === 0) return { ok: false, message: 'Le fichier est vide.' };
  if (startsWith(bytes, ZIP)) {
    // An OpenDocument file names its type in the first entry ("mimetype"), uncompressed.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
    if (head.includes('application/vnd.oasis.opendocument.spreadsheet')) {
      return { ok: false, message: 'Les fichiers OpenDocument (.ods) ne sont pas lus : enregistrez-le au format .xlsx ou .csv.' };
    }
    if (head.includes('application/vnd.oasis.opendocument')) return { ok: false, message: NOT_A_SPREADSHEET };
    return { ok: true, format: 'xlsx' };
  }
  if (startsWith(bytes, OLE)) {
    return { ok: false, message: 'L’ancien format Excel (.xls, 97-2003) n’est pas lu : enregistrez le fichier au format .xlsx ou .csv.' };
  }
  if (startsWith(bytes, PDF)) return { ok: false, message: 'Ce fichier est un PDF : joignez-le comme justificatif, et déclarez les heures avec le modèle .xlsx ou .csv.' };
  // Text has no NUL byte, except UTF-16 (which starts with its byte order mark).
  const sample = bytes.subarray(0, 64 * 1024);
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && sample.includes(0)) return { ok: false, message: NOT_A_SPREADSHEET };
  return { ok: true, format: 'csv' };
}
