/**
 * Control campaigns (issue 14): a buyer or a facilitator draws a sample of the validated declarations
 * of a period — at random, or weighted by integrity signals — asks for proofs, and records for each
 * line an outcome: confirmed, corrected with new hours, or rejected. The draw is reproducible: the
 * same seed and population (in any order) give the same sample, so the seed is kept with the campaign.
 */
import { z } from 'zod';
import { formatHours, monthLabelFr } from './format.js';
import { andThen, fail, ok, validateWith, makeViolation, type Result, type Violation } from './result.js';
import { code, countField, enumField, idField, isoDateField, listField, minutesField, yearMonthField } from './schemas.js';
import { DECLARATION_STATUSES } from './vocabulary.js';

export const SAMPLING_METHODS = ['random', 'weighted'] as const;
export type SamplingMethod = (typeof SAMPLING_METHODS)[number];
export const SAMPLING_METHOD_LABELS: Readonly<Record<SamplingMethod, string>> = { random: 'tirage aléatoire', weighted: 'tirage pondéré par les signaux' };
export const CONTROL_OUTCOMES = ['confirmed', 'corrected', 'rejected'] as const;
export type ControlOutcome = (typeof CONTROL_OUTCOMES)[number];

/** A 32-bit seed from any text (FNV-1a), then mulberry32: small, fast, the same on every runtime. */
export function seededRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let index = 0; index < seed.length; index += 1) state = Math.imul(state ^ seed.charCodeAt(index), 0x01000193) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const campaignSchema = z
  .object({
    id: idField('Identifiant de la campagne'),
    method: enumField(SAMPLING_METHODS, 'Méthode de tirage'),
    seed: z.string({ error: 'Graine du tirage : texte attendu.' }).min(1, { error: 'Graine du tirage : ne peut pas être vide.' }),
    size: countField('Taille de l’échantillon'),
    from: yearMonthField('Premier mois contrôlé'),
    to: yearMonthField('Dernier mois contrôlé'),
    /** Clauses the campaign may look at (the buyer's, or the facilitator's mandates). */
    clauseIds: listField(idField('Clause'), 'Clauses contrôlées'),
  })
  .refine((campaign) => campaign.to >= campaign.from, { error: 'Le dernier mois précède le premier.', path: ['to'], ...code('inverted_dates') });

const populationRowSchema = z.object({
  declarationId: idField('Déclaration'),
  clauseId: idField('Clause'),
  month: yearMonthField('Mois déclaré'),
  status: enumField(DECLARATION_STATUSES, 'Statut'),
  /** Validated minutes (worked + training). */
  minutes: minutesField('Heures validées'),
  /** Weight of the open signals on the declaration (integrity-signals.ts `signalWeights`), 0 without. */
  signalWeight: z.number({ error: 'Poids des signaux : nombre attendu.' }).nonnegative({ error: 'Poids des signaux : ne peut pas être négatif.' }).nullish(),
});

const drawInputSchema = z.object({
  campaign: campaignSchema,
  population: listField(populationRowSchema, 'Déclarations'),
});
export type SampleDrawInput = z.input<typeof drawInputSchema>;

export interface SampleLine {
  readonly declarationId: string;
  readonly clauseId: string;
  readonly month: string;
  readonly minutes: number;
  /** 1 + signal weight (weighted draws), 1 otherwise. */
  readonly weight: number;
}

export interface ControlSample {
  readonly campaignId: string;
  readonly method: SamplingMethod;
  readonly seed: string;
  /** Validated declarations of the period and clauses, among which the sample was drawn. */
  readonly populationSize: number;
  readonly lines: readonly SampleLine[];
  readonly explanation: string;
}

