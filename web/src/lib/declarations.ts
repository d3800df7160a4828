import { DECLARATION_STATUS_LABELS, formatHours, monthLabelFr, type DeclarationStatus } from '@app/shared';

/** "2026-03" → "mars 2026". */
export const monthLabel = monthLabelFr;

/** Minutes in words for tables ("151 h 40 min"), '—' when absent. */
export const hours = (minutes: number | null | undefined): string => (minutes == null ? '—' : formatHours(minutes));

export const statusLabel = (status: string): string => DECLARATION_STATUS_LABELS[status as DeclarationStatus] ?? status;

/** The colour that repeats a declaration's status (the label always says it). */
export const statusTone = (status: string | null): 'ok' | 'alerte' | 'attention' | 'neutre' =>
  status === 'validated' ? 'ok' : status === 'rejected' ? 'alerte' : status === 'submitted' || status === 'corrected' ? 'attention' : 'neutre';

/** Euros HT from cents, French way. */
export const euros = (cents: number | null | undefined): string =>
  cents == null ? '—' : `${(cents / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} € HT`;

export const dateTime = (iso: string | null | undefined): string =>
  iso ? new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }) : '—';

/**
 * "Rien à déclarer ce mois-ci": a month transmitted at 0 h, with this comment. It meets the deadline
 * like any transmitted declaration and needs no proof (shared/src/domain/declaration-checks.ts).
 */
export const NOTHING_TO_DECLARE = 'Rien à déclarer ce mois-ci';
