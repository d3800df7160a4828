import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  CandidateProposalSchema, CommuneSchema, JobNeedSchema, ParticipantSchema, PlacementSchema, type CandidateProposalEntity,
} from '@app/db';
import {
  PROPOSAL_STATUS_LABELS, type ContractorProposalDto, type ProposalDto, type ProposalStatus,
  type proposalAnswerInputSchema, type proposalInputSchema, type proposalWithdrawInputSchema,
} from '@app/shared';
import type { z } from 'zod';
import type { Actor, RequestMeta } from './actor.js';
import { errors } from './errors.js';
import { findJobNeed, jobNeedViews } from './job-needs.js';
import { findParticipant } from './participants.js';
import { assessOneCandidate } from './candidates.js';
import { scoped } from '../infra/scope.js';
import { audit } from '../infra/audit.js';

/** Open proposals block a second one for the same need and person (see the partial unique index). */
const OPEN: ProposalStatus[] = ['proposed', 'accepted'];

const iso = (d: Date | string | null | undefined): string | null => (d == null ? null : d instanceof Date ? d.toISOString() : String(d));

async function facilitatorViews(em: EntityManager, rows: CandidateProposalEntity[]): Promise<ProposalDto[]> {
  if (rows.length === 0) return [];
  const people = await em.find(ParticipantSchema, { id: { $in: [...new Set(rows.map((r) => r.participant.id))] } });
  const personBy = new Map(people.map((p) => [p.id, p]));
  const placements = await em.find(PlacementSchema, {
    jobNeedId: { $in: [...new Set(rows.map((r) => r.jobNeed.id))] },
    participant: { $in: people.map((p) => p.id) },
  });
  return rows.map((r) => {
    const person = personBy.get(r.participant.id)!;
    const placement = placements.find((pl) => pl.jobNeedId === r.jobNeed.id && pl.participant.id === r.participant.id);
    return {
      id: r.id,
      jobNeedId: r.jobNeed.id,
      participant: { id: person.id, lastName: person.lastName, firstName: person.firstName },
      jobMatch: r.jobMatch as ProposalDto['jobMatch'],
      eligibleUntil: r.eligibleUntil,
      status: r.status as ProposalStatus,
      proposedAt: iso(r.proposedAt)!,
      proposedByName: r.proposedByName,
      answerReason: r.answerReason ?? null,
      answeredAt: iso(r.answeredAt),
      answeredByName: r.answeredByName ?? null,
      placementId: placement?.id ?? null,
      version: r.version,
    };
  });
}

/** The contractor's view: first name and initial, commune, job match, availability, "eligible until" — nothing else. */
async function contractorViews(em: EntityManager, rows: CandidateProposalEntity[]): Promise<ContractorProposalDto[]> {
  if (rows.length === 0) return [];
  const [people, needs] = await Promise.all([
    em.find(ParticipantSchema, { id: { $in: [...new Set(rows.map((r) => r.participant.id))] } }),
    em.find(JobNeedSchema, { id: { $in: [...new Set(rows.map((r) => r.jobNeed.id))] } }),
  ]);
  const codes = [...new Set(people.map((p) => p.communeCode).filter((c): c is string => Boolean(c)))];
  const communes = codes.length ? await em.find(CommuneSchema, { code: { $in: codes } }) : [];
  const communeBy = new Map(communes.map((c) => [c.code, c.name]));
  const personBy = new Map(people.map((p) => [p.id, p]));
  const needBy = new Map((await jobNeedViews(em, needs)).map((n) => [n.id, n]));
  return rows.map((r) => {
    const person = personBy.get(r.participant.id)!;
    const need = needBy.get(r.jobNeed.id)!;
    const initial = person.lastName.trim().charAt(0).toLocaleUpperCase('fr-FR');
    return {
      id: r.id,
      need: {
        id: need.id, lotTitle: need.lot.title, appellationLabel: need.appellation.label, siteName: need.site.name,
        startDate: need.startDate, endDate: need.endDate, weeklyMinutes: need.weeklyMinutes,
      },
      candidate: {
        displayName: initial ? `${person.firstName} ${initial}.` : person.firstName,
        commune: person.communeCode ? (communeBy.get(person.communeCode) ?? person.communeCode) : null,
        jobMatch: r.jobMatch as ContractorProposalDto['candidate']['jobMatch'],
        availableFrom: person.availableFrom,
        eligibleUntil: r.eligibleUntil,
      },
      status: r.status as ProposalStatus,
      proposedAt: iso(r.proposedAt)!,
      answerReason: r.answerReason ?? null,
      answeredAt: iso(r.answeredAt),
      version: r.version,
    };
  });
}

async function flushOrConflict(em: EntityManager, message: string): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError || error instanceof UniqueConstraintViolationException) throw errors.conflict(message);
    throw error;
  }
}

const stale = 'Cette proposition a été modifiée entre-temps (réponse de l’entreprise ou retrait) : rechargez la page.';

async function findProposal(em: EntityManager, actor: Actor, id: string): Promise<CandidateProposalEntity> {
  const proposal = await em.findOne(CandidateProposalSchema, scoped(actor, 'CandidateProposal', { id }));
  if (!proposal) throw errors.notFound('Proposition');
  return proposal;
}

