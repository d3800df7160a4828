import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CommuneSchema, RomeAppellationSchema } from '../entities/referential.entity.js';
import { EligibilityCriterionSchema, EligibilityValidationSchema, ParticipantSchema } from '../entities/participant.entity.js';
import { foldForSearch } from '../referentials/fold.js';

type DemoPerson = {
  lastName: string; firstName: string; birthDate: string; sex: 'female' | 'male'; commune: string; jobs: string[];
  radius: number; registeredOn: string; qpv: 'yes' | 'no' | 'unknown'; education: string;
  /** Validation date and criteria (proof dated a week before); none: not yet validated. */
  validation?: { on: string; criteria: string[]; until?: string };
};

/** People of the Lot followed by the demo facilitation structure (fictitious names, real communes and ROME jobs). */
const people: DemoPerson[] = [
  { lastName: 'Delpech', firstName: 'Karim', birthDate: '1987-05-14', sex: 'male', commune: '46042', jobs: ['16250'], radius: 30, registeredOn: '2025-09-01', qpv: 'yes', education: 'level_3', validation: { on: '2025-09-15', criteria: ['RSA'] } },
  { lastName: 'Lacoste', firstName: 'Julie', birthDate: '1999-11-02', sex: 'female', commune: '46224', jobs: ['16254'], radius: 25, registeredOn: '2026-02-10', qpv: 'no', education: 'level_4', validation: { on: '2026-02-20', criteria: ['DELD_12'] } },
  { lastName: 'Bouzid', firstName: 'Samir', birthDate: '1972-03-30', sex: 'male', commune: '46102', jobs: ['16250', '10879'], radius: 60, registeredOn: '2025-03-03', qpv: 'no', education: 'infra_3', validation: { on: '2025-03-10', criteria: ['SENIOR', 'DELD_12'] } },
  { lastName: 'Vidal', firstName: 'Émilie', birthDate: '2003-07-21', sex: 'female', commune: '46127', jobs: ['10571'], radius: 20, registeredOn: '2026-05-04', qpv: 'unknown', education: 'level_3', validation: { on: '2026-05-12', criteria: ['JEUNE_DESCOLARISE'] } },
  { lastName: 'Fabre', firstName: 'Thomas', birthDate: '1990-01-09', sex: 'male', commune: '46309', jobs: ['16250'], radius: 50, registeredOn: '2024-12-02', qpv: 'no', education: 'level_3', validation: { on: '2024-12-09', criteria: ['RSA'] } },
  { lastName: 'Marty', firstName: 'Nadia', birthDate: '1984-10-17', sex: 'female', commune: '46128', jobs: ['10571'], radius: 35, registeredOn: '2026-09-14', qpv: 'no', education: 'level_4' },
  { lastName: 'Cassagne', firstName: 'Louis', birthDate: '1995-04-03', sex: 'male', commune: '46251', jobs: ['16254'], radius: 40, registeredOn: '2025-06-16', qpv: 'no', education: 'level_3', validation: { on: '2025-06-23', criteria: ['TH'], until: '2027-06-22' } },
];

/** Participants and their eligibility validations (proofs dated, no files: demo data carries no documents). */
export async function seedDemoParticipants(tx: EntityManager, organisationId: string, facilitator: { id: string; fullName: string }): Promise<void> {
  const communes = new Map((await tx.find(CommuneSchema, { code: { $in: people.map((p) => p.commune) } })).map((c) => [c.code, c]));
  const jobs = new Map((await tx.find(RomeAppellationSchema, { code: { $in: people.flatMap((p) => p.jobs) } })).map((a) => [a.code, a]));
  for (const person of people) {
    const commune = communes.get(person.commune);
    const romes = [...new Set(person.jobs.map((code) => jobs.get(code)?.romeCode).filter((r): r is string => !!r))];
    const participant = tx.create(ParticipantSchema, {
      id: randomUUID(),
      organisation: organisationId,
      lastName: person.lastName,
      firstName: person.firstName,
      searchName: foldForSearch(`${person.lastName} ${person.firstName}`),
      birthDate: person.birthDate,
      sex: person.sex,
      email: `${foldForSearch(person.firstName)}.${foldForSearch(person.lastName)}@exemple.fr`.replace(/ /g, '-'),
      communeCode: person.commune,
      latitude: commune?.latitude ?? null,
      longitude: commune?.longitude ?? null,
      positionApproximate: commune?.positionPrecision !== 'commune',
      qpvStatus: person.qpv,
      qpvAddress: person.qpv === 'unknown' ? null : `Adresse déclarée à ${commune?.name ?? person.commune}`,
      qpvCheckedOn: person.qpv === 'unknown' ? null : person.registeredOn,
      educationLevel: person.education,
      drivingLicence: person.radius >= 35,
      mobilityRadiusKm: person.radius,
      targetAppellationCodes: person.jobs,
      targetRomeCodes: romes,
      targetFamilies: [...new Set(romes.map((r) => r.slice(0, 3)))],
      availableFrom: person.registeredOn,
      status: 'searching',
      waitingSince: person.registeredOn,
      registeredOn: person.registeredOn,
    });
    if (!person.validation) continue;
    const validation = tx.create(EligibilityValidationSchema, {
      id: randomUUID(),
      organisation: organisationId,
      participant,
      validatedAt: person.validation.on,
      validatedBy: facilitator.id,
      validatedByName: facilitator.fullName,
      validUntil: person.validation.until ?? null,
    });
    const weekBefore = new Date(`${person.validation.on}T12:00:00Z`);
    weekBefore.setUTCDate(weekBefore.getUTCDate() - 7);
    for (const code of person.validation.criteria) {
      tx.create(EligibilityCriterionSchema, {
        id: randomUUID(),
        validation,
        code,
        proofDate: weekBefore.toISOString().slice(0, 10),
        proofValidUntil: code === 'TH' ? '2029-12-31' : null,
      });
    }
  }
}
