/**
 * Every list as a table: the list's own use case (same scoping and filters), read page after page,
 * and its columns with French headers and types (tabular-export.ts writes CSV or XLSX).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CONTRACT_TYPE_LABELS, DECLARATION_STATUS_LABELS, MODALITY_LABELS, exitOutcomeLabels, participantStatusLabels,
  type ContractSummary, type Declaration, type JobNeedDto, type Operation, type ParticipantSummary, type PlacementDto,
} from '@app/shared';
import type { Actor } from '../actor.js';
import type { ExportColumn } from '../../infra/spreadsheets/tabular-export.js';
import { listParticipants } from '../participants.js';
import { listPlacements } from '../placements.js';
import { listJobNeeds } from '../job-needs.js';
import { listDeclarations } from '../declarations/declarations.js';
import { listOperations } from '../operations.js';
import { listContracts } from '../portfolio/lists.js';

const hours = (minutes: number | null | undefined): number | null => (minutes == null ? null : minutes / 60);
const euros = (cents: number | null | undefined): number | null => (cents == null ? null : cents / 100);
const yesNo = (v: boolean) => (v ? 'Oui' : 'Non');

/** Pages of a paged use case until the total is reached. */
async function* pages<T>(read: (page: number) => Promise<{ items: T[]; total: number }>): AsyncGenerator<T[]> {
  let seen = 0;
  for (let page = 1; ; page++) {
    const { items, total } = await read(page);
    if (!items.length) return;
    yield items;
    seen += items.length;
    if (seen >= total) return;
  }
}

export const participantColumns: ExportColumn<ParticipantSummary>[] = [
  { header: 'Nom', kind: 'text', width: 20, value: (p) => p.lastName },
  { header: 'Prénom', kind: 'text', width: 18, value: (p) => p.firstName },
  { header: 'Commune', kind: 'text', width: 24, value: (p) => p.commune?.name ?? null },
  { header: 'Code commune', kind: 'text', width: 10, value: (p) => p.commune?.code ?? null },
  { header: 'Situation', kind: 'text', width: 18, value: (p) => participantStatusLabels[p.status] },
  { header: 'Disponible à partir du', kind: 'date', width: 14, value: (p) => p.availableFrom },
  { header: 'Éligible jusqu’au', kind: 'date', width: 14, value: (p) => p.eligibleUntil },
  { header: 'Métiers visés', kind: 'text', width: 50, value: (p) => p.targetJobs.map((j) => j.label).join(', ') },
];

export const participantBatches = (em: EntityManager, actor: Actor, query: { q?: string | undefined; status?: string | undefined }, today: string) =>
  pages((page) => listParticipants(em.fork(), actor, { ...query, page } as never, today));

export const placementColumns: ExportColumn<PlacementDto>[] = [
  { header: 'Nom', kind: 'text', width: 20, value: (p) => p.participant.lastName },
  { header: 'Prénom', kind: 'text', width: 18, value: (p) => p.participant.firstName },
  { header: 'Lot', kind: 'text', width: 36, value: (p) => p.lot.title },
  { header: 'Modalité', kind: 'text', width: 30, value: (p) => MODALITY_LABELS[p.modality] },
  { header: 'Type de contrat', kind: 'text', width: 16, value: (p) => (p.contractType ? CONTRACT_TYPE_LABELS[p.contractType] : null) },
  { header: 'Employeur', kind: 'text', width: 28, value: (p) => p.employerName },
  { header: 'Début', kind: 'date', width: 12, value: (p) => p.startDate },
  { header: 'Fin prévue', kind: 'date', width: 12, value: (p) => p.plannedEndDate },
  { header: 'Heures par semaine', kind: 'number', width: 12, value: (p) => hours(p.weeklyMinutes) },
  { header: 'Code métier (ROME)', kind: 'text', width: 12, value: (p) => p.appellationCode },
  { header: 'Fin', kind: 'date', width: 12, value: (p) => p.endedOn },
  { header: 'Situation de sortie', kind: 'text', width: 24, value: (p) => (p.exitOutcome ? exitOutcomeLabels[p.exitOutcome] : null) },
  { header: 'Suivi à 6 mois dû le', kind: 'date', width: 14, value: (p) => p.followUpDue },
  { header: 'Situation à 6 mois', kind: 'text', width: 24, value: (p) => (p.followUpOutcome ? exitOutcomeLabels[p.followUpOutcome] : null) },
  { header: 'Éligible jusqu’au', kind: 'date', width: 14, value: (p) => p.participant.eligibleUntil },
];

export const placementBatches = async function* (em: EntityManager, actor: Actor, today: string) {
  yield (await listPlacements(em, actor, today)).items;
};

export const jobNeedColumns: ExportColumn<JobNeedDto>[] = [
  { header: 'Métier', kind: 'text', width: 36, value: (n) => n.appellation.label },
  { header: 'Code ROME', kind: 'text', width: 10, value: (n) => n.appellation.romeCode },
  { header: 'Lot', kind: 'text', width: 36, value: (n) => n.lot.title },
  { header: 'Titulaire', kind: 'text', width: 28, value: (n) => n.lot.holderName },
  { header: 'Chantier', kind: 'text', width: 24, value: (n) => n.site.name },
  { header: 'Début', kind: 'date', width: 12, value: (n) => n.startDate },
  { header: 'Fin', kind: 'date', width: 12, value: (n) => n.endDate },
  { header: 'Durée (semaines)', kind: 'integer', width: 10, value: (n) => n.durationWeeks },
  { header: 'Heures par semaine', kind: 'number', width: 12, value: (n) => hours(n.weeklyMinutes) },
  { header: 'Personnes recherchées', kind: 'integer', width: 12, value: (n) => n.headcount },
  { header: 'État', kind: 'text', width: 10, value: (n) => ({ open: 'Ouvert', filled: 'Pourvu', cancelled: 'Annulé' })[n.status] },
];

