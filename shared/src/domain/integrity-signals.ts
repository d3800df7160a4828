/**
 * Integrity signals (issue 14, decisions.md §16): patterns across declarations — of several
 * employers, people, months and clauses — that an honest record rarely shows. Each signal has a
 * stable code, a stable key (its subject: a person's month, a placement, a clause, a proof…) so that
 * a dismissal or a confirmation survives recomputation, a severity, a French explanation that cites
 * the figures, and the declarations it concerns. Signals are for facilitators and buyers: a company
 * only ever sees those about its own declarations and drawn from its own data
 * (`isSignalVisibleToCompany`).
 *
 * | code | fires when | near miss that stays silent |
 * |---|---|---|
 * | multi_employer_above_legal_maximum | a person's month, declared by ≥ 2 employers, sums above 48 h × the month's weeks (C12's legal maximum) | the same total from one employer (the declaration checks catch it), or exactly the maximum |
 * | hours_after_exit | hours in a month after the person's recorded exit, or more than the days before the exit can hold | hours of the exit month that fit before the exit day |
 * | placed_elsewhere_full_time | hours in a month the person spends wholly in a full-time job with another employer | a part-time job elsewhere, or one that starts during the month |
 * | identical_figures_people | one employer declares the same figure for ≥ 5 people in a month | the monthly hours of monthly-paid contracts (151.67 h for 35 h, pro rata) |
 * | identical_figures_months | the same figure for one person ≥ 4 months | idem |
 * | always_round_figures | every figure of a placement, over ≥ 4 months, a multiple of 10 h | idem (130 h for 30 h a week is round and monthly-paid) |
 * | always_plausible_maximum | every figure of a placement, over ≥ 4 months, at the plausible maximum | idem |
 * | late_catch_up | ≥ 50 % of a clause's validated hours transmitted in the 6 weeks before its end (clauses of ≥ 6 months) | steady monthly hours transmitted each month |
 * | catch_up_after_notice | ≥ 50 % of a clause's validated hours transmitted in the 6 weeks after a formal notice, for months before it | new hours for the months after the notice |
 * | reused_proof | one proof file (content hash) on declarations of different people or months | the same payslip on two declarations of the same person's month; collective documents (invoices, SIAE attestations) |
 * | conflicted_validation | a validation by someone with a declared link to the declaring company or the lot's holder (interest-declarations.ts) | a link that ended before, or with another company |
 *
 * Two entry points: `detectIntegritySignals` over a whole set (the nightly job: one pass per grouping,
 * sorted once, O(n log n), typed arrays — 3 million declarations in bench/integrity-signals.ts), and
 * `detectSignalsForDeclaration` for one new or changed declaration, which needs only its neighbours
 * (`isSignalNeighbour`) and says which signal keys it re-evaluated.
 */
import { z } from 'zod';
import { addDays, firstDayOfMonth, lastDayOfMonth, monthOf, monthRange, monthsBetween, type IsoDate, type YearMonth } from './calendar.js';
import { formatDateFr, formatHours, formatPercent, monthLabelFr } from './format.js';
import { activeLink, INTEREST_NATURE_LABELS, interestLinkSchema } from './interest-declarations.js';
import { FULL_TIME_WEEKLY_MINUTES } from './matching.js';
import { LEGAL_MAX_WEEKLY_MINUTES } from './parameters.js';
import { plausibleMinutes } from './plausibility.js';
import { groupBy } from './collections.js';
import { andThen, fail, ok, validateWith, type Result, type Violation } from './result.js';
import { code, countField, enumField, idField, isoDateField, listField, minutesField, rateField, yearMonthField } from './schemas.js';
import { forEachRun, Interner, stringKey } from './sorted-runs.js';
import { DECLARATION_STATUSES } from './vocabulary.js';

