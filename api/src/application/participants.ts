import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CommuneSchema, EligibilityCriterionSchema, EligibilityValidationSchema, ParticipantSchema, ProofDocumentSchema, RomeAppellationSchema,
  foldForSearch, type CommuneEntity, type ParticipantEntity,
} from '@app/db';
import {
  canErase, retentionEnd, romeFamily, type ParticipantDto, type ParticipantInput, type ParticipantSummary, type participantInputSchema,
} from '@app/shared';
import type { z } from 'zod';
import type { Actor, RequestMeta } from './actor.js';
import { errors } from './errors.js';
import { eligibleUntilOn, validationsOf } from './eligibility-model.js';
import { scoped } from '../infra/scope.js';
import { audit } from '../infra/audit.js';
import type { ProofStorage } from '../infra/proof-storage.js';
import { activityOf } from './placement-activity.js';

type Input = z.output<typeof participantInputSchema>;
const PAGE_SIZE = 50;

/** Page of participants with what their cards show (commune, jobs, "eligible until"). */
async function views(em: EntityManager, rows: ParticipantEntity[], today: string): Promise<ParticipantDto[]> {
  const communeCodes = [...new Set(rows.map((p) => p.communeCode).filter((c): c is string => !!c))];
  const appellationCodes = [...new Set(rows.flatMap((p) => p.targetAppellationCodes))];
  const [communes, appellations, validations, activity] = await Promise.all([
    communeCodes.length ? em.find(CommuneSchema, { code: { $in: communeCodes } }) : [],
    appellationCodes.length ? em.find(RomeAppellationSchema, { code: { $in: appellationCodes } }) : [],
    validationsOf(em, rows.map((p) => p.id)),
    activityOf(em, rows.map((p) => p.id)),
  ]);
  const communeBy = new Map(communes.map((c) => [c.code, c]));
  const appellationBy = new Map(appellations.map((a) => [a.code, a]));
  return rows.map((p) => {
    const commune = p.communeCode ? communeBy.get(p.communeCode) : undefined;
    const own = validations.get(p.id) ?? [];
    const act = activity.get(p.id) ?? { dates: [], open: false };
    return {
      id: p.id,
      lastName: p.lastName,
      firstName: p.firstName,
      birthDate: p.birthDate ?? null,
      sex: p.sex as ParticipantDto['sex'],
      email: p.email ?? null,
      phone: p.phone ?? null,
      commune: commune ? communeRef(commune) : null,
      qpvStatus: p.qpvStatus as ParticipantDto['qpvStatus'],
      qpvAddress: p.qpvAddress ?? null,
      qpvCheckedOn: p.qpvCheckedOn ?? null,
      educationLevel: p.educationLevel as ParticipantDto['educationLevel'],
      employmentStatusAtEntry: (p.employmentStatusAtEntry ?? null) as ParticipantDto['employmentStatusAtEntry'],
      disability: p.disability ?? null,
      drivingLicence: p.drivingLicence,
      mobilityRadiusKm: p.mobilityRadiusKm,
      targetJobs: p.targetAppellationCodes.map((code) => {
        const a = appellationBy.get(code);
        return { appellationCode: code, label: a?.label ?? code, romeCode: a?.romeCode ?? '' };
      }),
      availableFrom: p.availableFrom,
      status: p.status as ParticipantDto['status'],
      waitingSince: p.waitingSince,
      registeredOn: p.registeredOn,
      eligibleUntil: p.erasedAt ? null : eligibleUntilOn(p.id, own, today),
      retentionEnd: p.erasedAt
        ? null
        : retentionEnd({ registeredOn: p.registeredOn, activityDates: [...own.map((v) => v.validatedAt), ...act.dates], hasOpenPlacement: act.open }),
      erased: Boolean(p.erasedAt),
    };
  });
}

export const communeRef = (c: CommuneEntity) => ({ code: c.code, name: c.name, departement: c.departement, postalCodes: c.postalCodes });

export async function findParticipant(em: EntityManager, actor: Actor, id: string): Promise<ParticipantEntity> {
  const participant = await em.findOne(ParticipantSchema, scoped(actor, 'Participant', { id }));
  if (!participant) throw errors.notFound('Participant');
  return participant;
}

