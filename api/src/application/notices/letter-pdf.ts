/**
 * A reminder or formal notice as the letter that was sent (its kept text), printable: letterhead of
 * the buyer, addressee, date, object line, the text, the response deadline and a signature block.
 */
import PDFDocument from 'pdfkit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { formatDateFr, formatSiret, NOTICE_KIND_LABELS, type Notice } from '@app/shared';
import type { Actor } from '../actor.js';
import { getNotice } from './notices.js';
import { pdfBytes, winAnsi } from './pdf-document.js';

const t = winAnsi;

const MARGIN = 64;

export function renderLetterPdf(notice: Notice, options: { compress?: boolean } = {}): Promise<Buffer> {
  const kind = NOTICE_KIND_LABELS[notice.kind];
  const doc = new PDFDocument({
    size: 'A4', margin: MARGIN, compress: options.compress ?? true,
    info: { Title: `${kind} — marché ${notice.contract.reference}, lot ${notice.lot.number}`, Author: notice.buyer.name, Subject: kind },
  });
  const done = pdfBytes(doc);
  const width = doc.page.width - 2 * MARGIN;

  doc.font('Helvetica-Bold').fontSize(11).text(t(notice.buyer.name.toUpperCase()));
  doc.font('Helvetica').fontSize(9).text(t('Commande publique — suivi des clauses sociales d’insertion'));
  doc.moveDown(2);
  const top = doc.y;
  const siret = /^\d{14}$/.test(notice.holder.identifier) ? formatSiret(notice.holder.identifier) : notice.holder.identifier;
  doc.font('Helvetica').fontSize(10).text(t(`${notice.holder.name ?? 'Titulaire du marché'}\nSIRET ${siret}`), MARGIN + width / 2, top, { width: width / 2 });
  doc.moveDown(1.5).text(t(`Le ${formatDateFr(notice.sentOn)}`), MARGIN + width / 2, doc.y, { width: width / 2 });
  doc.x = MARGIN;
  doc.moveDown(2);
  doc.font('Helvetica-Bold').fontSize(12).text(t(kind.toUpperCase()), MARGIN, doc.y, { width });
  if (notice.kind === 'formal_notice') doc.font('Helvetica').fontSize(9).text(t('Lettre recommandée avec accusé de réception'), { width });
  doc.moveDown(1);

  // The kept text, paragraph by paragraph (its object line in bold).
  // A text area sends its lines with CRLF: paragraphs are split on blank lines whatever the line ends.
  for (const paragraph of notice.body.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const bold = paragraph.startsWith('Objet :');
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10.5).text(t(paragraph), { width, align: bold ? 'left' : 'justify' });
    doc.moveDown(0.8);
  }
  if (notice.deadline) {
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).text(t(`Délai de réponse : au plus tard le ${formatDateFr(notice.deadline)}.`), { width });
  }

  if (doc.y > doc.page.height - MARGIN - 120) doc.addPage();
  doc.moveDown(2).font('Helvetica').fontSize(10);
  doc.text(t(`Pour ${notice.buyer.name},`), MARGIN + width / 2, doc.y, { width: width / 2 });
  doc.text(t('le représentant du pouvoir adjudicateur'), MARGIN + width / 2, doc.y, { width: width / 2 });
  doc.moveDown(0.5).text(t('(signature et cachet)'), MARGIN + width / 2, doc.y, { width: width / 2 });
  doc.rect(MARGIN + width / 2, doc.y + 6, width / 2, 70).lineWidth(0.5).strokeColor('#999999').stroke();
  doc.end();
  return done;
}

export async function letterPdf(em: EntityManager, actor: Actor, id: string, compress = true): Promise<{ pdf: Buffer; filename: string }> {
  const notice = await getNotice(em, actor, id);
  const kind = notice.kind === 'formal_notice' ? 'mise-en-demeure' : 'relance';
  return {
    pdf: await renderLetterPdf(notice, { compress }),
    filename: `${kind}-${notice.contract.reference.replace(/[^A-Za-z0-9_-]+/g, '-')}-lot-${notice.lot.number}-${notice.sentOn}.pdf`,
  };
}
