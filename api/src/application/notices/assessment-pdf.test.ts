import { describe, expect, it } from 'vitest';
import { renderAssessmentPdf, type AssessmentData } from './assessment-pdf.js';

const data = (participants: number): AssessmentData => ({
  buyerName: 'Département du Lot',
  contract: { reference: '2026-0042', object: 'Réhabilitation du collège Olivier de Magny à Cahors' },
  lot: { number: 1, title: 'Gros œuvre', holderName: 'Bâtiments du Quercy', holderIdentifier: '45312000100012' },
  clause: { type: 'Clause d’exécution', startDate: '2026-02-01', endDate: '2027-01-31', status: 'Non conforme' },
  requiredMinutes: 833 * 60,
  countedMinutes: 610 * 60,
  byModality: [{ label: 'Embauche directe', people: participants, minutes: 610 * 60 }],
  participants: Array.from({ length: participants }, (_, i) => ({
    code: `P-${String(i).padStart(6, '0')}`, modality: 'Embauche directe', contractType: 'CDD', from: '01/02/2026', to: '31/12/2026', exit: 'Emploi durable',
  })),
  exits: [{ label: 'Emploi durable', people: participants }],
  decisions: [{ kind: 'Mise en demeure', sentOn: '2027-05-01', deadline: '2027-05-16', responses: 1, outcome: 'Pénalité', detail: '6 690,00 € — 223 h × 30,00 €/h = 6 690,00 €', decidedOn: '2027-06-01' }],
  generatedOn: '2027-06-15',
});

const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('bilan PDF', () => {
  it('tient sur une page sans participant (le pied de page n’ajoute pas de page blanche)', async () => {
    const pdf = await renderAssessmentPdf(data(0), { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages(pdf)).toBe(1);
  });

  it('passe à la page suivante quand la liste des participants est longue', async () => {
    expect(pages(await renderAssessmentPdf(data(120), { compress: false }))).toBeGreaterThanOrEqual(3);
  });
});