export async function participantView(em: EntityManager, participant: ParticipantEntity, today: string): Promise<ParticipantDto> {
  return (await views(em, [participant], today))[0]!;
}

export async function listParticipants(
  em: EntityManager,
  actor: Actor,
  query: { q?: string; status?: string; page: number },
  today: string,
): Promise<{ items: ParticipantSummary[]; total: number }> {
  const where: Record<string, unknown> = { erasedAt: null };
  if (query.status) where.status = query.status;
  if (query.q) {
    const term = `%${foldForSearch(query.q).replace(/[%_]/g, '')}%`;
    where.searchName = { $like: term };
  }
  const [rows, total] = await em.findAndCount(ParticipantSchema, scoped(actor, 'Participant', where), {
    orderBy: { lastName: 'asc', firstName: 'asc' },
    limit: PAGE_SIZE,
    offset: (query.page - 1) * PAGE_SIZE,
  });
  return { items: await views(em, rows, today), total };
}

/** Checks the commune and the ROME appellations, and derives what matching filters on. */
async function resolve(em: EntityManager, input: Input) {
  const commune = await em.findOne(CommuneSchema, { code: input.communeCode });
  if (!commune) throw errors.field('communeCode', 'Commune inconnue : choisissez-la dans la liste.');
  const codes = [...new Set(input.targetAppellationCodes)];
  const appellations = await em.find(RomeAppellationSchema, { code: { $in: codes } });
  if (appellations.length !== codes.length) throw errors.field('targetAppellationCodes', 'Métier inconnu : choisissez-le dans la liste des métiers ROME.');
  const romeCodes = [...new Set(appellations.map((a) => a.romeCode))];
  return {
    lastName: input.lastName,
    firstName: input.firstName,
    searchName: foldForSearch(`${input.lastName} ${input.firstName}`),
    birthDate: input.birthDate,
    sex: input.sex,
    email: input.email,
    phone: input.phone,
    communeCode: commune.code,
    latitude: commune.latitude ?? null,
    longitude: commune.longitude ?? null,
    positionApproximate: commune.positionPrecision !== 'commune',
    qpvStatus: input.qpvStatus,
    qpvAddress: input.qpvAddress,
    qpvCheckedOn: input.qpvCheckedOn,
    educationLevel: input.educationLevel,
    employmentStatusAtEntry: input.employmentStatusAtEntry,
    disability: input.disability,
    drivingLicence: input.drivingLicence,
    mobilityRadiusKm: input.mobilityRadiusKm,
    targetAppellationCodes: codes,
    targetRomeCodes: romeCodes,
    targetFamilies: [...new Set(romeCodes.map(romeFamily))],
    availableFrom: input.availableFrom,
    status: input.status,
  };
}

/** Which fields changed, never their values: the audit log must not become a copy of personal data. */
const changedFields = (input: ParticipantInput) => ({ fields: Object.keys(input).sort() });

export async function createParticipant(em: EntityManager, actor: Actor, meta: RequestMeta, input: Input, today: string): Promise<ParticipantDto> {
  const values = await resolve(em, input);
  const participant = em.create(ParticipantSchema, {
    id: randomUUID(),
    organisation: actor.organisationId,
    ...values,
    registeredOn: today,
    waitingSince: today,
  });
  audit(em, actor, meta, { action: 'create', entityType: 'Participant', entityId: participant.id, after: changedFields(input) });
  await em.flush();
  return participantView(em, participant, today);
}

export async function updateParticipant(em: EntityManager, actor: Actor, meta: RequestMeta, id: string, input: Input, today: string): Promise<ParticipantDto> {
  const participant = await findParticipant(em, actor, id);
  if (participant.erasedAt) throw errors.ruleViolation('erased', 'Les données de cette personne ont été effacées.');
  em.assign(participant, await resolve(em, input));
  audit(em, actor, meta, { action: 'update', entityType: 'Participant', entityId: id, after: changedFields(input) });
  await em.flush();
  return participantView(em, participant, today);
}

export async function getParticipant(em: EntityManager, actor: Actor, id: string, today: string): Promise<ParticipantDto> {
  return participantView(em, await findParticipant(em, actor, id), today);
}

