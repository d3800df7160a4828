/**
 * Co-contractors (cotraitants, decisions.md §15). The members of a group share the lot's required
 * hours by the buyer's split; by default in proportion to each member's amount, in whole hours, by
 * largest remainder so that the shares add up to the lot's hours. Each member has its own standing
 * against its share; the lot's counted hours are the sum of its members'.
 */
import { z } from 'zod';
import { apportion } from './arithmetic.js';
import { assessCompliance, type ComplianceAssessment } from './compliance.js';
import { formatEuros, formatHours } from './format.js';
import { andThen, fail, ok, unwrap, validateWith, makeViolation, type Result, type Violation } from './result.js';
import { centsField, code, countField, idField, insertionClauseSchema, isoDateField, listField, minutesField } from './schemas.js';

const memberSchema = z.object({
  companyId: idField('Identifiant du cotraitant'),
  /** The member's part of the lot's amount (acte d'engagement). */
  amountCents: centsField('Montant HT du cotraitant'),
});

const explicitShareSchema = z.object({
  companyId: idField('Identifiant du cotraitant'),
  requiredMinutes: minutesField('Heures requises du cotraitant'),
});

const splitInputSchema = z.object({
  lotRequiredMinutes: minutesField('Heures requises du lot'),
  members: listField(memberSchema, 'Cotraitants').refine((list) => list.length > 0, { error: 'Au moins un cotraitant est nécessaire.', ...code('no_member') }),
  /** The buyer's own split; null: proportional to the amounts. */
  explicitShares: listField(explicitShareSchema, 'Répartition fixée par l’acheteur').nullish(),
});
export type SplitInput = z.input<typeof splitInputSchema>;

export interface MemberShare {
  readonly companyId: string;
  readonly amountCents: number;
  readonly requiredMinutes: number;
  /** "600 000,00 € sur 1 000 000,00 € → 500 h" or "fixée par l’acheteur : 400 h". */
  readonly explanation: string;
}

export interface LotSplit {
  readonly basis: 'amount' | 'explicit';
  readonly lotRequiredMinutes: number;
  readonly shares: readonly MemberShare[];
}

function duplicates(ids: readonly string[], path: string): Violation[] {
  const seen = new Set<string>();
  return ids.flatMap((id, index) => {
    if (!seen.has(id)) {
      seen.add(id);
      return [];
    }
    return [makeViolation('duplicate_member', `${path}.${index}.companyId`, `L’entreprise ${id} figure deux fois.`)];
  });
}

function split(parsed: z.output<typeof splitInputSchema>): Result<LotSplit> {
  const { lotRequiredMinutes, members, explicitShares } = parsed;
  const problems = duplicates(members.map((member) => member.companyId), 'members');
  if (problems.length > 0) return fail(problems);
  if (explicitShares) {
    const known = new Set(members.map((member) => member.companyId));
    const invalid = [
      ...duplicates(explicitShares.map((share) => share.companyId), 'explicitShares'),
      ...explicitShares.flatMap((share, index) =>
        known.has(share.companyId) ? [] : [makeViolation('unknown_member', `explicitShares.${index}.companyId`, `${share.companyId} n’est pas membre du groupement.`)],
      ),
    ];
    if (invalid.length > 0) return fail(invalid);
    const total = explicitShares.reduce((sum, share) => sum + share.requiredMinutes, 0);
    if (total !== lotRequiredMinutes) {
      return fail([
        makeViolation('split_total_mismatch', 'explicitShares', `La répartition totalise ${formatHours(total)} au lieu des ${formatHours(lotRequiredMinutes)} requises du lot.`),
      ]);
    }
    const byCompany = new Map(explicitShares.map((share) => [share.companyId, share.requiredMinutes]));
    return ok({
      basis: 'explicit',
      lotRequiredMinutes,
      shares: members.map((member) => {
        const requiredMinutes = byCompany.get(member.companyId) ?? 0;
        return { ...member, requiredMinutes, explanation: `Fixée par l’acheteur : ${formatHours(requiredMinutes)}.` };
      }),
    });
  }
  const totalCents = members.reduce((sum, member) => sum + member.amountCents, 0);
  if (totalCents === 0) {
    return fail([makeViolation('no_amount', 'members', 'Les montants des cotraitants sont tous nuls : l’acheteur doit fixer la répartition.')]);
  }
  // Whole hours by largest remainder; the odd minutes of a lot that is not a whole number of hours go to the largest share.
  const hours = apportion(Math.floor(lotRequiredMinutes / 60), members.map((member) => member.amountCents));
  const largest = hours.indexOf(Math.max(...hours));
  const minutes = hours.map((value, index) => value * 60 + (index === largest ? lotRequiredMinutes % 60 : 0));
  return ok({
    basis: 'amount',
    lotRequiredMinutes,
    shares: members.map((member, index) => ({
      ...member,
      requiredMinutes: minutes[index] ?? 0,
      explanation: `${formatEuros(member.amountCents)} sur ${formatEuros(totalCents)} → ${formatHours(minutes[index] ?? 0)}.`,
    })),
  });
}

