/**
 * Declarations of the Lot's demo: three people placed on the demo lots, months of declarations
 * already decided (most validated, one rejected with its reason, one transmitted late), one month
 * waiting in the facilitator's queue, then the months missing past their deadline (late). Fixed dates, so the demo
 * is the same on every machine; runs once (skipped when the demo lots already have declarations).
 * Counted hours are then computed by the domain's counting engine, as after any validation.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { declarationDeadline, addDays } from '@app/shared';
import { sqlOf } from '../../infra/sql.js';
import { refreshClauseProgress } from './clause-progress.js';

const SIRET = { lot: '22460001400019', facilitation: '33012000400040', quercy: '45312000100012', figeac: '48721000200027' };

interface DemoPlacement {
  person: [lastName: string, firstName: string];
  contract: string;
  lotNumber: number;
  modality: string;
  contractType: string | null;
  employer: [name: string, siret: string | null];
  startDate: string;
  plannedEndDate: string | null;
  appellation: [code: string, rome: string];
  /** Month → [hours worked, status, days after the deadline it was transmitted (negative: before)]. */
  months: [month: string, hours: number, status: 'validated' | 'submitted' | 'rejected', lateDays?: number][];
  rejection?: string;
}

const demo: DemoPlacement[] = [
  {
    person: ['Delpech', 'Karim'], contract: '2026-CAH-012', lotNumber: 1, modality: 'direct_hire', contractType: 'cdi',
    employer: ['Bâtiments du Quercy', SIRET.quercy], startDate: '2026-05-04', plannedEndDate: null, appellation: ['16250', 'F1703'],
    months: [['2026-05', 126, 'validated'], ['2026-06', 151.67, 'validated'], ['2026-07', 147, 'validated'], ['2026-08', 98, 'validated'], ['2026-09', 151.67, 'submitted']],
  },
  {
    person: ['Lacoste', 'Julie'], contract: '2026-CAH-012', lotNumber: 1, modality: 'etti', contractType: 'temporary_work',
    employer: ['Quercy Intérim Insertion (ETTI)', null], startDate: '2026-06-01', plannedEndDate: '2026-08-28', appellation: ['16254', 'F1703'],
    months: [['2026-06', 147, 'validated'], ['2026-07', 140, 'validated'], ['2026-08', 126, 'rejected']],
    rejection: 'Le relevé de mission d’août manque : joignez-le et vérifiez les heures (la mission s’arrête le 28).',
  },
  {
    person: ['Fabre', 'Thomas'], contract: '2025-VRD-004', lotNumber: 1, modality: 'direct_hire', contractType: 'cdd_site',
    employer: ['Figeac Travaux Publics', SIRET.figeac], startDate: '2025-05-05', plannedEndDate: '2025-12-19', appellation: ['16250', 'F1703'],
    months: [
      ['2025-05', 126, 'validated'], ['2025-06', 147, 'validated'], ['2025-07', 140, 'validated'], ['2025-08', 70, 'validated'],
      ['2025-09', 154, 'validated'], ['2025-10', 151.67, 'validated'], ['2025-11', 133, 'validated'], ['2025-12', 91, 'validated', 15],
    ],
  },
];

const at = (day: string): Date => new Date(`${day}T09:30:00+02:00`);

