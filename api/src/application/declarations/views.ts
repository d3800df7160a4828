import type { EntityManager } from '@mikro-orm/postgresql';
import type { HourDeclarationEntity } from '@app/db';
import {
  convertInvoiceToMinutes,
  declarationDeadline,
  type Declaration,
  type DeclarationProof,
  type DeclarationStatus,
  type Finding,
  type HourDeclaration,
  type ProofKind,
} from '@app/shared';
import { placementFacts, type PlacementFacts } from '../../infra/declaration-facts.js';
import { pgArray, sqlOf } from '../../infra/sql.js';
import { checkAll } from './checks.js';

/** The domain's view of a recorded declaration (for the checks). */
export function asDomainDeclaration(entity: HourDeclarationEntity, proofIds: readonly string[]): HourDeclaration {
  return {
    id: entity.id,
    placementId: entity.placement.id,
    month: entity.month,
    workedMinutes: entity.workedMinutes,
    trainingMinutes: entity.trainingMinutes ?? null,
    leaveMinutes: null,
    companyMinutes: null,
    status: entity.status as DeclarationStatus,
    submittedAt: entity.submittedAt ? parisDay(entity.submittedAt) : null,
    proofDocumentIds: [...proofIds],
  };
}

const parisDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
export const parisDay = (at: Date): string => parisDayFormat.format(at);

/** The month's deadline on the clause (day 10 of the next month by default) and whether it was missed. */
export function deadlineOf(facts: PlacementFacts, month: string, submittedAt: Date | null, today: string): { deadline: string; late: boolean } {
  const deadline = declarationDeadline(month, facts.clause.rules.declarations.deadlineDay);
  return { deadline, late: submittedAt ? parisDay(submittedAt) > deadline : today > deadline };
}

/** Proofs of these declarations, by declaration. */
export async function proofsOf(em: EntityManager, declarationIds: readonly string[]): Promise<Map<string, DeclarationProof[]>> {
  const byDeclaration = new Map<string, DeclarationProof[]>(declarationIds.map((id) => [id, []]));
  if (declarationIds.length === 0) return byDeclaration;
  const rows = await sqlOf(em)<{ id: string; declaration_id: string; kind: string; original_name: string; media_type: string; size_bytes: number; uploaded_at: string | Date }>(
    `select id, declaration_id, kind, original_name, media_type, size_bytes, uploaded_at from declaration_proof
      where declaration_id = any(?::uuid[]) order by uploaded_at, id`,
    [pgArray(declarationIds)],
  );
  for (const row of rows) {
    byDeclaration.get(row.declaration_id)?.push({
      id: row.id,
      kind: row.kind as ProofKind,
      fileName: row.original_name,
      mediaType: row.media_type,
      sizeBytes: row.size_bytes,
      uploadedAt: new Date(row.uploaded_at).toISOString(),
    });
  }
  return byDeclaration;
}

export function declarationView(
  entity: HourDeclarationEntity,
  facts: PlacementFacts,
  proofs: DeclarationProof[],
  findings: Finding[],
  today: string,
): Declaration {
  const c7 = facts.clause.rules.counting.c7;
  const { deadline, late } = deadlineOf(facts, entity.month, entity.submittedAt ?? null, today);
  return {
    id: entity.id,
    version: entity.version,
    placementId: facts.id,
    month: entity.month,
    status: entity.status as DeclarationStatus,
    workedMinutes: entity.workedMinutes,
    trainingMinutes: entity.trainingMinutes ?? null,
    attestedMinutes: entity.attestedMinutes ?? null,
    invoiceCents: entity.invoiceCents ?? null,
    convertedMinutes: entity.invoiceCents != null ? convertInvoiceToMinutes(entity.invoiceCents, c7.defaultLabourShare, c7.defaultHourlyCostCents) : null,
    comment: entity.comment ?? null,
    rejectionReason: entity.rejectionReason ?? null,
    deadline,
    late,
    source: entity.source === 'import' ? 'import' : 'form',
    person: { firstName: facts.firstName, lastName: facts.lastName },
    modality: facts.modality,
    employerName: facts.employerName,
    lot: { id: facts.lotId, label: facts.lotLabel },
    contract: { id: facts.contractId, label: facts.contractLabel },
    buyer: { id: facts.buyerId, label: facts.buyerName },
    contractor: { name: facts.holderName, siret: facts.holderIdentifier },
    proofs,
    findings,
    submittedAt: entity.submittedAt?.toISOString() ?? null,
    decidedAt: entity.decidedAt?.toISOString() ?? null,
    decidedBy: entity.decidedByName ?? null,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

/**
 * Views of recorded declarations, with their proofs and — for those not yet decided — the findings
 * of the domain's checks as they stand today (eligibility may have been validated since).
 */
export async function declarationViews(em: EntityManager, entities: readonly HourDeclarationEntity[], today: string): Promise<Declaration[]> {
  if (entities.length === 0) return [];
  const facts = await placementFacts(em, entities.map((entity) => entity.placement.id));
  const proofs = await proofsOf(em, entities.map((entity) => entity.id));
  const open = entities.filter((entity) => entity.status !== 'validated');
  const findings = await checkAll(
    em,
    open.map((entity) => ({
      facts: facts.get(entity.placement.id)!,
      declaration: asDomainDeclaration(entity, (proofs.get(entity.id) ?? []).map((proof) => proof.id)),
    })),
    today,
  );
  return entities.map((entity) => declarationView(entity, facts.get(entity.placement.id)!, proofs.get(entity.id) ?? [], findings.get(entity.id) ?? [], today));
}
