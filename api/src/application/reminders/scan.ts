/**
 * The daily reminders scan: reads the facts (declaration deadlines, stored compliance statuses,
 * eligibility validity), asks the domain which reminders are due, and records each one in the outbox.
 * The insert is `on conflict do nothing` on (kind, subject, period, recipient): running the scan twice,
 * or in two processes at once, records every reminder once. Sending is the outbox's job (outbox.ts).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addDays, addMonths, clauseAtRiskText, clauseRules, declarationDueSoon, declarationDueText, declarationLateText, eligibilityExpiringSoon,
  eligibilityExpiringText, validityEnd, type ClauseRulesOverrides, type ReminderKind, type ReminderText,
} from '@app/shared';
import { pgArray, sqlOf, type Sql } from '../../infra/sql.js';
import { clauseProgress } from '../declarations/clause-progress.js';
import { refreshComplianceStatuses } from '../portfolio/compliance-refresh.js';

/** Late declarations older than this are not reminded (a first scan must not flood with the past). */
export const LATE_REMINDER_HORIZON_DAYS = 60;

interface Recipient {
  id: string;
  email: string;
  full_name: string;
  organisation_id: string;
}

interface Reminder {
  kind: ReminderKind;
  subjectId: string;
  period: string;
  facilitatorId: string | null;
  text: ReminderText;
  recipients: Recipient[];
}

export interface ScanOutcome {
  /** Reminders found due (one per event and recipient). */
  due: number;
  /** Newly recorded in the outbox (the others were already there). */
  recorded: number;
}

const DEFAULT_VALIDITY_MONTHS = clauseRules({}).eligibility.validityMonths;

const clauseLabel = (r: { reference: string; lot_number: number; lot_title: string }) => `le marché ${r.reference}, lot ${r.lot_number} « ${r.lot_title} »`;

async function usersOf(sql: Sql, where: string, params: unknown[]): Promise<Recipient[]> {
  return sql<Recipient>(`select u.id, u.email, u.full_name, u.organisation_id from app_user u join organisation o on o.id = u.organisation_id where u.active and ${where} order by u.email`, params);
}

const groupBy = <T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> => {
  const map = new Map<K, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
};

interface ClauseFacts {
  clause_id: string;
  reference: string;
  lot_number: number;
  lot_title: string;
  holder_identifier: string;
  holder_name: string | null;
  buyer_id: string;
  facilitator_id: string | null;
  /** The clause's facilitator, or else the first structure the buyer mandated: whose list shows the reminder. */
  followed_by: string | null;
  rules: ClauseRulesOverrides | null;
}

const clauseColumns = `ic.id as clause_id, k.reference, l.number as lot_number, l.title as lot_title, ic.holder_identifier, l.holder_name,
  ic.buyer_id, ic.facilitator_id, ic.rules,
  coalesce(ic.facilitator_id, (select m.facilitator_id from mandate m where m.buyer_id = ic.buyer_id order by m.created_at, m.id limit 1)) as followed_by`;

/** Declarations due within the lead days: the previous month, for placements without a transmitted declaration. */
async function declarationsDue(sql: Sql, today: string, declareLink: (month: string) => string): Promise<Reminder[]> {
  const month = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const monthStart = `${month}-01`;
  const monthEnd = addDays(`${today.slice(0, 7)}-01`, -1);
  const rows = await sql<ClauseFacts & { first_name: string; last_name: string }>(
    `select ${clauseColumns}, pa.first_name, pa.last_name
       from insertion_clause ic join lot l on l.id = ic.lot_id join contract k on k.id = ic.contract_id
       join placement p on p.lot_id = ic.lot_id join participant pa on pa.id = p.participant_id
      where not ic.waived and ic.start_date <= ?::date and ic.end_date >= ?::date
        and p.start_date <= ?::date and (p.ended_on is null or p.ended_on >= ?::date)
        and not exists (select 1 from hour_declaration d where d.placement_id = p.id and d.month = ? and d.status <> 'draft')
      order by pa.last_name, pa.first_name`,
    [monthEnd, monthStart, monthEnd, monthStart, month],
  );
  const reminders: Reminder[] = [];
  for (const group of groupBy(rows, (r) => r.clause_id).values()) {
    const first = group[0]!;
    const soon = declarationDueSoon(today, clauseRules(first.rules ?? {}).declarations.deadlineDay);
    if (!soon) continue;
    const text = declarationDueText({ clauseLabel: clauseLabel(first), month: soon.month, deadline: soon.deadline, people: group.map((r) => `${r.first_name} ${r.last_name}`), link: declareLink(soon.month) });
    reminders.push({ kind: 'declaration_due', subjectId: first.clause_id, period: soon.month, facilitatorId: first.followed_by, text, recipients: [] });
  }
  return withContractors(sql, reminders, rows);
}

