/**
 * The company chain of a lot (decisions.md §6, §15, rule C13): the holder and its co-contractors at
 * the top, each with the subcontractors it invited, who may invite their own. Subcontractors' counted
 * hours count for the member at the top of their branch, and every figure names who delivered them.
 */
import { z } from 'zod';
import { formatHours } from './format.js';
import { andThen, fail, ok, validateWith, makeViolation, type Result, type Violation } from './result.js';
import { enumField, idField, listField, minutesField } from './schemas.js';
import type { CountedSlice } from './counting-ledger.js';

export const CHAIN_ROLES = ['holder', 'co_contractor', 'subcontractor'] as const;
export type ChainRole = (typeof CHAIN_ROLES)[number];

const chainMemberSchema = z.object({
  companyId: idField('Identifiant de l’entreprise'),
  role: enumField(CHAIN_ROLES, 'Rôle dans la chaîne'),
  /** The company that invited it: null for the holder and the co-contractors. */
  parentId: idField('Entreprise donneuse d’ordre').nullish(),
});
export type ChainMember = z.infer<typeof chainMemberSchema>;

const rollUpInputSchema = z.object({
  chain: listField(chainMemberSchema, 'Chaîne des entreprises'),
  /** Counted minutes by the company that delivered them (see `deliveriesByCompany`). */
  deliveries: listField(z.object({ companyId: idField('Entreprise'), countedMinutes: minutesField('Heures comptées') }), 'Heures comptées par entreprise'),
});
export type ChainRollUpInput = z.input<typeof rollUpInputSchema>;

export interface ChainNode {
  readonly companyId: string;
  readonly role: ChainRole;
  readonly parentId: string | null;
  /** The holder or co-contractor at the top of its branch. */
  readonly topId: string;
  /** From the top down to this company (top first). */
  readonly path: readonly string[];
  /** Hours its own people delivered. */
  readonly deliveredMinutes: number;
  /** Its own hours and those of every company below it. */
  readonly rolledUpMinutes: number;
}

export interface ChainRollUp {
  readonly nodes: readonly ChainNode[];
  /** The lot's counted hours: the sum of what every company delivered. */
  readonly lotCountedMinutes: number;
  /** "640 h comptées : 400 h par titulaire-1, 240 h par st-1 (sous-traitant de titulaire-1)". */
  readonly explanation: string;
}

function checkChain(chain: readonly ChainMember[]): Violation[] {
  const problems: Violation[] = [];
  const byId = new Map<string, ChainMember>();
  chain.forEach((member, index) => {
    if (byId.has(member.companyId)) problems.push(makeViolation('duplicate_member', `chain.${index}.companyId`, `L’entreprise ${member.companyId} est déjà dans la chaîne (invitée deux fois).`));
    byId.set(member.companyId, member);
  });
  if (!chain.some((member) => member.role === 'holder')) problems.push(makeViolation('no_holder', 'chain', 'La chaîne n’a pas de titulaire.'));
  chain.forEach((member, index) => {
    const path = `chain.${index}.parentId`;
    if (member.role !== 'subcontractor' && member.parentId != null) {
      problems.push(makeViolation('top_member_with_parent', path, `Le titulaire et les cotraitants ne sont les sous-traitants de personne (${member.companyId}).`));
    } else if (member.role === 'subcontractor' && member.parentId == null) {
      problems.push(makeViolation('subcontractor_without_parent', path, `Le sous-traitant ${member.companyId} doit avoir été invité par une entreprise de la chaîne.`));
    } else if (member.parentId != null && !byId.has(member.parentId)) {
      problems.push(makeViolation('unknown_parent', path, `${member.parentId}, qui aurait invité ${member.companyId}, n’est pas dans la chaîne.`));
    }
  });
  if (problems.length > 0) return problems;
  // With every parent known, a branch that never reaches the top is a cycle.
  chain.forEach((member, index) => {
    const seen = new Set<string>();
    let current: ChainMember | undefined = member;
    while (current?.parentId != null && !seen.has(current.companyId)) {
      seen.add(current.companyId);
      current = byId.get(current.parentId);
    }
    if (current?.parentId != null) problems.push(makeViolation('chain_cycle', `chain.${index}.parentId`, `La chaîne de sous-traitance de ${member.companyId} tourne en rond.`));
  });
  return problems;
}

/** Counted hours per company of the chain, rolled up to the holder and the co-contractors (C13). */
export function rollUpChain(input: ChainRollUpInput): Result<ChainRollUp> {
  return andThen(validateWith(rollUpInputSchema, input), ({ chain, deliveries }): Result<ChainRollUp> => {
    const problems = checkChain(chain);
    const byId = new Map(chain.map((member) => [member.companyId, member]));
    deliveries.forEach((row, index) => {
      if (!byId.has(row.companyId)) problems.push(makeViolation('unknown_company', `deliveries.${index}.companyId`, `${row.companyId} n’est pas dans la chaîne de ce lot.`));
    });
    if (problems.length > 0) return fail(problems);

    const delivered = new Map<string, number>();
    for (const row of deliveries) delivered.set(row.companyId, (delivered.get(row.companyId) ?? 0) + row.countedMinutes);
    const rolledUp = new Map<string, number>();
    const pathOf = (member: ChainMember): string[] => {
      const path = [member.companyId];
      for (let parent = member.parentId; parent != null; parent = byId.get(parent)?.parentId ?? null) path.unshift(parent);
      return path;
    };
    const nodes = chain.map((member) => {
      const path = pathOf(member);
      const own = delivered.get(member.companyId) ?? 0;
      for (const ancestor of path) rolledUp.set(ancestor, (rolledUp.get(ancestor) ?? 0) + own);
      return { member, path, own };
    });
    const lotCountedMinutes = nodes.reduce((sum, node) => sum + node.own, 0);
    const contributions = nodes
      .filter((node) => node.own > 0)
      .map(({ member, own }) => `${formatHours(own)} par ${member.companyId}${member.parentId ? ` (sous-traitant de ${member.parentId})` : ''}`);
    return ok({
      nodes: nodes.map(({ member, path, own }) => ({
        companyId: member.companyId,
        role: member.role,
        parentId: member.parentId ?? null,
        topId: path[0] ?? member.companyId,
        path,
        deliveredMinutes: own,
        rolledUpMinutes: rolledUp.get(member.companyId) ?? 0,
      })),
      lotCountedMinutes,
      explanation: `${formatHours(lotCountedMinutes)} comptées${contributions.length > 0 ? ` : ${contributions.join(', ')}` : ''}.`,
    });
  });
}

/**
 * The counting engine's counted slices summed by the company that delivered them: `companyOf` maps a
 * placement id (or an SIAE subcontract id) to the chain member that declares it. Slices it cannot
 * place (a pooled or bonus slice without either id) are returned apart, never lost.
 */
export function deliveriesByCompany(
  counted: readonly Pick<CountedSlice, 'placementId' | 'subcontractId' | 'minutes'>[],
  companyOf: ReadonlyMap<string, string>,
): { deliveries: { companyId: string; countedMinutes: number }[]; unattributedMinutes: number } {
  const totals = new Map<string, number>();
  let unattributedMinutes = 0;
  for (const slice of counted) {
    const source = slice.placementId ?? slice.subcontractId;
    const companyId = source == null ? undefined : companyOf.get(source);
    if (companyId === undefined) unattributedMinutes += slice.minutes;
    else totals.set(companyId, (totals.get(companyId) ?? 0) + slice.minutes);
  }
  return { deliveries: [...totals].map(([companyId, countedMinutes]) => ({ companyId, countedMinutes })), unattributedMinutes };
}
