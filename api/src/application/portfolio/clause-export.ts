import type { z } from 'zod';
import type { EntityManager } from '@mikro-orm/postgresql';
import { raw } from '@mikro-orm/core';
import { InsertionClauseSchema } from '@app/db';
import {
  CLAUSE_STATE_LABELS, CLAUSE_TYPE_LABELS, COMPLIANCE_STATUS_LABELS, REQUIRED_HOURS_METHOD_LABELS, tradeLabel,
  type ClauseType, type ComplianceStatus, type exportQuerySchema, type RequiredHoursMethodCode,
} from '@app/shared';
import type { Actor } from '../actor.js';
import { clauseWhere } from './lists.js';
import { day, type ExportColumn } from '../../infra/spreadsheets/tabular-export.js';

type ExportQuery = z.output<typeof exportQuerySchema>;

/** One row of the export, read without hydrating entities (100,000 rows stream in seconds). */
interface ExportRow {
  id: string;
  created_at: Date;
  buyer_name: string;
  operation_name: string | null;
  reference: string;
  object: string;
  lot_number: number;
  lot_title: string;
  trade: string | null;
  holder_identifier: string;
  holder_name: string | null;
  type: string;
  method: string | null;
  lot_amount_cents: string | number;
  required_minutes: number | null;
  start_date: string | null;
  end_date: string | null;
  to_size: boolean;
  compliance_status: string | null;
  facilitator_name: string | null;
}

type Column = ExportColumn<ExportRow>;

const state = (r: ExportRow): string =>
  r.to_size ? CLAUSE_STATE_LABELS.to_size : r.compliance_status ? COMPLIANCE_STATUS_LABELS[r.compliance_status as ComplianceStatus] : CLAUSE_STATE_LABELS.no_hours;


const columns: Column[] = [
  { header: 'Acheteur', kind: 'text', width: 28, value: (r) => r.buyer_name },
  { header: 'Opération', kind: 'text', width: 28, value: (r) => r.operation_name },
  { header: 'Référence du marché', kind: 'text', width: 18, value: (r) => r.reference },
  { header: 'Objet du marché', kind: 'text', width: 50, value: (r) => r.object },
  { header: 'N° de lot', kind: 'integer', width: 9, value: (r) => r.lot_number },
  { header: 'Intitulé du lot', kind: 'text', width: 36, value: (r) => r.lot_title },
  { header: 'Corps d’état', kind: 'text', width: 24, value: (r) => tradeLabel(r.trade) },
  { header: 'SIRET du titulaire', kind: 'text', width: 16, value: (r) => r.holder_identifier },
  { header: 'Titulaire', kind: 'text', width: 30, value: (r) => r.holder_name },
  { header: 'Type de clause', kind: 'text', width: 30, value: (r) => CLAUSE_TYPE_LABELS[r.type as ClauseType] },
  { header: 'Méthode de calcul', kind: 'text', width: 30, value: (r) => (r.method ? REQUIRED_HOURS_METHOD_LABELS[r.method as RequiredHoursMethodCode] : null) },
  { header: 'Montant HT du lot (€)', kind: 'number', width: 16, value: (r) => Number(r.lot_amount_cents) / 100 },
  { header: 'Heures requises', kind: 'number', width: 14, value: (r) => (r.required_minutes == null ? null : r.required_minutes / 60) },
  { header: 'Début de la clause', kind: 'date', width: 14, value: (r) => day(r.start_date) },
  { header: 'Fin de la clause', kind: 'date', width: 14, value: (r) => day(r.end_date) },
  { header: 'État', kind: 'text', width: 22, value: state },
  { header: 'Facilitateur', kind: 'text', width: 28, value: (r) => r.facilitator_name },
];

const BATCH = 5000;

/** The clauses of the filter, in batches (keyset on the creation order), so that 100,000 rows never sit in memory. */
async function* clauseBatches(em: EntityManager, actor: Actor, query: ExportQuery): AsyncGenerator<ExportRow[]> {
  const base = clauseWhere(actor, query);
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const where: object = after
      ? { $and: [base, { $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, id: { $lt: after.id } }] }] }
      : base;
    const rows: ExportRow[] = await em
      .fork()
      .createQueryBuilder(InsertionClauseSchema, 'ic')
      .select([
        'ic.id', 'ic.created_at', 'ic.trade', 'ic.holder_identifier', 'ic.type', 'ic.method', 'ic.required_minutes', 'ic.start_date', 'ic.end_date',
        'ic.to_size', 'ic.compliance_status', raw('b.name as buyer_name'), raw('o.name as operation_name'), raw('k.reference as reference'),
        raw('k.object as object'), raw('l.number as lot_number'), raw('l.title as lot_title'), raw('l.holder_name as holder_name'),
        raw('l.amount_cents as lot_amount_cents'), raw('f.name as facilitator_name'),
      ])
      .join('ic.buyer', 'b')
      .join('ic.contract', 'k')
      .join('ic.lot', 'l')
      .leftJoin('ic.operation', 'o')
      .leftJoin('ic.facilitator', 'f')
      .where(where)
      .orderBy({ createdAt: 'desc', id: 'desc' })
      .limit(BATCH)
      .execute('all', false);
    if (!rows.length) return;
    yield rows;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.created_at, id: last.id };
    if (rows.length < BATCH) return;
  }
}

/** The clauses of the filter as a table (CSV or XLSX, see tabular-export.ts). */
export const clauseExportColumns: readonly ExportColumn<ExportRow>[] = columns;
export { clauseBatches };
