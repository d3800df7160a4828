import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EligibilityCriterionSchema, EligibilityValidationSchema, ProofDocumentSchema } from '@app/db';
import { canErase, type ParticipantDto } from '@app/shared';
import type { Actor, RequestMeta } from './actor.js';
import { errors } from './errors.js';
import { eligibleUntilOn, validationsOf } from './eligibility-model.js';
import { findParticipant, participantView } from './participants.js';
import { eligibilitiesOf } from './eligibility.js';
import { activityOf, placementsExportOf } from './placement-activity.js';
import { audit } from '../infra/audit.js';
import type { ProofStorage } from '../infra/proof-storage.js';

/** Access right (GDPR art. 15): everything held on the person, in one document; the export is audited. */
export async function exportParticipant(em: EntityManager, actor: Actor, meta: RequestMeta, id: string, today: string) {
  const participant = await findParticipant(em, actor, id);
  const result = {
    exportedAt: new Date().toISOString(),
    participant: await participantView(em, participant, today),
    eligibilities: await eligibilitiesOf(em, id),
    placements: await placementsExportOf(em, id),
  };
  audit(em, actor, meta, { action: 'export', entityType: 'Participant', entityId: id });
  await em.flush();
  return result;
}

/**
 * Erasure at the end of retention: identity, contact, address, target jobs, proofs (files and rows)
 * and criteria go; the validations keep their dates (an anonymous "validated, criteria erased" mark)
 * and the placements stay, so that the hours already counted remain counted.
 */
export async function eraseParticipant(
  em: EntityManager,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  today: string,
  storage: ProofStorage,
): Promise<ParticipantDto> {
  const participant = await findParticipant(em, actor, id);
  if (participant.erasedAt) throw errors.ruleViolation('erased', 'Les données de cette personne sont déjà effacées.');
  const validations = (await validationsOf(em, [id])).get(id) ?? [];
  const act = (await activityOf(em, [id])).get(id) ?? { dates: [], open: false };
  const answer = canErase({ registeredOn: participant.registeredOn, activityDates: [...validations.map((v) => v.validatedAt), ...act.dates], hasOpenPlacement: act.open }, today);
  if (!answer.erasable) throw errors.ruleViolation('retention', answer.message);

  const proofs = await em.find(ProofDocumentSchema, { participant: id });
  await em.transactional(async (tx) => {
    const rows = await tx.find(EligibilityValidationSchema, { participant: id });
    for (const v of rows) {
      const until = validations.find((d) => d.id === v.id);
      await tx.nativeDelete(EligibilityCriterionSchema, { validation: v.id });
      tx.create(EligibilityCriterionSchema, { id: randomUUID(), validation: v.id, code: 'DEROGATION' });
      v.exceptionReason = `Éligibilité validée le ${v.validatedAt} ; critères et justificatifs effacés à la fin de leur conservation.`;
      v.validUntil = v.validUntil ?? (until ? eligibleUntilOn(id, [until], v.validatedAt) : null);
      v.validatedByName = '—';
    }
    await tx.nativeDelete(ProofDocumentSchema, { participant: id });
    tx.assign(participant, {
      lastName: 'Personne effacée', firstName: '—', searchName: '', birthDate: null, email: null, phone: null, communeCode: null,
      latitude: null, longitude: null, qpvAddress: null, targetAppellationCodes: [], targetRomeCodes: [], targetFamilies: [],
      status: 'exited', erasedAt: new Date(),
    });
    audit(tx, actor, meta, { action: 'erase', entityType: 'Participant', entityId: id, after: { proofs: proofs.length, validations: rows.length } });
  });
  // Files go once the rows are gone: a crash in between leaves an unreferenced file, never a row without its file.
  for (const proof of proofs) await storage.remove(storage.pathOf(proof.storageKey));
  return participantView(em, participant, today);
}

