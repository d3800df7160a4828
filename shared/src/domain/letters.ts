/**
 * Letters to a contractor (relance, mise en demeure) pre-filled from the clause's figures as the API
 * gives them: required, counted, expected to date, shortfall, missing declarations, and the legal
 * references of the contract. The buyer edits the text before sending; the notice keeps what was sent.
 */
import type { IsoDate } from './calendar.js';
import { formatDateFr, formatHours } from './format.js';
import type { ClauseType } from './vocabulary.js';

export type LetterKind = 'reminder' | 'formal_notice';

/** Where each kind of clause comes from (code de la commande publique, ANRU charter). */
export const CLAUSE_LEGAL_REFERENCES: Readonly<Record<ClauseType, string>> = {
  execution: 'l’article L. 2112-2 du code de la commande publique (condition d’exécution à caractère social)',
  award_criterion: 'l’article L. 2152-7 du code de la commande publique (engagement pris dans votre offre au titre du critère d’attribution)',
  reserved: 'les articles L. 2113-12 et L. 2113-13 du code de la commande publique (marché réservé)',
  insertion_object: 'l’article R. 2123-1 du code de la commande publique (marché d’insertion et de qualification professionnelles)',
  anru: 'la charte nationale d’insertion de l’Agence nationale pour la rénovation urbaine (ANRU)',
};

export interface LetterFacts {
  kind: LetterKind;
  buyerName: string;
  holderName: string;
  contract: { reference: string; object: string; notifiedOn: IsoDate | null };
  lot: { number: number; title: string };
  clauseType: ClauseType;
  /** The clause's figures, as the API computed them (minutes). */
  requiredMinutes: number;
  countedMinutes: number;
  expectedMinutes: number;
  shortfallMinutes: number;
  /** Months whose declarations are missing after their deadline. */
  missingPeriods: number;
  /** The clause has ended and the shortfall is final. */
  ended: boolean;
  /** Penalty written in the contract (its French label), if any. */
  penalty: string | null;
  /** Date by which the contractor must answer (a formal notice always has one). */
  deadline: IsoDate | null;
}

const months = (n: number) => `${n} mois`;

/** The letter's text, ready to edit. */
export function noticeLetterText(f: LetterFacts): string {
  const notified = f.contract.notifiedOn ? `, notifié le ${formatDateFr(f.contract.notifiedOn)}` : '';
  const object = `Marché ${f.contract.reference} — lot ${f.lot.number} « ${f.lot.title} » : clause sociale d’insertion${f.kind === 'formal_notice' ? ' — mise en demeure' : ' — relance'}`;
  const facts = [
    `Le marché ${f.contract.reference} (${f.contract.object})${notified} à ${f.holderName}, comporte une clause sociale d’insertion prise en application de ${CLAUSE_LEGAL_REFERENCES[f.clauseType]} et du cahier des clauses administratives particulières (CCAP) : ${formatHours(f.requiredMinutes)} d’insertion sont requises sur le lot ${f.lot.number}.`,
    f.ended
      ? `L’exécution est terminée : ${formatHours(f.countedMinutes)} ont été comptées, il manque ${formatHours(f.shortfallMinutes)}.`
      : `À ce jour, ${formatHours(f.countedMinutes)} sont comptées, pour ${formatHours(f.expectedMinutes)} attendues à cette date au prorata de la durée d’exécution ; il manque ${formatHours(f.shortfallMinutes)} pour atteindre l’objectif.`,
  ];
  if (f.missingPeriods > 0) {
    facts.push(`Par ailleurs, les déclarations d’heures de ${months(f.missingPeriods)} n’ont pas été transmises après leur échéance.`);
  }
  const deadline = f.deadline ? `au plus tard le ${formatDateFr(f.deadline)}` : 'dans les meilleurs délais';
  const ask =
    f.kind === 'formal_notice'
      ? [
          `En conséquence, nous vous mettons en demeure de respecter vos obligations d’insertion et de nous transmettre, ${deadline}, les déclarations manquantes ainsi que vos explications et les mesures que vous prenez pour atteindre l’objectif (recrutements, recours à une structure d’insertion), justificatifs à l’appui.`,
          f.penalty
            ? `À défaut, les pénalités prévues au marché (${f.penalty.charAt(0).toLowerCase()}${f.penalty.slice(1)}) pourront vous être appliquées, après examen de votre réponse.`
            : 'À défaut, les sanctions prévues au marché pourront vous être appliquées, après examen de votre réponse.',
        ]
      : [
          `Nous vous invitons à transmettre les déclarations d’heures qui manquent et à nous indiquer, ${deadline}, les mesures prévues pour atteindre l’objectif (recrutements, recours à une structure d’insertion), en lien avec le facilitateur de la clause.`,
        ];
  return [
    `Objet : ${object}`,
    'Madame, Monsieur,',
    ...facts,
    ...ask,
    'Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.',
    f.buyerName,
  ].join('\n\n');
}
