/**
 * Importing a monthly statement: upload → preview (every line read, resolved and checked by the
 * domain's declaration checks, stored with the file's SHA-256) → confirm, which commits exactly the
 * stored lines in one transaction with set-based SQL. All or nothing per file; idempotent on
 * (placement, month): the same values again change nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  IMPORT_PAGE_SIZE,
  readStatement,
  SUBCONTRACT_MODALITIES,
  type DeclarationImport,
  type DeclarationImportDetail,
  type ImportColumnKey,
  type ImportCommitResult,
  type ImportIssue,
  type ImportLine,
  type LineOutcome,
  type StatementLine,
} from '@app/shared';
import type { Actor, RequestMeta } from '../actor.js';
import { AppError, errors } from '../errors.js';
import { audit } from '../../infra/audit.js';
import { placementFacts, type PlacementFacts } from '../../infra/declaration-facts.js';
import { boundSqlOf, pgArray, sqlOf } from '../../infra/sql.js';
import { readSpreadsheet, SpreadsheetError, type SpreadsheetContent } from '../../infra/spreadsheets/read-spreadsheet.js';
import { checkAll, type CheckRequest } from './checks.js';
import { lineOutcome, type RecordedDeclaration } from './import-outcome.js';
import { canSeeLot } from './declarations.js';
import { refreshClauseProgress } from './clause-progress.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Line errors kept on the import's summary (all of them stay on the lines). */
const SUMMARY_ERRORS = 50;
const INSERT_CHUNK = 10_000;
/** Previews never confirmed are dropped after a day. */
const PREVIEW_TTL = "interval '1 day'";

/** A line on its way to the preview table. */
interface CheckedLine {
  line: number;
  reference: string;
  month: string | null;
  facts: PlacementFacts | null;
  workedMinutes: number | null;
  trainingMinutes: number | null;
  attestedMinutes: number | null;
  invoiceCents: number | null;
  comment: string | null;
  outcome: LineOutcome;
  declarationId: string | null;
  existing: (RecordedDeclaration & { version: number }) | null;
  errors: { column: string | null; message: string }[];
  warnings: string[];
}

const column = (columns: Partial<Record<ImportColumnKey, string>>, key: ImportColumnKey, fallback: string): string => columns[key] ?? fallback;

async function readFile(bytes: Uint8Array): Promise<SpreadsheetContent> {
  try {
    return await readSpreadsheet(bytes);
  } catch (error) {
    if (error instanceof SpreadsheetError) throw errors.invalidFile(error.message);
    throw error;
  }
}

/** Recorded declarations for these (placement, month) pairs. */
async function recordedFor(em: EntityManager, pairs: readonly { placementId: string; month: string }[]): Promise<Map<string, RecordedDeclaration & { version: number }>> {
  const found = new Map<string, RecordedDeclaration & { version: number }>();
  if (pairs.length === 0) return found;
  const rows = await boundSqlOf(em)<{
    id: string; placement_id: string; month: string; status: string; version: number; worked_minutes: number;
    training_minutes: number | null; attested_minutes: number | null; invoice_cents: string | number | null; comment: string | null;
  }>(
    `select d.id, d.placement_id, d.month, d.status, d.version, d.worked_minutes, d.training_minutes, d.attested_minutes, d.invoice_cents, d.comment
       from hour_declaration d
       join unnest(?::uuid[], ?::text[]) as k(placement_id, month) on k.placement_id = d.placement_id and k.month = d.month`,
    [pgArray(pairs.map((pair) => pair.placementId)), pgArray(pairs.map((pair) => pair.month))],
  );
  for (const row of rows) {
    found.set(`${row.placement_id}|${row.month}`, {
      id: row.id, status: row.status, version: row.version, workedMinutes: row.worked_minutes, trainingMinutes: row.training_minutes,
      attestedMinutes: row.attested_minutes, invoiceCents: row.invoice_cents === null ? null : Number(row.invoice_cents), comment: row.comment,
    });
  }
  return found;
}