/** Months past their deadline without a declaration (the domain's declarationDeadlines, through clauseProgress). */
async function declarationsLate(em: EntityManager, sql: Sql, today: string, declareLink: (month: string) => string): Promise<Reminder[]> {
  const horizon = addDays(today, -LATE_REMINDER_HORIZON_DAYS - 40);
  const clauses = await sql<ClauseFacts>(
    `select ${clauseColumns}
       from insertion_clause ic join lot l on l.id = ic.lot_id join contract k on k.id = ic.contract_id
      where not ic.waived and ic.start_date <= ?::date and ic.end_date >= ?::date
        and exists (select 1 from placement p where p.lot_id = ic.lot_id)`,
    [today, horizon],
  );
  const names = new Map<string, string>();
  const reminders: Reminder[] = [];
  for (let i = 0; i < clauses.length; i += 200) {
    const batch = clauses.slice(i, i + 200);
    const progress = await clauseProgress(em, batch.map((c) => c.clause_id), today);
    const people = [...new Set([...progress.values()].flatMap((p) => p.missing.map((m) => m.participantId)))].filter((id) => !names.has(id));
    if (people.length) {
      for (const row of await sql<{ id: string; first_name: string; last_name: string }>(`select id, first_name, last_name from participant where id = any(?::uuid[])`, [pgArray(people)])) {
        names.set(row.id, `${row.first_name} ${row.last_name}`);
      }
    }
    for (const clause of batch) {
      const missing = (progress.get(clause.clause_id)?.missing ?? []).filter((m) => m.daysLate <= LATE_REMINDER_HORIZON_DAYS);
      for (const [month, items] of groupBy(missing, (m) => m.month)) {
        const text = declarationLateText({
          clauseLabel: clauseLabel(clause), month, deadline: items[0]!.deadline, people: [...new Set(items.map((m) => names.get(m.participantId) ?? 'personne effacée'))],
          link: declareLink(month),
        });
        reminders.push({ kind: 'declaration_late', subjectId: clause.clause_id, period: month, facilitatorId: clause.followed_by, text, recipients: [] });
      }
    }
  }
  return withContractors(sql, reminders, clauses);
}

/** The contractor's users: the organisation whose SIRET holds the lot. */
async function withContractors(sql: Sql, reminders: Reminder[], clauses: readonly ClauseFacts[]): Promise<Reminder[]> {
  if (!reminders.length) return reminders;
  const holderOf = new Map(clauses.map((c) => [c.clause_id, c.holder_identifier]));
  const users = await usersOf(sql, `o.kind = 'contractor' and o.siret = any(?::text[])`, [pgArray([...new Set(holderOf.values())])]);
  const sirets = await sql<{ id: string; siret: string }>(`select id, siret from organisation where id = any(?::uuid[])`, [pgArray([...new Set(users.map((u) => u.organisation_id))])]);
  const siretOf = new Map(sirets.map((o) => [o.id, o.siret]));
  const byHolder = groupBy(users, (u) => siretOf.get(u.organisation_id));
  for (const reminder of reminders) reminder.recipients = byHolder.get(holderOf.get(reminder.subjectId)) ?? [];
  return reminders;
}

/** Clauses whose stored status is "at risk": the buyer's users and the facilitators (the clause's, or those the buyer mandated). */
async function clausesAtRisk(sql: Sql): Promise<Reminder[]> {
  const clauses = await sql<ClauseFacts>(
    `select ${clauseColumns} from insertion_clause ic join lot l on l.id = ic.lot_id join contract k on k.id = ic.contract_id
      where ic.compliance_status = 'at_risk' and not ic.waived`,
  );
  if (!clauses.length) return [];
  const buyers = pgArray([...new Set(clauses.map((c) => c.buyer_id))]);
  const buyerUsers = groupBy(await usersOf(sql, `o.kind = 'buyer' and o.id = any(?::uuid[])`, [buyers]), (u) => u.organisation_id);
  const mandates = groupBy(await sql<{ buyer_id: string; facilitator_id: string }>(`select buyer_id, facilitator_id from mandate where buyer_id = any(?::uuid[])`, [buyers]), (m) => m.buyer_id);
  const facilitatorIds = [...new Set([...clauses.map((c) => c.facilitator_id), ...[...mandates.values()].flat().map((m) => m.facilitator_id)].filter((id): id is string => !!id))];
  const facilitatorUsers = groupBy(await usersOf(sql, `o.kind = 'facilitator' and o.id = any(?::uuid[])`, [pgArray(facilitatorIds)]), (u) => u.organisation_id);
  return clauses.map((clause) => {
    const facilitators = clause.facilitator_id ? [clause.facilitator_id] : (mandates.get(clause.buyer_id) ?? []).map((m) => m.facilitator_id);
    return {
      kind: 'clause_at_risk',
      subjectId: clause.clause_id,
      // The clause's passage to "at risk" is announced once (period ''), not again every day it stays so.
      period: '',
      facilitatorId: clause.followed_by,
      text: clauseAtRiskText({ clauseLabel: clauseLabel(clause), holderName: clause.holder_name ?? clause.holder_identifier }),
      recipients: [...(buyerUsers.get(clause.buyer_id) ?? []), ...facilitators.flatMap((id) => facilitatorUsers.get(id) ?? [])],
    } satisfies Reminder;
  });
}

