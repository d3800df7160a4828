/**
 * Counting engine (decisions.md §7, rules C1–C13): which declared minutes count towards a clause,
 * and, for every minute that does not, the rule that excluded it and why. Pure: everything it needs
 * is in the input.
 *
 * Order of the rules, for one declaration:
 *   status (only validated) → duplicate (C12) → allocations to other clauses (C10) → whole placement
 *   (C2 new hires, C1 lot, C13, C6, C7) → kinds of minutes (C3 leave, C4 work-study, C8 training)
 *   → working-day proration (clause period, C2 eligibility, C9 window, C5 CDI months)
 *   → plausible maximum across clauses (C12) → C5 bonus → cumulative caps (C8, C9).
 */
import { z } from 'zod';
import { addDays, addMonths, intersectRanges, monthRange, type IsoDate, type YearMonth } from './calendar.js';
import { Ledger, type CountedSlice, type ExcludedSlice, type ExclusionCode, type ExclusionRule, type SliceKind, type SliceOrigin, type SliceSource } from './counting-ledger.js';
import { eligibilityPolicyOf, eligibilityWindows, type EligibilityWindow } from './eligibility.js';
import { formatDateFr, formatHours } from './format.js';
import { participantMonthlyCapMinutes, placementMonthRange } from './plausibility.js';
import { prorate } from './proration.js';
import { andThen, fail, ok, validateWith, makeViolation, type Result, type Violation } from './result.js';
import {
  insertionClauseSchema,
  eligibilityValidationSchema,
  hourDeclarationSchema,
  listField,
  placementSchema,
  poolingAgreementSchema,
  siaeSubcontractSchema,
  type InsertionClause,
  type EligibilityValidation,
  type HourDeclaration,
  type Placement,
  type PoolingAgreement,
  type SiaeSubcontract,
} from './schemas.js';
import { countSiaeSubcontract, type SubcontractCount } from './siae-conversion.js';
import {
  DECLARATION_STATUS_LABELS,
  MODALITIES,
  STAFF_PROVISION_MODALITIES,
  SUBCONTRACT_MODALITIES,
  WORK_STUDY_CONTRACT_TYPES,
  type Modality,
} from './vocabulary.js';
import { groupBy } from './collections.js';

export type { CountedSlice, ExcludedSlice, ExclusionCode, ExclusionRule, SliceKind, SliceSource } from './counting-ledger.js';
export type { SubcontractCount } from './siae-conversion.js';

export interface ParticipantCount {
  readonly participantId: string;
  readonly countedMinutes: number;
  /** First day with counted hours (start of the C9 window), null when nothing counted. */
  readonly firstCountedDay: IsoDate | null;
  /** Last day of the C9 window, null without a window. */
  readonly windowEnd: IsoDate | null;
}

export interface CountingResult {
  readonly clauseId: string;
  readonly requiredMinutes: number;
  readonly countedMinutes: number;
  /** Reported, never carried over to another clause without a pooling agreement (C11). */
  readonly surplusMinutes: number;
  readonly shortfallMinutes: number;
  readonly byParticipant: readonly ParticipantCount[];
  /** Every modality, in the order of MODALITIES, zeros included. */
  readonly byModality: readonly { readonly modality: Modality; readonly countedMinutes: number }[];
  /** Months with counted or excluded minutes, in order. */
  readonly byMonth: readonly { readonly month: YearMonth; readonly countedMinutes: number }[];
  readonly bySubcontract: readonly SubcontractCount[];
  readonly excludedByRule: readonly { readonly rule: ExclusionRule; readonly minutes: number }[];
  readonly counted: readonly CountedSlice[];
  readonly excluded: readonly ExcludedSlice[];
}

const countingInputSchema = z.object({
  clause: insertionClauseSchema,
  /** Placements of the clause, plus the other placements of its participants (C12, C10). */
  placements: listField(placementSchema, 'Mises en poste'),
  /** Declarations of those placements, any status: only validated ones count. */
  declarations: listField(hourDeclarationSchema, 'Déclarations'),
  eligibilityValidations: listField(eligibilityValidationSchema, 'Validations d’éligibilité'),
  siaeSubcontracts: listField(siaeSubcontractSchema, 'Sous-traitances SIAE').nullish(),
  poolingAgreements: listField(poolingAgreementSchema, 'Conventions de mutualisation').nullish(),
});
export type CountingInput = z.input<typeof countingInputSchema>;