/** The lines of a readable statement, resolved against the contractor's placements and checked. */
async function checkLines(em: EntityManager, actor: Actor, lines: readonly StatementLine[], columns: Partial<Record<ImportColumnKey, string>>, today: string): Promise<CheckedLine[]> {
  const referenceColumn = column(columns, 'reference', 'Référence de la mise en poste');
  const hoursColumn = column(columns, 'workedHours', 'Heures travaillées sur le lot');
  const monthColumn = column(columns, 'month', 'Mois');
  const ids = lines.map((line) => line.reference).filter((reference) => UUID.test(reference)).map((reference) => reference.toLowerCase());
  const facts = await placementFacts(em, ids);
  const seen = new Map<string, number>();
  const checked: CheckedLine[] = lines.map((line) => {
    const placement = UUID.test(line.reference) ? facts.get(line.reference.toLowerCase()) : undefined;
    const visible = placement && canSeeLot(actor, placement) ? placement : null;
    const item: CheckedLine = {
      line: line.line, reference: line.reference, month: line.month, facts: visible,
      workedMinutes: line.workedMinutes, trainingMinutes: line.trainingMinutes, attestedMinutes: line.attestedMinutes,
      invoiceCents: line.invoiceCents, comment: line.comment, outcome: 'error', declarationId: null, existing: null, errors: [], warnings: [],
    };
    if (!visible) {
      item.errors.push({ column: referenceColumn, message: `Mise en poste « ${line.reference} » inconnue ou d’une autre entreprise : reprenez la référence du modèle.` });
      return item;
    }
    const key = `${visible.id}|${line.month}`;
    const previous = seen.get(key);
    if (previous !== undefined) {
      item.errors.push({ column: monthColumn, message: `Ligne en double : la ligne ${previous} déclare déjà ${visible.firstName} ${visible.lastName} pour ${line.month}.` });
    } else seen.set(key, line.line);
    const subcontract = SUBCONTRACT_MODALITIES.includes(visible.modality);
    if (subcontract && line.workedMinutes > 0) {
      item.errors.push({ column: hoursColumn, message: 'Sous-traitance à une SIAE ou une EA : déclarez les heures attestées ou le montant facturé, pas des heures travaillées.' });
    }
    if (subcontract && line.attestedMinutes === null && line.invoiceCents === null) {
      item.errors.push({ column: column(columns, 'attestedHours', 'Heures d’insertion attestées (SIAE, EA)'), message: 'Sous-traitance à une SIAE ou une EA : indiquez les heures attestées, le montant facturé, ou les deux.' });
    }
    if (!subcontract && (line.attestedMinutes !== null || line.invoiceCents !== null)) {
      item.errors.push({ column: column(columns, 'attestedHours', 'Heures d’insertion attestées (SIAE, EA)'), message: 'Heures attestées et montant facturé : réservés à la sous-traitance à une SIAE ou une EA.' });
    }
    return item;
  });

  const resolved = checked.filter((item) => item.facts && item.month);
  const recorded = await recordedFor(em, resolved.map((item) => ({ placementId: item.facts!.id, month: item.month! })));
  const requests: CheckRequest[] = [];
  const byDeclaration = new Map<string, CheckedLine>();
  for (const item of resolved) {
    const existing = recorded.get(`${item.facts!.id}|${item.month}`) ?? null;
    item.existing = existing;
    const values = { workedMinutes: item.workedMinutes ?? 0, trainingMinutes: item.trainingMinutes, attestedMinutes: item.attestedMinutes, invoiceCents: item.invoiceCents, comment: item.comment };
    const { outcome, error } = lineOutcome(values, existing ?? undefined);
    if (error) item.errors.push({ column: monthColumn, message: error });
    if (item.errors.length > 0) continue;
    item.outcome = outcome;
    item.declarationId = existing?.id ?? randomUUID();
    if (outcome === 'unchanged') continue;
    byDeclaration.set(item.declarationId, item);
    requests.push({
      facts: item.facts!,
      declaration: {
        id: item.declarationId, placementId: item.facts!.id, month: item.month!, workedMinutes: values.workedMinutes, trainingMinutes: values.trainingMinutes,
        leaveMinutes: null, companyMinutes: null, status: 'submitted', submittedAt: today, proofDocumentIds: [],
      },
    });
  }
  const findings = await checkAll(em, requests, today);
  for (const [id, items] of findings) {
    const item = byDeclaration.get(id)!;
    for (const finding of items) {
      if (finding.blocks === 'submission') item.errors.push({ column: finding.code.startsWith('period') ? monthColumn : hoursColumn, message: finding.message });
      else if (finding.code === 'proof_missing') item.warnings.push('Justificatif à joindre à la déclaration avant sa validation.');
      else item.warnings.push(finding.message);
    }
    if (item.errors.length > 0) item.outcome = 'error';
  }
  for (const item of checked) if (item.errors.length > 0) item.outcome = 'error';
  return checked;
}

