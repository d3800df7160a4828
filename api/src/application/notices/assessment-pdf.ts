/**
 * End-of-contract assessment (bilan de fin de marché) of one clause, as a PDF the buyer signs:
 * required vs delivered hours, hours by modality, participants under a pseudonym (no name, no hours
 * per person: decisions.md §11), exits, and the decisions on reminders and notices.
 */
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ContractSchema, NoticeSchema, OrganisationSchema } from '@app/db';
import {
  CLAUSE_TYPE_LABELS,
  COMPLIANCE_STATUS_LABELS,
  CONTRACT_TYPE_LABELS,
  exitOutcomeLabels,
  formatDateFr,
  formatEuros,
  formatHours,
  formatPercent,
  MODALITY_LABELS,
  NOTICE_KIND_LABELS,
  type ClauseType,
  type ContractType,
  type Modality,
  type PenaltyDecision,
} from '@app/shared';
import type { Actor, RequestMeta } from '../actor.js';
import { audit } from '../../infra/audit.js';
import { sqlOf } from '../../infra/sql.js';
import { clauseFacts } from './notices.js';
import { pdfBytes, winAnsi } from './pdf-document.js';

interface PlacementRow {
  participant_id: string;
  modality: string;
  contract_type: string | null;
  start_date: string;
  ended_on: string | null;
  planned_end_date: string | null;
  exit_outcome: string | null;
  validated_minutes: string;
}

export interface AssessmentData {
  buyerName: string;
  contract: { reference: string; object: string };
  lot: { number: number; title: string; holderName: string | null; holderIdentifier: string };
  clause: { type: string; startDate: string | null; endDate: string | null; status: string | null };
  requiredMinutes: number;
  countedMinutes: number;
  byModality: { label: string; people: number; minutes: number }[];
  participants: { code: string; modality: string; contractType: string; from: string; to: string; exit: string }[];
  exits: { label: string; people: number }[];
  decisions: { kind: string; sentOn: string; deadline: string | null; responses: number; outcome: string; detail: string; decidedOn: string | null }[];
  generatedOn: string;
}

/** A short code stable for a person within a clause, that cannot be traced back to the person. */
const pseudonym = (clauseId: string, participantId: string) => `P-${createHash('sha256').update(`${clauseId}:${participantId}`).digest('hex').slice(0, 6).toUpperCase()}`;

export async function assessmentData(em: EntityManager, actor: Actor, clauseId: string, today: string): Promise<AssessmentData> {
  const facts = await clauseFacts(em, actor, clauseId, today);
  const clause = facts.clause;
  const contract = await em.findOneOrFail(ContractSchema, { id: clause.contract.id });
  const buyer = await em.findOneOrFail(OrganisationSchema, { id: clause.buyer.id });
  const sql = sqlOf(em);
  const placements = await sql<PlacementRow>(
    `select p.participant_id, p.modality, p.contract_type, p.start_date::text as start_date, p.ended_on::text as ended_on,
            p.planned_end_date::text as planned_end_date, p.exit_outcome,
            coalesce((select sum(d.worked_minutes + coalesce(d.training_minutes, 0) + coalesce(d.attested_minutes, 0))
                        from hour_declaration d where d.placement_id = p.id and d.status = 'validated'), 0)::bigint as validated_minutes
       from placement p where p.lot_id = ? order by p.start_date, p.id`,
    [clause.lot.id],
  );
  const modalities = new Map<string, { people: Set<string>; minutes: number }>();
  for (const row of placements) {
    const entry = modalities.get(row.modality) ?? { people: new Set<string>(), minutes: 0 };
    entry.people.add(row.participant_id);
    entry.minutes += Number(row.validated_minutes);
    modalities.set(row.modality, entry);
  }
  const exits = new Map<string, Set<string>>();
  for (const row of placements) {
    const label = row.exit_outcome ? (exitOutcomeLabels[row.exit_outcome as keyof typeof exitOutcomeLabels] ?? row.exit_outcome) : row.ended_on ? 'Non renseignée' : 'En poste';
    exits.set(label, (exits.get(label) ?? new Set()).add(row.participant_id));
  }
  const notices = await em.find(NoticeSchema, { clause: clause.id }, { orderBy: { createdAt: 'asc' } });
  const responseCounts = notices.length
    ? await sql<{ notice_id: string; n: string }>(`select notice_id, count(*) as n from notice_response where notice_id = any(?::uuid[]) group by notice_id`, [
        `{${notices.map((n) => n.id).join(',')}}`,
      ])
    : [];
  return {
    buyerName: buyer.name,
    contract: { reference: contract.reference, object: contract.object },
    lot: { number: clause.lot.number, title: clause.lot.title, holderName: clause.lot.holderName ?? null, holderIdentifier: clause.holderIdentifier },
    clause: {
      type: CLAUSE_TYPE_LABELS[clause.type as ClauseType] ?? clause.type,
      startDate: clause.startDate ?? null,
      endDate: clause.endDate ?? null,
      status: facts.standing.status ? COMPLIANCE_STATUS_LABELS[facts.standing.status] : null,
    },
    requiredMinutes: facts.standing.requiredMinutes,
    countedMinutes: facts.standing.countedMinutes,
    byModality: [...modalities].map(([modality, entry]) => ({ label: MODALITY_LABELS[modality as Modality] ?? modality, people: entry.people.size, minutes: entry.minutes })),
    participants: placements.map((row) => ({
      code: pseudonym(clause.id, row.participant_id),
      modality: MODALITY_LABELS[row.modality as Modality] ?? row.modality,
      contractType: row.contract_type ? (CONTRACT_TYPE_LABELS[row.contract_type as ContractType] ?? row.contract_type) : '—',
      from: formatDateFr(row.start_date),
      to: row.ended_on ? formatDateFr(row.ended_on) : row.planned_end_date ? `${formatDateFr(row.planned_end_date)} (prévue)` : '—',
      exit: row.exit_outcome ? (exitOutcomeLabels[row.exit_outcome as keyof typeof exitOutcomeLabels] ?? row.exit_outcome) : '—',
    })),
    exits: [...exits].map(([label, people]) => ({ label, people: people.size })),
    decisions: notices.map((notice) => {
      const penalty = notice.penalty as PenaltyDecision | null;
      return {
        kind: NOTICE_KIND_LABELS[notice.kind as keyof typeof NOTICE_KIND_LABELS] ?? notice.kind,
        sentOn: notice.sentOn,
        deadline: notice.deadline ?? null,
        responses: Number(responseCounts.find((r) => r.notice_id === notice.id)?.n ?? 0),
        outcome: notice.outcome === 'penalty' ? 'Pénalité' : notice.outcome === 'waiver' ? 'Exonération' : 'En attente de décision',
        detail: notice.outcome === 'penalty' && penalty ? `${formatEuros(penalty.amountCents)} — ${penalty.formula}` : notice.outcome === 'waiver' ? `Motif : ${notice.waiverReason ?? ''}` : '',
        decidedOn: notice.decidedOn ?? null,
      };
    }),
    generatedOn: today,
  };
}

