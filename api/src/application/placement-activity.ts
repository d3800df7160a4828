import type { EntityManager } from '@mikro-orm/postgresql';

export interface Activity {
  /** Dates of activity that extend retention (placement starts and ends, follow-ups). */
  dates: string[];
  /** A placement without an actual end: the person is still followed. */
  open: boolean;
}

/** Placement activity per participant, for the retention rule. */
export async function activityOf(em: EntityManager, participantIds: string[]): Promise<Map<string, Activity>> {
  const activity = new Map<string, Activity>(participantIds.map((id) => [id, { dates: [], open: false }]));
  if (participantIds.length === 0) return activity;
  const rows = (await em.getConnection().execute(
    `select participant_id, start_date, ended_on, follow_up_on from placement where participant_id in (${participantIds.map(() => '?').join(',')})`,
    participantIds,
  )) as { participant_id: string; start_date: string; ended_on: string | null; follow_up_on: string | null }[];
  for (const r of rows) {
    const a = activity.get(r.participant_id)!;
    a.dates.push(...[r.start_date, r.ended_on, r.follow_up_on].filter((d): d is string => !!d).map(String));
    if (!r.ended_on) a.open = true;
  }
  return activity;
}

/** The person's placements as plain records, for the access-right export. */
export async function placementsExportOf(em: EntityManager, participantId: string): Promise<Record<string, unknown>[]> {
  return (await em.getConnection().execute(
    `select p.id, p.lot_id, p.modality, p.contract_type, p.employer_name, p.employer_siret, p.start_date, p.planned_end_date,
            p.weekly_minutes, p.appellation_code, p.ended_on, p.exit_outcome, p.follow_up_on, p.follow_up_outcome
     from placement p where p.participant_id = ? order by p.start_date`,
    [participantId],
  )) as Record<string, unknown>[];
}
