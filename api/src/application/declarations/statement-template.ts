import type { EntityManager } from '@mikro-orm/postgresql';
import { addMonthsToMonth, MODALITY_LABELS, minutesToHoursInput, centsToEurosInput, monthOf, placementMonthRange } from '@app/shared';
import type { Actor } from '../actor.js';
import { placementFactsWhere, placementsDeclarations } from '../../infra/declaration-facts.js';
import { writeTemplateCsv, writeTemplateXlsx, type TemplateLine } from '../../infra/spreadsheets/write-template.js';

/**
 * The statement template for a month (last month by default): one line per person placed on the
 * contractor's lots that month, with the reference to keep. Hours already declared are pre-filled,
 * so that uploading the template again changes nothing.
 */
export async function statementTemplate(
  em: EntityManager,
  actor: Actor,
  format: 'xlsx' | 'csv',
  month: string | undefined,
  today: string,
): Promise<{ body: Buffer; fileName: string; mediaType: string }> {
  const target = month ?? addMonthsToMonth(monthOf(today), -1);
  const placements = (await placementFactsWhere(em, 'l.holder_identifier = ?', [actor.organisationSiret ?? ''])).filter(
    (facts) => placementMonthRange({ startDate: facts.startDate, endDate: facts.endDate }, target) !== null,
  );
  const declarations = await placementsDeclarations(em, placements.map((facts) => facts.id));
  const validated = new Map<string, number>();
  const declared = new Map<string, (typeof declarations)[number]>();
  for (const row of declarations) {
    if (row.status === 'validated') validated.set(row.placement_id, (validated.get(row.placement_id) ?? 0) + row.worked_minutes + (row.training_minutes ?? 0));
    if (row.month === target) declared.set(row.placement_id, row);
  }
  const lines: TemplateLine[] = placements.map((facts) => {
    const row = declared.get(facts.id);
    return {
      reference: facts.id,
      month: target,
      person: `${facts.lastName} ${facts.firstName}`,
      contract: facts.contractLabel,
      lot: facts.lotLabel,
      modality: MODALITY_LABELS[facts.modality],
      employer: facts.employerSiret ? `${facts.employerName} (${facts.employerSiret})` : facts.employerName,
      validatedHours: minutesToHoursInput(validated.get(facts.id) ?? 0),
      workedHours: row && row.worked_minutes > 0 ? minutesToHoursInput(row.worked_minutes) : null,
      trainingHours: row?.training_minutes ? minutesToHoursInput(row.training_minutes) : null,
      attestedHours: row?.attested_minutes != null ? minutesToHoursInput(row.attested_minutes) : null,
      invoiceAmount: row?.invoice_cents != null ? centsToEurosInput(Number(row.invoice_cents)) : null,
      comment: row?.comment ?? null,
    };
  });
  const fileName = `releve-heures-${target}.${format}`;
  if (format === 'csv') return { body: writeTemplateCsv(lines), fileName, mediaType: 'text/csv; charset=utf-8' };
  return {
    body: await writeTemplateXlsx(lines, `Relevé mensuel des heures d’insertion — ${target} — ${actor.organisationName}`),
    fileName,
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
