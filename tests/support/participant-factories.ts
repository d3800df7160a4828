import { randomUUID } from 'node:crypto';
import { EligibilityCriterionSchema, EligibilityValidationSchema, ParticipantSchema, type Orm } from '@app/db';
import { addDays } from '@app/shared';

/** Today in Paris, as the API computes it (tests that do not fix TODAY). */
export const parisToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** A minimal real PDF, a PNG header, and text pretending to be a PDF. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
export const FAKE_PDF = Buffer.from('Ceci est un texte, pas un PDF.');

/** A valid participant input (Cahors, maçon), with overrides. */
export function participantInput(overrides: Record<string, unknown> = {}) {
  return {
    lastName: 'Delmas',
    firstName: 'Amina',
    birthDate: '1990-04-12',
    sex: 'female',
    email: 'amina.delmas@exemple.fr',
    phone: '06 12 34 56 78',
    communeCode: '46042',
    qpvStatus: 'no',
    qpvAddress: '12 rue Nationale, 46000 Cahors',
    qpvCheckedOn: '2025-01-10',
    educationLevel: 'level_3',
    drivingLicence: true,
    mobilityRadiusKm: 40,
    targetAppellationCodes: ['16250'],
    availableFrom: '2025-01-01',
    ...overrides,
  };
}

export interface ParticipantRow {
  organisationId: string;
  lastName?: string;
  firstName?: string;
  communeCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  targetAppellationCodes?: string[];
  targetRomeCodes?: string[];
  registeredOn?: string;
  waitingSince?: string;
  availableFrom?: string;
  status?: string;
  mobilityRadiusKm?: number;
  qpvStatus?: string;
}

/** Inserts a participant directly (for dates the API would not accept, such as an old registration). */
export async function insertParticipant(orm: Orm, row: ParticipantRow) {
  const em = orm.em.fork();
  const romes = row.targetRomeCodes ?? ['F1703'];
  const participant = em.create(ParticipantSchema, {
    id: randomUUID(),
    organisation: row.organisationId,
    lastName: row.lastName ?? 'Martin',
    firstName: row.firstName ?? 'Léa',
    searchName: `${row.lastName ?? 'Martin'} ${row.firstName ?? 'Léa'}`.toLowerCase(),
    birthDate: '1988-02-01',
    sex: 'female',
    communeCode: row.communeCode === undefined ? '46042' : row.communeCode,
    latitude: row.latitude === undefined ? 44.4491 : row.latitude,
    longitude: row.longitude === undefined ? 1.43663 : row.longitude,
    positionApproximate: false,
    qpvStatus: row.qpvStatus ?? 'unknown',
    educationLevel: 'level_3',
    drivingLicence: true,
    mobilityRadiusKm: row.mobilityRadiusKm ?? 50,
    targetAppellationCodes: row.targetAppellationCodes ?? ['16250'],
    targetRomeCodes: romes,
    targetFamilies: [...new Set(romes.map((r) => r.slice(0, 3)))],
    availableFrom: row.availableFrom ?? '2024-01-01',
    status: row.status ?? 'searching',
    waitingSince: row.waitingSince ?? row.registeredOn ?? '2024-01-01',
    registeredOn: row.registeredOn ?? '2024-01-01',
  });
  await em.flush();
  return participant;
}

/** An RSA validation on `validatedAt` (proof dated the same day), without file. */
export async function insertValidation(orm: Orm, participant: { id: string; organisation: { id: string } }, validatedAt: string, code = 'RSA') {
  const em = orm.em.fork();
  const validation = em.create(EligibilityValidationSchema, {
    id: randomUUID(),
    organisation: participant.organisation.id,
    participant: participant.id,
    validatedAt,
    validatedBy: randomUUID(),
    validatedByName: 'Facilitatrice de test',
  });
  em.create(EligibilityCriterionSchema, { id: randomUUID(), validation, code, proofDate: code === 'SENIOR' ? null : addDays(validatedAt, -5) });
  await em.flush();
  return validation;
}
