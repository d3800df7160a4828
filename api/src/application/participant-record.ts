/**
 * A person's record for the facilitator who follows them: each placement with its hours month by
 * month (declared, status, counted or set aside by the counting engine), proposals, documents, and who
 * read the person's sensitive data. The read of the record is itself audited.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addMonths, criterionByCode, monthLabelFr, monthOf, monthsInRange, proofKindLabels, recordReadLabels,
  type CriterionCode, type DeclarationStatus, type ParticipantRecord, type ProofKind, type RecordPlacement,
} from '@app/shared';
import type { Actor, RequestMeta } from './actor.js';
import { findParticipant } from './participants.js';
import { clauseProgress } from './declarations/clause-progress.js';
import { placementsDeclarations } from '../infra/declaration-facts.js';
import { auditRead } from '../infra/audit.js';
import { pgArray, sqlOf } from '../infra/sql.js';

interface PlacementRow {
  id: string; lot_id: string; lot_number: number; lot_title: string; contract_id: string; contract_reference: string; contract_object: string;
  buyer_id: string; buyer_name: string; clause_id: string | null; modality: RecordPlacement['modality']; contract_type: string | null;
  employer_name: string; job_label: string | null; weekly_minutes: number; start_date: string; planned_end_date: string | null;
  ended_on: string | null; exit_outcome: RecordPlacement['exitOutcome']; exit_detail: string | null; follow_up_on: string | null;
  follow_up_outcome: RecordPlacement['followUpOutcome']; follow_up_detail: string | null;
}

const rejectionReasons = async (em: EntityManager, ids: string[]): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map();
  const rows = await sqlOf(em)<{ id: string; rejection_reason: string }>(
    `select id, rejection_reason from hour_declaration where id = any(?::uuid[]) and rejection_reason is not null`,
    [pgArray(ids)],
  );
  return new Map(rows.map((row) => [row.id, row.rejection_reason]));
};

async function placementsOf(em: EntityManager, participantId: string, today: string): Promise<RecordPlacement[]> {
  const rows = await sqlOf(em)<PlacementRow>(
    `select p.id, l.id as lot_id, l.number as lot_number, l.title as lot_title, c.id as contract_id, c.reference as contract_reference,
            c.object as contract_object, b.id as buyer_id, b.name as buyer_name, ic.id as clause_id, p.modality, p.contract_type,
            p.employer_name, ra.label as job_label, p.weekly_minutes, p.start_date::text as start_date, p.planned_end_date::text as planned_end_date,
            p.ended_on::text as ended_on, p.exit_outcome, p.exit_detail, p.follow_up_on::text as follow_up_on, p.follow_up_outcome, p.follow_up_detail
       from placement p join lot l on l.id = p.lot_id join contract c on c.id = l.contract_id join organisation b on b.id = l.buyer_id
       left join insertion_clause ic on ic.lot_id = l.id left join rome_appellation ra on ra.code = p.appellation_code
      where p.participant_id = ? order by p.start_date desc, p.id`,
    [participantId],
  );
  const declarations = await placementsDeclarations(em, rows.map((row) => row.id));
  const [progress, reasons] = await Promise.all([
    clauseProgress(em, rows.flatMap((row) => (row.clause_id ? [row.clause_id] : [])), today),
    rejectionReasons(em, declarations.filter((row) => row.status === 'rejected').map((row) => row.id)),
  ]);
  return rows.map((row) => {
    const slices = row.clause_id ? progress.get(row.clause_id)?.slices : undefined;
    const counted = (slices?.counted ?? []).filter((slice) => slice.placementId === row.id);
    const excluded = (slices?.excluded ?? []).filter((slice) => slice.placementId === row.id);
    const recorded = new Map(declarations.filter((d) => d.placement_id === row.id).map((d) => [d.month, d]));
    // Months of the placement up to this one: a month to come is not due yet.
    const end = [row.ended_on ?? today, today].sort()[0]!;
    const months = (row.start_date > today ? [] : monthsInRange(monthOf(row.start_date), monthOf(end < row.start_date ? row.start_date : end)))
      .reverse()
      .map((month) => {
        const declaration = recorded.get(month);
        return {
          month,
          declarationId: declaration?.id ?? null,
          status: (declaration?.status ?? null) as DeclarationStatus | null,
          declaredMinutes: declaration ? declaration.worked_minutes + (declaration.training_minutes ?? 0) + (declaration.attested_minutes ?? 0) : null,
          countedMinutes: counted.filter((slice) => slice.month === month).reduce((total, slice) => total + slice.minutes, 0),
          excluded: excluded.filter((slice) => slice.month === month).map((slice) => ({ rule: slice.rule, reason: slice.reason, minutes: slice.minutes })),
          rejectionReason: declaration ? (reasons.get(declaration.id) ?? null) : null,
        };
      });
    return {
      id: row.id,
      lot: { id: row.lot_id, label: `Lot ${row.lot_number} — ${row.lot_title}` },
      contract: { id: row.contract_id, label: `${row.contract_reference} — ${row.contract_object}` },
      buyer: { id: row.buyer_id, label: row.buyer_name },
      clauseId: row.clause_id,
      modality: row.modality,
      contractType: row.contract_type,
      employerName: row.employer_name,
      jobLabel: row.job_label,
      weeklyMinutes: row.weekly_minutes,
      startDate: row.start_date,
      plannedEndDate: row.planned_end_date,
      endedOn: row.ended_on,
      exitOutcome: row.exit_outcome,
      exitDetail: row.exit_detail,
      followUpDue: row.ended_on ? addMonths(row.ended_on, 6) : null,
      followUpOn: row.follow_up_on,
      followUpOutcome: row.follow_up_outcome,
      followUpDetail: row.follow_up_detail,
      countedMinutes: counted.reduce((total, slice) => total + slice.minutes, 0),
      months,
    };
  });
}

async function proposalsOf(em: EntityManager, participantId: string): Promise<ParticipantRecord['proposals']> {
  const rows = await sqlOf(em)<{
    id: string; need_id: string; need_label: string | null; commune: string | null; lot_number: number; lot_title: string; status: ParticipantRecord['proposals'][number]['status'];
    proposed_at: Date; proposed_by_name: string; answered_at: Date | null; answer_reason: string | null;
  }>(
    `select cp.id, n.id as need_id, ra.label as need_label, cm.name as commune, l.number as lot_number, l.title as lot_title, cp.status,
            cp.proposed_at, cp.proposed_by_name, cp.answered_at, cp.answer_reason
       from candidate_proposal cp join job_need n on n.id = cp.job_need_id join lot l on l.id = cp.lot_id
       left join rome_appellation ra on ra.code = n.appellation_code left join commune cm on cm.code = n.site_commune_code
      where cp.participant_id = ? order by cp.proposed_at desc`,
    [participantId],
  );
  return rows.map((row) => ({
    id: row.id,
    need: { id: row.need_id, label: `${row.need_label ?? 'Besoin'}${row.commune ? ` à ${row.commune}` : ''}` },
    lot: `Lot ${row.lot_number} — ${row.lot_title}`,
    status: row.status,
    proposedAt: new Date(row.proposed_at).toISOString(),
    proposedBy: row.proposed_by_name,
    answeredAt: row.answered_at ? new Date(row.answered_at).toISOString() : null,
    answerReason: row.answer_reason,
  }));
}

async function documentsOf(em: EntityManager, participantId: string, placementIds: string[]): Promise<ParticipantRecord['documents']> {
  const sql = sqlOf(em);
  const [eligibility, declarations] = await Promise.all([
    sql<{ id: string; original_name: string; size_bytes: number; uploaded_at: Date; codes: string[] | null }>(
      `select d.id, d.original_name, d.size_bytes, d.uploaded_at,
              (select array_agg(c.code order by c.code) from eligibility_criterion c where c.proof_document_id = d.id) as codes
         from proof_document d where d.participant_id = ? order by d.uploaded_at desc`,
      [participantId],
    ),
    placementIds.length
      ? sql<{ id: string; declaration_id: string; kind: string; original_name: string; size_bytes: number; uploaded_at: Date; month: string }>(
          `select dp.id, dp.declaration_id, dp.kind, dp.original_name, dp.size_bytes, dp.uploaded_at, d.month
             from declaration_proof dp join hour_declaration d on d.id = dp.declaration_id
            where d.placement_id = any(?::uuid[]) order by dp.uploaded_at desc`,
          [pgArray(placementIds)],
        )
      : [],
  ]);
  return [
    ...eligibility.map((row) => ({
      id: row.id,
      kind: 'eligibility' as const,
      label: `Justificatif d’éligibilité${row.codes?.length ? ` — ${row.codes.map((code) => criterionByCode(code as CriterionCode).label).join(', ')}` : ''}`,
      fileName: row.original_name,
      sizeBytes: row.size_bytes,
      uploadedAt: new Date(row.uploaded_at).toISOString(),
      href: `/api/proofs/${row.id}`,
    })),
    ...declarations.map((row) => ({
      id: row.id,
      kind: 'declaration' as const,
      label: `${proofKindLabels[row.kind as ProofKind] ?? 'Justificatif'} — heures de ${monthLabelFr(row.month)}`,
      fileName: row.original_name,
      sizeBytes: row.size_bytes,
      uploadedAt: new Date(row.uploaded_at).toISOString(),
      href: `/api/declarations/${row.declaration_id}/proofs/${row.id}`,
    })),
  ];
}

/** Reads of the person's record, criteria, proofs (eligibility and declarations) and exports. */
async function readsOf(em: EntityManager, participantId: string, placementIds: string[]): Promise<ParticipantRecord['reads']> {
  const rows = await sqlOf(em)<{ at: Date; action: string; full_name: string | null; organisation_name: string | null }>(
    `select e.at, e.action, u.full_name, o.name as organisation_name
       from audit_event e left join app_user u on u.id = e.actor_user_id left join organisation o on o.id = e.organisation_id
      where (e.entity_type = 'Participant' and e.entity_id = ? and e.action in ('read_record', 'read_criteria', 'export'))
         or (e.entity_type = 'ProofDocument' and e.action = 'read_proof' and e.after->>'participantId' = ?)
         or (e.entity_type = 'HourDeclaration' and e.action = 'read_proof'
             and e.entity_id in (select d.id::text from hour_declaration d where d.placement_id = any(?::uuid[])))
      order by e.at desc, e.id desc limit 50`,
    [participantId, participantId, pgArray(placementIds)],
  );
  return rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    action: row.action,
    label: recordReadLabels[row.action] ?? row.action,
    actor: row.full_name,
    organisation: row.organisation_name,
  }));
}

export async function participantRecord(em: EntityManager, actor: Actor, meta: RequestMeta, id: string, today: string): Promise<ParticipantRecord> {
  await findParticipant(em, actor, id);
  // Written first: the record shows its own read.
  await auditRead(em, actor, meta, { action: 'read_record', entityType: 'Participant', entityId: id });
  const placements = await placementsOf(em, id, today);
  const placementIds = placements.map((placement) => placement.id);
  const [proposals, documents, reads] = await Promise.all([proposalsOf(em, id), documentsOf(em, id, placementIds), readsOf(em, id, placementIds)]);
  return { placements, proposals, documents, reads };
}
