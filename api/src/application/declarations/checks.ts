import type { EntityManager } from '@mikro-orm/postgresql';
import { checkDeclarations, groupBy, type Finding, type HourDeclaration } from '@app/shared';
import {
  domainDeclaration,
  participantsDeclarations,
  participantsEligibility,
  participantsPlacements,
  type PlacementFacts,
} from '../../infra/declaration-facts.js';
import { errors } from '../errors.js';
import { findingsOf } from './findings.js';

export interface CheckRequest {
  facts: PlacementFacts;
  /** The declaration as it would stand (its id: the recorded one, or the one it will get). */
  declaration: HourDeclaration;
}

/**
 * Runs the domain's declaration checks on many declarations at once (one call per clause), with
 * what they need around them: every placement, eligibility validation and declaration of the same
 * people for the same months, whoever holds them. Returns the findings by declaration id.
 */
export async function checkAll(em: EntityManager, requests: readonly CheckRequest[], today: string): Promise<Map<string, Finding[]>> {
  const findings = new Map<string, Finding[]>();
  if (requests.length === 0) return findings;
  const participants = [...new Set(requests.map((request) => request.facts.participantId))];
  const months = [...new Set(requests.map((request) => request.declaration.month))];
  // Inside a transaction they share one connection: one after the other. Outside (a declaration
  // being transmitted), at once on the pool's connections: the latency of one round trip, not three.
  let placements: Awaited<ReturnType<typeof participantsPlacements>>;
  let validations: Awaited<ReturnType<typeof participantsEligibility>>;
  let recorded: Awaited<ReturnType<typeof participantsDeclarations>>;
  if (em.isInTransaction()) {
    placements = await participantsPlacements(em, participants);
    validations = await participantsEligibility(em, participants);
    recorded = await participantsDeclarations(em, participants, months);
  } else {
    [placements, validations, recorded] = await Promise.all([
      participantsPlacements(em, participants),
      participantsEligibility(em, participants),
      participantsDeclarations(em, participants, months),
    ]);
  }
  const placementsOf = groupBy(placements, (placement) => placement.participantId);
  const validationsOf = groupBy(validations, (validation) => validation.participantId);
  const recordedOf = groupBy(recorded, (row) => row.participant_id);

  for (const group of groupBy(requests, (request) => request.facts.clause.id).values()) {
    const people = [...new Set(group.map((request) => request.facts.participantId))];
    const result = checkDeclarations({
      clause: group[0]!.facts.clause,
      declarations: group.map((request) => request.declaration),
      placements: people.flatMap((id) => placementsOf.get(id) ?? []),
      otherDeclarations: people.flatMap((id) => recordedOf.get(id) ?? []).map(domainDeclaration),
      eligibilityValidations: people.flatMap((id) => validationsOf.get(id) ?? []),
      today,
    });
    if (!result.ok) throw errors.ruleViolation(result.violations[0]?.code ?? 'checks', result.violations.map((violation) => violation.message).join(' '));
    result.value.forEach((check, index) => findings.set(group[index]!.declaration.id, findingsOf(check)));
  }
  return findings;
}
