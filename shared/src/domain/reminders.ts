/**
 * Reminders (relances) as pure rules: when a reminder is due, and its French wording. The API scans the
 * facts every day and records each reminder once (notification table); these functions only decide.
 */
import { addDays, addMonthsToMonth, daysBetween, monthOf, type IsoDate, type YearMonth } from './calendar.js';
import { declarationDeadline } from './deadlines.js';
import { formatDateFr, monthLabelFr } from './format.js';

export const REMINDER_KINDS = ['declaration_due', 'declaration_late', 'clause_at_risk', 'eligibility_expiring'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export const REMINDER_KIND_LABELS: Readonly<Record<ReminderKind, string>> = {
  declaration_due: 'Déclaration à transmettre',
  declaration_late: 'Déclaration en retard',
  clause_at_risk: 'Clause à risque',
  eligibility_expiring: 'Éligibilité bientôt expirée',
};

/** Days before the deadline when contractors are reminded of the declaration to come. */
export const DECLARATION_DUE_LEAD_DAYS = 5;
/** Eligibilities ending within this many days are announced to the facilitators. */
export const ELIGIBILITY_EXPIRY_LEAD_DAYS = 30;


/**
 * The declaration whose deadline comes within `leadDays` (deadline included): the previous month's,
 * due on day `deadlineDay` of this month. Null when no deadline is near.
 */
export function declarationDueSoon(today: IsoDate, deadlineDay: number, leadDays = DECLARATION_DUE_LEAD_DAYS): { month: YearMonth; deadline: IsoDate } | null {
  const month = addMonthsToMonth(monthOf(today), -1);
  const deadline = declarationDeadline(month, deadlineDay);
  const left = daysBetween(today, deadline);
  return left >= 0 && left <= leadDays ? { month, deadline } : null;
}

/** An eligibility ending between today and today + `leadDays` (included) is about to expire. */
export function eligibilityExpiringSoon(validUntil: IsoDate, today: IsoDate, leadDays = ELIGIBILITY_EXPIRY_LEAD_DAYS): boolean {
  return validUntil >= today && validUntil <= addDays(today, leadDays);
}

export interface ReminderText {
  subject: string;
  body: string;
}

const signature = '\n\n— Suivi des clauses sociales (message automatique, merci de ne pas y répondre)';

/** Where the contractor declares the month (a link into the application), when the sender knows the address. */
const declareAt = (link: string | undefined) => (link ? `\n\nDéclarer ce mois : ${link}` : '');

export function declarationDueText(f: { clauseLabel: string; month: YearMonth; deadline: IsoDate; people: readonly string[]; link?: string }): ReminderText {
  return {
    subject: `Déclaration d’heures de ${monthLabelFr(f.month)} à transmettre avant le ${formatDateFr(f.deadline)}`,
    body:
      `Bonjour,\n\nLa déclaration des heures d’insertion de ${monthLabelFr(f.month)} pour ${f.clauseLabel} est attendue au plus tard le ${formatDateFr(f.deadline)}.\n` +
      `Personnes concernées : ${f.people.join(', ')}.\n\nVous pouvez la saisir ou importer votre relevé dans votre espace entreprise.${declareAt(f.link)}${signature}`,
  };
}

export function declarationLateText(f: { clauseLabel: string; month: YearMonth; deadline: IsoDate; people: readonly string[]; link?: string }): ReminderText {
  return {
    subject: `Déclaration d’heures de ${monthLabelFr(f.month)} en retard`,
    body:
      `Bonjour,\n\nLa déclaration des heures d’insertion de ${monthLabelFr(f.month)} pour ${f.clauseLabel} n’a pas été transmise ; elle était attendue le ${formatDateFr(f.deadline)}.\n` +
      `Personnes concernées : ${f.people.join(', ')}.\n\nMerci de la transmettre au plus vite : un retard de déclaration peut entraîner l’application des pénalités prévues au marché.${declareAt(f.link)}${signature}`,
  };
}

export function clauseAtRiskText(f: { clauseLabel: string; holderName: string }): ReminderText {
  return {
    subject: `Clause d’insertion à risque : ${f.clauseLabel}`,
    body:
      `Bonjour,\n\nLa clause d’insertion de ${f.clauseLabel} (titulaire : ${f.holderName}) est passée « à risque » : au rythme actuel, les heures requises ne seront pas atteintes à la fin de la clause.\n\n` +
      `Un point avec l’entreprise est conseillé (plan d’action, recrutements à venir).${signature}`,
  };
}

export function eligibilityExpiringText(f: { personName: string; validUntil: IsoDate }): ReminderText {
  return {
    subject: `Éligibilité de ${f.personName} : fin de validité le ${formatDateFr(f.validUntil)}`,
    body:
      `Bonjour,\n\nLa validation d’éligibilité de ${f.personName} prend fin le ${formatDateFr(f.validUntil)}. Les heures réalisées après cette date ne seront plus comptées.\n\n` +
      `Pensez à renouveler la validation (justificatifs à jour) si la personne est toujours en parcours.${signature}`,
  };
}
