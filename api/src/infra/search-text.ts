/** Lower case, no accents, single spaces: what the trigram search compares (stored and typed alike). */
export function searchText(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => !!p)
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** `%term%` for ILIKE, with the LIKE wildcards of the typed text escaped. */
export function likePattern(typed: string): string {
  return `%${searchText(typed).replace(/[\\%_]/g, (c) => `\\${c}`).replace(/ /g, '%')}%`;
}
