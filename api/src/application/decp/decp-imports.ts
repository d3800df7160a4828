import { createHash, randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DecpImportSchema, type DecpImportEntity } from '@app/db';
import type { DecpImport, DecpResult, DecpSummary } from '@app/shared';
import type { Actor, RequestMeta } from '../actor.js';
import { AppError, errors } from '../errors.js';
import { scopeFilter, scoped } from '../../infra/scope.js';
import { audit } from '../../infra/audit.js';
import { parseDecp, type DecpContract } from '../../infra/decp/index.js';
import { classify, nameHolders } from './decp-classify.js';
import { writeRecords } from './decp-writer.js';

const MAX_ISSUES = 1000;
const MAX_WARNINGS = 200;
const SAMPLE = 50;

function parseOrRefuse(content: Buffer) {
  const parsed = parseDecp(content);
  if (!parsed.ok) throw errors.invalidFile(parsed.reason);
  return parsed;
}

const sampleOf = (c: DecpContract, action: 'create' | 'update' | 'unchanged') => ({
  index: c.index, sourceId: c.sourceId, object: c.object, notifiedOn: c.notifiedOn, amountCents: c.amountCents,
  holders: c.holders.map((h) => h.name ?? h.id), socialConsiderations: c.socialConsiderations, action,
});

export function toDecpImport(row: DecpImportEntity): DecpImport {
  return {
    id: row.id,
    filename: row.filename,
    sizeBytes: row.sizeBytes,
    format: row.format ?? null,
    status: row.status as DecpImport['status'],
    createdAt: row.createdAt.toISOString(),
    uploadedBy: row.uploadedBy.fullName,
    summary: row.summary as DecpSummary,
    issues: row.issues as DecpImport['issues'],
    warnings: row.warnings as DecpImport['warnings'],
    sample: row.sample as DecpImport['sample'],
    progress: { processed: row.processed, total: row.total },
    result: (row.result ?? null) as DecpResult | null,
    error: row.error ?? null,
  };
}

/**
 * Reads the file, tells what the import would do (new, already there, updated by modifications,
 * records skipped and why), and keeps the file for the confirmation. A file that is not DECP is
 * refused and nothing is written.
 */
export async function previewDecpImport(em: EntityManager, actor: Actor, meta: RequestMeta, file: Buffer, filename: string): Promise<DecpImport> {
  const parsed = parseOrRefuse(file);
  if (!actor.organisationSiret) throw errors.forbidden('Votre organisation n’a pas de SIRET : impossible de reconnaître ses marchés.');
  await nameHolders(em, parsed.contracts);
  const c = await classify(em, actor.organisationId, actor.organisationSiret, parsed.format, parsed.contracts);
  const actions = c.mine.map((m) => ({ m, action: c.actionOf(m) }));
  const count = (a: string) => actions.filter((x) => x.action === a).length;
  const summary: DecpSummary = {
    records: parsed.contracts.length + parsed.issues.reduce((set, i) => set.add(i.index), new Set<number>()).size + parsed.concessionsIgnored,
    concessionsIgnored: parsed.concessionsIgnored,
    otherBuyers: c.otherBuyers,
    notSocial: c.notSocial,
    contracts: c.mine.length,
    withSocialConsideration: c.mine.filter((m) => m.socialConsiderations.some((s) => s !== 'Pas de considération sociale')).length,
    withInsertionClause: c.mine.filter((m) => m.hasInsertionClause).length,
    reserved: c.mine.filter((m) => m.reserved).length,
    new: count('create'),
    existing: count('update') + count('unchanged'),
    unchanged: count('unchanged'),
    issues: parsed.issues.length,
  };
  return em.transactional(async (tx) => {
    const row = tx.create(DecpImportSchema, {
      id: randomUUID(),
      buyer: actor.organisationId,
      uploadedBy: actor.userId,
      filename,
      sizeBytes: file.length,
      sha256: createHash('sha256').update(file).digest('hex'),
      format: parsed.format,
      status: 'previewed',
      content: gzipSync(file),
      summary,
      issues: parsed.issues.slice(0, MAX_ISSUES),
      warnings: c.mine.flatMap((m) => m.warnings.map((w) => ({ index: m.index, sourceId: m.sourceId, message: w }))).slice(0, MAX_WARNINGS),
      sample: [
        ...actions.filter((x) => x.action === 'create').slice(0, SAMPLE),
        ...actions.filter((x) => x.action !== 'create').slice(0, SAMPLE),
      ].map((x) => sampleOf(x.m, x.action)),
      processed: 0,
      total: c.mine.length,
    });
    audit(tx, actor, meta, { action: 'upload', entityType: 'DecpImport', entityId: row.id, after: { filename, sizeBytes: file.length, format: parsed.format, summary } });
    await tx.flush();
    await tx.populate(row, ['uploadedBy']);
    return toDecpImport(row);
  });
}