/** Draws the campaign's sample: seeded, reproducible, with clear refusals. */
export function drawControlSample(input: SampleDrawInput): Result<ControlSample> {
  return andThen(validateWith(drawInputSchema, input), ({ campaign, population }): Result<ControlSample> => {
    const scope = new Set(campaign.clauseIds);
    const problems: Violation[] = [];
    const seen = new Set<string>();
    population.forEach((row, index) => {
      if (!scope.has(row.clauseId)) problems.push(makeViolation('declaration_outside_campaign', `population.${index}.clauseId`, `La déclaration ${row.declarationId} porte sur une clause hors de la campagne.`));
      if (seen.has(row.declarationId)) problems.push(makeViolation('duplicate_declaration', `population.${index}.declarationId`, `La déclaration ${row.declarationId} figure deux fois.`));
      seen.add(row.declarationId);
    });
    if (problems.length > 0) return fail(problems);
    // Sorted by id: the database's row order never changes the draw.
    const eligible = population
      .filter((row) => row.status === 'validated' && row.month >= campaign.from && row.month <= campaign.to)
      .sort((a, b) => (a.declarationId < b.declarationId ? -1 : 1));
    const period = campaign.from === campaign.to ? monthLabelFr(campaign.from) : `de ${monthLabelFr(campaign.from)} à ${monthLabelFr(campaign.to)}`;
    if (campaign.size === 0) return fail([makeViolation('empty_sample', 'campaign.size', 'Un échantillon compte au moins une déclaration.')]);
    if (campaign.size > eligible.length) {
      return fail([
        makeViolation(
          'sample_larger_than_population',
          'campaign.size',
          `Échantillon de ${campaign.size} déclarations demandé, pour ${eligible.length} déclaration${eligible.length > 1 ? 's' : ''} validée${eligible.length > 1 ? 's' : ''} ${period}.`,
        ),
      ]);
    }
    const random = seededRandom(campaign.seed);
    // Weighted sampling without replacement (Efraimidis–Spirakis): the largest u^(1/w) are drawn.
    const keyed = eligible.map((row) => {
      const weight = campaign.method === 'weighted' ? 1 + (row.signalWeight ?? 0) : 1;
      return { row, weight, key: Math.log(random()) / weight };
    });
    keyed.sort((a, b) => b.key - a.key || (a.row.declarationId < b.row.declarationId ? -1 : 1));
    const lines = keyed.slice(0, campaign.size).map(({ row, weight }) => ({ declarationId: row.declarationId, clauseId: row.clauseId, month: row.month, minutes: row.minutes, weight }));
    const how = SAMPLING_METHOD_LABELS[campaign.method];
    return ok({
      campaignId: campaign.id,
      method: campaign.method,
      seed: campaign.seed,
      populationSize: eligible.length,
      lines,
      explanation: `${how.charAt(0).toUpperCase()}${how.slice(1)} de ${campaign.size} déclaration${campaign.size > 1 ? 's' : ''} parmi ${eligible.length} validée${eligible.length > 1 ? 's' : ''} ${period} (graine « ${campaign.seed} »).`,
    });
  });
}

const outcomeSchema = z.object({
  declarationId: idField('Déclaration contrôlée'),
  outcome: enumField(CONTROL_OUTCOMES, 'Résultat du contrôle'),
  /** `corrected`: the hours the proofs support. */
  correctedMinutes: minutesField('Heures corrigées').nullish(),
  reason: z.string({ error: 'Motif : texte attendu.' }).nullish(),
  decidedOn: isoDateField('Date de la décision'),
  decidedBy: idField('Contrôleur'),
});
export type ControlOutcomeRecord = z.infer<typeof outcomeSchema>;

const summaryInputSchema = z.object({
  sample: z.object({
    campaignId: idField('Campagne'),
    method: enumField(SAMPLING_METHODS, 'Méthode de tirage'),
    seed: z.string({ error: 'Graine du tirage : texte attendu.' }),
    populationSize: countField('Population'),
    lines: listField(z.object({ declarationId: idField('Déclaration'), minutes: minutesField('Heures validées') }), 'Lignes de l’échantillon'),
  }),
  outcomes: listField(outcomeSchema, 'Résultats'),
});
export type CampaignSummaryInput = z.input<typeof summaryInputSchema>;

export interface ControlCorrection {
  readonly declarationId: string;
  readonly outcome: 'corrected' | 'rejected';
  readonly fromMinutes: number;
  /** 0 for a rejected declaration. */
  readonly toMinutes: number;
  readonly reason: string | null;
}

export interface CampaignSummary {
  readonly campaignId: string;
  readonly method: SamplingMethod;
  readonly seed: string;
  readonly populationSize: number;
  readonly sampleSize: number;
  readonly counts: Readonly<Record<ControlOutcome | 'pending', number>>;
  /** Validated minutes of the decided lines, before and after the controller's decisions. */
  readonly minutesBefore: number;
  readonly minutesAfter: number;
  /** Sum of |to − from| over corrected and rejected lines: the campaign report's "heures corrigées". */
  readonly minutesCorrected: number;
  /** What the API applies: new hours or rejection, each a change of the clause's counted hours. */
  readonly corrections: readonly ControlCorrection[];
  readonly explanation: string;
}