/**
 * Bulk insert of the preview lines (column arrays unnested: one statement per 10 000 lines). Each
 * chunk is sent before the previous one is awaited: Node builds the next arrays while PostgreSQL
 * inserts (the connection runs them in order; at most two chunks in memory).
 */
async function insertLines(em: EntityManager, importId: string, lines: readonly CheckedLine[]): Promise<void> {
  const sql = boundSqlOf(em);
  let previous: Promise<unknown> | null = null;
  for (let start = 0; start < lines.length; start += INSERT_CHUNK) {
    const chunk = lines.slice(start, start + INSERT_CHUNK);
    const col = <T extends string | number | null>(pick: (line: CheckedLine) => T) => pgArray(chunk.map(pick));
    const sent = sql(
      `insert into declaration_import_line (declaration_import_id, line, reference, month, placement_id, lot_id, clause_id, contract_id, buyer_id,
         holder_identifier, person, lot_label, worked_minutes, training_minutes, attested_minutes, invoice_cents, comment, outcome,
         declaration_id, existing_version, existing_status, existing_values, errors, warnings)
       select ?, a.line, a.reference, a.month, a.placement_id, a.lot_id, a.clause_id, a.contract_id, a.buyer_id, a.holder_identifier, a.person,
              a.lot_label, a.worked_minutes, a.training_minutes, a.attested_minutes, a.invoice_cents, a.comment, a.outcome, a.declaration_id,
              a.existing_version, a.existing_status, a.existing_values::jsonb, a.errors::jsonb, a.warnings::jsonb
         from unnest(?::int[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[],
                     ?::int[], ?::int[], ?::int[], ?::bigint[], ?::text[], ?::text[], ?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[])
           as a(line, reference, month, placement_id, lot_id, clause_id, contract_id, buyer_id, holder_identifier, person, lot_label,
                worked_minutes, training_minutes, attested_minutes, invoice_cents, comment, outcome, declaration_id, existing_version,
                existing_status, existing_values, errors, warnings)`,
      [
        importId,
        col((l) => l.line),
        col((l) => l.reference.slice(0, 100)),
        col((l) => l.month),
        col((l) => l.facts?.id ?? null),
        col((l) => l.facts?.lotId ?? null),
        col((l) => l.facts?.clauseId ?? null),
        col((l) => l.facts?.contractId ?? null),
        col((l) => l.facts?.buyerId ?? null),
        col((l) => l.facts?.holderIdentifier ?? null),
        col((l) => (l.facts ? `${l.facts.firstName} ${l.facts.lastName}`.slice(0, 220) : null)),
        col((l) => l.facts?.lotLabel.slice(0, 320) ?? null),
        col((l) => l.workedMinutes),
        col((l) => l.trainingMinutes),
        col((l) => l.attestedMinutes),
        col((l) => l.invoiceCents),
        col((l) => l.comment),
        col((l) => l.outcome),
        col((l) => l.declarationId),
        col((l) => l.existing?.version ?? null),
        col((l) => l.existing?.status ?? null),
        col((l) => (l.existing ? JSON.stringify({ status: l.existing.status, workedMinutes: l.existing.workedMinutes, trainingMinutes: l.existing.trainingMinutes, attestedMinutes: l.existing.attestedMinutes, invoiceCents: l.existing.invoiceCents, comment: l.existing.comment }) : null)),
        col((l) => (l.errors.length ? JSON.stringify(l.errors) : '[]')),
        col((l) => (l.warnings.length ? JSON.stringify(l.warnings) : '[]')),
      ],
    );
    // Its failure is reported by the await below (or the previous one's first): never unhandled.
    sent.catch(() => undefined);
    if (previous) await previous;
    previous = sent;
  }
  if (previous) await previous;
}

