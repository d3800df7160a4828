import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonthsToMonth, monthOf } from './calendar.js';
import { countClauseHours, type CountingResult } from './counting.js';
import { participantMonthlyCapMinutes } from './plausibility.js';
import { unwrap } from './result.js';
import type { EligibilityValidation, HourDeclaration, Placement } from './schemas.js';
import { aClause, aDeclaration, aPlacement, aValidation } from './test-factories.js';
import { CONTRACT_TYPES, MODALITIES, type Modality } from './vocabulary.js';

// Scenarios inside 2025: clauses of one year, shorter than the 24-month C9 window.
const CLAUSES = [aClause({ id: 'clause-1', lotId: 'lot-1' }), aClause({ id: 'clause-2', lotId: 'lot-2' })];
const PARTICIPANTS = ['p-1', 'p-2', 'p-3'];
const dayOf2025 = fc.integer({ min: 0, max: 364 }).map((offset) => addDays('2025-01-01', offset));

const placementArb = fc.record({
  participantId: fc.constantFrom(...PARTICIPANTS),
  clauseIndex: fc.integer({ min: 0, max: 3 }).map((value) => (value === 3 ? 1 : 0)),
  otherLot: fc.integer({ min: 0, max: 4 }).map((value) => value === 0),
  // Mostly direct hires and staff provision, as in the field; every modality still appears.
  modality: fc.oneof({ weight: 4, arbitrary: fc.constant<Modality>('direct_hire') }, { weight: 2, arbitrary: fc.constant<Modality>('etti') }, { weight: 1, arbitrary: fc.constantFrom(...MODALITIES) }),
  contractType: fc.constantFrom(...CONTRACT_TYPES),
  start: fc.integer({ min: 0, max: 300 }).map((offset) => addDays('2025-01-01', offset)),
  duration: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
  weeklyMinutes: fc.option(fc.integer({ min: 600, max: 2880 }), { nil: null }),
  preexisting: fc.integer({ min: 0, max: 9 }).map((value) => value === 0),
});

const validationArb = fc.record({
  participantId: fc.constantFrom(...PARTICIPANTS),
  validatedAt: fc.integer({ min: -90, max: 150 }).map((offset) => addDays('2025-01-01', offset)),
  proofAge: fc.integer({ min: 0, max: 100 }),
});

const declarationArb = fc.record({
  placementIndex: fc.nat(),
  // Relative to the placement's first month: mostly inside it, sometimes before.
  monthOffset: fc.integer({ min: -1, max: 5 }),
  workedMinutes: fc.integer({ min: 0, max: 15_000 }),
  trainingMinutes: fc.integer({ min: 0, max: 3000 }),
  leaveMinutes: fc.integer({ min: 0, max: 2000 }),
  status: fc.constantFrom('validated', 'validated', 'validated', 'validated', 'submitted', 'draft') as fc.Arbitrary<HourDeclaration['status']>,
  submittedAt: dayOf2025,
});

type DeclarationSpec = typeof declarationArb extends fc.Arbitrary<infer T> ? T : never;

interface Scenario {
  placements: Placement[];
  validations: EligibilityValidation[];
  declarations: HourDeclaration[];
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    placements: fc.array(placementArb, { minLength: 1, maxLength: 5 }),
    validations: fc.array(validationArb, { minLength: 2, maxLength: 5 }),
    declarations: fc.array(declarationArb, { minLength: 1, maxLength: 14 }),
  })
  .map(({ placements, validations, declarations }) => {
    const builtPlacements = placements.map((spec, index) => {
      const clause = CLAUSES[spec.clauseIndex] ?? CLAUSES[0];
      return aPlacement({
        id: `mp-${index}`,
        participantId: spec.participantId,
        clauseId: clause?.id,
        lotId: spec.otherLot ? 'lot-x' : clause?.lotId,
        modality: spec.modality,
        contractType: spec.contractType,
        startDate: spec.start,
        endDate: spec.duration === null ? null : addDays(spec.start, spec.duration),
        weeklyMinutes: spec.weeklyMinutes,
        preexistingEmployee: spec.preexisting,
      });
    });
    return {
      placements: builtPlacements,
      validations: validations.map((spec, index) =>
        aValidation({
          id: `v-${index}`,
          participantId: spec.participantId,
          validatedAt: spec.validatedAt,
          criteria: [{ code: 'RSA', proofDate: addDays(spec.validatedAt, -spec.proofAge), proofDocumentId: `rsa-${index}` }],
        }),
      ),
      declarations: declarations.map((spec, index) => toDeclaration(spec, `d-${index}`, builtPlacements)),
    };
  });