/**
 * The facilitator proposes one of the need's candidates to the contractor holding the lot. The person
 * must still be a candidate under the ranking's rules (422 with the reason otherwise); a second open
 * proposal for the same need and person is a 409.
 */
export async function proposeCandidate(
  em: EntityManager, actor: Actor, meta: RequestMeta, needId: string, input: z.output<typeof proposalInputSchema>, today: string,
): Promise<ProposalDto> {
  const need = await findJobNeed(em, actor, needId);
  if (need.status !== 'open') throw errors.conflict('Ce besoin n’est plus ouvert.');
  const participant = await findParticipant(em, actor, input.participantId);
  const duplicate = `${participant.firstName} ${participant.lastName} est déjà proposé·e à l’entreprise pour ce besoin.`;
  if (await em.count(CandidateProposalSchema, { jobNeed: need.id, participant: participant.id, status: { $in: OPEN } })) throw errors.conflict(duplicate);
  const candidate = await assessOneCandidate(em, need, actor.organisationId, participant.id, today);
  const proposal = em.create(CandidateProposalSchema, {
    id: randomUUID(),
    jobNeed: need.id,
    lot: need.lot.id,
    organisation: actor.organisationId,
    participant: participant.id,
    jobMatch: candidate.jobMatch.level,
    eligibleUntil: candidate.eligibleUntil,
    proposedBy: actor.userId,
    proposedByName: actor.fullName,
    status: 'proposed',
  });
  audit(em, actor, meta, {
    action: 'propose', entityType: 'CandidateProposal', entityId: proposal.id,
    after: { jobNeedId: need.id, participantId: participant.id, lotId: need.lot.id, status: 'proposed' },
  });
  await flushOrConflict(em, duplicate);
  return (await facilitatorViews(em, [proposal]))[0]!;
}

export async function listNeedProposals(em: EntityManager, actor: Actor, needId: string): Promise<{ items: ProposalDto[] }> {
  const need = await findJobNeed(em, actor, needId);
  const rows = await em.find(CandidateProposalSchema, scoped(actor, 'CandidateProposal', { jobNeed: need.id }), { orderBy: { proposedAt: 'desc' } });
  return { items: await facilitatorViews(em, rows) };
}

export async function withdrawProposal(
  em: EntityManager, actor: Actor, meta: RequestMeta, id: string, input: z.output<typeof proposalWithdrawInputSchema>,
): Promise<ProposalDto> {
  const proposal = await findProposal(em, actor, id);
  if (!OPEN.includes(proposal.status as ProposalStatus)) {
    throw errors.conflict(`Cette proposition ne peut plus être retirée (${PROPOSAL_STATUS_LABELS[proposal.status as ProposalStatus].toLowerCase()}).`);
  }
  if (proposal.version !== input.version) throw errors.conflict(stale);
  const before = proposal.status;
  proposal.status = 'withdrawn';
  proposal.withdrawnAt = new Date();
  audit(em, actor, meta, { action: 'withdraw', entityType: 'CandidateProposal', entityId: proposal.id, before: { status: before }, after: { status: 'withdrawn' } });
  await flushOrConflict(em, stale);
  return (await facilitatorViews(em, [proposal]))[0]!;
}

/** The contractor's proposals, on the lots it holds: the ones awaiting an answer first. */
export async function listContractorProposals(em: EntityManager, actor: Actor): Promise<{ items: ContractorProposalDto[] }> {
  const rows = await em.find(CandidateProposalSchema, scoped(actor, 'CandidateProposal', {}), { orderBy: { proposedAt: 'desc' }, limit: 500 });
  const order = (r: CandidateProposalEntity) => (r.status === 'proposed' ? 0 : 1);
  return { items: await contractorViews(em, [...rows].sort((a, b) => order(a) - order(b))) };
}

/** Accept, or decline with a reason; only a proposal awaiting an answer (409 otherwise, or when changed meanwhile). */
export async function answerProposal(
  em: EntityManager, actor: Actor, meta: RequestMeta, id: string, input: z.output<typeof proposalAnswerInputSchema>,
): Promise<ContractorProposalDto> {
  const proposal = await findProposal(em, actor, id);
  if (proposal.status !== 'proposed') {
    throw errors.conflict(`Cette candidature n’attend plus de réponse (${PROPOSAL_STATUS_LABELS[proposal.status as ProposalStatus].toLowerCase()}).`);
  }
  if (proposal.version !== input.version) throw errors.conflict(stale);
  proposal.status = input.decision === 'accept' ? 'accepted' : 'declined';
  proposal.answerReason = input.reason;
  proposal.answeredAt = new Date();
  proposal.answeredByName = actor.fullName;
  audit(em, actor, meta, {
    action: input.decision, entityType: 'CandidateProposal', entityId: proposal.id,
    before: { status: 'proposed' }, after: { status: proposal.status, reason: input.reason },
  });
  await flushOrConflict(em, stale);
  return (await contractorViews(em, [proposal]))[0]!;
}