interface ImportRow {
  id: string;
  file_name: string;
  format: string | null;
  encoding: string | null;
  sha256: string;
  size_bytes: number;
  status: 'previewed' | 'committed' | 'refused';
  line_count: number;
  counts: DeclarationImport['counts'];
  warning_count: number;
  errors: ImportIssue[];
  ignored_headers: string[];
  skipped_lines: number;
  blank_lines: number;
  months: string[];
  uploaded_by_name: string | null;
  created_at: string | Date;
  committed_at: string | Date | null;
  already_committed_at: string | Date | null;
}

const IMPORT_SELECT = `
  select i.*, (select max(o.committed_at) from declaration_import o
                where o.organisation_id = i.organisation_id and o.sha256 = i.sha256 and o.status = 'committed' and o.id <> i.id
                  and o.committed_at <= coalesce(i.committed_at, now())) as already_committed_at
    from declaration_import i`;

const iso = (value: string | Date | null): string | null => (value === null ? null : new Date(value).toISOString());

function importView(row: ImportRow): DeclarationImport {
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format === 'xlsx' || row.format === 'csv' ? row.format : null,
    encoding: row.encoding,
    sha256: row.sha256,
    sizeBytes: row.size_bytes,
    status: row.status,
    lineCount: row.line_count,
    counts: row.counts,
    warningCount: row.warning_count,
    errors: row.errors,
    ignoredHeaders: row.ignored_headers,
    skippedLines: row.skipped_lines,
    blankLines: row.blank_lines,
    months: row.months,
    alreadyCommittedAt: iso(row.already_committed_at),
    uploadedBy: row.uploaded_by_name,
    createdAt: iso(row.created_at)!,
    committedAt: iso(row.committed_at),
  };
}

async function findImport(em: EntityManager, actor: Actor, id: string, lock = false): Promise<ImportRow> {
  const [row] = await sqlOf(em)<ImportRow>(`${IMPORT_SELECT} where i.id = ? and i.organisation_id = ?${lock ? ' for update of i' : ''}`, [id, actor.organisationId]);
  if (!row) throw errors.notFound('Import');
  return row;
}

export async function previewImport(em: EntityManager, actor: Actor, meta: RequestMeta, fileName: string, bytes: Buffer, today: string): Promise<DeclarationImport> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const content = await readFile(bytes);
  const read = readStatement(content.rows);
  if (read.headerLine === null) throw errors.invalidFile(read.errors[0]?.message ?? 'Fichier illisible.');
  const checked = await checkLines(em, actor, read.lines, read.columns, today);
  const lineErrors: ImportIssue[] = [
    ...read.errors,
    ...checked.flatMap((item) => item.errors.map((error) => ({ line: item.line, column: error.column, message: error.message }))),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  // Lines that could not even be read are kept too, so that the preview lists every error by line.
  const unreadable: CheckedLine[] = [...new Set(read.errors.flatMap((error) => (error.line === null ? [] : [error.line])))].map((line) => ({
    line, reference: '', month: null, facts: null, workedMinutes: null, trainingMinutes: null, attestedMinutes: null, invoiceCents: null, comment: null,
    outcome: 'error', declarationId: null, existing: null, errors: read.errors.filter((error) => error.line === line).map(({ column, message }) => ({ column, message })), warnings: [],
  }));
  const all = [...checked, ...unreadable].sort((a, b) => a.line - b.line);
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const item of all) counts[item.outcome] += 1;
  if (read.errors.some((error) => error.line === null)) counts.error += 1;

  const id = randomUUID();
  await em.transactional(async (tx) => {
    const sql = sqlOf(tx);
    await sql(`delete from declaration_import where organisation_id = ? and status <> 'committed' and created_at < now() - ${PREVIEW_TTL}`, [actor.organisationId]);
    await sql(
      `insert into declaration_import (id, organisation_id, uploaded_by, uploaded_by_name, file_name, format, encoding, sha256, size_bytes, status,
         line_count, counts, warning_count, errors, ignored_headers, skipped_lines, blank_lines, months, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb, now())`,
      [
        id, actor.organisationId, actor.userId, actor.fullName, fileName.slice(0, 200), content.format, content.encoding, sha256, bytes.length,
        counts.error > 0 ? 'refused' : 'previewed', all.length, JSON.stringify(counts),
        all.reduce((total, item) => total + item.warnings.length, 0), JSON.stringify(lineErrors.slice(0, SUMMARY_ERRORS)),
        JSON.stringify(read.ignoredHeaders), read.skippedLines.length, read.blankLines,
        JSON.stringify([...new Set(all.flatMap((item) => (item.month ? [item.month] : [])))].sort()),
      ],
    );
    await insertLines(tx, id, all);
    audit(tx, actor, meta, { action: 'preview', entityType: 'DeclarationImport', entityId: id, after: { fileName, sha256, lines: all.length, counts } });
    await tx.flush();
  });
  return importView(await findImport(em, actor, id));
}

