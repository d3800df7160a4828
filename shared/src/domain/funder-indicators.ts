/**
 * Funders' indicators (reference.md §7.2–7.4): participants at entry (FSE+ common output indicators),
 * outcomes at exit and six months after, counted per period — pure, over facts the API loads.
 * These tables go to the facilitator and the funder (exact counts); small-cell suppression applies
 * only to what buyers and the public see (decisions.md, privacy table).
 */
import { addMonths, type IsoDate } from './calendar.js';

export type Sex = 'female' | 'male';
export type EmploymentStatusAtEntry = 'unemployed_long' | 'unemployed' | 'inactive' | 'employed';
export type Outcome = 'sustainable_job' | 'transitional_job' | 'training' | 'other';

export interface IndicatorPerson {
  readonly id: string;
  readonly sex: Sex;
  readonly birthDate: IsoDate | null;
  readonly educationLevel: string;
  readonly employmentStatusAtEntry: EmploymentStatusAtEntry | null;
  readonly disability: boolean | null;
  readonly qpvStatus: 'yes' | 'no' | 'unknown';
  /** Null when the commune is unknown. */
  readonly rural: boolean | null;
}

export interface IndicatorPlacement {
  readonly participantId: string;
  readonly startDate: IsoDate;
  readonly endedOn: IsoDate | null;
  readonly exitOutcome: Outcome | null;
  readonly followUpOn: IsoDate | null;
  readonly followUpOutcome: Outcome | null;
}

/**
 * "Rural" without the INSEE density grid in the repository: a commune under 2,000 inhabitants
 * (the historical INSEE threshold of an urban unit). An approximation, documented in docs/rules.md.
 */
export const RURAL_POPULATION_THRESHOLD = 2000;
export const isRuralCommune = (population: number): boolean => population < RURAL_POPULATION_THRESHOLD;

/** Full years between the birth date and `on`. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** French levels to ISCED (CITE) groups: infra 3 → 0–2; CAP/BEP, bac → 3–4; bac + 2 and above → 5–8. */
export function isced(educationLevel: string): 'cite_0_2' | 'cite_3_4' | 'cite_5_8' {
  if (educationLevel === 'level_3' || educationLevel === 'level_4') return 'cite_3_4';
  if (/^level_[5-8]$/.test(educationLevel)) return 'cite_5_8';
  return 'cite_0_2';
}

export type IndicatorSection = 'entry' | 'exit' | 'six_months';

export interface IndicatorLine {
  readonly section: IndicatorSection;
  readonly code: string;
  readonly label: string;
  readonly total: number;
  readonly women: number;
  readonly men: number;
}

interface Definition<F> {
  code: string;
  label: string;
  test: (facts: F) => boolean;
}

interface EntryFacts {
  person: IndicatorPerson;
  age: number | null;
}

const ENTRY: Definition<EntryFacts>[] = [
  { code: 'participants', label: 'Participants entrés sur la période', test: () => true },
  { code: 'unemployed', label: 'Chômeurs, y compris de longue durée', test: (f) => f.person.employmentStatusAtEntry === 'unemployed' || f.person.employmentStatusAtEntry === 'unemployed_long' },
  { code: 'unemployed_long', label: 'Chômeurs de longue durée', test: (f) => f.person.employmentStatusAtEntry === 'unemployed_long' },
  { code: 'inactive', label: 'Personnes inactives', test: (f) => f.person.employmentStatusAtEntry === 'inactive' },
  { code: 'employed', label: 'Personnes exerçant un emploi, y compris indépendant', test: (f) => f.person.employmentStatusAtEntry === 'employed' },
  { code: 'status_unknown', label: 'Situation sur le marché du travail non renseignée', test: (f) => f.person.employmentStatusAtEntry === null },
  { code: 'under_26', label: 'Moins de 26 ans', test: (f) => f.age !== null && f.age < 26 },
  { code: 'age_26_49', label: '26 à 49 ans', test: (f) => f.age !== null && f.age >= 26 && f.age < 50 },
  { code: 'over_50', label: '50 ans et plus', test: (f) => f.age !== null && f.age >= 50 },
  { code: 'under_30', label: 'Moins de 30 ans (FSE+)', test: (f) => f.age !== null && f.age < 30 },
  { code: 'over_55', label: '55 ans et plus (FSE+)', test: (f) => f.age !== null && f.age >= 55 },
  { code: 'age_unknown', label: 'Âge non renseigné', test: (f) => f.age === null },
  { code: 'cite_0_2', label: 'Niveau CITE 0 à 2 (sans diplôme, brevet)', test: (f) => isced(f.person.educationLevel) === 'cite_0_2' },
  { code: 'cite_3_4', label: 'Niveau CITE 3 et 4 (CAP, BEP, baccalauréat)', test: (f) => isced(f.person.educationLevel) === 'cite_3_4' },
  { code: 'cite_5_8', label: 'Niveau CITE 5 à 8 (bac + 2 et au-delà)', test: (f) => isced(f.person.educationLevel) === 'cite_5_8' },
  { code: 'disability', label: 'Personnes handicapées', test: (f) => f.person.disability === true },
  { code: 'disability_unknown', label: 'Handicap non renseigné', test: (f) => f.person.disability === null },
  { code: 'qpv', label: 'Résidents d’un quartier prioritaire (QPV)', test: (f) => f.person.qpvStatus === 'yes' },
  { code: 'qpv_unknown', label: 'Résidence en QPV non vérifiée', test: (f) => f.person.qpvStatus === 'unknown' },
  { code: 'rural', label: 'Participants des zones rurales', test: (f) => f.person.rural === true },
];