export const SIGNAL_CODES = [
  'multi_employer_above_legal_maximum',
  'hours_after_exit',
  'placed_elsewhere_full_time',
  'identical_figures_people',
  'identical_figures_months',
  'always_round_figures',
  'always_plausible_maximum',
  'late_catch_up',
  'catch_up_after_notice',
  'reused_proof',
  'conflicted_validation',
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

export const SIGNAL_LABELS: Readonly<Record<SignalCode, string>> = {
  multi_employer_above_legal_maximum: 'Plusieurs employeurs au-delà du maximum légal',
  hours_after_exit: 'Heures après la sortie',
  placed_elsewhere_full_time: 'Heures pendant un emploi à temps plein ailleurs',
  identical_figures_people: 'Mêmes heures pour de nombreuses personnes',
  identical_figures_months: 'Mêmes heures de mois en mois',
  always_round_figures: 'Heures toujours rondes',
  always_plausible_maximum: 'Heures toujours au maximum plausible',
  late_catch_up: 'Rattrapage avant la fin du marché',
  catch_up_after_notice: 'Rattrapage après une mise en demeure',
  reused_proof: 'Justificatif réutilisé',
  conflicted_validation: 'Validation par une personne liée à l’entreprise',
};

export const SIGNAL_SEVERITIES = ['low', 'medium', 'high'] as const;
export type SignalSeverity = (typeof SIGNAL_SEVERITIES)[number];
export const SIGNAL_SEVERITY_LABELS: Readonly<Record<SignalSeverity, string>> = { low: 'faible', medium: 'moyenne', high: 'élevée' };
/** Weight of an open signal in a control campaign's weighted draw (control-campaigns.ts). */
export const SIGNAL_SEVERITY_WEIGHTS: Readonly<Record<SignalSeverity, number>> = { low: 1, medium: 2, high: 4 };

const SEVERITY: Readonly<Record<SignalCode, SignalSeverity>> = {
  multi_employer_above_legal_maximum: 'high',
  hours_after_exit: 'high',
  placed_elsewhere_full_time: 'medium',
  identical_figures_people: 'medium',
  identical_figures_months: 'medium',
  always_round_figures: 'low',
  always_plausible_maximum: 'medium',
  late_catch_up: 'medium',
  catch_up_after_notice: 'medium',
  reused_proof: 'high',
  conflicted_validation: 'medium',
};

/** Signals drawn only from the declaring company's own data: the only ones it may see about itself. */
const OWN_DATA_SIGNALS: ReadonlySet<SignalCode> = new Set(['identical_figures_people', 'identical_figures_months', 'always_round_figures', 'always_plausible_maximum', 'late_catch_up', 'catch_up_after_notice', 'reused_proof']);

/** Proof kinds that cover several people or months by nature: never a reused proof. */
export const COLLECTIVE_PROOF_KINDS: readonly string[] = ['invoice', 'siae_attestation'];

/** Thresholds (instance settings), with the defaults of the table above. */
export const DEFAULT_SIGNAL_SETTINGS = {
  maxWeeklyMinutes: LEGAL_MAX_WEEKLY_MINUTES,
  fullTimeWeeklyMinutes: FULL_TIME_WEEKLY_MINUTES,
  identicalPeople: 5,
  identicalMonths: 4,
  roundMonths: 4,
  roundUnitMinutes: 10 * 60,
  maximumMonths: 4,
  catchUpWindowDays: 42,
  catchUpShare: 0.5,
  catchUpMinMonths: 6,
  catchUpMinMinutes: 35 * 60,
} as const;
export type SignalSettings = { -readonly [K in keyof typeof DEFAULT_SIGNAL_SETTINGS]: number };

const atLeast = (label: string, minimum: number) =>
  countField(label).refine((value) => value >= minimum, { error: `${label} : au moins ${minimum}.`, ...code('out_of_range') });

const settingsSchema = z.object({
  maxWeeklyMinutes: minutesField('Durée hebdomadaire maximale').optional(),
  fullTimeWeeklyMinutes: minutesField('Durée hebdomadaire d’un temps plein').optional(),
  identicalPeople: atLeast('Personnes aux heures identiques', 2).optional(),
  identicalMonths: atLeast('Mois aux heures identiques', 2).optional(),
  roundMonths: atLeast('Mois aux heures rondes', 2).optional(),
  roundUnitMinutes: atLeast('Unité des heures rondes (minutes)', 1).optional(),
  maximumMonths: atLeast('Mois au maximum plausible', 2).optional(),
  catchUpWindowDays: atLeast('Fenêtre du rattrapage (jours)', 1).optional(),
  catchUpShare: rateField('Part des heures du rattrapage').optional(),
  catchUpMinMonths: countField('Durée minimale de la clause (mois)').optional(),
  catchUpMinMinutes: minutesField('Heures minimales de la clause').optional(),
});

/** One declaration as the signals see it: flat, with what its placement and clause bring. */
export const signalDeclarationSchema = z.object({
  id: idField('Déclaration'),
  participantId: idField('Personne'),
  placementId: idField('Mise en poste'),
  clauseId: idField('Clause'),
  /** The company that declared the hours (holder, co-contractor or subcontractor). */
  employerSiret: idField('Entreprise déclarante'),
  /** The lot's holder, when another company declared. */
  holderSiret: idField('Titulaire du lot').nullish(),
  month: yearMonthField('Mois déclaré'),
  /** Worked + training minutes declared. */
  minutes: minutesField('Heures déclarées'),
  status: enumField(DECLARATION_STATUSES, 'Statut'),
  submittedAt: isoDateField('Date de transmission').nullish(),
  /** The placement's contract weekly minutes, null when unknown. */
  weeklyMinutes: minutesField('Durée hebdomadaire du contrat').nullish(),
  proofs: listField(z.object({ sha256: idField('Empreinte du justificatif'), kind: z.string({ error: 'Type de justificatif : texte attendu.' }).nullish() }), 'Justificatifs').nullish(),
  validatedBy: idField('Auteur de la validation').nullish(),
  validatedOn: isoDateField('Date de la validation').nullish(),
});
export type SignalDeclaration = z.infer<typeof signalDeclarationSchema>;

const contextSchema = z.object({
  /** The people's recorded exits (sorties). */
  exits: listField(z.object({ participantId: idField('Personne'), exitDate: isoDateField('Date de sortie') }), 'Sorties').nullish(),
  /** The people's jobs (placements of any clause, jobs recorded elsewhere), by declaring company. */
  employments: listField(
    z.object({
      participantId: idField('Personne'),
      employerSiret: idField('Employeur'),
      startDate: isoDateField('Début de l’emploi'),
      endDate: isoDateField('Fin de l’emploi').nullish(),
      weeklyMinutes: minutesField('Durée hebdomadaire'),
    }),
    'Emplois',
  ).nullish(),
  /** Dates and formal notices of the clauses (the catch-up signals). */
  clauses: listField(
    z.object({
      clauseId: idField('Clause'),
      startDate: isoDateField('Début de la clause'),
      endDate: isoDateField('Fin de la clause'),
      formalNotices: listField(isoDateField('Date de la mise en demeure'), 'Mises en demeure').nullish(),
    }),
    'Clauses',
  ).nullish(),
  /** Declared links of the validators (interest-declarations.ts). */
  links: listField(interestLinkSchema, 'Liens déclarés').nullish(),
  settings: settingsSchema.nullish(),
});
type Context = z.output<typeof contextSchema>;

export interface IntegritySignal {
  readonly code: SignalCode;
  /** Stable identity: the code and its subject (`hours_after_exit|p-1|2025-04`). */
  readonly key: string;
  readonly severity: SignalSeverity;
  readonly explanation: string;
  /** Sorted. */
  readonly declarationIds: readonly string[];
  /** Every company whose declarations or data the signal draws on (sorted). */
  readonly employerSirets: readonly string[];
  readonly participantIds: readonly string[];
  readonly clauseIds: readonly string[];
  readonly figures: Readonly<Record<string, number | string>>;
}

// ---------------------------------------------------------------- entry points

const MAX_ROW_VIOLATIONS = 100;

/**
 * Validates rows one by one and keeps the caller's objects (the schema has no transforms): millions
 * of declarations are checked without being copied.
 */
function validateRows(rows: readonly unknown[], path: string): Violation[] {
  const problems: Violation[] = [];
  for (let index = 0; index < rows.length && problems.length < MAX_ROW_VIOLATIONS; index += 1) {
    const result = validateWith(signalDeclarationSchema, rows[index]);
    if (!result.ok) problems.push(...result.violations.map((violation) => ({ ...violation, path: `${path}.${index}${violation.path ? `.${violation.path}` : ''}` })));
  }
  return problems;
}

const fullInputSchema = contextSchema.extend({ declarations: z.array(z.unknown(), { error: 'Déclarations : liste attendue.' }) });
export type IntegrityInput = z.input<typeof contextSchema> & { readonly declarations: readonly SignalDeclaration[] };

/** Every signal over a set of declarations (a buyer's, a territory's, the instance's). */
export function detectIntegritySignals(input: IntegrityInput): Result<readonly IntegritySignal[]> {
  return andThen(validateWith(fullInputSchema, input), (context): Result<readonly IntegritySignal[]> => {
    const problems = validateRows(input.declarations, 'declarations');
    if (problems.length > 0) return fail(problems);
    return ok(new SignalPass(input.declarations, context).run());
  });
}

const incrementalInputSchema = contextSchema.extend({
  declaration: signalDeclarationSchema,
  /** The version before a correction, if any: the groups it left are re-evaluated too. */
  previous: signalDeclarationSchema.nullish(),
  neighbours: z.array(z.unknown(), { error: 'Déclarations voisines : liste attendue.' }),
});
export type IncrementalSignalInput = z.input<typeof contextSchema> & {
  readonly declaration: SignalDeclaration;
  readonly previous?: SignalDeclaration | null;
  /** Every declaration for which `isSignalNeighbour(declaration, ·)` holds (the declaration itself may be among them). */
  readonly neighbours: readonly SignalDeclaration[];
};

export interface IncrementalSignals {
  /** The signals of every group the declaration belongs to (and its previous version belonged to). */
  readonly signals: readonly IntegritySignal[];
  /** The keys re-evaluated: a stored signal with one of these keys and absent from `signals` is gone. */
  readonly evaluatedKeys: readonly string[];
}

/** The signals touched by one new or changed declaration, from its neighbours only. */
export function detectSignalsForDeclaration(input: IncrementalSignalInput): Result<IncrementalSignals> {
  return andThen(validateWith(incrementalInputSchema, input), (context): Result<IncrementalSignals> => {
    const problems = validateRows(input.neighbours, 'neighbours');
    if (problems.length > 0) return fail(problems);
    const { declaration, previous } = context;
    const rows = [declaration, ...input.neighbours.filter((row) => row.id !== declaration.id)];
    const evaluated = new Set([...groupKeysOf(declaration, context), ...(previous ? groupKeysOf(previous, context) : [])]);
    const signals = new SignalPass(rows, context).run().filter((signal) => evaluated.has(signal.key));
    return ok({ signals, evaluatedKeys: [...evaluated].sort() });
  });
}

/** What the API fetches for an incremental check: the declaration's neighbours share one of these. */
export function isSignalNeighbour(of: SignalDeclaration, candidate: SignalDeclaration): boolean {
  if (candidate.participantId === of.participantId || candidate.clauseId === of.clauseId) return true;
  if (candidate.employerSiret === of.employerSiret && candidate.month === of.month) return true;
  const hashes = new Set(individualProofs(of).map((proof) => proof.sha256));
  return individualProofs(candidate).some((proof) => hashes.has(proof.sha256));
}

/** Sum of the severity weights of the signals on each declaration (a campaign's weighted draw). */
export function signalWeights(signals: readonly IntegritySignal[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const signal of signals) {
    for (const id of signal.declarationIds) weights.set(id, (weights.get(id) ?? 0) + SIGNAL_SEVERITY_WEIGHTS[signal.severity]);
  }
  return weights;
}

/** A company sees a signal only when it is about its own declarations and drawn from its own data only. */
export function isSignalVisibleToCompany(signal: IntegritySignal, siret: string): boolean {
  return OWN_DATA_SIGNALS.has(signal.code) && signal.employerSirets.every((candidate) => candidate === siret);
}

// ---------------------------------------------------------------- keys

const CLAIMING: ReadonlySet<string> = new Set(['submitted', 'validated', 'corrected']);

function individualProofs(row: SignalDeclaration): { sha256: string }[] {
  return (row.proofs ?? []).filter((proof) => !COLLECTIVE_PROOF_KINDS.includes(proof.kind ?? ''));
}

const keyOf = (code: SignalCode, ...parts: (string | number)[]): string => [code, ...parts].join('|');

function groupKeysOf(row: SignalDeclaration, context: Context): string[] {
  const clause = (context.clauses ?? []).find((candidate) => candidate.clauseId === row.clauseId);
  return [
    keyOf('multi_employer_above_legal_maximum', row.participantId, row.month),
    keyOf('hours_after_exit', row.participantId, row.month),
    keyOf('placed_elsewhere_full_time', row.participantId, row.month),
    keyOf('identical_figures_people', row.employerSiret, row.month, row.minutes),
    keyOf('identical_figures_months', row.placementId, row.minutes),
    keyOf('always_round_figures', row.placementId),
    keyOf('always_plausible_maximum', row.placementId),
    keyOf('late_catch_up', row.clauseId),
    ...(clause?.formalNotices ?? []).map((notice) => keyOf('catch_up_after_notice', row.clauseId, notice)),
    ...individualProofs(row).map((proof) => keyOf('reused_proof', proof.sha256)),
    keyOf('conflicted_validation', row.id),
  ];
}

// ---------------------------------------------------------------- the pass

const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort();
const plural = (count: number, word: string): string => `${count} ${word}${count > 1 ? 's' : ''}`;

/** The months of a list, in words: "janvier 2025 à avril 2025" or "mars 2025". */
function monthSpan(months: readonly YearMonth[]): string {
  const sorted = [...months].sort();
  const first = sorted[0] ?? '';
  const last = sorted.at(-1) ?? '';
  return first === last ? monthLabelFr(first) : `${monthLabelFr(first)} à ${monthLabelFr(last)}`;
}

class SignalPass {
  private readonly settings: SignalSettings;
  private readonly signals: IntegritySignal[] = [];
  /** Row columns as integers, so that the groupings sort numbers, not strings. */
  private readonly person: Int32Array;
  private readonly employer: Int32Array;
  private readonly month: Int32Array;
  /** 1 for a transmitted, validated or corrected declaration: drafts and rejected ones claim nothing. */
  private readonly claims: Uint8Array;
  private readonly legalMaximum = new Map<YearMonth, number>();

  constructor(
    private readonly rows: readonly SignalDeclaration[],
    private readonly context: Context,
  ) {
    this.settings = { ...DEFAULT_SIGNAL_SETTINGS, ...Object.fromEntries(Object.entries(context.settings ?? {}).filter(([, value]) => value !== undefined)) };
    const people = new Interner();
    const employers = new Interner();
    const months = new Map<string, number>();
    this.person = new Int32Array(rows.length);
    this.employer = new Int32Array(rows.length);
    this.month = new Int32Array(rows.length);
    this.claims = new Uint8Array(rows.length);
    rows.forEach((row, index) => {
      this.claims[index] = CLAIMING.has(row.status) ? 1 : 0;
      this.person[index] = people.id(row.participantId);
      this.employer[index] = employers.id(row.employerSiret);
      let month = months.get(row.month);
      if (month === undefined) {
        month = Number(row.month.slice(0, 4)) * 12 + Number(row.month.slice(5, 7)) - 1;
        months.set(row.month, month);
      }
      this.month[index] = month;
    });
  }

  run(): IntegritySignal[] {
    this.personMonths();
    this.exitsAndJobsElsewhere();
    this.identicalPeople();
    this.placements();
    this.catchUps();
    this.reusedProofs();
    this.conflictedValidations();
    return this.signals.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  // ------------------------------------------------------------ helpers

  private claiming(index: number): boolean {
    return this.claims[index] === 1;
  }

  private keys(select: (row: SignalDeclaration, index: number) => number | null): Float64Array {
    const keys = new Float64Array(this.rows.length);
    this.rows.forEach((row, index) => {
      keys[index] = select(row, index) ?? Number.NaN;
    });
    return keys;
  }

  private add(code: SignalCode, key: string, members: readonly SignalDeclaration[], explanation: string, figures: Record<string, number | string>, extraSirets: readonly string[] = []): void {
    this.signals.push({
      code,
      key,
      severity: SEVERITY[code],
      explanation,
      declarationIds: sortedUnique(members.map((row) => row.id)),
      employerSirets: sortedUnique([...members.map((row) => row.employerSiret), ...extraSirets]),
      participantIds: sortedUnique(members.map((row) => row.participantId)),
      clauseIds: sortedUnique(members.map((row) => row.clauseId)),
      figures,
    });
  }

  private legalMonthlyMaximum(month: YearMonth): number {
    let maximum = this.legalMaximum.get(month);
    if (maximum === undefined) {
      maximum = plausibleMinutes(this.settings.maxWeeklyMinutes, monthRange(month), month);
      this.legalMaximum.set(month, maximum);
    }
    return maximum;
  }

  /** The monthly hours of a monthly-paid contract: weekly × 52 ÷ 12 (151.67 h for 35 h), give or take a minute. */
  private isMonthlyPaidFigure(row: SignalDeclaration): boolean {
    return Math.abs(row.minutes - ((row.weeklyMinutes ?? this.settings.fullTimeWeeklyMinutes) * 52) / 12) <= 1;
  }

  // ------------------------------------------------------------ a person's month across employers

  private personMonths(): void {
    const keys = this.keys((_row, index) => (this.claiming(index) ? (this.person[index] as number) * 32_768 + (this.month[index] as number) : null));
    forEachRun(keys, 2, (indices) => {
      const members = indices.map((index) => this.rows[index] as SignalDeclaration);
      const employers = sortedUnique(members.map((row) => row.employerSiret));
      if (employers.length < 2) return;
      const first = members[0] as SignalDeclaration;
      const total = members.reduce((sum, row) => sum + row.minutes, 0);
      const maximum = this.legalMonthlyMaximum(first.month);
      if (total <= maximum) return;
      const detail = employers.map((siret) => `${formatHours(members.filter((row) => row.employerSiret === siret).reduce((sum, row) => sum + row.minutes, 0))} par ${siret}`);
      this.add(
        'multi_employer_above_legal_maximum',
        keyOf('multi_employer_above_legal_maximum', first.participantId, first.month),
        members,
        `${employers.length} employeurs ont déclaré ${formatHours(total)} pour la même personne en ${monthLabelFr(first.month)}, plus que le maximum légal de ${formatHours(maximum)} (${formatHours(this.settings.maxWeeklyMinutes)} par semaine sur le mois) : ${detail.join(', ')}.`,
        { totalMinutes: total, legalMaximumMinutes: maximum, employers: employers.length },
      );
    });
  }

  // ------------------------------------------------------------ exits and full-time jobs elsewhere

  private exitsAndJobsElsewhere(): void {
    const exits = new Map((this.context.exits ?? []).map((exit) => [exit.participantId, exit.exitDate]));
    const fullTime = groupBy(
      (this.context.employments ?? []).filter((job) => job.weeklyMinutes >= this.settings.fullTimeWeeklyMinutes),
      (job) => job.participantId,
    );
    if (exits.size === 0 && fullTime.size === 0) return;
    const afterExit = new Map<string, { exitDate: IsoDate; rows: { row: SignalDeclaration; allowed: number | null }[] }>();
    const elsewhere: { key: string; row: SignalDeclaration; job: NonNullable<Context['employments']>[number] }[] = [];
    this.rows.forEach((row, index) => {
      if (!this.claiming(index) || row.minutes === 0) return;
      const exitDate = exits.get(row.participantId);
      if (exitDate !== undefined && exitDate < lastDayOfMonth(row.month)) {
        const start = firstDayOfMonth(row.month);
        // Hours of the exit month are judged against what the days up to the exit can hold.
        const allowed = exitDate < start ? null : plausibleMinutes(Math.min(row.weeklyMinutes ?? this.settings.maxWeeklyMinutes, this.settings.maxWeeklyMinutes), { start, end: exitDate }, row.month);
        if (allowed === null || row.minutes > allowed) {
          const key = keyOf('hours_after_exit', row.participantId, row.month);
          const group = afterExit.get(key) ?? { exitDate, rows: [] };
          group.rows.push({ row, allowed });
          afterExit.set(key, group);
        }
      }
      const job = (fullTime.get(row.participantId) ?? []).find(
        (candidate) => candidate.employerSiret !== row.employerSiret && candidate.startDate <= firstDayOfMonth(row.month) && (candidate.endDate == null || candidate.endDate >= lastDayOfMonth(row.month)),
      );
      if (job) elsewhere.push({ key: keyOf('placed_elsewhere_full_time', row.participantId, row.month), row, job });
    });
    for (const [key, { exitDate, rows }] of afterExit) {
      const members = rows.map((entry) => entry.row);
      const total = members.reduce((sum, row) => sum + row.minutes, 0);
      const first = members[0] as SignalDeclaration;
      // Every row of the month is judged on its own contract: the group states what they could hold together.
      const allowed = rows.every((entry) => entry.allowed !== null) ? rows.reduce((sum, entry) => sum + (entry.allowed ?? 0), 0) : null;
      this.add(
        'hours_after_exit',
        key,
        members,
        `${formatHours(total)} déclarées en ${monthLabelFr(first.month)} par ${sortedUnique(members.map((row) => row.employerSiret)).join(', ')} après la sortie de la personne le ${formatDateFr(exitDate)}` +
          (allowed === null ? '.' : ` : au plus ${formatHours(allowed)} possibles jusqu’à cette date.`),
        { declaredMinutes: total, exitDate, ...(allowed === null ? {} : { allowedMinutes: allowed }) },
      );
    }
    for (const [key, group] of groupBy(elsewhere, (entry) => entry.key)) {
      const entries = group.sort((a, b) => (a.row.id < b.row.id ? -1 : 1));
      const members = entries.map((entry) => entry.row);
      const job = (entries[0] as (typeof entries)[number]).job;
      const total = members.reduce((sum, row) => sum + row.minutes, 0);
      this.add(
        'placed_elsewhere_full_time',
        key,
        members,
        `${formatHours(total)} déclarées en ${monthLabelFr(members[0]?.month ?? '')} par ${sortedUnique(members.map((row) => row.employerSiret)).join(', ')} alors que la personne est en poste à temps plein (${formatHours(job.weeklyMinutes)} par semaine) chez ${job.employerSiret} depuis le ${formatDateFr(job.startDate)}, tout le mois.`,
        { declaredMinutes: total, otherEmployerWeeklyMinutes: job.weeklyMinutes },
        [job.employerSiret],
      );
    }
  }

  // ------------------------------------------------------------ copy-paste across people

  private identicalPeople(): void {
    const keys = this.keys((row, index) =>
      this.claiming(index) && row.minutes > 0 && !this.isMonthlyPaidFigure(row) ? (this.employer[index] as number) * 32_768 + (this.month[index] as number) : null,
    );
    forEachRun(keys, this.settings.identicalPeople, (indices) => {
      const rows = indices.map((index) => this.rows[index] as SignalDeclaration);
      for (const [minutes, members] of groupBy(rows, (row) => row.minutes)) {
        const people = new Set(members.map((row) => row.participantId)).size;
        if (people < this.settings.identicalPeople) continue;
        const first = members[0] as SignalDeclaration;
        this.add(
          'identical_figures_people',
          keyOf('identical_figures_people', first.employerSiret, first.month, minutes),
          members,
          `${first.employerSiret} a déclaré exactement ${formatHours(minutes)} pour ${people} personnes en ${monthLabelFr(first.month)} (ce n’est pas le forfait mensuel de leur contrat).`,
          { minutes, people },
        );
      }
    });
  }

  // ------------------------------------------------------------ one placement over the months

  private placements(): void {
    const placements = new Interner();
    const { identicalMonths, roundMonths, maximumMonths } = this.settings;
    const keys = this.keys((row, index) => (this.claiming(index) && row.minutes > 0 && !this.isMonthlyPaidFigure(row) ? placements.id(row.placementId) : null));
    forEachRun(keys, Math.min(identicalMonths, roundMonths, maximumMonths), (indices) => {
      // Sorted by month then id: the same members and the same text whatever the input order.
      const members = indices.map((index) => this.rows[index] as SignalDeclaration).sort((a, b) => (a.month === b.month ? (a.id < b.id ? -1 : 1) : a.month < b.month ? -1 : 1));
      const first = members[0] as SignalDeclaration;
      const monthCount = (rows: readonly SignalDeclaration[]): number => new Set(rows.map((row) => row.month)).size;
      const figures = members.map((row) => formatHours(row.minutes)).join(', ');
      for (const [minutes, same] of groupBy(members, (row) => row.minutes)) {
        const count = monthCount(same);
        if (count < identicalMonths) continue;
        this.add(
          'identical_figures_months',
          keyOf('identical_figures_months', first.placementId, minutes),
          same,
          `${first.employerSiret} a déclaré exactement ${formatHours(minutes)} pour la même personne ${count} mois (${monthSpan(same.map((row) => row.month))}), sans que ce soit le forfait mensuel de son contrat.`,
          { minutes, months: count },
        );
      }
      const count = monthCount(members);
      if (count >= roundMonths && members.every((row) => row.minutes % this.settings.roundUnitMinutes === 0)) {
        this.add(
          'always_round_figures',
          keyOf('always_round_figures', first.placementId),
          members,
          `Heures toujours rondes (multiples de ${formatHours(this.settings.roundUnitMinutes)}) sur ${count} mois pour la même personne chez ${first.employerSiret} : ${figures}.`,
          { months: count },
        );
      }
      const atMaximum = (row: SignalDeclaration): boolean => {
        const weekly = Math.min(row.weeklyMinutes ?? this.settings.maxWeeklyMinutes, this.settings.maxWeeklyMinutes);
        return row.minutes >= plausibleMinutes(weekly, monthRange(row.month), row.month) - 1;
      };
      if (count >= maximumMonths && members.every(atMaximum)) {
        this.add(
          'always_plausible_maximum',
          keyOf('always_plausible_maximum', first.placementId),
          members,
          `Heures toujours égales au maximum plausible du contrat sur tout le mois, ${count} mois de suite pour la même personne chez ${first.employerSiret} : ${figures}.`,
          { months: count },
        );
      }
    });
  }

  // ------------------------------------------------------------ catch-ups on a clause

  private catchUps(): void {
    const clauses = new Map((this.context.clauses ?? []).map((clause) => [clause.clauseId, clause]));
    if (clauses.size === 0) return;
    const ids = new Interner();
    const keys = this.keys((row) => (row.status === 'validated' && row.minutes > 0 && clauses.has(row.clauseId) ? ids.id(row.clauseId) : null));
    const { catchUpWindowDays: windowDays, catchUpShare, catchUpMinMinutes, catchUpMinMonths } = this.settings;
    const weeks = formatNumberOfWeeks(windowDays);
    forEachRun(keys, 1, (indices) => {
      const members = indices.map((index) => this.rows[index] as SignalDeclaration);
      const clause = clauses.get((members[0] as SignalDeclaration).clauseId) as NonNullable<Context['clauses']>[number];
      const total = members.reduce((sum, row) => sum + row.minutes, 0);
      if (total < catchUpMinMinutes) return;
      const share = (arriving: readonly SignalDeclaration[]): number => arriving.reduce((sum, row) => sum + row.minutes, 0) / total;
      const durationMonths = monthsBetween(monthOf(clause.startDate), monthOf(clause.endDate)) + 1;
      const windowStart = addDays(clause.endDate, -windowDays);
      const late = members.filter((row) => row.submittedAt != null && row.submittedAt >= windowStart);
      if (durationMonths >= catchUpMinMonths && late.length > 0 && share(late) >= catchUpShare) {
        const arriving = late.reduce((sum, row) => sum + row.minutes, 0);
        this.add(
          'late_catch_up',
          keyOf('late_catch_up', clause.clauseId),
          late,
          `${formatPercent(share(late), 0)} des heures validées de la clause (${formatHours(arriving)} sur ${formatHours(total)}) ont été transmises dans les ${weeks} avant sa fin (${formatDateFr(clause.endDate)}).`,
          { arrivingMinutes: arriving, totalMinutes: total, windowDays },
        );
      }
      for (const notice of clause.formalNotices ?? []) {
        const until = addDays(notice, windowDays);
        const noticeMonth = monthOf(notice);
        const retroactive = members.filter((row) => row.submittedAt != null && row.submittedAt >= notice && row.submittedAt <= until && row.month < noticeMonth);
        if (retroactive.length === 0 || share(retroactive) < catchUpShare) continue;
        const arriving = retroactive.reduce((sum, row) => sum + row.minutes, 0);
        this.add(
          'catch_up_after_notice',
          keyOf('catch_up_after_notice', clause.clauseId, notice),
          retroactive,
          `${formatPercent(share(retroactive), 0)} des heures validées de la clause (${formatHours(arriving)} sur ${formatHours(total)}) ont été transmises dans les ${weeks} suivant la mise en demeure du ${formatDateFr(notice)}, pour des mois antérieurs (${monthSpan(retroactive.map((row) => row.month))}).`,
          { arrivingMinutes: arriving, totalMinutes: total, windowDays, formalNotice: notice },
        );
      }
    });
  }

  // ------------------------------------------------------------ one proof on several people or months

  private reusedProofs(): void {
    const entryRows: number[] = [];
    const entryHashes: string[] = [];
    this.rows.forEach((row, index) => {
      if (!this.claiming(index)) return;
      for (const proof of individualProofs(row)) {
        entryRows.push(index);
        entryHashes.push(proof.sha256);
      }
    });
    const keys = Float64Array.from(entryHashes, stringKey);
    forEachRun(keys, 2, (entries) => {
      // Equal keys, most likely one hash: compared again as text (a 53-bit collision is not a reuse).
      const byHash = new Map<string, Set<number>>();
      for (const entry of entries) {
        const hash = entryHashes[entry] as string;
        byHash.set(hash, (byHash.get(hash) ?? new Set()).add(entryRows[entry] as number));
      }
      for (const [hash, indices] of byHash) {
        const members = [...indices].map((index) => this.rows[index] as SignalDeclaration);
        const personMonths = new Set(members.map((row) => `${row.participantId}|${row.month}`));
        if (personMonths.size < 2) continue;
        const people = new Set(members.map((row) => row.participantId)).size;
        const months = new Set(members.map((row) => row.month)).size;
        this.add(
          'reused_proof',
          keyOf('reused_proof', hash),
          members,
          `Le même justificatif (empreinte ${hash.slice(0, 12)}…) est joint à ${plural(members.length, 'déclaration')} : ${plural(people, 'personne')}, ${months} mois (${monthSpan(members.map((row) => row.month))}).`,
          { declarations: members.length, people, months },
        );
      }
    });
  }

  // ------------------------------------------------------------ validations by someone with a declared link

  private conflictedValidations(): void {
    const byUser = groupBy(this.context.links ?? [], (link) => link.userId);
    if (byUser.size === 0) return;
    for (const row of this.rows) {
      if (row.status !== 'validated' || row.validatedBy == null || row.validatedOn == null) continue;
      const links = byUser.get(row.validatedBy);
      if (!links) continue;
      const link = activeLink(links, row.validatedBy, [row.employerSiret, ...(row.holderSiret ? [row.holderSiret] : [])], row.validatedOn);
      if (!link) continue;
      this.add(
        'conflicted_validation',
        keyOf('conflicted_validation', row.id),
        [row],
        `Déclaration de ${monthLabelFr(row.month)} validée le ${formatDateFr(row.validatedOn)} par une personne qui a déclaré un lien avec l’entreprise ${link.siret} (${INTEREST_NATURE_LABELS[link.nature]}).`,
        { validatedBy: row.validatedBy, linkId: link.id },
        [link.siret],
      );
    }
  }
}

function formatNumberOfWeeks(days: number): string {
  return days % 7 === 0 ? plural(days / 7, 'semaine') : plural(days, 'jour');
}