// ------------------------------------------------------------------------------------------ rendering

const t = winAnsi;

const MARGIN = 56;

export function renderAssessmentPdf(data: AssessmentData, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', margin: MARGIN, compress: options.compress ?? true, bufferPages: true,
    info: { Title: `Bilan de la clause d’insertion — marché ${data.contract.reference}`, Author: data.buyerName, Subject: 'Bilan de fin de marché' },
  });
  const done = pdfBytes(doc);
  const width = doc.page.width - 2 * MARGIN;

  const heading = (text: string) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor('#000091').text(t(text)).fillColor('black').moveDown(0.3);
  };
  const row = (cells: string[], widths: number[], bold = false) => {
    const y = doc.y;
    if (y > doc.page.height - MARGIN - 40) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    let bottom = top;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) => {
      doc.text(t(cell), x + 2, top + 3, { width: widths[i]! - 4 });
      bottom = Math.max(bottom, doc.y);
      x += widths[i]!;
    });
    doc.moveTo(MARGIN, bottom + 3).lineTo(MARGIN + width, bottom + 3).lineWidth(0.5).strokeColor('#999999').stroke();
    doc.x = MARGIN;
    doc.y = bottom + 4;
  };
  const cols = (...shares: number[]) => shares.map((s) => s * width);

  // Letterhead
  doc.font('Helvetica-Bold').fontSize(11).text(t(data.buyerName.toUpperCase()));
  doc.font('Helvetica').fontSize(9).text(t('Commande publique — suivi des clauses sociales d’insertion'));
  doc.moveDown(1.5);
  doc.font('Helvetica-Bold').fontSize(16).text(t('Bilan de fin de marché — clause d’insertion'), { align: 'center' });
  doc.moveDown(0.3).font('Helvetica').fontSize(10).text(t(`Établi le ${formatDateFr(data.generatedOn)}`), { align: 'center' });

  heading('1. Le marché');
  const facts: [string, string][] = [
    ['Marché', `${data.contract.reference} — ${data.contract.object}`],
    ['Lot', `n° ${data.lot.number} — ${data.lot.title}`],
    ['Titulaire', `${data.lot.holderName ?? 'Non renseigné'} (SIRET ${data.lot.holderIdentifier})`],
    ['Clause', data.clause.type],
    ['Période d’exécution', `${data.clause.startDate ? formatDateFr(data.clause.startDate) : '—'} au ${data.clause.endDate ? formatDateFr(data.clause.endDate) : '—'}`],
  ];
  for (const [label, value] of facts) row([label, value], cols(0.28, 0.72));

  heading('2. Heures d’insertion : exigées et réalisées');
  const shortfall = Math.max(0, data.requiredMinutes - data.countedMinutes);
  const rate = data.requiredMinutes > 0 ? data.countedMinutes / data.requiredMinutes : null;
  row(['Heures exigées', formatHours(data.requiredMinutes)], cols(0.5, 0.5));
  row(['Heures réalisées (comptées)', formatHours(data.countedMinutes)], cols(0.5, 0.5));
  row(['Taux de réalisation', rate === null ? '—' : formatPercent(rate, 1)], cols(0.5, 0.5));
  row(['Heures manquantes', formatHours(shortfall)], cols(0.5, 0.5));
  row(['Statut de la clause', data.clause.status ?? '—'], cols(0.5, 0.5));

  heading('3. Réalisation par modalité');
  if (data.byModality.length === 0) doc.font('Helvetica').fontSize(9).text(t('Aucune mise en poste enregistrée sur ce lot.'));
  else {
    row(['Modalité', 'Personnes', 'Heures validées'], cols(0.6, 0.15, 0.25), true);
    for (const m of data.byModality) row([m.label, String(m.people), formatHours(m.minutes)], cols(0.6, 0.15, 0.25));
  }

  heading('4. Participants (pseudonymisés)');
  doc.font('Helvetica').fontSize(8).fillColor('#444444')
    .text(t('Les personnes sont désignées par un code : ni nom, ni date de naissance, ni critère d’éligibilité, ni heures individuelles.')).fillColor('black').moveDown(0.3);
  if (data.participants.length === 0) doc.font('Helvetica').fontSize(9).text(t('Aucun participant.'));
  else {
    row(['Code', 'Modalité', 'Contrat', 'Début', 'Fin', 'Sortie'], cols(0.12, 0.3, 0.16, 0.12, 0.16, 0.14), true);
    for (const p of data.participants) row([p.code, p.modality, p.contractType, p.from, p.to, p.exit], cols(0.12, 0.3, 0.16, 0.12, 0.16, 0.14));
  }

  heading('5. Sorties');
  if (data.exits.length === 0) doc.font('Helvetica').fontSize(9).text(t('Aucune sortie enregistrée.'));
  else for (const e of data.exits) row([e.label, `${e.people} personne${e.people > 1 ? 's' : ''}`], cols(0.6, 0.4));

  heading('6. Relances, mises en demeure et décision');
  if (data.decisions.length === 0) doc.font('Helvetica').fontSize(9).text(t('Aucune relance ni mise en demeure.'));
  else {
    row(['Courrier', 'Envoi', 'Délai', 'Réponses', 'Décision'], cols(0.18, 0.12, 0.12, 0.1, 0.48), true);
    for (const d of data.decisions) {
      row([
        d.kind, formatDateFr(d.sentOn), d.deadline ? formatDateFr(d.deadline) : '—', String(d.responses),
        `${d.outcome}${d.decidedOn ? ` (${formatDateFr(d.decidedOn)})` : ''}${d.detail ? ` : ${d.detail}` : ''}`,
      ], cols(0.18, 0.12, 0.12, 0.1, 0.48));
    }
  }

  // Signature block
  if (doc.y > doc.page.height - MARGIN - 140) doc.addPage();
  doc.moveDown(2).font('Helvetica').fontSize(10);
  const top = doc.y;
  doc.text(t('Fait à ........................................, le ....................'), MARGIN, top, { width: width / 2 });
  doc.text(t(`Pour ${data.buyerName},`), MARGIN + width / 2, top, { width: width / 2 });
  doc.text(t('le représentant du pouvoir adjudicateur'), MARGIN + width / 2, doc.y, { width: width / 2 });
  doc.moveDown(0.5).text(t('(signature et cachet)'), MARGIN + width / 2, doc.y, { width: width / 2 });
  doc.rect(MARGIN + width / 2, doc.y + 6, width / 2, 70).lineWidth(0.5).strokeColor('#999999').stroke();

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Written inside the bottom margin: without this, pdfkit would start a new page for the footer.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor('#666666')
      .text(t(`Bilan de fin de marché — ${data.contract.reference} lot ${data.lot.number} — page ${i + 1} / ${range.count}`), MARGIN, doc.page.height - MARGIN + 16, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}

export async function assessmentPdf(em: EntityManager, actor: Actor, meta: RequestMeta, clauseId: string, today: string, compress = true) {
  const data = await assessmentData(em, actor, clauseId, today);
  audit(em, actor, meta, { action: 'generate_assessment', entityType: 'InsertionClause', entityId: clauseId, after: { generatedOn: today } });
  await em.flush();
  return { pdf: await renderAssessmentPdf(data, { compress }), filename: `bilan-${data.contract.reference.replace(/[^A-Za-z0-9_-]+/g, '-')}-lot-${data.lot.number}.pdf` };
}
