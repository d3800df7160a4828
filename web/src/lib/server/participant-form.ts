import type { ParticipantDto, ParticipantInput } from '@app/shared';
import { integer, leadingCode, optional, text } from './forms';

/** The participant form's fields as the API expects them (registering and editing send the same body). */
export function participantBody(data: FormData): ParticipantInput {
  const disability = text(data, 'disability');
  return {
    lastName: text(data, 'lastName'),
    firstName: text(data, 'firstName'),
    birthDate: text(data, 'birthDate'),
    sex: text(data, 'sex'),
    email: optional(data, 'email'),
    phone: optional(data, 'phone'),
    communeCode: leadingCode(text(data, 'commune')),
    qpvStatus: text(data, 'qpvStatus'),
    qpvAddress: optional(data, 'qpvAddress'),
    qpvCheckedOn: optional(data, 'qpvCheckedOn'),
    educationLevel: text(data, 'educationLevel'),
    employmentStatusAtEntry: optional(data, 'employmentStatusAtEntry'),
    disability: disability === 'yes' ? true : disability === 'no' ? false : null,
    drivingLicence: text(data, 'drivingLicence') === 'yes',
    mobilityRadiusKm: integer(data, 'mobilityRadiusKm'),
    targetAppellationCodes: ['job1', 'job2'].map((f) => leadingCode(text(data, f))).filter((c) => c !== ''),
    availableFrom: text(data, 'availableFrom'),
  } as ParticipantInput;
}

/** A participant's current values in the form's own field names (as the autocompletes show them). */
export function participantFormValues(p: ParticipantDto): Record<string, string> {
  const job = (i: number) => (p.targetJobs[i] ? `${p.targetJobs[i].appellationCode} — ${p.targetJobs[i].label}` : '');
  return {
    lastName: p.lastName,
    firstName: p.firstName,
    birthDate: p.birthDate ?? '',
    sex: p.sex,
    email: p.email ?? '',
    phone: p.phone ?? '',
    commune: p.commune ? `${p.commune.code} — ${p.commune.name} (${p.commune.departement})` : '',
    qpvStatus: p.qpvStatus,
    qpvAddress: p.qpvAddress ?? '',
    qpvCheckedOn: p.qpvCheckedOn ?? '',
    educationLevel: p.educationLevel,
    employmentStatusAtEntry: p.employmentStatusAtEntry ?? '',
    disability: p.disability === null ? '' : p.disability ? 'yes' : 'no',
    drivingLicence: p.drivingLicence ? 'yes' : 'no',
    mobilityRadiusKm: String(p.mobilityRadiusKm),
    job1: job(0),
    job2: job(1),
    availableFrom: p.availableFrom,
  };
}