function checkOutcome(outcome: ControlOutcomeRecord, index: number, declared: number | undefined): Violation | null {
  const path = `outcomes.${index}`;
  if (declared === undefined) return makeViolation('not_in_sample', `${path}.declarationId`, `La déclaration ${outcome.declarationId} n’est pas dans l’échantillon de la campagne.`);
  if (outcome.outcome === 'corrected') {
    if (outcome.correctedMinutes == null) return makeViolation('corrected_minutes_required', `${path}.correctedMinutes`, 'Une correction indique les heures justifiées.');
    if (outcome.correctedMinutes === declared) return makeViolation('correction_without_change', `${path}.correctedMinutes`, `Les heures corrigées sont celles déclarées (${formatHours(declared)}) : choisissez « confirmée ».`);
  }
  if (outcome.outcome !== 'confirmed' && (outcome.reason ?? '').trim().length === 0) {
    return makeViolation('reason_required', `${path}.reason`, 'Une correction ou un rejet est motivé (pièce manquante, heures non justifiées…).');
  }
  return null;
}

/** The campaign report: sample size, method, outcomes and hours corrected; and the corrections to apply. */
export function summariseCampaign(input: CampaignSummaryInput): Result<CampaignSummary> {
  return andThen(validateWith(summaryInputSchema, input), ({ sample, outcomes }): Result<CampaignSummary> => {
    const declared = new Map(sample.lines.map((line) => [line.declarationId, line.minutes]));
    const decided = new Set<string>();
    const problems: Violation[] = [];
    outcomes.forEach((outcome, index) => {
      const problem = checkOutcome(outcome, index, declared.get(outcome.declarationId));
      if (problem) problems.push(problem);
      else if (decided.has(outcome.declarationId)) problems.push(makeViolation('duplicate_outcome', `outcomes.${index}.declarationId`, `La déclaration ${outcome.declarationId} a déjà un résultat.`));
      decided.add(outcome.declarationId);
    });
    if (problems.length > 0) return fail(problems);

    const counts = { confirmed: 0, corrected: 0, rejected: 0, pending: sample.lines.length - outcomes.length };
    let minutesBefore = 0;
    let minutesAfter = 0;
    const corrections: ControlCorrection[] = [];
    for (const outcome of outcomes) {
      const fromMinutes = declared.get(outcome.declarationId) ?? 0;
      const toMinutes = outcome.outcome === 'confirmed' ? fromMinutes : outcome.outcome === 'rejected' ? 0 : (outcome.correctedMinutes ?? 0);
      counts[outcome.outcome] += 1;
      minutesBefore += fromMinutes;
      minutesAfter += toMinutes;
      if (outcome.outcome !== 'confirmed') corrections.push({ declarationId: outcome.declarationId, outcome: outcome.outcome, fromMinutes, toMinutes, reason: outcome.reason?.trim() ?? null });
    }
    const minutesCorrected = corrections.reduce((sum, correction) => sum + Math.abs(correction.toMinutes - correction.fromMinutes), 0);
    const { campaignId, method, seed, populationSize } = sample;
    return ok({
      campaignId,
      method,
      seed,
      populationSize,
      sampleSize: sample.lines.length,
      counts,
      minutesBefore,
      minutesAfter,
      minutesCorrected,
      corrections,
      explanation:
        `${sample.lines.length} déclarations contrôlées sur ${populationSize} (${SAMPLING_METHOD_LABELS[method]}, graine « ${seed} ») : ` +
        `${counts.confirmed} confirmée${counts.confirmed > 1 ? 's' : ''}, ${counts.corrected} corrigée${counts.corrected > 1 ? 's' : ''}, ` +
        `${counts.rejected} rejetée${counts.rejected > 1 ? 's' : ''}, ${counts.pending} en attente ; ${formatHours(minutesCorrected)} corrigées ` +
        `(${formatHours(minutesBefore)} validées → ${formatHours(minutesAfter)} après contrôle).`,
    });
  });
}