const inJob = (o: Outcome | null) => o === 'sustainable_job' || o === 'transitional_job';

const EXIT: Definition<IndicatorPlacement>[] = [
  { code: 'exits', label: 'Participants sortis sur la période', test: () => true },
  { code: 'exit_employment', label: 'Exerçant un emploi à la sortie, y compris indépendant', test: (p) => inJob(p.exitOutcome) },
  { code: 'exit_sustainable', label: 'dont emploi durable (CDI, CDD ou intérim de 6 mois et plus)', test: (p) => p.exitOutcome === 'sustainable_job' },
  { code: 'exit_transitional', label: 'dont emploi de transition', test: (p) => p.exitOutcome === 'transitional_job' },
  { code: 'exit_training', label: 'Suivant des études ou une formation à la sortie', test: (p) => p.exitOutcome === 'training' },
  { code: 'exit_other', label: 'Autre situation à la sortie', test: (p) => p.exitOutcome === 'other' },
  { code: 'exit_unknown', label: 'Situation de sortie non renseignée', test: (p) => p.exitOutcome === null },
];

const SIX_MONTHS: Definition<IndicatorPlacement>[] = [
  { code: 'six_months_due', label: 'Participants sortis depuis 6 mois sur la période', test: () => true },
  { code: 'six_months_employment', label: 'Exerçant un emploi 6 mois après la sortie, y compris indépendant', test: (p) => inJob(p.followUpOutcome) },
  { code: 'six_months_sustainable', label: 'dont emploi durable', test: (p) => p.followUpOutcome === 'sustainable_job' },
  { code: 'six_months_training', label: 'En formation 6 mois après la sortie', test: (p) => p.followUpOutcome === 'training' },
  { code: 'six_months_unknown', label: 'Situation à 6 mois non renseignée', test: (p) => p.followUpOutcome === null },
];

function count<F>(section: IndicatorSection, definitions: Definition<F>[], facts: { sex: Sex; facts: F }[]): IndicatorLine[] {
  return definitions.map((d) => {
    const hits = facts.filter((f) => d.test(f.facts));
    return { section, code: d.code, label: d.label, total: hits.length, women: hits.filter((h) => h.sex === 'female').length, men: hits.filter((h) => h.sex === 'male').length };
  });
}

/**
 * The indicators of a period [from, to] over the given placements (already restricted to a scope:
 * a structure, an operation). A person enters on their first placement's start; exits when their last
 * placement ends with none open (outcome of that placement); is counted "6 months after" when that
 * exit plus six months falls in the period.
 */
export function fundersIndicators(input: { people: readonly IndicatorPerson[]; placements: readonly IndicatorPlacement[]; from: IsoDate; to: IsoDate }): IndicatorLine[] {
  const { from, to } = input;
  const within = (d: IsoDate | null) => d !== null && d >= from && d <= to;
  const byPerson = new Map<string, IndicatorPlacement[]>();
  for (const p of input.placements) byPerson.set(p.participantId, [...(byPerson.get(p.participantId) ?? []), p]);
  const entries: { sex: Sex; facts: EntryFacts }[] = [];
  const exits: { sex: Sex; facts: IndicatorPlacement }[] = [];
  const followUps: { sex: Sex; facts: IndicatorPlacement }[] = [];
  for (const person of input.people) {
    const placements = byPerson.get(person.id);
    if (!placements?.length) continue;
    const entry = placements.reduce((min, p) => (p.startDate < min ? p.startDate : min), placements[0]!.startDate);
    if (within(entry)) entries.push({ sex: person.sex, facts: { person, age: person.birthDate ? ageOn(person.birthDate, entry) : null } });
    if (placements.some((p) => p.endedOn === null)) continue;
    const last = placements.reduce((a, b) => (b.endedOn! > a.endedOn! ? b : a));
    if (within(last.endedOn)) exits.push({ sex: person.sex, facts: last });
    if (within(addMonths(last.endedOn!, 6))) followUps.push({ sex: person.sex, facts: last });
  }
  return [...count('entry', ENTRY, entries), ...count('exit', EXIT, exits), ...count('six_months', SIX_MONTHS, followUps)];
}