/** The latest standing validation of each person, when it ends within the lead days: its structure's facilitators. */
async function eligibilitiesExpiring(sql: Sql, today: string): Promise<Reminder[]> {
  const rows = await sql<{ id: string; organisation_id: string; validated_at: string; valid_until: string | null; first_name: string; last_name: string }>(
    `select v.id, v.organisation_id, v.validated_at::text as validated_at, v.valid_until::text as valid_until, pa.first_name, pa.last_name
       from eligibility_validation v join participant pa on pa.id = v.participant_id
      where v.revoked_at is null and pa.erased_at is null
        and (v.valid_until >= ?::date or (v.valid_until is null and v.validated_at >= ?::date))
        and not exists (select 1 from eligibility_validation w where w.participant_id = v.participant_id and w.revoked_at is null and w.validated_at > v.validated_at)`,
    [today, addMonths(today, -DEFAULT_VALIDITY_MONTHS - 1)],
  );
  const expiring = rows
    .map((r) => ({ ...r, end: validityEnd({ id: r.id, participantId: '', validatedAt: r.validated_at, validUntil: r.valid_until, criteria: [] } as never, DEFAULT_VALIDITY_MONTHS) }))
    .filter((r) => eligibilityExpiringSoon(r.end, today));
  if (!expiring.length) return [];
  const users = groupBy(await usersOf(sql, `o.kind = 'facilitator' and o.id = any(?::uuid[])`, [pgArray([...new Set(expiring.map((r) => r.organisation_id))])]), (u) => u.organisation_id);
  return expiring.map((r) => ({
    kind: 'eligibility_expiring',
    subjectId: r.id,
    period: r.end,
    facilitatorId: r.organisation_id,
    text: eligibilityExpiringText({ personName: `${r.first_name} ${r.last_name}`, validUntil: r.end }),
    recipients: users.get(r.organisation_id) ?? [],
  }));
}

/** Records the reminders in the outbox, once each (the unique key absorbs repeated or concurrent scans). */
async function record(sql: Sql, reminders: readonly Reminder[]): Promise<ScanOutcome> {
  const rows = reminders.flatMap((r) => r.recipients.map((u) => [randomUUID(), r.kind, r.subjectId, r.period, u.id, u.email, u.full_name, r.facilitatorId, r.text.subject.slice(0, 300), r.text.body]));
  let recorded = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const inserted = await sql(
      `insert into notification (id, kind, subject_id, period, recipient_user_id, recipient_email, recipient_name, facilitator_id, subject, body, status, attempts, created_at)
       values ${batch.map(() => `(?::uuid, ?, ?::uuid, ?, ?::uuid, ?, ?, ?::uuid, ?, ?, 'pending', 0, now())`).join(', ')}
       on conflict on constraint notification_event_unique do nothing returning id`,
      batch.flat(),
    );
    recorded += inserted.length;
  }
  return { due: rows.length, recorded };
}

export interface ScanOptions {
  /** The address people open the application at: the contractor's e-mails link to the month to declare. */
  appUrl?: string;
}
const DEFAULT_APP_URL = 'http://127.0.0.1:3000';

/** One scan, as of `today`: statuses refreshed first (they move with the calendar), then the four kinds of reminder. */
export async function scanReminders(em: EntityManager, today: string, options: ScanOptions = {}): Promise<ScanOutcome> {
  const declareLink = (month: string) => `${(options.appUrl ?? DEFAULT_APP_URL).replace(/\/$/, '')}/entreprise/declarations/nouvelle?mois=${month}`;
  await refreshComplianceStatuses(em.fork(), today);
  return em.fork().transactional(async (tx) => {
    const sql = sqlOf(tx);
    const reminders = [
      ...(await declarationsDue(sql, today, declareLink)),
      ...(await declarationsLate(tx, sql, today, declareLink)),
      ...(await clausesAtRisk(sql)),
      ...(await eligibilitiesExpiring(sql, today)),
    ];
    return record(sql, reminders);
  });
}