export const jobNeedBatches = async function* (em: EntityManager, actor: Actor) {
  yield (await listJobNeeds(em, actor)).items;
};

export const declarationColumns: ExportColumn<Declaration>[] = [
  { header: 'Mois', kind: 'text', width: 9, value: (d) => d.month },
  { header: 'Nom', kind: 'text', width: 20, value: (d) => d.person.lastName },
  { header: 'Prénom', kind: 'text', width: 18, value: (d) => d.person.firstName },
  { header: 'Acheteur', kind: 'text', width: 28, value: (d) => d.buyer.label },
  { header: 'Marché', kind: 'text', width: 28, value: (d) => d.contract.label },
  { header: 'Lot', kind: 'text', width: 28, value: (d) => d.lot.label },
  { header: 'Entreprise', kind: 'text', width: 28, value: (d) => d.contractor.name },
  { header: 'SIRET', kind: 'text', width: 16, value: (d) => d.contractor.siret },
  { header: 'Modalité', kind: 'text', width: 28, value: (d) => MODALITY_LABELS[d.modality] },
  { header: 'Employeur', kind: 'text', width: 28, value: (d) => d.employerName },
  { header: 'Heures travaillées', kind: 'number', width: 12, value: (d) => hours(d.workedMinutes) },
  { header: 'Heures de formation', kind: 'number', width: 12, value: (d) => hours(d.trainingMinutes) },
  { header: 'Heures attestées', kind: 'number', width: 12, value: (d) => hours(d.attestedMinutes) },
  { header: 'Montant facturé HT (€)', kind: 'number', width: 14, value: (d) => euros(d.invoiceCents) },
  { header: 'État', kind: 'text', width: 14, value: (d) => DECLARATION_STATUS_LABELS[d.status] },
  { header: 'Échéance', kind: 'date', width: 12, value: (d) => d.deadline },
  { header: 'En retard', kind: 'text', width: 9, value: (d) => yesNo(d.late) },
  { header: 'Transmise le', kind: 'date', width: 12, value: (d) => d.submittedAt },
  { header: 'Décidée le', kind: 'date', width: 12, value: (d) => d.decidedAt },
  { header: 'Décidée par', kind: 'text', width: 20, value: (d) => d.decidedBy },
  { header: 'Motif de rejet', kind: 'text', width: 40, value: (d) => d.rejectionReason },
  { header: 'Anomalies', kind: 'text', width: 50, value: (d) => d.findings.map((f) => f.message).join(' ; ') || null },
];

export const declarationBatches = (em: EntityManager, actor: Actor, query: Record<string, unknown>, today: string) =>
  pages((page) => listDeclarations(em.fork(), actor, { ...query, page } as never, today));

export const operationColumns: ExportColumn<Operation>[] = [
  { header: 'Opération', kind: 'text', width: 36, value: (o) => o.name },
  { header: 'Acheteur', kind: 'text', width: 28, value: (o) => o.buyer.name },
  { header: 'ANRU', kind: 'text', width: 8, value: (o) => yesNo(o.anru) },
  { header: 'Commune', kind: 'text', width: 24, value: (o) => o.commune?.name ?? null },
  { header: 'Marchés', kind: 'integer', width: 9, value: (o) => o.contractCount },
  { header: 'Créée le', kind: 'date', width: 12, value: (o) => o.createdAt },
  { header: 'Description', kind: 'text', width: 50, value: (o) => o.description },
];

export const operationBatches = (em: EntityManager, actor: Actor, query: { q?: string | undefined; buyerId?: string | undefined }) =>
  pages((page) => listOperations(em.fork(), actor, { ...(query as { q?: string; buyerId?: string }), page, pageSize: 100 }));

export const contractColumns: ExportColumn<ContractSummary>[] = [
  { header: 'Acheteur', kind: 'text', width: 28, value: (c) => c.buyer.name },
  { header: 'Opération', kind: 'text', width: 28, value: (c) => c.operation?.name ?? null },
  { header: 'Référence', kind: 'text', width: 18, value: (c) => c.reference },
  { header: 'Objet', kind: 'text', width: 50, value: (c) => c.object },
  { header: 'Code CPV', kind: 'text', width: 10, value: (c) => c.cpv?.code ?? null },
  { header: 'Notifié le', kind: 'date', width: 12, value: (c) => c.notifiedOn },
  { header: 'Début', kind: 'date', width: 12, value: (c) => c.startDate },
  { header: 'Fin', kind: 'date', width: 12, value: (c) => c.endDate },
  { header: 'Montant HT (€)', kind: 'number', width: 16, value: (c) => euros(c.amountCents) },
  { header: 'Accord-cadre', kind: 'text', width: 10, value: (c) => yesNo(c.frameworkAgreement) },
  { header: 'Origine', kind: 'text', width: 10, value: (c) => (c.source === 'decp' ? 'DECP' : 'Saisie') },
  { header: 'Titulaires', kind: 'text', width: 36, value: (c) => c.holders.map((h) => h.name ?? h.identifier).join(', ') },
  { header: 'Lots', kind: 'integer', width: 6, value: (c) => c.lotCount },
  { header: 'Heures requises', kind: 'number', width: 12, value: (c) => hours(c.requiredMinutes) },
  { header: 'Lots à dimensionner', kind: 'integer', width: 12, value: (c) => c.hoursToSize },
];

export const contractBatches = (em: EntityManager, actor: Actor, query: Record<string, unknown>) =>
  pages((page) => listContracts(em.fork(), actor, { ...query, page, pageSize: 100 } as never));