/** Counted minutes of one clause, per participant, modality and month, with every excluded slice. */
export function countClauseHours(input: CountingInput): Result<CountingResult> {
  return andThen(validateWith(countingInputSchema, input), (parsed) => {
    const known = new Set(parsed.placements.map((placement) => placement.id));
    const violations: Violation[] = parsed.declarations.flatMap((declaration, index) =>
      known.has(declaration.placementId)
        ? []
        : [makeViolation('unknown_placement', `declarations.${index}.placementId`, `La déclaration ${declaration.id} porte sur une mise en poste inconnue.`)],
    );
    if (violations.length > 0) return fail(violations);
    return ok(
      new CountingRun(parsed.clause, parsed.placements, parsed.declarations, parsed.eligibilityValidations, parsed.poolingAgreements ?? []).run(
        parsed.siaeSubcontracts ?? [],
      ),
    );
  });
}

// ---------------------------------------------------------------- internals

/** A share of a declaration on its way through the rules. */
interface Piece extends SliceOrigin {
  readonly source: SliceSource;
  minutes: number;
  /** Order in which declarations are served by C12 and the cumulative caps (submission date, then id). */
  orderKey: string;
  readonly placement: Placement;
}

/** When a declaration must give minutes back, these kinds go first. */
const KIND_CUT_ORDER: readonly SliceKind[] = ['training', 'company_hours', 'leave', 'work_study_training', 'cdi_bonus', 'work'];

type DayKey = 'before_clause' | 'after_clause' | 'before_validation' | 'not_eligible' | 'outside_window' | 'cdi_period_over';

interface Refusal {
  readonly rule: ExclusionRule;
  readonly code: ExclusionCode;
  readonly reason: string;
}

function orderKeyOf(declaration: HourDeclaration): string {
  return `${declaration.submittedAt ?? '9999-12-31'}|${declaration.id}`;
}

