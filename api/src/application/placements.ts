import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InsertionClauseSchema, LotSchema, ParticipantSchema, PlacementSchema, RomeAppellationSchema, type PlacementEntity } from '@app/db';
import {
  addMonths, assessValidation, clauseRules, eligibilityPolicyOf, isEligibleOn,
  type CriterionCode, type PlacementDto, type endPlacementInputSchema, type followUpInputSchema, type placementInputSchema,
} from '@app/shared';
import type { z } from 'zod';
import type { Actor, RequestMeta } from './actor.js';
import { errors } from './errors.js';
import { eligibleUntilOn, validationsOf } from './eligibility-model.js';
import { findParticipant } from './participants.js';
import { scoped } from '../infra/scope.js';
import { audit } from '../infra/audit.js';

/** Placements as facilitators and contractors see them: the person's name and "eligible until", never criteria. */
async function views(em: EntityManager, rows: PlacementEntity[], today: string): Promise<PlacementDto[]> {
  if (rows.length === 0) return [];
  const [people, lots, validations] = await Promise.all([
    em.find(ParticipantSchema, { id: { $in: [...new Set(rows.map((r) => r.participant.id))] } }),
    em.find(LotSchema, { id: { $in: [...new Set(rows.map((r) => r.lot.id))] } }),
    validationsOf(em, [...new Set(rows.map((r) => r.participant.id))]),
  ]);
  const personBy = new Map(people.map((p) => [p.id, p]));
  const lotBy = new Map(lots.map((l) => [l.id, l]));
  return rows.map((r) => {
    const person = personBy.get(r.participant.id)!;
    return {
      id: r.id,
      participant: { id: person.id, lastName: person.lastName, firstName: person.firstName, eligibleUntil: eligibleUntilOn(person.id, validations.get(person.id) ?? [], today) },
      lot: { id: r.lot.id, title: lotBy.get(r.lot.id)?.title ?? '' },
      modality: r.modality as PlacementDto['modality'],
      contractType: (r.contractType ?? null) as PlacementDto['contractType'],
      employerName: r.employerName,
      startDate: r.startDate,
      plannedEndDate: r.plannedEndDate ?? null,
      weeklyMinutes: r.weeklyMinutes,
      appellationCode: r.appellationCode,
      endedOn: r.endedOn ?? null,
      exitOutcome: (r.exitOutcome ?? null) as PlacementDto['exitOutcome'],
      followUpDue: r.endedOn ? addMonths(r.endedOn, 6) : null,
      followUpOutcome: (r.followUpOutcome ?? null) as PlacementDto['followUpOutcome'],
    };
  });
}

async function findPlacement(em: EntityManager, actor: Actor, id: string): Promise<PlacementEntity> {
  const placement = await em.findOne(PlacementSchema, scoped(actor, 'Placement', { id }));
  if (!placement) throw errors.notFound('Mise en poste');
  return placement;
}

export async function listPlacements(em: EntityManager, actor: Actor, today: string): Promise<{ items: PlacementDto[] }> {
  const rows = await em.find(PlacementSchema, scoped(actor, 'Placement', {}), { orderBy: { startDate: 'desc' }, limit: 500 });
  return { items: await views(em, rows, today) };
}

/**
 * Places a person on a lot: refused (422, with the rule) when the person is not eligible on the start
 * date under the clause's rules (C2), holds none of its target publics, or — ANRU — does not live in a QPV.
 */
