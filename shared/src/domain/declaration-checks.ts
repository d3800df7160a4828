/**
 * Checks run when a facilitator validates a monthly declaration (decisions.md §8). Each problem is a
 * named violation; errors block the validation, warnings inform it.
 */
import { z } from 'zod';
import { monthOf, type YearMonth } from './calendar.js';
import { eligibilityPolicyOf, eligibilityWindows, type EligibilityWindow } from './eligibility.js';
import { formatHours } from './format.js';
import { participantMonthlyCapMinutes, placementMonthlyMaxMinutes, placementMonthRange, plausibleMinutes } from './plausibility.js';
import { referenceDays } from './proration.js';
import { andThen, fail, ok, validateWith, makeViolation, type Result } from './result.js';
import {
  insertionClauseSchema,
  eligibilityValidationSchema,
  hourDeclarationSchema,
  isoDateField,
  listField,
  placementSchema,
  type HourDeclaration,
  type InsertionClause,
  type Placement,
} from './schemas.js';
import { groupBy } from './collections.js';

export type DeclarationViolationCode =
  | 'period_outside_placement'
  | 'period_in_future'
  | 'other_lot'
  | 'eligibility_not_valid'
  | 'eligibility_partial'
  | 'above_plausible_maximum'
  | 'above_weekly_legal_maximum'
  | 'proof_missing'
  | 'duplicate_declaration'
  | 'double_counting';

export interface DeclarationViolation {
  readonly code: DeclarationViolationCode;
  readonly severity: 'error' | 'warning';
  readonly path: string;
  readonly message: string;
}

export interface DeclarationCheck {
  /** True when no violation is an error: the facilitator may validate. */
  readonly acceptable: boolean;
  readonly violations: readonly DeclarationViolation[];
}

const declarationCheckInputSchema = z.object({
  declaration: hourDeclarationSchema,
  clause: insertionClauseSchema,
  /** Every placement of the participant (any clause), the declaration's one included. */
  placements: listField(placementSchema, 'Mises en poste'),
  /** The participant's other declarations, any clause and status. */
  otherDeclarations: listField(hourDeclarationSchema, 'Autres déclarations'),
  eligibilityValidations: listField(eligibilityValidationSchema, 'Validations d’éligibilité'),
  today: isoDateField('Date du jour'),
});
export type DeclarationCheckInput = z.input<typeof declarationCheckInputSchema>;

/** Statuses that mean "these hours are claimed" for the duplicate and double-counting checks. */
const CLAIMING: ReadonlySet<HourDeclaration['status']> = new Set(['submitted', 'validated', 'corrected']);

export function checkDeclaration(input: DeclarationCheckInput): Result<DeclarationCheck> {
  return andThen(validateWith(declarationCheckInputSchema, input), (parsed): Result<DeclarationCheck> => {
    const { declaration, placements } = parsed;
    const placement = placements.find((candidate) => candidate.id === declaration.placementId);
    if (!placement) {
      return fail([makeViolation('unknown_placement', 'declaration.placementId', `La mise en poste ${declaration.placementId} est introuvable.`)]);
    }
    const participantPlacements = placements.filter((candidate) => candidate.participantId === placement.participantId);
    return ok(
      evaluate({
        declaration,
        clause: parsed.clause,
        placement,
        participantPlacements,
        sameMonthOthers: parsed.otherDeclarations.filter((other) => other.id !== declaration.id && other.month === declaration.month),
        windows: eligibilityWindows(
          parsed.eligibilityValidations.filter((validation) => validation.participantId === placement.participantId),
          eligibilityPolicyOf(parsed.clause.rules),
        ),
        today: parsed.today,
      }),
    );
  });
}

const declarationBatchInputSchema = z.object({
  clause: insertionClauseSchema,
  /** The declarations to check, all on placements of this clause. */
  declarations: listField(hourDeclarationSchema, 'Déclarations à contrôler'),
  /** Every placement of the participants concerned (any clause). */
  placements: listField(placementSchema, 'Mises en poste'),
  /** The participants' other declarations, any clause and status (those being checked are added). */
  otherDeclarations: listField(hourDeclarationSchema, 'Autres déclarations'),
  eligibilityValidations: listField(eligibilityValidationSchema, 'Validations d’éligibilité'),
  today: isoDateField('Date du jour'),
});
export type DeclarationBatchCheckInput = z.input<typeof declarationBatchInputSchema>;