export async function listDecpImports(em: EntityManager, actor: Actor): Promise<{ items: Omit<DecpImport, 'issues' | 'warnings' | 'sample' | 'progress' | 'error'>[]; total: number }> {
  const rows = await em.find(DecpImportSchema, scopeFilter(actor, 'DecpImport'), { populate: ['uploadedBy'], orderBy: { createdAt: 'desc' }, limit: 50 });
  return { items: rows.map(toDecpImport), total: rows.length };
}

export async function getDecpImport(em: EntityManager, actor: Actor, id: string): Promise<DecpImport> {
  const row = await em.findOne(DecpImportSchema, scoped(actor, 'DecpImport', { id }), { populate: ['uploadedBy'] });
  if (!row) throw errors.notFound('Import DECP');
  return toDecpImport(row);
}

/**
 * Runs the import in one transaction (all or nothing), in batches; the progress is written on its
 * own connection so that the page can show it while the transaction runs. Idempotent: a record
 * already imported only receives the modifications it did not have.
 */
export async function confirmDecpImport(em: EntityManager, actor: Actor, meta: RequestMeta, id: string, today: string): Promise<DecpImport> {
  const progressEm = em.fork();
  const claimed = await progressEm.nativeUpdate(
    DecpImportSchema,
    { $and: [scopeFilter(actor, 'DecpImport'), { id, status: { $in: ['previewed', 'failed'] } }] },
    { status: 'running', startedAt: new Date(), processed: 0, error: null },
  );
  if (!claimed) {
    await getDecpImport(em, actor, id); // 404 when not visible
    throw errors.conflict('Cet import est déjà en cours ou terminé.');
  }
  const started = performance.now();
  try {
    const [stored] = await em.getConnection().execute<{ content: Buffer }[]>('select content from decp_import where id = ?', [id]);
    const parsed = parseOrRefuse(gunzipSync(stored!.content));
    await em.transactional(async (tx) => {
      await nameHolders(tx, parsed.contracts);
      const c = await classify(tx, actor.organisationId, actor.organisationSiret ?? '', parsed.format, parsed.contracts);
      const counts = await writeRecords(tx, actor.organisationId, c, today, (processed) =>
        progressEm.nativeUpdate(DecpImportSchema, { id }, { processed }).then(() => undefined),
      );
      const done: DecpResult = { ...counts, skipped: parsed.issues.length, ms: Math.round(performance.now() - started) };
      await tx.nativeUpdate(DecpImportSchema, { id }, { status: 'done', result: done, processed: c.mine.length, finishedAt: new Date() });
      audit(tx, actor, meta, { action: 'import', entityType: 'DecpImport', entityId: id, after: { ...done } });
      await tx.flush();
    });
  } catch (error) {
    const message = error instanceof AppError && error.detail ? error.detail : 'L’import a échoué ; rien n’a été écrit. Réessayez ou contactez le support.';
    await progressEm.nativeUpdate(DecpImportSchema, { id }, { status: 'failed', error: message, finishedAt: new Date() });
    throw error;
  }
  return getDecpImport(em.fork(), actor, id);
}
