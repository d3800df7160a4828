/** JSON text → value, with French messages that tell a truncated download from a malformed file. */

export type JsonResult = { ok: true; value: unknown } | { ok: false; reason: string };

export function parseJsonText(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    // Files written by pandas contain bare NaN / Infinity (seen in decp-processing outputs): read them as null.
    const repaired = replaceNonFiniteTokens(text);
    if (repaired !== text) {
      try {
        return { ok: true, value: JSON.parse(repaired) };
      } catch {
        // fall through to the original error
      }
    }
    return { ok: false, reason: describeJsonError(text, error) };
  }
}

function describeJsonError(text: string, error: unknown): string {
  if (isCutOff(text)) return 'Le fichier JSON est tronqué : il s’arrête avant la fin (téléchargement interrompu ?).';
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return 'Le fichier JSON est mal formé.';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `Le fichier JSON est mal formé (ligne ${line}, colonne ${column}).`;
}

/** A cut-off download ends inside a string or with brackets still open; V8's messages do not say so reliably. */
function isCutOff(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return inString || depth > 0;
}

/** Replaces NaN, Infinity and -Infinity outside strings by null, in one pass. */
function replaceNonFiniteTokens(text: string): string {
  if (!/NaN|Infinity/.test(text)) return text;
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      continue;
    }
    if (c !== 'N' && c !== 'I' && c !== '-') continue;
    for (const token of ['-Infinity', 'Infinity', 'NaN']) {
      if (text.startsWith(token, i)) {
        out += text.slice(last, i) + 'null';
        i += token.length - 1;
        last = i + 1;
        break;
      }
    }
  }
  return out + text.slice(last);
}