function toDeclaration(spec: DeclarationSpec, id: string, placements: readonly Placement[]): HourDeclaration {
  const placement = placements[spec.placementIndex % placements.length] as Placement;
  return aDeclaration({
    id,
    placementId: placement.id,
    month: [addMonthsToMonth(monthOf(placement.startDate), spec.monthOffset)].map((month) => (month < '2025-01' ? '2025-01' : month > '2025-12' ? '2025-12' : month))[0],
    workedMinutes: spec.workedMinutes,
    trainingMinutes: spec.trainingMinutes,
    leaveMinutes: spec.leaveMinutes,
    status: spec.status,
    submittedAt: spec.submittedAt,
  });
}

function countFor(clauseIndex: number, scenario: Scenario): CountingResult {
  return unwrap(
    countClauseHours({
      clause: CLAUSES[clauseIndex] ?? aClause(),
      placements: scenario.placements,
      declarations: scenario.declarations,
      eligibilityValidations: scenario.validations,
    }),
  );
}

function ownDeclarations(clauseId: string, scenario: Scenario): HourDeclaration[] {
  const own = new Set(scenario.placements.filter((placement) => placement.clauseId === clauseId).map((placement) => placement.id));
  return scenario.declarations.filter((declaration) => own.has(declaration.placementId));
}

const declared = (declaration: HourDeclaration): number =>
  declaration.workedMinutes + (declaration.trainingMinutes ?? 0) + (declaration.leaveMinutes ?? 0);

describe('comptage — propriétés', () => {
  it('les heures comptées ne dépassent jamais la somme des minutes validées', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const result = countFor(0, scenario);
        const validated = ownDeclarations('clause-1', scenario)
          .filter((declaration) => declaration.status === 'validated')
          .reduce((total, declaration) => total + declared(declaration), 0);
        expect(result.countedMinutes).toBeLessThanOrEqual(validated);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('toute minute déclarée est soit comptée, soit exclue par une règle nommée', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const result = countFor(0, scenario);
        const excluded = result.excluded.reduce((total, slice) => total + slice.minutes, 0);
        const all = ownDeclarations('clause-1', scenario).reduce((total, declaration) => total + declared(declaration), 0);
        expect(result.countedMinutes + excluded).toBe(all);
        expect(result.excluded.every((slice) => slice.minutes > 0 && slice.reason.length > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  // On another clause, a declaration submitted earlier legitimately takes the hours first (C12).
  it('ajouter une déclaration validée à la clause ne fait jamais baisser ses heures comptées', () => {
    fc.assert(
      fc.property(scenarioArb, declarationArb, (scenario, extraSpec) => {
        const own = scenario.placements.filter((placement) => placement.clauseId === 'clause-1');
        fc.pre(own.length > 0);
        const before = countFor(0, scenario).countedMinutes;
        const extra = toDeclaration({ ...extraSpec, status: 'validated' }, 'd-extra', own);
        const after = countFor(0, { ...scenario, declarations: [...scenario.declarations, extra] }).countedMinutes;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('une même heure-personne n’est jamais comptée deux fois : par personne et par mois, le total des clauses reste sous le maximum plausible', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const totals = new Map<string, number>();
        for (const index of [0, 1]) {
          for (const slice of countFor(index, scenario).counted) {
            const key = `${slice.participantId}|${slice.month}`;
            totals.set(key, (totals.get(key) ?? 0) + slice.minutes);
          }
        }
        const rules = CLAUSES[0]?.rules;
        for (const [key, minutes] of totals) {
          const [participantId, month] = key.split('|') as [string, string];
          const placements = scenario.placements.filter((placement) => placement.participantId === participantId);
          const cap = participantMonthlyCapMinutes(placements, month, 'contract_hours', rules?.declarations.maxWeeklyMinutes ?? 2880);
          expect(minutes).toBeLessThanOrEqual(cap);
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
