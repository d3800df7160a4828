/**
 * The funders' (FSE) workbook: the domain's indicators over the placements a structure follows, for
 * the whole period and per operation. Exact counts: it goes to the facilitator and its funder, never
 * to buyers (no small-cell suppression here, see decisions.md privacy table).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  formatDateFr, fundersIndicators, isRuralCommune, type EmploymentStatusAtEntry, type IndicatorLine, type IndicatorPerson, type IndicatorPlacement, type Outcome,
} from '@app/shared';
import type { Actor, RequestMeta } from '../actor.js';
import { audit } from '../../infra/audit.js';
import { pgArray, sqlOf } from '../../infra/sql.js';
import type { ExportColumn, ExportSheet } from '../../infra/spreadsheets/tabular-export.js';
import { reportedStructure } from './scope.js';

interface PlacementRow {
  participant_id: string;
  start_date: string;
  ended_on: string | null;
  exit_outcome: Outcome | null;
  follow_up_on: string | null;
  follow_up_outcome: Outcome | null;
  operation_id: string | null;
  operation_name: string | null;
}

interface PersonRow {
  id: string;
  sex: 'female' | 'male';
  birth_date: string | null;
  education_level: string;
  employment_status_at_entry: EmploymentStatusAtEntry | null;
  disability: boolean | null;
  qpv_status: 'yes' | 'no' | 'unknown';
  population: number | null;
}

export interface FundersWorkbook {
  structureName: string;
  lines: IndicatorLine[];
  byOperation: { operation: string; lines: IndicatorLine[] }[];
  byQuarter: { operation: string; lines: IndicatorLine[] }[];
}

/** The calendar quarters that meet [from, to], clipped to it. */
export function quartersOf(from: string, to: string): { label: string; from: string; to: string }[] {
  const out: { label: string; from: string; to: string }[] = [];
  let year = Number(from.slice(0, 4));
  let quarter = Math.floor((Number(from.slice(5, 7)) - 1) / 3);
  for (;;) {
    const start = `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
    if (start > to) return out;
    const endMonth = quarter * 3 + 3;
    const end = `${year}-${String(endMonth).padStart(2, '0')}-${endMonth === 3 || endMonth === 12 ? '31' : '30'}`;
    out.push({ label: `T${quarter + 1} ${year}`, from: start < from ? from : start, to: end > to ? to : end });
    quarter = (quarter + 1) % 4;
    if (quarter === 0) year++;
  }
}

export async function fundersWorkbook(em: EntityManager, actor: Actor, meta: RequestMeta, query: { from: string; to: string; facilitatorId?: string | undefined }): Promise<FundersWorkbook> {
  const sql = sqlOf(em);
  const structure = reportedStructure(actor, query.facilitatorId);
  const placements = await sql<PlacementRow>(
    `select p.participant_id, p.start_date::text as start_date, p.ended_on::text as ended_on, p.exit_outcome, p.follow_up_on::text as follow_up_on, p.follow_up_outcome,
            o.id as operation_id, o.name as operation_name
       from placement p join lot l on l.id = p.lot_id join contract k on k.id = l.contract_id
       left join insertion_clause ic on ic.lot_id = l.id
       left join operation o on o.id = coalesce(ic.operation_id, k.operation_id)
      where (?::uuid is null or p.organisation_id = ?::uuid) and p.start_date <= ?::date`,
    [structure, structure, query.to],
  );
  const ids = [...new Set(placements.map((p) => p.participant_id))];
  const people = ids.length
    ? await sql<PersonRow>(
        `select pa.id, pa.sex, pa.birth_date::text as birth_date, pa.education_level, pa.employment_status_at_entry, pa.disability, pa.qpv_status, c.population
           from participant pa left join commune c on c.code = pa.commune_code where pa.id = any(?::uuid[])`,
        [pgArray(ids)],
      )
    : [];
  const persons: IndicatorPerson[] = people.map((r) => ({
    id: r.id, sex: r.sex, birthDate: r.birth_date, educationLevel: r.education_level, employmentStatusAtEntry: r.employment_status_at_entry,
    disability: r.disability, qpvStatus: r.qpv_status, rural: r.population === null ? null : isRuralCommune(r.population),
  }));
  const domain = (rows: PlacementRow[]): IndicatorPlacement[] =>
    rows.map((r) => ({ participantId: r.participant_id, startDate: r.start_date, endedOn: r.ended_on, exitOutcome: r.exit_outcome, followUpOn: r.follow_up_on, followUpOutcome: r.follow_up_outcome }));
  const lines = fundersIndicators({ people: persons, placements: domain(placements), from: query.from, to: query.to });
  const operations = new Map<string, { name: string; rows: PlacementRow[] }>();
  for (const p of placements) {
    const key = p.operation_id ?? '';
    const entry = operations.get(key) ?? { name: p.operation_name ?? 'Sans opération', rows: [] };
    entry.rows.push(p);
    operations.set(key, entry);
  }
  const byOperation = [...operations.values()]
    .sort((a, b) => (a.name === 'Sans opération' ? 1 : b.name === 'Sans opération' ? -1 : a.name.localeCompare(b.name, 'fr')))
    .map((o) => ({ operation: o.name, lines: fundersIndicators({ people: persons, placements: domain(o.rows), from: query.from, to: query.to }) }));
  const all = domain(placements);
  const byQuarter = quartersOf(query.from, query.to).map((q) => ({ operation: q.label, lines: fundersIndicators({ people: persons, placements: all, from: q.from, to: q.to }) }));
  const [org] = structure ? await sql<{ name: string }>(`select name from organisation where id = ?`, [structure]) : [{ name: 'Toute l’instance' }];
  // Aggregates of sensitive data (disability): the read is traced like the person-level ones.
  audit(em, actor, meta, { action: 'export', entityType: 'FundersIndicators', entityId: structure, after: { from: query.from, to: query.to } });
  await em.flush();
  return { structureName: org?.name ?? '—', lines, byOperation, byQuarter };
}

const SECTIONS = { entry: 'Entrées', exit: 'Sorties', six_months: 'À 6 mois' } as const;

/** One sheet per table: a notice, the three tables of the period, the breakdown per operation. */
export function fundersSheets(book: FundersWorkbook, query: { from: string; to: string }, today: string): ExportSheet<any>[] {
  const period = `du ${formatDateFr(query.from)} au ${formatDateFr(query.to)}`;
  const notice: ExportSheet<[string, string]> = {
    name: 'Lisez-moi',
    columns: [
      { header: 'Rubrique', kind: 'text', width: 28, value: (r) => r[0] },
      { header: 'Valeur', kind: 'text', width: 110, value: (r) => r[1] },
    ],
    batches: [[
      ['Structure', book.structureName],
      ['Période', period],
      ['Édité le', formatDateFr(today)],
      ['Participants', 'Personnes ayant au moins une mise en poste suivie par la structure ; entrée = début de la première mise en poste.'],
      ['Sortie', 'Fin de la dernière mise en poste, sans autre en cours ; situation = celle saisie à la fin de cette mise en poste.'],
      ['À 6 mois', 'Personnes dont la sortie date de 6 mois pendant la période ; situation = suivi saisi à 6 mois.'],
      ['Zone rurale', 'Commune de résidence de moins de 2 000 habitants (approximation, la grille de densité de l’INSEE n’est pas chargée).'],
      ['Confidentialité', 'Effectifs exacts, pour le financeur : ne pas publier ni transmettre aux acheteurs sans masquer les cases de moins de 5 personnes.'],
    ]],
  };
  const table = (section: keyof typeof SECTIONS): ExportSheet<IndicatorLine> => ({
    name: SECTIONS[section],
    columns: [
      { header: 'Indicateur', kind: 'text', width: 70, value: (l) => l.label },
      { header: 'Total', kind: 'integer', width: 10, value: (l) => l.total },
      { header: 'Femmes', kind: 'integer', width: 10, value: (l) => l.women },
      { header: 'Hommes', kind: 'integer', width: 10, value: (l) => l.men },
    ],
    batches: [book.lines.filter((l) => l.section === section)],
  });
  const codes = book.lines.map((l) => ({ code: l.code, label: l.label }));
  type Breakdown = { operation: string; lines: IndicatorLine[] };
  const breakdown = (name: string, first: string, rows: Breakdown[]): ExportSheet<Breakdown> => ({
    name,
    columns: [
      { header: first, kind: 'text', width: 36, value: (r) => r.operation },
      ...codes.map((c): ExportColumn<Breakdown> => ({ header: c.label, kind: 'integer', width: 16, value: (r) => r.lines.find((l) => l.code === c.code)?.total ?? 0 })),
    ],
    batches: [rows],
  });
  return [notice, table('entry'), table('exit'), table('six_months'), breakdown('Par trimestre', 'Trimestre', book.byQuarter), breakdown('Par opération', 'Opération', book.byOperation)];
}