export async function seedDemoDeclarations(em: EntityManager, today: string): Promise<boolean> {
  const sql = sqlOf(em);
  const [buyer] = await sql<{ id: string }>('select id from organisation where siret = ?', [SIRET.lot]);
  const [structure] = await sql<{ id: string }>('select id from organisation where siret = ?', [SIRET.facilitation]);
  const [facilitator] = await sql<{ id: string; full_name: string }>(`select id, full_name from app_user where email = 'facilitatrice@demo.suivi-clauses.fr'`);
  if (!buyer || !structure || !facilitator) return false;
  const [{ count }] = (await sql<{ count: string }>('select count(*) from hour_declaration where buyer_id = ?', [buyer.id])) as [{ count: string }];
  if (Number(count) > 0) return false;

  const clauses = new Set<string>();
  await em.transactional(async (tx) => {
    const run = sqlOf(tx);
    for (const item of demo) {
      const [lot] = await run<{ id: string; contract_id: string; holder_identifier: string; clause_id: string | null; rules: { declarations?: { deadlineDay?: number } } | null }>(
        `select l.id, l.contract_id, l.holder_identifier, ic.id as clause_id, ic.rules from lot l join contract c on c.id = l.contract_id
           left join insertion_clause ic on ic.lot_id = l.id where c.buyer_id = ? and c.reference = ? and l.number = ?`,
        [buyer.id, item.contract, item.lotNumber],
      );
      const [person] = await run<{ id: string }>('select id from participant where organisation_id = ? and last_name = ? and first_name = ?', [structure.id, ...item.person]);
      if (!lot || !person) continue;
      const [existing] = await run<{ id: string }>('select id from placement where participant_id = ? and lot_id = ?', [person.id, lot.id]);
      const placementId = existing?.id ?? randomUUID();
      if (!existing) {
        await run(
          `insert into placement (id, organisation_id, participant_id, lot_id, modality, contract_type, employer_name, employer_siret, start_date,
             planned_end_date, weekly_minutes, appellation_code, rome_code, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2100, ?, ?, ?, ?)`,
          [placementId, structure.id, person.id, lot.id, item.modality, item.contractType, ...item.employer, item.startDate, item.plannedEndDate, ...item.appellation, at(item.startDate), at(item.startDate)],
        );
      }
      if (lot.clause_id) clauses.add(lot.clause_id);
      const [declarant] = await run<{ id: string; organisation_id: string }>(
        'select u.id, u.organisation_id from app_user u join organisation o on o.id = u.organisation_id where o.siret = ? order by u.email limit 1',
        [lot.holder_identifier],
      );
      const deadlineDay = lot.rules?.declarations?.deadlineDay ?? 10;
      for (const [month, hoursWorked, status, lateDays] of item.months) {
        const deadline = declarationDeadline(month, deadlineDay);
        const submittedOn = addDays(deadline, lateDays ?? -5);
        const decidedOn = addDays(submittedOn, 3);
        const id = randomUUID();
        const decided = status !== 'submitted';
        await run(
          `insert into hour_declaration (id, placement_id, month, lot_id, clause_id, contract_id, buyer_id, holder_identifier, status, version,
             worked_minutes, comment, rejection_reason, source, submitted_at, submitted_by, decided_at, decided_by, decided_by_name, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'form', ?, ?, ?, ?, ?, ?, ?)`,
          [
            id, placementId, month, lot.id, lot.clause_id, lot.contract_id, buyer.id, lot.holder_identifier, status, decided ? 2 : 1,
            Math.round(hoursWorked * 60), null, status === 'rejected' ? (item.rejection ?? null) : null, at(submittedOn), declarant?.id ?? null,
            decided ? at(decidedOn) : null, decided ? facilitator.id : null, decided ? facilitator.full_name : null, at(submittedOn), at(decided ? decidedOn : submittedOn),
          ],
        );
        await run(
          `insert into audit_event (at, actor_user_id, organisation_id, action, entity_type, entity_id, before, after, request_id)
           values (?, ?, ?, 'create', 'HourDeclaration', ?, null, ?::jsonb, 'demo-seed')`,
          [at(submittedOn), declarant?.id ?? null, declarant?.organisation_id ?? null, id, JSON.stringify({ month, status: 'submitted', workedMinutes: Math.round(hoursWorked * 60) })],
        );
        if (decided) {
          await run(
            `insert into audit_event (at, actor_user_id, organisation_id, action, entity_type, entity_id, before, after, request_id)
             values (?, ?, ?, ?, 'HourDeclaration', ?, '{"status":"pending"}'::jsonb, ?::jsonb, 'demo-seed')`,
            [at(decidedOn), facilitator.id, structure.id, status === 'validated' ? 'validate' : 'reject', id,
              JSON.stringify(status === 'validated' ? { status } : { status, reason: item.rejection })],
          );
        }
      }
    }
    await refreshClauseProgress(tx, [...clauses], today);
  });
  return clauses.size > 0;
}
