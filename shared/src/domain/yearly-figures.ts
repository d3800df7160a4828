/**
 * The consolidated yearly figures a facilitator sends to its network (AVE consolidation: hours,
 * people, contracts, companies, buyers — reference.md §7.1), by modality and by public. Pure.
 */
import { MODALITIES, MODALITY_LABELS, type Modality } from './vocabulary.js';
import { ELIGIBILITY_CRITERIA } from './eligibility-criteria.js';

export interface YearPlacement {
  readonly id: string;
  readonly participantId: string;
  readonly modality: Modality;
  readonly startDate: string;
  readonly endedOn: string | null;
  readonly contractId: string;
  readonly buyerId: string;
  readonly holderIdentifier: string;
}

export interface YearHours {
  readonly placementId: string;
  /** Validated minutes of one monthly declaration of the year. */
  readonly minutes: number;
}

export interface YearlyBreakdown {
  readonly code: string;
  readonly label: string;
  readonly minutes: number;
  readonly people: number;
  readonly workContracts: number;
}

export interface YearlyFigures {
  readonly year: number;
  readonly minutes: number;
  readonly people: number;
  readonly workContracts: number;
  readonly publicContracts: number;
  readonly companies: number;
  readonly buyers: number;
  readonly byModality: readonly YearlyBreakdown[];
  /** A person holding several criteria counts in each: the lines do not add up to the total. */
  readonly byPublic: readonly YearlyBreakdown[];
}

const NO_CRITERION = 'none';

/**
 * Placements count when active during the year (a work contract or mission); hours are the validated
 * declared minutes of the year's months; people are the distinct participants of those placements.
 */
export function yearlyFigures(input: {
  year: number;
  placements: readonly YearPlacement[];
  hours: readonly YearHours[];
  /** Eligibility criteria of each participant (latest validation). */
  criteria: ReadonlyMap<string, readonly string[]>;
}): YearlyFigures {
  const first = `${input.year}-01-01`;
  const last = `${input.year}-12-31`;
  const active = input.placements.filter((p) => p.startDate <= last && (p.endedOn === null || p.endedOn >= first));
  const minutesOf = new Map<string, number>();
  for (const h of input.hours) minutesOf.set(h.placementId, (minutesOf.get(h.placementId) ?? 0) + h.minutes);
  const breakdown = (code: string, label: string, placements: readonly YearPlacement[]): YearlyBreakdown => ({
    code,
    label,
    minutes: placements.reduce((sum, p) => sum + (minutesOf.get(p.id) ?? 0), 0),
    people: new Set(placements.map((p) => p.participantId)).size,
    workContracts: placements.length,
  });
  const all = breakdown('all', 'Total', active);
  const publicCodes = (p: YearPlacement) => {
    const codes = input.criteria.get(p.participantId) ?? [];
    return codes.length ? codes : [NO_CRITERION];
  };
  const criterionLabel = new Map<string, string>(ELIGIBILITY_CRITERIA.map((c) => [c.code, c.label]));
  const usedCodes = [...new Set(active.flatMap(publicCodes))].sort((a, b) => (a === NO_CRITERION ? 1 : b === NO_CRITERION ? -1 : a.localeCompare(b)));
  return {
    year: input.year,
    minutes: all.minutes,
    people: all.people,
    workContracts: all.workContracts,
    publicContracts: new Set(active.map((p) => p.contractId)).size,
    companies: new Set(active.map((p) => p.holderIdentifier)).size,
    buyers: new Set(active.map((p) => p.buyerId)).size,
    byModality: MODALITIES.map((m) => breakdown(m, MODALITY_LABELS[m], active.filter((p) => p.modality === m))).filter((b) => b.workContracts > 0),
    byPublic: usedCodes.map((code) =>
      breakdown(code, code === NO_CRITERION ? 'Critère non renseigné' : (criterionLabel.get(code) ?? code), active.filter((p) => publicCodes(p).includes(code))),
    ),
  };
}