export async function createPlacement(
  em: EntityManager,
  actor: Actor,
  meta: RequestMeta,
  input: z.output<typeof placementInputSchema>,
  today: string,
): Promise<PlacementDto> {
  const participant = await findParticipant(em, actor, input.participantId);
  const lot = await em.findOne(LotSchema, scoped(actor, 'Lot', { id: input.lotId }));
  if (!lot) throw errors.field('lotId', 'Lot introuvable.');
  const clause = await em.findOne(InsertionClauseSchema, { lot: lot.id });
  if (!clause) throw errors.ruleViolation('no_clause', 'Ce lot ne porte pas de clause d’insertion.');
  const appellation = await em.findOne(RomeAppellationSchema, { code: input.appellationCode });
  if (!appellation) throw errors.field('appellationCode', 'Métier inconnu : choisissez-le dans la liste ROME.');

  const rules = clauseRules(clause.rules as never);
  const validations = (await validationsOf(em, [participant.id])).get(participant.id) ?? [];
  const answer = isEligibleOn({ participantId: participant.id, date: input.startDate, validations, rules });
  if (!answer.ok || !answer.value.eligible) {
    throw errors.ruleViolation('C2', answer.ok && !answer.value.eligible ? answer.value.message : 'Éligibilité non vérifiable.');
  }
  const targets = clause.targetPublics as CriterionCode[];
  if (targets.length > 0) {
    const covering = validations.find((v) => v.id === (answer.value as { validationId: string }).validationId)!;
    const proven = assessValidation(covering, eligibilityPolicyOf(rules)).criteria.filter((c) => c.proven).map((c) => c.code);
    if (!targets.some((code) => proven.includes(code))) throw errors.ruleViolation('target_publics', 'La personne ne relève d’aucun des publics visés par la clause.');
  }
  if (clause.type === 'anru' && participant.qpvStatus !== 'yes') {
    throw errors.ruleViolation('anru_qpv', 'Clause ANRU : la résidence en quartier prioritaire (QPV) n’est pas établie.');
  }

  const placement = em.create(PlacementSchema, {
    id: randomUUID(),
    organisation: actor.organisationId,
    participant: participant.id,
    lot: lot.id,
    jobNeedId: input.jobNeedId,
    modality: input.modality,
    contractType: input.contractType,
    employerName: input.employerName,
    employerSiret: input.employerSiret,
    startDate: input.startDate,
    plannedEndDate: input.plannedEndDate,
    weeklyMinutes: input.weeklyMinutes,
    appellationCode: appellation.code,
    romeCode: appellation.romeCode,
  });
  participant.status = 'placed';
  audit(em, actor, meta, { action: 'create', entityType: 'Placement', entityId: placement.id, after: { participantId: participant.id, lotId: lot.id, modality: input.modality } });
  await em.flush();
  return (await views(em, [placement], today))[0]!;
}

export async function endPlacement(
  em: EntityManager, actor: Actor, meta: RequestMeta, id: string, input: z.output<typeof endPlacementInputSchema>, today: string,
): Promise<PlacementDto> {
  const placement = await findPlacement(em, actor, id);
  if (placement.endedOn) throw errors.conflict('Cette mise en poste est déjà terminée.');
  if (input.endedOn < placement.startDate) throw errors.field('endedOn', 'La fin précède le début de la mise en poste.');
  Object.assign(placement, { endedOn: input.endedOn, exitOutcome: input.exitOutcome, exitDetail: input.exitDetail });
  const participant = await em.findOneOrFail(ParticipantSchema, { id: placement.participant.id });
  const open = await em.count(PlacementSchema, { participant: participant.id, endedOn: null, id: { $ne: id } });
  if (!open) Object.assign(participant, { status: 'searching', waitingSince: input.endedOn });
  audit(em, actor, meta, { action: 'end', entityType: 'Placement', entityId: id, after: { ...input } });
  await em.flush();
  return (await views(em, [placement], today))[0]!;
}

export async function recordFollowUp(
  em: EntityManager, actor: Actor, meta: RequestMeta, id: string, input: z.output<typeof followUpInputSchema>, today: string,
): Promise<PlacementDto> {
  const placement = await findPlacement(em, actor, id);
  if (!placement.endedOn) throw errors.ruleViolation('follow_up', 'Le suivi à six mois suit la fin de la mise en poste.');
  if (input.followUpOn < placement.endedOn) throw errors.field('followUpOn', 'Le suivi précède la fin de la mise en poste.');
  Object.assign(placement, input);
  audit(em, actor, meta, { action: 'follow_up', entityType: 'Placement', entityId: id, after: { ...input } });
  await em.flush();
  return (await views(em, [placement], today))[0]!;
}
