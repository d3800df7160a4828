/**
 * Seedable default parameters (reference.md §3.7, decisions.md §3). They are data, not constants of
 * the rules: the database seeds editable tables from them, and a clause stores the values it used.
 */
import type { IsoDate } from './calendar.js';

/** How sure we are of a default: a practice documented by a source, or an unverified hypothesis. */
export type Evidence = 'practice' | 'hypothesis';

export interface LabourShareEntry {
  readonly code: string;
  readonly label: string;
  /** Default labour share τ_MO in [0, 1]. */
  readonly labourShare: number;
  /** Range seen in the sources, for the hint shown next to the field. */
  readonly range: readonly [number, number];
  readonly evidence: Evidence;
  readonly source: string;
}

/** Labour share by trade (part de main-d'œuvre par corps d'état). */
export const LABOUR_SHARE_BY_TRADE: readonly LabourShareEntry[] = [
  { code: 'batiment_moyenne', label: 'Bâtiment (moyenne tous lots)', labourShare: 0.5, range: [0.5, 0.5], evidence: 'practice', source: 'MEF77' },
  { code: 'peinture_interieure', label: 'Peinture intérieure', labourShare: 0.7, range: [0.7, 0.7], evidence: 'practice', source: 'MEF77' },
  { code: 'maconnerie', label: 'Maçonnerie', labourShare: 0.5, range: [0.5, 0.5], evidence: 'practice', source: 'MEF77' },
  { code: 'charpente_metallique', label: 'Charpente métallique', labourShare: 0.2, range: [0.2, 0.2], evidence: 'practice', source: 'MEF77' },
  { code: 'nettoyage', label: 'Nettoyage / propreté', labourShare: 0.8, range: [0.8, 0.8], evidence: 'practice', source: 'PACT Propreté' },
  { code: 'gros_oeuvre', label: 'Gros œuvre', labourShare: 0.4, range: [0.35, 0.5], evidence: 'hypothesis', source: 'à confirmer' },
  { code: 'second_oeuvre', label: 'Second œuvre (plâtrerie, menuiserie, revêtements)', labourShare: 0.5, range: [0.4, 0.6], evidence: 'hypothesis', source: 'à confirmer' },
  { code: 'vrd_travaux_publics', label: 'VRD / travaux publics', labourShare: 0.3, range: [0.2, 0.35], evidence: 'hypothesis', source: 'à confirmer' },
  { code: 'espaces_verts', label: 'Espaces verts (entretien)', labourShare: 0.6, range: [0.5, 0.7], evidence: 'hypothesis', source: 'à confirmer' },
  { code: 'services', label: 'Services (collecte, gardiennage, restauration, prestations intellectuelles)', labourShare: 0.6, range: [0.4, 0.9], evidence: 'hypothesis', source: 'à confirmer' },
];

export interface HourlyCostEntry {
  readonly code: string;
  readonly label: string;
  /** Average loaded hourly labour cost C, in cents per hour. */
  readonly hourlyCostCents: number;
  readonly evidence: Evidence;
  readonly source: string;
}

/** Average loaded hourly cost (coût horaire moyen chargé). */
export const HOURLY_COST_DEFAULTS: readonly HourlyCostEntry[] = [
  { code: 'travaux', label: 'Travaux (bâtiment, TP)', hourlyCostCents: 3000, evidence: 'practice', source: 'MEF77 (25 à 30 €/h)' },
  { code: 'nettoyage', label: 'Nettoyage / propreté', hourlyCostCents: 2000, evidence: 'practice', source: 'PACT Propreté' },
  { code: 'structure_insertion', label: 'Structure d’insertion sous-traitante (conversion C7)', hourlyCostCents: 2500, evidence: 'hypothesis', source: 'exemple C7' },
];

export interface InsertionRateEntry {
  readonly code: string;
  readonly label: string;
  /** Insertion rate τ_ins in [0, 1]. */
  readonly insertionRate: number;
  readonly evidence: Evidence;
  readonly source: string;
}

/** Insertion rate (taux d'insertion). */
export const INSERTION_RATE_DEFAULTS: readonly InsertionRateEntry[] = [
  { code: 'travaux', label: 'Travaux', insertionRate: 0.05, evidence: 'practice', source: 'MEF77, ANRU' },
  { code: 'gestion_urbaine_proximite', label: 'Gestion urbaine de proximité / services', insertionRate: 0.1, evidence: 'practice', source: 'ANRU' },
];

/** PACT Propreté: fixed coefficient C = 25 € (80 % labour at 20 €/h) and the 150 h floor below which no clause is advised. */
export const CLEANING_PACT_DEFAULTS = {
  coefficientCents: 2500,
  minimumHours: 150,
} as const;

export interface SmicEntry {
  /** First day the value applies. */
  readonly from: IsoDate;
  /** Gross hourly SMIC, in cents. */
  readonly hourlyCents: number;
}

/**
 * Gross hourly SMIC (métropole), newest first. Values before 2024 are the published decree values;
 * later revaluations must be appended here (or in the seeded table) when they are published.
 */
export const SMIC_HOURLY_TABLE: readonly SmicEntry[] = [
  // Décret du 17 décembre 2025 (revalorisation de 1,18 %), métropole et DROM hors Mayotte.
  { from: '2026-01-01', hourlyCents: 1202 },
  { from: '2024-11-01', hourlyCents: 1188 },
  { from: '2024-01-01', hourlyCents: 1165 },
  { from: '2023-05-01', hourlyCents: 1152 },
  { from: '2023-01-01', hourlyCents: 1127 },
  { from: '2022-08-01', hourlyCents: 1107 },
  { from: '2022-05-01', hourlyCents: 1085 },
  { from: '2022-01-01', hourlyCents: 1057 },
  { from: '2021-10-01', hourlyCents: 1048 },
  { from: '2021-01-01', hourlyCents: 1025 },
  { from: '2020-01-01', hourlyCents: 1015 },
  { from: '2019-01-01', hourlyCents: 1003 },
  { from: '2018-01-01', hourlyCents: 988 },
  { from: '2017-01-01', hourlyCents: 976 },
  { from: '2016-01-01', hourlyCents: 967 },
  { from: '2015-01-01', hourlyCents: 961 },
  { from: '2014-01-01', hourlyCents: 953 },
  { from: '2013-01-01', hourlyCents: 943 },
  { from: '2012-07-01', hourlyCents: 940 },
  { from: '2012-01-01', hourlyCents: 922 },
];

/** The SMIC entry in force on `date`, or null before the first known value. */
export function smicAt(date: IsoDate, table: readonly SmicEntry[] = SMIC_HOURLY_TABLE): SmicEntry | null {
  let best: SmicEntry | null = null;
  for (const entry of table) {
    if (entry.from <= date && (best === null || entry.from > best.from)) best = entry;
  }
  return best;
}

/** Legal maximum weekly working time (code du travail L3121-20), used by the plausibility checks. */
export const LEGAL_MAX_WEEKLY_MINUTES = 48 * 60;

/** decisions.md §16: a month closes for a clause this many days after its declaration deadline. */
export const DEFAULT_CLOSING_DAYS = 15;

/**
 * decisions.md §15: days the facilitator has to propose a candidate for a job need, and whether the
 * good-faith hours (efforts de bonne foi) are deducted from the shortfall before a penalty.
 */
export const DEFAULT_GOOD_FAITH_RULES = { answerDelayDays: 15, deductFromShortfall: true } as const;