export async function getImport(em: EntityManager, actor: Actor, id: string, page: number, errorsOnly: boolean): Promise<DeclarationImportDetail> {
  const row = await findImport(em, actor, id);
  const where = `declaration_import_id = ?${errorsOnly ? " and outcome = 'error'" : ''}`;
  const sql = sqlOf(em);
  const [{ count }] = (await sql<{ count: string }>(`select count(*) from declaration_import_line where ${where}`, [id])) as [{ count: string }];
  const lines = await sql<{
    line: number; reference: string; month: string | null; person: string | null; lot_label: string | null; worked_minutes: number | null;
    training_minutes: number | null; attested_minutes: number | null; invoice_cents: string | number | null; comment: string | null;
    outcome: LineOutcome; errors: { column: string | null; message: string }[]; warnings: string[];
  }>(`select * from declaration_import_line where ${where} order by line limit ? offset ?`, [id, IMPORT_PAGE_SIZE, (page - 1) * IMPORT_PAGE_SIZE]);
  return {
    ...importView(row),
    page,
    pageCount: Math.max(1, Math.ceil(Number(count) / IMPORT_PAGE_SIZE)),
    lines: lines.map((line): ImportLine => ({
      line: line.line,
      reference: line.reference,
      month: line.month,
      person: line.person,
      lot: line.lot_label,
      workedMinutes: line.worked_minutes,
      trainingMinutes: line.training_minutes,
      attestedMinutes: line.attested_minutes,
      invoiceCents: line.invoice_cents === null ? null : Number(line.invoice_cents),
      comment: line.comment,
      outcome: line.outcome,
      errors: line.errors.map((error) => ({ line: line.line, column: error.column, message: error.message })),
      warnings: line.warnings,
    })),
  };
}

export async function listImports(em: EntityManager, actor: Actor): Promise<{ items: DeclarationImport[]; total: number }> {
  const rows = await sqlOf(em)<ImportRow>(`${IMPORT_SELECT} where i.organisation_id = ? order by i.created_at desc limit 50`, [actor.organisationId]);
  return { items: rows.map(importView), total: rows.length };
}

/**
 * Commits the previewed lines, in one transaction: new declarations inserted, changed ones updated
 * (a correction after a rejection), each with its audit event; unchanged lines are left alone. The
 * preview must still hold: a declaration changed since (validated, edited) makes the whole file refuse.
 */