/**
 * The same checks for many declarations of one clause (a monthly statement, an import of 100 000
 * lines): the shared inputs are validated and indexed once. The declarations of the batch count as
 * "other declarations" for one another, so a person declared twice in one file is caught (C12).
 */
export function checkDeclarations(input: DeclarationBatchCheckInput): Result<readonly DeclarationCheck[]> {
  return andThen(validateWith(declarationBatchInputSchema, input), (parsed): Result<readonly DeclarationCheck[]> => {
    const placementsById = new Map(parsed.placements.map((placement) => [placement.id, placement]));
    const unknown = parsed.declarations.flatMap((declaration, index) =>
      placementsById.has(declaration.placementId)
        ? []
        : [makeViolation('unknown_placement', `declarations.${index}.placementId`, `La mise en poste ${declaration.placementId} est introuvable.`)],
    );
    if (unknown.length > 0) return fail(unknown);
    const byParticipant = groupBy(parsed.placements, (placement) => placement.participantId);
    const policy = eligibilityPolicyOf(parsed.clause.rules);
    const validations = groupBy(parsed.eligibilityValidations, (validation) => validation.participantId);
    const windowsOf = new Map<string, readonly EligibilityWindow[]>();
    const checked = new Set(parsed.declarations.map((declaration) => declaration.id));
    const personMonthKey = (declaration: HourDeclaration): string =>
      `${placementsById.get(declaration.placementId)?.participantId ?? ''}|${declaration.month}`;
    const claims = groupBy(
      [...parsed.otherDeclarations.filter((other) => !checked.has(other.id)), ...parsed.declarations],
      personMonthKey,
    );
    return ok(
      parsed.declarations.map((declaration) => {
        const placement = placementsById.get(declaration.placementId) as Placement;
        let windows = windowsOf.get(placement.participantId);
        if (!windows) {
          windows = eligibilityWindows(validations.get(placement.participantId) ?? [], policy);
          windowsOf.set(placement.participantId, windows);
        }
        return evaluate({
          declaration,
          clause: parsed.clause,
          placement,
          participantPlacements: byParticipant.get(placement.participantId) ?? [],
          sameMonthOthers: (claims.get(personMonthKey(declaration)) ?? []).filter((other) => other.id !== declaration.id),
          windows,
          today: parsed.today,
        });
      }),
    );
  });
}

interface CheckFacts {
  readonly declaration: HourDeclaration;
  readonly clause: InsertionClause;
  readonly placement: Placement;
  /** Every placement of the declaration's participant, any clause. */
  readonly participantPlacements: readonly Placement[];
  /** Other declarations of the same month (any participant: only the participant's placements are looked at). */
  readonly sameMonthOthers: readonly HourDeclaration[];
  readonly windows: readonly EligibilityWindow[];
  readonly today: string;
}

/**
 * "Rien à déclarer ce mois-ci": a month transmitted with no hour at all (no work, no training, no
 * attestation, no invoice). It meets the deadline like any transmitted declaration (deadlines.ts) and
 * counts nothing, so there is nothing to prove and no eligibility to check.
 */
export function declaresNothing(declaration: HourDeclaration): boolean {
  return declaration.workedMinutes === 0 && !declaration.trainingMinutes && !declaration.attestedMinutes && !declaration.invoiceCents;
}