function declaredMinutes(declaration: HourDeclaration): number {
  return declaration.workedMinutes + (declaration.trainingMinutes ?? 0);
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class CountingRun {
  private readonly rules: InsertionClause['rules']['counting'];
  private readonly ledger = new Ledger();
  private readonly placementsById: Map<string, Placement>;
  private readonly placementsByParticipant: Map<string, Placement[]>;
  private readonly validated: HourDeclaration[];
  /** Validated declarations of every clause, by participant and month (C12). */
  private readonly validatedByPersonMonth: Map<string, HourDeclaration[]>;
  /**
   * Duplicates among other clauses' declarations (same placement and month): kept id → C12 order
   * key, duplicate id → kept id. Our own duplicates are resolved later, on what would count.
   */
  private readonly keptOrder = new Map<string, string>();
  private readonly duplicateOf = new Map<string, string>();
  private readonly ownDuplicates = new Set<string>();
  private readonly pieces: Piece[] = [];
  private eligibility = new Map<string, EligibilityWindow[]>();
  private firstCounted = new Map<string, IsoDate>();

  constructor(
    private readonly clause: InsertionClause,
    placements: readonly Placement[],
    private readonly declarations: readonly HourDeclaration[],
    private readonly validations: readonly EligibilityValidation[],
    private readonly agreements: readonly PoolingAgreement[],
  ) {
    this.rules = clause.rules.counting;
    this.placementsById = new Map(placements.map((placement) => [placement.id, placement]));
    this.placementsByParticipant = groupBy(placements, (placement) => placement.participantId);
    this.validated = declarations.filter((declaration) => declaration.status === 'validated');
    this.validatedByPersonMonth = groupBy(this.validated, (declaration) => `${this.placementOf(declaration).participantId}|${declaration.month}`);
    this.resolveDuplicates();
  }

  run(subcontracts: readonly SiaeSubcontract[]): CountingResult {
    for (const declaration of this.declarations) {
      if (this.isOwn(this.placementOf(declaration))) this.collectOwn(declaration);
    }
    this.collectPooled();
    this.eligibility = this.eligibilityWindowsByParticipant();
    this.firstCounted = this.firstCountedDays();
    const prorated = this.pieces.flatMap((piece) => this.prorateDays(piece));
    this.resolveOwnDuplicates(prorated);
    this.applyPlausibleMaximum(prorated);
    this.addCdiBonuses(prorated);
    this.applyCumulativeCaps(prorated);
    for (const { orderKey: _orderKey, placement: _placement, ...slice } of prorated) {
      if (slice.minutes > 0) this.ledger.counted.push(slice);
    }
    const bySubcontract = subcontracts
      .filter((subcontract) => subcontract.clauseId === this.clause.id)
      .map((subcontract) => countSiaeSubcontract(subcontract, this.clause, this.ledger));
    return this.summarise(bySubcontract);
  }

  // ------------------------------------------------------------ lookups

  private placementOf(declaration: HourDeclaration): Placement {
    return this.placementsById.get(declaration.placementId) as Placement;
  }

  private isOwn(placement: Placement): boolean {
    return placement.clauseId === this.clause.id;
  }

  private orderKey(declaration: HourDeclaration): string {
    return this.keptOrder.get(declaration.id) ?? orderKeyOf(declaration);
  }

  /** Other clauses' duplicates: the largest declaration claims, at the earliest position. */
  private resolveDuplicates(): void {
    const others = this.validated.filter((declaration) => !this.isOwn(this.placementOf(declaration)));
    for (const group of groupBy(others, (declaration) => `${declaration.placementId}|${declaration.month}`).values()) {
      const byOrder = [...group].sort((a, b) => compareKeys(orderKeyOf(a), orderKeyOf(b)));
      const first = byOrder[0] as HourDeclaration;
      const winner = byOrder.reduce((best, candidate) => (declaredMinutes(candidate) > declaredMinutes(best) ? candidate : best), first);
      this.keptOrder.set(winner.id, orderKeyOf(first));
      for (const other of group) if (other.id !== winner.id) this.duplicateOf.set(other.id, winner.id);
    }
  }

  /** Allocations (C10) of a declaration to other clauses, split in order, never beyond the worked minutes. */
  private allocationsOf(declaration: HourDeclaration): Map<string, number> {
    const placement = this.placementOf(declaration);
    const month = monthRange(declaration.month);
    const split = new Map<string, number>();
    let remaining = declaration.workedMinutes;
    for (const agreement of this.agreements) {
      if (!agreement.clauseIds.includes(placement.clauseId) || intersectRanges(month, { start: agreement.startDate, end: agreement.endDate }) === null) continue;
      for (const allocation of agreement.allocations) {
        if (allocation.declarationId !== declaration.id || allocation.clauseId === placement.clauseId || !agreement.clauseIds.includes(allocation.clauseId)) continue;
        const taken = Math.min(allocation.minutes, remaining);
        remaining -= taken;
        split.set(allocation.clauseId, (split.get(allocation.clauseId) ?? 0) + taken);
      }
    }
    return split;
  }

  private pieceOf(declaration: HourDeclaration, kind: SliceKind, minutes: number, source: SliceSource, pooledFromClauseId: string | null = null): Piece {
    const placement = this.placementOf(declaration);
    return {
      month: declaration.month,
      kind,
      modality: placement.modality,
      participantId: placement.participantId,
      placementId: placement.id,
      declarationId: declaration.id,
      subcontractId: null,
      pooledFromClauseId,
      source,
      minutes,
      orderKey: this.orderKey(declaration),
      placement,
    };
  }

  // ------------------------------------------------------------ 1. whole declarations

  private collectOwn(declaration: HourDeclaration): void {
    const raw = (kind: SliceKind, minutes: number): Piece => this.pieceOf(declaration, kind, minutes, 'declaration');
    if (declaration.status !== 'validated') {
      const label = DECLARATION_STATUS_LABELS[declaration.status].toLowerCase();
      this.excludeAll(
        [raw('work', declaration.workedMinutes), raw('training', declaration.trainingMinutes ?? 0), raw('leave', declaration.leaveMinutes ?? 0)],
        { rule: 'NOT_VALIDATED', code: 'not_validated', reason: `Déclaration non validée (statut : ${label}) : seules les heures validées comptent.` },
      );
      return;
    }
    let worked = declaration.workedMinutes;
    for (const [clauseId, minutes] of this.allocationsOf(declaration)) {
      this.ledger.exclude(raw('work', minutes), minutes, 'C10', 'allocated_to_other_clause', `Heures affectées à la clause ${clauseId} par une convention de mutualisation (C10).`);
      worked -= minutes;
    }
    const candidates = [
      raw('work', worked),
      raw('training', declaration.trainingMinutes ?? 0),
      raw('leave', declaration.leaveMinutes ?? 0),
      raw('company_hours', this.companyExtraMinutes(declaration)),
    ];
    const refusal = this.placementRefusal(this.placementOf(declaration), true);
    if (refusal) this.excludeAll(candidates, refusal);
    else this.pieces.push(...candidates.flatMap((piece) => this.route(piece)));
  }

  private collectPooled(): void {
    for (const declaration of this.validated) {
      const placement = this.placementOf(declaration);
      if (this.isOwn(placement) || this.duplicateOf.has(declaration.id)) continue;
      const incoming = this.allocationsOf(declaration).get(this.clause.id) ?? 0;
      if (incoming === 0) continue;
      const piece = this.pieceOf(declaration, 'work', incoming, 'pooling', placement.clauseId);
      const refusal: Refusal | null = this.rules.c10.enabled
        ? this.placementRefusal(placement, false)
        : { rule: 'C10', code: 'pooling_disabled', reason: 'Heures affectées par une convention de mutualisation, mais la mutualisation (C10) n’est pas retenue pour cette clause.' };
      if (refusal) this.excludeAll([piece], refusal);
      else this.pieces.push(piece);
    }
  }

  private excludeAll(pieces: readonly Piece[], refusal: Refusal): void {
    for (const piece of pieces) this.ledger.exclude(piece, piece.minutes, refusal.rule, refusal.code, refusal.reason);
  }

  /** Rules that take or leave a whole placement: C2 (new hires only), C1 (lot), C13, C6, C7. */
  private placementRefusal(placement: Placement, checkLot: boolean): Refusal | null {
    const rules = this.rules;
    if (rules.c2.enabled && rules.c2.newHiresOnly && placement.preexistingEmployee) {
      return { rule: 'C2', code: 'preexisting_employee', reason: 'Salarié déjà employé par le titulaire avant la clause : seuls les nouveaux recrutements comptent (C2).' };
    }
    if (checkLot && rules.c1.enabled && placement.lotId !== this.clause.lotId) {
      return { rule: 'C1', code: 'other_lot', reason: `Heures réalisées sur un autre lot (${placement.lotId}) que celui qui porte la clause (C1).` };
    }
    if (!rules.c13.enabled && placement.employerRole === 'subcontractor') {
      return { rule: 'C13', code: 'subcontractor_not_counted', reason: 'Les heures des sous-traitants ne comptent pas pour cette clause (C13 non retenue).' };
    }
    if (!rules.c6.enabled && STAFF_PROVISION_MODALITIES.includes(placement.modality)) {
      return { rule: 'C6', code: 'staff_provision_not_counted', reason: 'Les mises à disposition ne comptent pas pour cette clause (C6 non retenue).' };
    }
    if (!rules.c7.enabled && SUBCONTRACT_MODALITIES.includes(placement.modality)) {
      return { rule: 'C7', code: 'subcontract_not_counted', reason: 'La sous-traitance à une structure d’insertion ne compte pas pour cette clause (C7 non retenue).' };
    }
    return null;
  }

  /** C5 `company_hours_n_months`: hours a CDI hire worked elsewhere in the company. */
  private companyExtraMinutes(declaration: HourDeclaration): number {
    if (this.rules.c5.policy !== 'company_hours_n_months' || this.placementOf(declaration).contractType !== 'cdi') return 0;
    return Math.max(0, (declaration.companyMinutes ?? 0) - declaration.workedMinutes);
  }

  /** Gives each kind of minutes its rule: leave (C3), work-study training (C4), other training (C8). */
  private route(piece: Piece): Piece[] {
    if (piece.minutes <= 0) return [];
    const { placement } = piece;
    const isTrainingPlacement = placement.modality === 'training';
    const isWorkStudy = placement.contractType != null && WORK_STUDY_CONTRACT_TYPES.includes(placement.contractType);
    let kind = piece.kind;
    if (isTrainingPlacement && (kind === 'work' || kind === 'training')) kind = 'training';
    else if (kind === 'training' && isWorkStudy) kind = 'work_study_training';
    const routed = { ...piece, kind };
    if (kind === 'leave' && !this.rules.c3.countLeave) {
      this.ledger.exclude(routed, routed.minutes, 'C3', 'leave_not_counted', 'Congés payés, arrêts et absences ne sont pas des heures travaillées (C3).');
      return [];
    }
    if (kind === 'work_study_training' && !this.rules.c4.enabled) {
      this.ledger.exclude(routed, routed.minutes, 'C4', 'work_study_training_not_counted', 'Heures en centre de formation de l’alternance non retenues par la clause (C4).');
      return [];
    }
    if (kind === 'training' && !this.rules.c8.enabled) {
      this.ledger.exclude(routed, routed.minutes, 'C8', 'training_not_counted', 'Les heures de formation ne comptent pas pour cette clause (C8 non retenue).');
      return [];
    }
    return [routed];
  }

  // ------------------------------------------------------------ 2. working-day proration

  private eligibilityWindowsByParticipant(): Map<string, EligibilityWindow[]> {
    const policy = eligibilityPolicyOf(this.clause.rules);
    return new Map(
      [...groupBy(this.validations, (validation) => validation.participantId)].map(([participantId, own]) => [participantId, eligibilityWindows(own, policy)]),
    );
  }

  private clauseKey(day: IsoDate): DayKey | null {
    if (day < this.clause.startDate) return 'before_clause';
    if (day > this.clause.endDate) return 'after_clause';
    return null;
  }

  private eligibilityKey(day: IsoDate, windows: readonly EligibilityWindow[]): DayKey | null {
    if (!this.rules.c2.enabled || windows.some((window) => window.start <= day && day <= window.end)) return null;
    return windows.length > 0 && windows.every((window) => window.start > day) ? 'before_validation' : 'not_eligible';
  }

  /** C9 windows start on the first day that passes the clause period and eligibility. */
  private firstCountedDays(): Map<string, IsoDate> {
    const first = new Map<string, IsoDate>();
    for (const piece of this.pieces) {
      const participantId = piece.participantId as string;
      const reference = placementMonthRange(piece.placement, piece.month);
      if (!reference) continue;
      const windows = this.eligibility.get(participantId) ?? [];
      const outcome = prorate(piece.minutes, reference, { classify: (day) => this.clauseKey(day) ?? this.eligibilityKey(day, windows) });
      const day = outcome.counted > 0 ? outcome.firstCountedDay : null;
      const current = first.get(participantId);
      if (day && (!current || day < current)) first.set(participantId, day);
    }
    return first;
  }

  private windowEnd(participantId: string): IsoDate | null {
    const start = this.firstCounted.get(participantId);
    const months = this.rules.c9.windowMonths;
    return start && months !== null ? addDays(addMonths(start, months), -1) : null;
  }

  private prorateDays(piece: Piece): Piece[] {
    const participantId = piece.participantId as string;
    const reference = placementMonthRange(piece.placement, piece.month);
    if (!reference) {
      this.ledger.exclude(piece, piece.minutes, 'PLACEMENT_PERIOD', 'outside_placement', `Mois déclaré (${piece.month}) en dehors des dates de la mise en poste.`);
      return [];
    }
    const windows = this.eligibility.get(participantId) ?? [];
    const windowEnd = this.windowEnd(participantId);
    const cdiEnd = piece.kind === 'company_hours' ? addDays(addMonths(piece.placement.startDate, this.rules.c5.months), -1) : null;
    const outcome = prorate<DayKey>(piece.minutes, reference, {
      classify: (day) =>
        this.clauseKey(day) ??
        this.eligibilityKey(day, windows) ??
        (windowEnd !== null && day > windowEnd ? 'outside_window' : null) ??
        (cdiEnd !== null && day > cdiEnd ? 'cdi_period_over' : null),
    });
    for (const part of outcome.excluded) {
      const [rule, reason] = this.describeDayKey(part.key, windows, windowEnd);
      this.ledger.exclude(piece, part.minutes, rule, part.key, reason);
    }
    return outcome.counted > 0 ? [{ ...piece, minutes: outcome.counted }] : [];
  }

  private describeDayKey(key: DayKey, windows: readonly EligibilityWindow[], windowEnd: IsoDate | null): [ExclusionRule, string] {
    const prorata = 'au prorata des jours ouvrés';
    switch (key) {
      case 'before_clause':
        return ['CLAUSE_PERIOD', `Heures antérieures au début de la clause (${formatDateFr(this.clause.startDate)}), ${prorata}.`];
      case 'after_clause':
        return ['CLAUSE_PERIOD', `Heures postérieures à la fin de la clause (${formatDateFr(this.clause.endDate)}), ${prorata}.`];
      case 'before_validation': {
        const first = windows[0];
        return ['C2', `Heures antérieures à la validation de l’éligibilité${first ? ` (comptées à partir du ${formatDateFr(first.start)})` : ''}, ${prorata} (C2).`];
      }
      case 'not_eligible':
        return ['C2', windows.length === 0 ? 'Aucune éligibilité validée et justifiée pour cette personne (C2).' : `Heures hors de la période de validité de l’éligibilité, ${prorata} (C2).`];
      case 'outside_window':
        return ['C9', `Heures après la fin de la fenêtre de ${this.rules.c9.windowMonths ?? 0} mois de la personne (${windowEnd ? formatDateFr(windowEnd) : '—'}), ${prorata} (C9).`];
      case 'cdi_period_over':
        return ['C5', `Heures dans l’entreprise au-delà des ${this.rules.c5.months} mois valorisés du CDI (C5).`];
    }
  }

  // ------------------------------------------------------------ 3. C12 across clauses

  /**
   * Two validated declarations of this clause for one placement and month: only one counts (C12),
   * the one that would count the most, at the position of the first submitted. Choosing on what
   * counts (not on what was declared) keeps a new declaration from ever lowering the count.
   */
  private resolveOwnDuplicates(own: readonly Piece[]): void {
    const declared = own.filter((piece) => piece.source === 'declaration');
    for (const group of groupBy(declared, (piece) => `${piece.placementId}|${piece.month}`).values()) {
      const byDeclaration = groupBy(group, (piece) => piece.declarationId ?? '');
      if (byDeclaration.size < 2) continue;
      const ranked = [...byDeclaration].map(([id, pieces]) => ({
        id,
        pieces,
        minutes: pieces.reduce((total, piece) => total + piece.minutes, 0),
        orderKey: pieces[0]?.orderKey ?? '',
      }));
      const earliest = ranked.reduce((first, candidate) => (candidate.orderKey < first.orderKey ? candidate : first)).orderKey;
      const winner = ranked.reduce((best, candidate) =>
        candidate.minutes > best.minutes || (candidate.minutes === best.minutes && candidate.orderKey < best.orderKey) ? candidate : best,
      );
      for (const piece of winner.pieces) piece.orderKey = earliest;
      for (const loser of ranked) {
        if (loser === winner) continue;
        this.ownDuplicates.add(loser.id);
        for (const piece of loser.pieces) {
          this.cut(piece, piece.minutes, 'C12', 'duplicate_declaration', `Déclaration en double pour la même mise en poste et le même mois (comptée : ${winner.id}).`);
        }
      }
    }
  }


  private cut(piece: Piece, minutes: number, rule: ExclusionRule, code: ExclusionCode, reason: string): number {
    const taken = Math.max(0, Math.min(piece.minutes, minutes));
    this.ledger.exclude(piece, taken, rule, code, reason);
    piece.minutes -= taken;
    return taken;
  }

  /**
   * One person's month never holds more than the plausible maximum across all clauses. Declarations
   * are served in submission order; the excess falls on the one submitted last. Other clauses claim
   * what they declared (they may count it all), ours claim what the other rules left.
   */
  private applyPlausibleMaximum(own: readonly Piece[]): void {
    for (const [key, group] of groupBy(own, (piece) => `${piece.participantId}|${piece.month}`)) {
      const [participantId = '', month = ''] = key.split('|');
      const cap = participantMonthlyCapMinutes(
        this.placementsByParticipant.get(participantId) ?? [],
        month,
        this.rules.c12.monthlyCap,
        this.clause.rules.declarations.maxWeeklyMinutes,
      );
      const claims: { orderKey: string; minutes: number; pieces: Piece[]; clauseId: string }[] = [];
      for (const declaration of this.validatedByPersonMonth.get(key) ?? []) {
        if (this.duplicateOf.has(declaration.id) || this.ownDuplicates.has(declaration.id)) continue;
        const placement = this.placementOf(declaration);
        const allocations = this.allocationsOf(declaration);
        if (this.isOwn(placement)) {
          // Minutes this clause gave away are counted by their receiver, at the same position.
          for (const [clauseId, minutes] of allocations) claims.push({ orderKey: this.orderKey(declaration), minutes, pieces: [], clauseId });
        } else {
          const pooledHere = this.rules.c10.enabled ? (allocations.get(this.clause.id) ?? 0) : 0;
          claims.push({ orderKey: this.orderKey(declaration), minutes: declaredMinutes(declaration) - pooledHere, pieces: [], clauseId: placement.clauseId });
        }
      }
      for (const [orderKey, pieces] of groupBy(group, (piece) => piece.orderKey)) {
        claims.push({ orderKey, minutes: pieces.reduce((total, piece) => total + piece.minutes, 0), pieces, clauseId: this.clause.id });
      }
      // Stable sort: at equal position, other clauses' claims (pushed first) are served first.
      claims.sort((a, b) => compareKeys(a.orderKey, b.orderKey));
      let used = 0;
      const servedClauses = new Set<string>();
      for (const claim of claims) {
        const allowed = Math.max(0, cap - used);
        used += Math.min(claim.minutes, allowed);
        const excess = claim.minutes - allowed;
        if (excess > 0 && claim.pieces.length > 0) {
          const others = [...servedClauses].filter((id) => id !== this.clause.id);
          const reason =
            `Au-delà du maximum plausible de ${formatHours(cap)} pour la personne en ${month}` +
            (others.length > 0 ? `, heures déjà comptées sur la clause ${others.join(', ')} (C12).` : ' (C12).');
          let remaining = excess;
          for (const piece of [...claim.pieces].sort((a, b) => KIND_CUT_ORDER.indexOf(a.kind) - KIND_CUT_ORDER.indexOf(b.kind))) {
            remaining -= this.cut(piece, remaining, 'C12', 'above_plausible_maximum', reason);
          }
        }
        if (claim.minutes > 0) servedClauses.add(claim.clauseId);
      }
    }
  }

  // ------------------------------------------------------------ 4. C5 bonus and cumulative caps

  private addCdiBonuses(own: Piece[]): void {
    const { policy, bonusMinutes } = this.rules.c5;
    if (policy !== 'flat_bonus_hours' || bonusMinutes <= 0) return;
    const firstByPlacement = new Map<string, Piece>();
    for (const piece of own) {
      if (piece.placement.contractType !== 'cdi' || piece.minutes <= 0 || piece.source !== 'declaration') continue;
      const current = firstByPlacement.get(piece.placement.id);
      if (!current || piece.month < current.month) firstByPlacement.set(piece.placement.id, piece);
    }
    for (const piece of firstByPlacement.values()) {
      own.push({ ...piece, kind: 'cdi_bonus', source: 'cdi_bonus', declarationId: null, minutes: bonusMinutes });
    }
  }

  private applyCumulativeCaps(own: readonly Piece[]): void {
    const chronological = [...own].sort(
      (a, b) => compareKeys(a.month, b.month) || compareKeys(a.orderKey, b.orderKey) || KIND_CUT_ORDER.indexOf(b.kind) - KIND_CUT_ORDER.indexOf(a.kind),
    );
    const { c8, c9 } = this.rules;
    if (c8.enabled) {
      const perPerson = new Map<string, number>();
      const shareCap = c8.maxShareOfRequired === null ? null : Math.floor(c8.maxShareOfRequired * this.clause.requiredMinutes);
      let total = 0;
      for (const piece of chronological) {
        if (piece.kind !== 'training') continue;
        const participantId = piece.participantId as string;
        const usedByPerson = perPerson.get(participantId) ?? 0;
        const personCap = c8.maxMinutesPerParticipant;
        if (personCap !== null) {
          const reason = `Heures de formation au-delà du plafond de ${formatHours(personCap)} par personne (C8).`;
          this.cut(piece, piece.minutes - (personCap - usedByPerson), 'C8', 'training_cap_per_participant', reason);
        }
        if (shareCap !== null) {
          const reason = `Heures de formation au-delà du plafond de ${formatHours(shareCap)} pour la clause (C8).`;
          this.cut(piece, piece.minutes - (shareCap - total), 'C8', 'training_cap_share_of_required', reason);
        }
        perPerson.set(participantId, usedByPerson + piece.minutes);
        total += piece.minutes;
      }
    }
    if (c9.maxMinutesPerParticipant !== null) {
      const max = c9.maxMinutesPerParticipant;
      const perPerson = new Map<string, number>();
      for (const piece of chronological) {
        const participantId = piece.participantId as string;
        const used = perPerson.get(participantId) ?? 0;
        this.cut(piece, piece.minutes - (max - used), 'C9', 'participant_cap', `Au-delà du plafond de ${formatHours(max)} par personne (C9).`);
        perPerson.set(participantId, used + piece.minutes);
      }
    }
  }

  // ------------------------------------------------------------ 5. totals

  private summarise(bySubcontract: readonly SubcontractCount[]): CountingResult {
    const { counted, excluded } = this.ledger;
    const sum = (slices: readonly { minutes: number }[]): number => slices.reduce((total, slice) => total + slice.minutes, 0);
    const countedMinutes = sum(counted);
    const perParticipant = new Map<string, number>();
    for (const slice of excluded) if (slice.participantId !== null) perParticipant.set(slice.participantId, 0);
    for (const slice of counted) {
      if (slice.participantId !== null) perParticipant.set(slice.participantId, (perParticipant.get(slice.participantId) ?? 0) + slice.minutes);
    }
    const months = new Map<YearMonth, number>();
    for (const slice of excluded) months.set(slice.month, 0);
    for (const slice of counted) months.set(slice.month, (months.get(slice.month) ?? 0) + slice.minutes);
    const byRule = new Map<ExclusionRule, number>();
    for (const slice of excluded) byRule.set(slice.rule, (byRule.get(slice.rule) ?? 0) + slice.minutes);
    return {
      clauseId: this.clause.id,
      requiredMinutes: this.clause.requiredMinutes,
      countedMinutes,
      surplusMinutes: Math.max(0, countedMinutes - this.clause.requiredMinutes),
      shortfallMinutes: Math.max(0, this.clause.requiredMinutes - countedMinutes),
      byParticipant: [...perParticipant]
        .map(([participantId, minutes]) => ({
          participantId,
          countedMinutes: minutes,
          firstCountedDay: minutes > 0 ? (this.firstCounted.get(participantId) ?? null) : null,
          windowEnd: minutes > 0 ? this.windowEnd(participantId) : null,
        }))
        .sort((a, b) => compareKeys(a.participantId, b.participantId)),
      byModality: MODALITIES.map((modality) => ({ modality, countedMinutes: sum(counted.filter((slice) => slice.modality === modality)) })),
      byMonth: [...months].sort(([a], [b]) => compareKeys(a, b)).map(([month, minutes]) => ({ month, countedMinutes: minutes })),
      bySubcontract,
      excludedByRule: [...byRule].map(([rule, minutes]) => ({ rule, minutes })),
      counted,
      excluded,
    };
  }
}