export async function confirmImport(em: EntityManager, actor: Actor, meta: RequestMeta, id: string, today: string): Promise<ImportCommitResult> {
  const outcome = await em.transactional(async (tx) => {
    const sql = sqlOf(tx);
    const row = await findImport(tx, actor, id, true);
    if (row.status === 'committed') throw errors.conflict(`Ce fichier a déjà été enregistré le ${new Date(row.committed_at!).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}.`);
    if (row.counts.error > 0) {
      throw new AppError('rule_violation', `Le fichier contient ${row.counts.error} ligne(s) en erreur : rien n’a été enregistré. Corrigez-les puis déposez le fichier à nouveau.`, { rule: 'import_has_errors' });
    }
    const [{ stale }] = (await sql<{ stale: string }>(
      `select count(*) as stale from declaration_import_line l
         left join hour_declaration d on d.placement_id = l.placement_id and d.month = l.month
        where l.declaration_import_id = ? and l.outcome in ('create', 'update') and d.version is distinct from l.existing_version`,
      [id],
    )) as [{ stale: string }];
    if (Number(stale) > 0) {
      throw errors.conflict(`${stale} déclaration(s) ont changé depuis l’aperçu (validée, modifiée ou créée entre-temps) : déposez le fichier à nouveau pour un nouvel aperçu.`);
    }
    const [{ count: created }] = (await sql<{ count: number }>(
      `with inserted as (insert into hour_declaration (id, placement_id, month, lot_id, clause_id, contract_id, buyer_id, holder_identifier, status, version,
         worked_minutes, training_minutes, attested_minutes, invoice_cents, comment, source, import_id, submitted_at, submitted_by, created_at, updated_at)
       select l.declaration_id, l.placement_id, l.month, l.lot_id, l.clause_id, l.contract_id, l.buyer_id, l.holder_identifier, 'submitted', 1,
              l.worked_minutes, l.training_minutes, l.attested_minutes, l.invoice_cents, l.comment, 'import', l.declaration_import_id, now(), ?, now(), now()
         from declaration_import_line l where l.declaration_import_id = ? and l.outcome = 'create'
       returning 1) select count(*)::int as count from inserted`,
      [actor.userId, id],
    )) as [{ count: number }];
    const [{ count: updated }] = (await sql<{ count: number }>(
      `with changed as (update hour_declaration d
          set worked_minutes = l.worked_minutes, training_minutes = l.training_minutes, attested_minutes = l.attested_minutes,
              invoice_cents = l.invoice_cents, comment = l.comment, source = 'import', import_id = l.declaration_import_id,
              status = case when d.status in ('rejected', 'corrected') then 'corrected' else 'submitted' end,
              version = d.version + 1, submitted_at = now(), submitted_by = ?, updated_at = now()
         from declaration_import_line l
        where l.declaration_import_id = ? and l.outcome = 'update' and d.id = l.declaration_id and d.version = l.existing_version
       returning 1) select count(*)::int as count from changed`,
      [actor.userId, id],
    )) as [{ count: number }];
    if (updated !== row.counts.update || created !== row.counts.create) throw errors.conflict('Des déclarations ont changé pendant l’enregistrement : rien n’a été enregistré, recommencez.');
    await sql(
      `insert into audit_event (at, actor_user_id, organisation_id, action, entity_type, entity_id, before, after, request_id)
       select now(), ?, ?, 'import', 'HourDeclaration', l.declaration_id::text, l.existing_values,
              jsonb_build_object('status', case when l.existing_status in ('rejected', 'corrected') then 'corrected' else 'submitted' end,
                'workedMinutes', l.worked_minutes, 'trainingMinutes', l.training_minutes, 'attestedMinutes', l.attested_minutes,
                'invoiceCents', l.invoice_cents, 'comment', l.comment, 'importId', l.declaration_import_id, 'line', l.line, 'fileName', ?::text), ?
         from declaration_import_line l where l.declaration_import_id = ? and l.outcome in ('create', 'update')`,
      [actor.userId, actor.organisationId, row.file_name, meta.requestId, id],
    );
    await sql(`update declaration_import set status = 'committed', committed_at = now() where id = ?`, [id]);
    audit(tx, actor, meta, { action: 'commit', entityType: 'DeclarationImport', entityId: id, after: { created, updated, unchanged: row.counts.unchanged } });
    await tx.flush();
    const clauses = await sql<{ clause_id: string }>(
      `select distinct clause_id from declaration_import_line where declaration_import_id = ? and outcome in ('create', 'update') and clause_id is not null`,
      [id],
    );
    return { created, updated, unchanged: row.counts.unchanged, clauses: clauses.map((clause) => clause.clause_id) };
  });
  // Transmitted months change the late-declaration flag (not the counted hours: nothing is validated yet).
  await refreshClauseProgress(em, outcome.clauses, today);
  return { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged };
}
