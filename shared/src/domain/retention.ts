/**
 * Retention of a participant's personal data (reference.md §9): kept while the person is followed,
 * then for `retentionMonths` after the last activity (registration, eligibility validation, end of a
 * placement, follow-up). After that date the data can be erased; the placements stay, anonymised,
 * so that their hours remain counted.
 */
import { addMonths, type IsoDate } from './calendar.js';
import { formatDateFr } from './format.js';

/** Default retention after the last activity: 24 months, as the IAE proofs (R5132-1-7). A parameter. */
export const DEFAULT_RETENTION_MONTHS = 24;

export interface ParticipantActivity {
  readonly registeredOn: IsoDate;
  readonly activityDates: readonly IsoDate[];
  /** A placement without an end: the person is still followed. */
  readonly hasOpenPlacement: boolean;
}

export type RetentionAnswer =
  | { readonly erasable: true; readonly retentionEnd: IsoDate }
  | { readonly erasable: false; readonly retentionEnd: IsoDate | null; readonly message: string };

/** Last day the data must be kept, or null while a placement is open. */
export function retentionEnd(activity: ParticipantActivity, retentionMonths = DEFAULT_RETENTION_MONTHS): IsoDate | null {
  if (activity.hasOpenPlacement) return null;
  const last = activity.activityDates.reduce((latest, date) => (date > latest ? date : latest), activity.registeredOn);
  return addMonths(last, retentionMonths);
}

/** May the data be erased on `today`? Erasure is possible the day after the retention end. */
export function canErase(activity: ParticipantActivity, today: IsoDate, retentionMonths = DEFAULT_RETENTION_MONTHS): RetentionAnswer {
  const end = retentionEnd(activity, retentionMonths);
  if (end === null) return { erasable: false, retentionEnd: null, message: 'Une mise en poste est en cours : les données sont conservées.' };
  if (today <= end) return { erasable: false, retentionEnd: end, message: `Durée de conservation en cours jusqu’au ${formatDateFr(end)}.` };
  return { erasable: true, retentionEnd: end };
}