/** Each co-contractor's share of the lot's required hours. */
export function splitLotObligation(input: SplitInput): Result<LotSplit> {
  return andThen(validateWith(splitInputSchema, input), split);
}

const standingsInputSchema = splitInputSchema.omit({ lotRequiredMinutes: true }).extend({
  /** The lot's clause: its required hours are split, its dates and thresholds give every status. */
  clause: insertionClauseSchema,
  /** Counted minutes delivered by each member and its own subcontractors (subcontracting.ts). */
  countedByMember: listField(z.object({ companyId: idField('Identifiant du cotraitant'), countedMinutes: minutesField('Heures comptées') }), 'Heures comptées par cotraitant'),
  missingPeriods: countField('Périodes non déclarées').nullish(),
  today: isoDateField('Date du jour'),
});
export type CoContractorStandingsInput = z.input<typeof standingsInputSchema>;

export interface MemberStanding extends MemberShare {
  readonly countedMinutes: number;
  /** The member's standing against its share (same rules as a clause, required = share). */
  readonly compliance: ComplianceAssessment;
}

export interface CoContractorStandings {
  readonly split: LotSplit;
  readonly members: readonly MemberStanding[];
  /** The lot's standing: required = the lot's, counted = the sum of the members'. */
  readonly lot: ComplianceAssessment;
}

/** Every member's standing against its share, and the lot's as the sum of its members. */
export function assessCoContractors(input: CoContractorStandingsInput): Result<CoContractorStandings> {
  return andThen(validateWith(standingsInputSchema, input), (parsed): Result<CoContractorStandings> => {
    const { clause, countedByMember, today } = parsed;
    const missingPeriods = parsed.missingPeriods ?? 0;
    const known = new Set(parsed.members.map((member) => member.companyId));
    const strangers = countedByMember.flatMap((row, index) =>
      known.has(row.companyId) ? [] : [makeViolation('unknown_member', `countedByMember.${index}.companyId`, `${row.companyId} n’est pas membre du groupement.`)],
    );
    if (strangers.length > 0) return fail(strangers);
    return andThen(split({ ...parsed, lotRequiredMinutes: clause.requiredMinutes }), (lotSplit) => {
      const counted = new Map<string, number>();
      for (const row of countedByMember) counted.set(row.companyId, (counted.get(row.companyId) ?? 0) + row.countedMinutes);
      // The clause was validated above: a share of it is valid too.
      const standing = (requiredMinutes: number, countedMinutes: number): ComplianceAssessment =>
        unwrap(assessCompliance({ clause: { ...clause, requiredMinutes }, countedMinutes, missingPeriods, today }));
      const members = lotSplit.shares.map((share) => {
        const countedMinutes = counted.get(share.companyId) ?? 0;
        return { ...share, countedMinutes, compliance: standing(share.requiredMinutes, countedMinutes) };
      });
      const lotCounted = members.reduce((sum, member) => sum + member.countedMinutes, 0);
      return ok({ split: lotSplit, members, lot: standing(clause.requiredMinutes, lotCounted) });
    });
  });
}
