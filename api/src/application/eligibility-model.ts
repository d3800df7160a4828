import type { EntityManager } from '@mikro-orm/postgresql';
import { EligibilityCriterionSchema, EligibilityValidationSchema, type EligibilityCriterionEntity, type EligibilityValidationEntity } from '@app/db';
import { clauseRules, isEligibleOn, type CriterionCode, type EligibilityValidation } from '@app/shared';

/** Entity rows → the domain's EligibilityValidation (what every eligibility rule reads). */
export function toDomainValidation(v: EligibilityValidationEntity, criteria: EligibilityCriterionEntity[]): EligibilityValidation {
  return {
    id: v.id,
    participantId: v.participant.id,
    validatedAt: v.validatedAt,
    validatedBy: v.validatedBy,
    validUntil: v.validUntil ?? null,
    exceptionReason: v.exceptionReason ?? null,
    revokedAt: v.revokedAt ?? null,
    criteria: criteria.map((c) => ({
      code: c.code as CriterionCode,
      proofDate: c.proofDate ?? null,
      proofValidUntil: c.proofValidUntil ?? null,
      proofDocumentId: c.proofDocument?.id ?? null,
    })),
  };
}

/** Every validation of these participants, as domain objects, grouped by participant. */
const CHUNK = 10_000;

async function inChunks<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out;
}

export async function validationsOf(em: EntityManager, participantIds: string[]): Promise<Map<string, EligibilityValidation[]>> {
  const byParticipant = new Map<string, EligibilityValidation[]>();
  if (participantIds.length === 0) return byParticipant;
  // PostgreSQL binds 65,535 parameters at most: a large pool (matching) is read in chunks.
  const validations = (
    await inChunks(participantIds, (ids) => em.find(EligibilityValidationSchema, { participant: { $in: ids } }, { orderBy: { validatedAt: 'asc' } }))
  ).sort((a, b) => (a.validatedAt < b.validatedAt ? -1 : a.validatedAt > b.validatedAt ? 1 : 0));
  const criteria = await inChunks(validations.map((v) => v.id), (ids) => em.find(EligibilityCriterionSchema, { validation: { $in: ids } }));
  const criteriaOf = new Map<string, EligibilityCriterionEntity[]>();
  for (const c of criteria) criteriaOf.set(c.validation.id, [...(criteriaOf.get(c.validation.id) ?? []), c]);
  for (const v of validations) {
    const list = byParticipant.get(v.participant.id) ?? [];
    list.push(toDomainValidation(v, criteriaOf.get(v.id) ?? []));
    byParticipant.set(v.participant.id, list);
  }
  return byParticipant;
}

/** "Eligible until …" today, under the default clause rules (24 months): what facilitators and contractors see. */
export function eligibleUntilOn(participantId: string, validations: EligibilityValidation[], today: string): string | null {
  if (validations.length === 0) return null;
  const answer = isEligibleOn({ participantId, date: today, validations, rules: clauseRules() });
  return answer.ok && answer.value.eligible ? answer.value.until : null;
}
