/** Slices of counted and excluded minutes: the data every counting rule produces (decisions.md §7). */
import type { YearMonth } from './calendar.js';
import type { Modality } from './vocabulary.js';

/** The rule behind an exclusion: C1–C13, or the structural checks that frame them. */
export type ExclusionRule =
  | 'C1'
  | 'C2'
  | 'C3'
  | 'C4'
  | 'C5'
  | 'C6'
  | 'C7'
  | 'C8'
  | 'C9'
  | 'C10'
  | 'C12'
  | 'C13'
  | 'NOT_VALIDATED'
  | 'PLACEMENT_PERIOD'
  | 'CLAUSE_PERIOD';

/** Finer reason behind an exclusion, stable for filters and translations. */
export type ExclusionCode =
  | 'not_validated'
  | 'duplicate_declaration'
  | 'leave_not_counted'
  | 'work_study_training_not_counted'
  | 'training_not_counted'
  | 'training_cap_per_participant'
  | 'training_cap_share_of_required'
  | 'preexisting_employee'
  | 'other_lot'
  | 'subcontractor_not_counted'
  | 'staff_provision_not_counted'
  | 'subcontract_not_counted'
  | 'allocated_to_other_clause'
  | 'pooling_disabled'
  | 'outside_placement'
  | 'before_clause'
  | 'after_clause'
  | 'before_validation'
  | 'not_eligible'
  | 'outside_window'
  | 'participant_cap'
  | 'cdi_period_over'
  | 'above_plausible_maximum'
  | 'siae_capped_at_converted'

/** What kind of minutes a slice holds. */
export type SliceKind =
  | 'work'
  | 'leave'
  | 'work_study_training'
  | 'training'
  | 'company_hours'
  | 'cdi_bonus'
  | 'siae_attested'
  | 'siae_converted';

export type SliceSource = 'declaration' | 'pooling' | 'cdi_bonus' | 'siae_subcontract';

export interface SliceOrigin {
  readonly month: YearMonth;
  readonly kind: SliceKind;
  readonly modality: Modality;
  readonly participantId: string | null;
  readonly placementId: string | null;
  readonly declarationId: string | null;
  readonly subcontractId: string | null;
  /** Clause that declared the hours, when they come through a pooling agreement (C10). */
  readonly pooledFromClauseId: string | null;
}

export interface CountedSlice extends SliceOrigin {
  readonly source: SliceSource;
  readonly minutes: number;
}

export interface ExcludedSlice extends SliceOrigin {
  readonly rule: ExclusionRule;
  readonly code: ExclusionCode;
  /** French explanation for the facilitator and the contractor. */
  readonly reason: string;
  readonly minutes: number;
}

/** Collects the slices of one counting run. */
export class Ledger {
  readonly counted: CountedSlice[] = [];
  readonly excluded: ExcludedSlice[] = [];

  exclude(origin: SliceOrigin, minutes: number, rule: ExclusionRule, code: ExclusionCode, reason: string): void {
    if (minutes <= 0) return;
    this.excluded.push({
      month: origin.month,
      kind: origin.kind,
      modality: origin.modality,
      participantId: origin.participantId,
      placementId: origin.placementId,
      declarationId: origin.declarationId,
      subcontractId: origin.subcontractId,
      pooledFromClauseId: origin.pooledFromClauseId,
      rule,
      code,
      reason,
      minutes,
    });
  }
}
