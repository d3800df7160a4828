/**
 * XML text → the root element's children in document order, each converted to the plain-object shape
 * of the JSON files (repeated elements become arrays; `unwrapList` later turns single elements into lists too).
 * Order is kept so that `index` stays the position in the file even when <marche> and <contrat-concession> alternate.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  tag: string;
  value: unknown;
}

export type XmlResult = { ok: true; rootTag: string; root: unknown; children: XmlElement[] } | { ok: false; reason: string };

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Keep every value as text: ids like "03120" and SIRETs must not become numbers.
  parseTagValue: false,
  // Decodes numeric character references (&#233;), which the default entity handling leaves as is.
  htmlEntities: true,
});

export function parseXmlText(text: string): XmlResult {
  if (/^\s*<(!doctype\s+html|html[\s>])/i.test(text)) {
    return { ok: false, reason: 'Ce fichier est une page web (HTML), pas un fichier DECP : le téléchargement a peut-être échoué.' };
  }
  let nodes: OrderedNode[];
  try {
    const validation = XMLValidator.validate(text);
    if (validation !== true) return { ok: false, reason: describeXmlError(text, validation.err) };
    nodes = parser.parse(text) as OrderedNode[];
  } catch (error) {
    // The parser throws on entity-expansion limits (billion laughs) and on a few malformed inputs the validator lets through.
    return { ok: false, reason: `Le fichier XML est illisible (${error instanceof Error ? error.message : String(error)}).` };
  }
  const rootNode = nodes.find((n) => elementTag(n) !== null);
  const rootTag = rootNode ? elementTag(rootNode) : null;
  if (!rootNode || rootTag === null) return { ok: false, reason: 'Le fichier XML ne contient aucun élément.' };
  const rootNodes = rootNode[rootTag] as OrderedNode[];
  const children = toElements(rootNodes);
  return { ok: true, rootTag, root: children.length > 0 ? groupByTag(children) : textOf(rootNodes), children };
}

function describeXmlError(text: string, err: { line: number; col: number }): string {
  if (isCutOff(text)) return 'Le fichier XML est tronqué ou incomplet : il ne se termine pas par la fermeture de son élément racine.';
  return `Le fichier XML est mal formé (ligne ${err.line}, colonne ${err.col}).`;
}

/** A cut-off download does not end with the root's closing tag; the validator's messages do not say so reliably. */
function isCutOff(text: string): boolean {
  const root = /<([A-Za-z_][\w.:-]*)/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''))?.[1];
  if (root === undefined) return false;
  const end = text.replace(/(<!--[\s\S]*?-->|\s)+$/, '');
  return !end.endsWith(`</${root}>`);
}

function elementTag(node: OrderedNode): string | null {
  for (const key of Object.keys(node)) {
    if (key !== '#text' && key !== ':@' && !key.startsWith('?') && !key.startsWith('#')) return key;
  }
  return null;
}

/** Leaf → its text ("" for an empty element such as <origineUE/>); otherwise an object of children. */
function convert(nodes: OrderedNode[]): unknown {
  const elements = toElements(nodes);
  return elements.length > 0 ? groupByTag(elements) : textOf(nodes);
}

function toElements(nodes: OrderedNode[]): XmlElement[] {
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    const tag = elementTag(node);
    if (tag !== null) elements.push({ tag, value: convert(node[tag] as OrderedNode[]) });
  }
  return elements;
}

function textOf(nodes: OrderedNode[]): string {
  let text = '';
  for (const node of nodes) if (typeof node['#text'] === 'string') text += node['#text'];
  return text;
}

/** Repeated elements become an array; no prototype, so an element named "__proto__" stays a plain key. */
function groupByTag(elements: XmlElement[]): Record<string, unknown> {
  const object = Object.create(null) as Record<string, unknown>;
  for (const { tag, value } of elements) {
    const existing = object[tag];
    // convert() never returns an array, so an array here is a list of repeated elements built below.
    if (existing === undefined) object[tag] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else object[tag] = [existing, value];
  }
  return object;
}
