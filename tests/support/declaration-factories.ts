import { randomUUID } from 'node:crypto';
import type { Orm } from '@app/db';
import { createContract } from './portfolio.js';
import { insertParticipant, insertValidation } from './participant-factories.js';
import type { World } from './route-cases/types.js';
import type { Tenant } from './factories.js';

/** The day the declaration tests run on: the clause (Feb 2026 – Jan 2027) is under way, months Feb–May are past. */
export const TODAY = '2026-06-15';

export interface PlacementRow {
  facilitatorId: string;
  participantId: string;
  lotId: string;
  modality?: string;
  contractType?: string | null;
  employerName?: string;
  employerSiret?: string | null;
  startDate?: string;
  plannedEndDate?: string | null;
  weeklyMinutes?: number;
}

/** A placement inserted directly (the placements API belongs to the facilitators' issue). */
export async function insertPlacement(orm: Orm, row: PlacementRow): Promise<string> {
  const id = randomUUID();
  await orm.em.fork().getConnection().execute(
    `insert into placement (id, organisation_id, participant_id, lot_id, modality, contract_type, employer_name, employer_siret, start_date,
       planned_end_date, weekly_minutes, appellation_code, rome_code, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '16250', 'F1703', now(), now())`,
    [
      id, row.facilitatorId, row.participantId, row.lotId, row.modality ?? 'direct_hire', row.contractType === undefined ? 'cdd' : row.contractType,
      row.employerName ?? 'Bâtiments du Quercy', row.employerSiret ?? null, row.startDate ?? '2026-02-02', row.plannedEndDate ?? null, row.weeklyMinutes ?? 35 * 60,
    ],
  );
  return id;
}

export interface Placed {
  placementId: string;
  participantId: string;
  firstName: string;
  lastName: string;
}

export interface DeclarationScenario {
  contractId: string;
  lotId: string;
  clauseId: string;
  placements: Placed[];
}

/**
 * A contract of `buyer` whose lot is held by `holder`, with `people` eligible participants followed by
 * `facilitator` and placed on the lot from 2 February 2026, 35 h a week (CDD).
 */
export async function declarationScenario(
  orm: Orm,
  parties: { buyer: Tenant; holder: Tenant; facilitator: Tenant },
  options: { people?: number; modality?: string; validatedAt?: string } = {},
): Promise<DeclarationScenario> {
  const contract = await createContract(parties.buyer, { holderSiret: (parties.holder.organisation as { siret?: string | null }).siret ?? undefined });
  const lot = contract.lots[0]!;
  const placements: Placed[] = [];
  const names = [['Delmas', 'Amina'], ['Lacoste', 'Jordan'], ['Vidal', 'Inès'], ['Bessières', 'Karim'], ['Faÿ', 'Amélie']];
  for (let i = 0; i < (options.people ?? 1); i++) {
    const [lastName, firstName] = names[i % names.length]!;
    const participant = await insertParticipant(orm, { organisationId: parties.facilitator.organisation.id, lastName: `${lastName}${i >= names.length ? ` ${i}` : ''}`, firstName });
    await insertValidation(orm, participant, options.validatedAt ?? '2026-01-20');
    const placementId = await insertPlacement(orm, {
      facilitatorId: parties.facilitator.organisation.id, participantId: participant.id, lotId: lot.id, modality: options.modality,
      contractType: options.modality === 'siae_subcontract' ? null : 'cdd',
    });
    placements.push({ placementId, participantId: participant.id, firstName: participant.firstName, lastName: participant.lastName });
  }
  return { contractId: contract.id, lotId: lot.id, clauseId: lot.clauseId!, placements };
}

/** Buyer A's lot held by contractor A, followed by facilitator A (who buyer A mandated). */
export const scenarioOfA = (w: World, options: Parameters<typeof declarationScenario>[2] = {}) =>
  declarationScenario(w.app.orm, { buyer: w.buyerA, holder: w.contractorA, facilitator: w.facilitatorA }, options);

export const scenarioOfB = (w: World, options: Parameters<typeof declarationScenario>[2] = {}) =>
  declarationScenario(w.app.orm, { buyer: w.buyerB, holder: w.contractorB, facilitator: w.facilitatorB }, options);

/** A declaration body: 140 h worked in March 2026. */
export const declarationBody = (placementId: string, overrides: Record<string, unknown> = {}) => ({
  placementId, month: '2026-03', workedMinutes: 140 * 60, trainingMinutes: null, attestedMinutes: null, invoiceCents: null, comment: null, submit: true, ...overrides,
});

/** Creates a declaration through the API as the contractor; returns its body. */
export async function declare(contractor: Tenant, placementId: string, overrides: Record<string, unknown> = {}) {
  const res = await contractor.client.post('/api/declarations', declarationBody(placementId, overrides));
  if (res.status !== 201) throw new Error(`déclaration refusée : ${res.status} ${res.text}`);
  return res.body;
}

/** A minimal real PDF proof, attached as multipart. */
export async function attachProof(contractor: Tenant, declarationId: string, kind = 'payslip') {
  const form = new FormData();
  form.set('data', JSON.stringify({ kind }));
  form.set('fichier', new Blob([Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')], { type: 'application/pdf' }), 'bulletin-mars.pdf');
  const res = await fetch(`${contractor.client.baseUrl}/api/declarations/${declarationId}/proofs`, { method: 'POST', body: form, headers: { cookie: contractor.client.cookie ?? '' } });
  if (res.status !== 201) throw new Error(`justificatif refusé : ${res.status} ${await res.text()}`);
  return (await res.json()) as { items: { id: string; fileName: string }[] };
}