function evaluate(facts: CheckFacts): DeclarationCheck {
  const { declaration, clause, placement, participantPlacements, windows, today } = facts;
  const found: DeclarationViolation[] = [];
  const add = (code: DeclarationViolationCode, severity: 'error' | 'warning', path: string, message: string): void => {
    found.push({ code, severity, path, message });
  };
  const month: YearMonth = declaration.month;
  const minutes = declaration.workedMinutes + (declaration.trainingMinutes ?? 0);
  const maxWeekly = clause.rules.declarations.maxWeeklyMinutes;

  if (month > monthOf(today)) add('period_in_future', 'error', 'declaration.month', `La période ${month} n’est pas encore commencée.`);
  if (placement.lotId !== clause.lotId && clause.rules.counting.c1.enabled) {
    add('other_lot', 'error', 'declaration.placementId', 'Les heures déclarées portent sur un autre lot que celui de la clause (C1).');
  }

  const reference = placementMonthRange(placement, month);
  if (!reference) {
    add('period_outside_placement', 'error', 'declaration.month', `La période ${month} est en dehors des dates de la mise en poste.`);
  } else {
    // Eligibility at the period: every reference day should be covered.
    const days = referenceDays(reference);
    // One window covering the whole period is the usual case: no need to look at each day.
    const covered = windows.some((window) => window.start <= reference.start && reference.end <= window.end);
    const eligibleDays = covered
      ? days.length
      : days.filter((day) => windows.some((window) => window.start <= day && day <= window.end)).length;
    if (declaresNothing(declaration)) {
      // Nothing declared: nothing to count, so eligibility does not matter.
    } else if (clause.rules.counting.c2.enabled && eligibleDays === 0) {
      add('eligibility_not_valid', 'error', 'declaration.month', `Aucune éligibilité valide sur la période ${month} : ces heures ne compteront pas.`);
    } else if (clause.rules.counting.c2.enabled && eligibleDays < days.length) {
      add('eligibility_partial', 'warning', 'declaration.month', `Éligibilité valide sur ${eligibleDays} jour(s) ouvré(s) sur ${days.length} : le reste sera exclu au prorata.`);
    }

    const legal = plausibleMinutes(maxWeekly, reference, month);
    const contract = placementMonthlyMaxMinutes(placement, month, maxWeekly);
    if (minutes > legal) {
      add(
        'above_weekly_legal_maximum',
        'error',
        'declaration.workedMinutes',
        `${formatHours(minutes)} déclarées : plus que ${formatHours(maxWeekly)} par semaine sur la période (maximum ${formatHours(legal)}).`,
      );
    } else if (placement.weeklyMinutes != null && minutes > contract) {
      add(
        'above_plausible_maximum',
        'error',
        'declaration.workedMinutes',
        `${formatHours(minutes)} déclarées pour un contrat de ${formatHours(placement.weeklyMinutes)} par semaine (maximum plausible ${formatHours(contract)}).`,
      );
    }
  }

  if (clause.rules.declarations.requireProof && !declaresNothing(declaration) && (declaration.proofDocumentIds ?? []).length === 0) {
    add('proof_missing', 'error', 'declaration.proofDocumentIds', 'Justificatif manquant (relevé d’heures, bulletin de salaire ou relevé de mission).');
  }

  const others = facts.sameMonthOthers.filter((other) => other.id !== declaration.id && other.month === month && CLAIMING.has(other.status));
  const duplicate = others.find((other) => other.placementId === declaration.placementId);
  if (duplicate) {
    add('duplicate_declaration', 'error', 'declaration.month', `Une déclaration existe déjà pour cette mise en poste et la période ${month} (${duplicate.id}).`);
  }
  const otherPlacements = new Set(participantPlacements.map((candidate) => candidate.id));
  const elsewhere = others
    .filter((other) => other.placementId !== declaration.placementId && otherPlacements.has(other.placementId))
    .reduce((total, other) => total + other.workedMinutes + (other.trainingMinutes ?? 0), 0);
  const personCap = participantMonthlyCapMinutes(participantPlacements, month, clause.rules.counting.c12.monthlyCap, maxWeekly);
  if (elsewhere > 0 && minutes + elsewhere > personCap) {
    add(
      'double_counting',
      'error',
      'declaration.workedMinutes',
      `Avec les ${formatHours(elsewhere)} déjà déclarées ailleurs pour cette personne en ${month}, le total dépasse ` +
        `le maximum plausible (${formatHours(personCap)}) : une même heure ne peut compter deux fois (C12).`,
    );
  }

  return { acceptable: found.every((item) => item.severity !== 'error'), violations: found };
}
