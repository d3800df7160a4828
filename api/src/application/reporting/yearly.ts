/** The consolidated yearly figures of a structure (or the instance, for the admin), from validated declarations. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { yearlyFigures, type Modality, type YearlyFigures } from '@app/shared';
import type { Actor } from '../actor.js';
import { pgArray, sqlOf } from '../../infra/sql.js';
import type { ExportColumn } from '../../infra/spreadsheets/tabular-export.js';
import { reportedStructure } from './scope.js';

export async function yearlyFiguresOf(em: EntityManager, actor: Actor, query: { year: number; facilitatorId?: string | undefined }): Promise<YearlyFigures> {
  const sql = sqlOf(em);
  const structure = reportedStructure(actor, query.facilitatorId);
  const first = `${query.year}-01-01`;
  const last = `${query.year}-12-31`;
  const placements = await sql<{ id: string; participant_id: string; modality: Modality; start_date: string; ended_on: string | null; contract_id: string; buyer_id: string; holder_identifier: string }>(
    `select p.id, p.participant_id, p.modality, p.start_date::text as start_date, p.ended_on::text as ended_on, l.contract_id, l.buyer_id, l.holder_identifier
       from placement p join lot l on l.id = p.lot_id
      where (?::uuid is null or p.organisation_id = ?::uuid) and p.start_date <= ?::date and (p.ended_on is null or p.ended_on >= ?::date)`,
    [structure, structure, last, first],
  );
  const ids = pgArray(placements.map((p) => p.id));
  const hours = placements.length
    ? await sql<{ placement_id: string; minutes: number }>(
        `select placement_id, worked_minutes + coalesce(training_minutes, 0) + coalesce(attested_minutes, 0) as minutes
           from hour_declaration where status = 'validated' and month between ? and ? and placement_id = any(?::uuid[])`,
        [`${query.year}-01`, `${query.year}-12`, ids],
      )
    : [];
  // Criteria of each person's latest standing validation (sensitive: this route is for facilitators and the admin only).
  const criteriaRows = placements.length
    ? await sql<{ participant_id: string; codes: string[] }>(
        `select distinct on (v.participant_id) v.participant_id, array(select c.code from eligibility_criterion c where c.validation_id = v.id order by c.code) as codes
           from eligibility_validation v where v.revoked_at is null and v.participant_id = any(?::uuid[])
          order by v.participant_id, v.validated_at desc`,
        [pgArray([...new Set(placements.map((p) => p.participant_id))])],
      )
    : [];
  return yearlyFigures({
    year: query.year,
    placements: placements.map((p) => ({
      id: p.id, participantId: p.participant_id, modality: p.modality, startDate: p.start_date, endedOn: p.ended_on, contractId: p.contract_id, buyerId: p.buyer_id, holderIdentifier: p.holder_identifier,
    })),
    hours: hours.map((h) => ({ placementId: h.placement_id, minutes: Number(h.minutes) })),
    criteria: new Map(criteriaRows.map((r) => [r.participant_id, r.codes])),
  });
}

interface YearlyRow {
  section: string;
  label: string;
  minutes: number;
  people: number;
  workContracts: number;
  publicContracts: number | null;
  companies: number | null;
  buyers: number | null;
}

/** One table: the totals line, then the lines by modality and by public (hours as decimal hours). */
export function yearlyRows(f: YearlyFigures): YearlyRow[] {
  return [
    { section: 'Total', label: `Année ${f.year}`, minutes: f.minutes, people: f.people, workContracts: f.workContracts, publicContracts: f.publicContracts, companies: f.companies, buyers: f.buyers },
    ...f.byModality.map((b) => ({ section: 'Par modalité', label: b.label, minutes: b.minutes, people: b.people, workContracts: b.workContracts, publicContracts: null, companies: null, buyers: null })),
    ...f.byPublic.map((b) => ({ section: 'Par public', label: b.label, minutes: b.minutes, people: b.people, workContracts: b.workContracts, publicContracts: null, companies: null, buyers: null })),
  ];
}

export const yearlyColumns: readonly ExportColumn<YearlyRow>[] = [
  { header: 'Rubrique', kind: 'text', width: 16, value: (r) => r.section },
  { header: 'Ligne', kind: 'text', width: 60, value: (r) => r.label },
  { header: 'Heures d’insertion validées', kind: 'number', width: 16, value: (r) => r.minutes / 60 },
  { header: 'Personnes', kind: 'integer', width: 12, value: (r) => r.people },
  { header: 'Contrats de travail ou missions', kind: 'integer', width: 16, value: (r) => r.workContracts },
  { header: 'Marchés', kind: 'integer', width: 10, value: (r) => r.publicContracts },
  { header: 'Entreprises titulaires', kind: 'integer', width: 14, value: (r) => r.companies },
  { header: 'Acheteurs', kind: 'integer', width: 12, value: (r) => r.buyers },
];
