export { parseDecp } from './parse-decp.js';
export type { DecpContract, DecpFormat, DecpHolder, DecpIssue, DecpModification, DecpParseResult } from './types.js';
