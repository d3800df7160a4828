/**
 * Entry point: any DECP file (2019 or 2022, JSON or XML) → contracts ready for import, plus the records
 * that had to be skipped. Linear in the number of records (one pass, one Map for duplicates).
 */
import type { DecpContract, DecpIssue, DecpParseResult } from './types.js';
import { decodeContent } from './decode.js';
import { type Located, locateJsonRecords, locateXmlRecords, sniffSyntax } from './detect-format.js';
import { parseJsonText } from './parse-json.js';
import { parseXmlText } from './parse-xml.js';
import { readMarche } from './read-record.js';

/** Both start with the same words so that reports can group them; the rest tells a republication from a clash. */
const DUPLICATE = 'identifiant en double dans le fichier';
const REPUBLISHED = `${DUPLICATE} : même acheteur, identifiant, premier titulaire, date de notification et montant qu’un enregistrement précédent (republication)`;
const CLASH = `${DUPLICATE} : même acheteur, identifiant, premier titulaire et date de notification qu’un enregistrement précédent, mais un autre montant (probablement un autre lot publié sous le même identifiant)`;

export function parseDecp(content: Buffer | string): DecpParseResult {
  const decoded = decodeContent(content);
  if (!decoded.ok) return decoded;
  const syntax = sniffSyntax(decoded.text);
  if (!syntax.ok) return syntax;
  const located = syntax.syntax === 'json' ? locateJson(decoded.text) : locateXml(decoded.text);
  if (!located.ok) return located;
  if (located.records.length === 0) return { ok: false, reason: 'Le fichier ne contient aucun marché ni contrat de concession.' };

  const contracts: DecpContract[] = [];
  const issues: DecpIssue[] = [];
  const firstByKey = new Map<string, DecpContract>();
  let concessionsIgnored = 0;
  located.records.forEach((record, index) => {
    // The tracker follows markets only; concessions are counted so the import report can say how many were left out.
    if (record.kind === 'concession') {
      concessionsIgnored++;
      return;
    }
    const result = readMarche(record.value, index);
    if (!result.ok) {
      issues.push(...result.issues);
      return;
    }
    const { contract } = result;
    // First occurrence wins. Real files republish a contract (PES, AIFE), and some platforms reuse one id for
    // several lots won by the same holder on the same day: the key cannot tell those apart, the amount often can.
    const first = firstByKey.get(contract.key);
    if (first !== undefined) {
      const reason = first.initialAmountCents === contract.initialAmountCents ? REPUBLISHED : CLASH;
      issues.push({ index, sourceId: contract.sourceId, field: 'id', reason });
      return;
    }
    firstByKey.set(contract.key, contract);
    contracts.push(contract);
  });
  return { ok: true, format: located.format, contracts, issues, concessionsIgnored };
}

function locateJson(text: string): Located {
  const parsed = parseJsonText(text);
  return parsed.ok ? locateJsonRecords(parsed.value) : parsed;
}

function locateXml(text: string): Located {
  const parsed = parseXmlText(text);
  return parsed.ok ? locateXmlRecords(parsed.rootTag, parsed.root, parsed.children) : parsed;
}

