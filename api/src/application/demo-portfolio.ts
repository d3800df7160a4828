import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MandateSchema, OperationSchema, OrganisationSchema, UserSchema } from '@app/db';
import { clauseInputSchema, contractInputSchema, lotInputSchema, amendmentInputSchema, operationInputSchema, type OrganisationKind } from '@app/shared';
import type { Actor, RequestMeta } from './actor.js';
import { createOperation } from './operations.js';
import { createContract } from './contracts.js';
import { createAmendment, createLot } from './lots.js';
import { createClause } from './clauses.js';
import { createMandate } from './mandates.js';
import { confirmDecpImport, previewDecpImport } from './decp/decp-imports.js';

const demoDecp = fileURLToPath(new URL('../../data/demo/decp-departement-du-lot-2025.json', import.meta.url));

const SIRET = { lot: '22460001400019', facilitation: '33012000400040', quercy: '45312000100012', figeac: '48721000200027', bouriane: '51234000300031' };

/**
 * The Lot's portfolio for the demo, written through the same use cases as the API (so every figure
 * comes from the domain): a mandate, two operations in Cahors, contracts with lots and clauses (833 h
 * then 900 h after an amendment, VRD, PACT Propreté), and a DECP file imported by the real import.
 * Runs once: skipped when the demo buyer already has an operation, or does not exist.
 */
export async function seedDemoPortfolio(em: EntityManager, today: string): Promise<boolean> {
  const buyer = await em.findOne(OrganisationSchema, { siret: SIRET.lot });
  const officer = await em.findOne(UserSchema, { email: 'acheteuse@demo.suivi-clauses.fr' });
  if (!buyer || !officer || (await em.count(OperationSchema, { buyer: buyer.id })) > 0) return false;
  const actor: Actor = {
    userId: officer.id, email: officer.email, fullName: officer.fullName, role: 'buyer', organisationId: buyer.id,
    organisationKind: buyer.kind as OrganisationKind, organisationName: buyer.name, organisationSiret: buyer.siret ?? null, mandatingBuyerIds: [], sessionId: '',
  };
  const meta: RequestMeta = { requestId: 'demo-seed', ip: '127.0.0.1', userAgent: null };
  const facilitation = await em.findOne(OrganisationSchema, { siret: SIRET.facilitation });
  if (facilitation && !(await em.count(MandateSchema, { buyer: buyer.id, facilitator: facilitation.id }))) {
    await createMandate(em, actor, meta, { facilitatorSiret: SIRET.facilitation });
  }
  const facilitatorId = facilitation?.id ?? null;

  const college = await createOperation(em, actor, meta, operationInputSchema.parse({
    name: 'Restructuration du collège Olivier de Magny', communeCode: '46042', description: 'Cahors — restructuration et extension, 2026-2027, en deux lots.',
  }));
  const gare = await createOperation(em, actor, meta, operationInputSchema.parse({
    name: 'Requalification du quartier de la gare de Cahors', anru: true, communeCode: '46042', description: 'Espaces publics et voiries du quartier de la gare.',
  }));

  const collegeContract = await createContract(em, actor, meta, contractInputSchema.parse({
    operationId: college.id, reference: '2026-CAH-012', object: 'Restructuration du collège Olivier de Magny à Cahors', procedure: 'Appel d’offres ouvert',
    cpvCode: '45214220', notifiedOn: '2026-01-12', startDate: '2026-02-02', endDate: '2027-07-30', amountCents: 140_000_000,
    holders: [{ siret: SIRET.quercy, name: 'Bâtiments du Quercy' }, { siret: SIRET.figeac, name: 'Figeac Travaux Publics' }],
    subcontractors: [{ siret: SIRET.bouriane, name: 'Bouriane Propreté (Gourdon)' }],
  }), today);
  const grosOeuvre = await createLot(em, actor, meta, collegeContract.id, lotInputSchema.parse({ number: 1, title: 'Gros œuvre', trade: 'batiment_moyenne', amountCents: 100_000_000, holderSiret: SIRET.quercy }), today);
  const vrd = await createLot(em, actor, meta, collegeContract.id, lotInputSchema.parse({ number: 2, title: 'Voirie et réseaux divers', trade: 'vrd_travaux_publics', amountCents: 40_000_000, holderSiret: SIRET.figeac }), today);
  await createClause(em, actor, meta, grosOeuvre.id, clauseInputSchema.parse({
    type: 'execution', method: { method: 'labour_share', amountCents: 100_000_000, labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 },
    targetPublics: ['RSA', 'DELD_12', 'JEUNE_DESCOLARISE', 'QPV'], facilitatorId, settings: { penalty: { model: 'per_hour', rateCents: 3000 } },
  }), today);
  await createAmendment(em, actor, meta, grosOeuvre.id, amendmentInputSchema.parse({
    reference: 'Avenant n° 1', effectiveDate: '2026-05-04', deltaAmountCents: 8_000_000, hoursPolicy: 'prorata', object: 'Reprise en sous-œuvre du préau',
  }), today);
  await createClause(em, actor, meta, vrd.id, clauseInputSchema.parse({ type: 'execution', facilitatorId }), today);

  const gareContract = await createContract(em, actor, meta, contractInputSchema.parse({
    operationId: gare.id, reference: '2025-VRD-004', object: 'Aménagement des espaces publics du quartier de la gare de Cahors', procedure: 'Procédure adaptée',
    cpvCode: '45233000', notifiedOn: '2025-03-10', startDate: '2025-04-01', endDate: '2026-09-30', amountCents: 65_000_000,
    holders: [{ siret: SIRET.figeac, name: 'Figeac Travaux Publics' }],
  }), today);
  const gareLot = await createLot(em, actor, meta, gareContract.id, lotInputSchema.parse({ number: 1, title: 'Voirie, réseaux, espaces publics', trade: 'vrd_travaux_publics', amountCents: 65_000_000, holderSiret: SIRET.figeac }), today);
  await createClause(em, actor, meta, gareLot.id, clauseInputSchema.parse({
    type: 'anru', method: { method: 'labour_share', amountCents: 65_000_000, labourShare: 0.3, insertionRate: 0.05, hourlyCostCents: 3000 }, targetPublics: ['QPV'], facilitatorId,
  }), today);

  const cleaning = await createContract(em, actor, meta, contractInputSchema.parse({
    reference: '2026-NET-001', object: 'Nettoyage des bâtiments départementaux de Cahors', procedure: 'Appel d’offres ouvert', cpvCode: '90919200',
    notifiedOn: '2025-12-15', startDate: '2026-01-01', endDate: '2028-12-31', amountCents: 60_000_000,
    holders: [{ siret: SIRET.bouriane, name: 'Bouriane Propreté (Gourdon)' }],
  }), today);
  const cleaningLot = await createLot(em, actor, meta, cleaning.id, lotInputSchema.parse({ number: 1, title: 'Nettoyage des locaux', trade: 'nettoyage', amountCents: 60_000_000, holderSiret: SIRET.bouriane }), today);
  await createClause(em, actor, meta, cleaningLot.id, clauseInputSchema.parse({
    type: 'execution', method: { method: 'cleaning_pact', turnoverCents: 60_000_000, durationMonths: 36, insertionRate: 0.05, transferredMonthlyMinutes: 0 }, facilitatorId,
  }), today);

  const preview = await previewDecpImport(em, actor, meta, fs.readFileSync(demoDecp), 'decp-departement-du-lot-2025.json');
  await confirmDecpImport(em, actor, meta, preview.id, today);
  return true;
}
