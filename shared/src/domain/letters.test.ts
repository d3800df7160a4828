import { describe, expect, it } from 'vitest';
import { noticeLetterText, type LetterFacts } from './letters.js';

const h = (hours: number) => hours * 60;
/** decisions.md §9: 833 h over 12 months, month 8, 250 h counted, 555 h expected. */
const facts = (overrides: Partial<LetterFacts> = {}): LetterFacts => ({
  kind: 'reminder',
  buyerName: 'Département du Lot',
  holderName: 'Bâtiments du Quercy',
  contract: { reference: '2026-CAH-012', object: 'Restructuration du collège Olivier de Magny', notifiedOn: '2026-01-12' },
  lot: { number: 1, title: 'Gros œuvre' },
  clauseType: 'execution',
  requiredMinutes: h(833),
  countedMinutes: h(250),
  expectedMinutes: h(555),
  shortfallMinutes: h(583),
  missingPeriods: 0,
  ended: false,
  penalty: null,
  deadline: null,
  ...overrides,
});
const text = (overrides: Partial<LetterFacts> = {}) => noticeLetterText(facts(overrides)).replace(/[\u00a0\u202f]/g, ' ');

describe('courriers pré-remplis depuis les chiffres de la clause', () => {
  it('la relance donne les heures requises, comptées, attendues et le manque, et la référence légale de la clause', () => {
    const letter = text();
    expect(letter).toMatch(/^Objet : Marché 2026-CAH-012 — lot 1 « Gros œuvre » : clause sociale d’insertion — relance/);
    expect(letter).toContain('notifié le 12/01/2026 à Bâtiments du Quercy');
    expect(letter).toContain('l’article L. 2112-2 du code de la commande publique');
    expect(letter).toContain('833 h d’insertion sont requises sur le lot 1');
    expect(letter).toContain('250 h sont comptées, pour 555 h attendues à cette date');
    expect(letter).toContain('il manque 583 h');
    expect(letter).not.toContain('mettons en demeure');
    expect(letter.trim().endsWith('Département du Lot')).toBe(true);
  });

  it('la mise en demeure fixe la date limite et rappelle la pénalité du marché', () => {
    const letter = text({ kind: 'formal_notice', deadline: '2026-12-04', penalty: 'Montant fixe par heure manquante', missingPeriods: 2 });
    expect(letter).toContain('— mise en demeure');
    expect(letter).toContain('nous vous mettons en demeure');
    expect(letter).toContain('au plus tard le 04/12/2026');
    expect(letter).toContain('les pénalités prévues au marché (montant fixe par heure manquante)');
    expect(letter).toContain('les déclarations d’heures de 2 mois n’ont pas été transmises après leur échéance');
  });

  it.each<[LetterFacts['clauseType'], string]>([
    ['award_criterion', 'L. 2152-7'],
    ['reserved', 'L. 2113-12'],
    ['insertion_object', 'R. 2123-1'],
    ['anru', 'charte nationale d’insertion'],
  ])('clause %s : cite %s', (clauseType, reference) => {
    expect(text({ clauseType })).toContain(reference);
  });

  it('clause terminée : le manque est définitif, sans « attendues à cette date »', () => {
    const letter = text({ ended: true, countedMinutes: 0, shortfallMinutes: h(833) });
    expect(letter).toContain('L’exécution est terminée : 0 h ont été comptées, il manque 833 h.');
    expect(letter).not.toContain('attendues');
  });
});
