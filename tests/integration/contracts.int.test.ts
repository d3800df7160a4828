import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmendmentSchema, AuditEventSchema, ContractSchema, InsertionClauseSchema, LotSchema, OperationSchema } from '@app/db';
import { plainSpaces } from '@app/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld } from '../support/factories.js';
import { contractBody, createContract, labourShareMethod } from '../support/portfolio.js';
import type { World } from '../support/route-cases/index.js';

let app: TestApp;
let w: World;
beforeAll(async () => {
  app = await startTestApp();
  w = await createWorld(app);
});
afterAll(() => app?.close());

const counts = async () => {
  const em = app.orm.em.fork();
  return {
    contracts: await em.count(ContractSchema, {}),
    lots: await em.count(LotSchema, {}),
    clauses: await em.count(InsertionClauseSchema, {}),
    amendments: await em.count(AmendmentSchema, {}),
    operations: await em.count(OperationSchema, {}),
  };
};

describe('une acheteuse saisit un marché, ses lots, dimensionne une clause et enregistre un avenant', () => {
  it('opération → marché à deux lots → 833 h → avenant +80 000 € au prorata → 900 h, avec l’historique et l’audit', async () => {
    const buyer = w.buyerA.client;
    const op = await buyer.post('/api/operations', { name: 'Groupe scolaire de Cabessut', anru: true, communeCode: '46042', description: 'Reconstruction en 2026-2027' });
    expect(op.status, op.text).toBe(201);
    expect(op.body.commune).toEqual({ code: '46042', name: 'Cahors', departement: '46' });

    const holder = w.contractorA.organisation.siret!;
    const contract = await buyer.post('/api/contracts', contractBody({ operationId: op.body.id, cpvCode: '45214220-8' }, holder));
    expect(contract.status, contract.text).toBe(201);
    expect(contract.body.cpv).toEqual({ code: '45214220', label: 'Travaux de construction d\'écoles secondaires' });

    const lot1 = await buyer.post(`/api/contracts/${contract.body.id}/lots`, { number: 1, title: 'Gros œuvre', trade: 'gros_oeuvre', amountCents: 100_000_000, holderSiret: holder });
    const lot2 = await buyer.post(`/api/contracts/${contract.body.id}/lots`, { number: 2, title: 'Menuiseries', trade: 'second_oeuvre', amountCents: 80_000_000, holderSiret: holder });
    expect([lot1.status, lot2.status]).toEqual([201, 201]);

    const clause = await buyer.post(`/api/lots/${lot1.body.id}/clause`, {
      type: 'execution', method: labourShareMethod(), targetPublics: ['RSA', 'QPV'], facilitatorId: w.facilitatorA.organisation.id,
      settings: { deadlineDay: 5, penalty: { model: 'per_hour', rateCents: 3000 } },
    });
    expect(clause.status, clause.text).toBe(201);
    expect(clause.body.requiredMinutes).toBe(833 * 60);
    expect(plainSpaces(clause.body.formula)).toBe('1 000 000,00 € × 50 % × 5 % ÷ 30,00 €/h = 833,3333 h → 833 h');
    expect(clause.body.settings).toMatchObject({ deadlineDay: 5, penalty: { model: 'per_hour', rateCents: 3000 } });
    expect(clause.body.facilitator).toEqual({ id: w.facilitatorA.organisation.id, name: w.facilitatorA.organisation.name });
    expect(clause.body.compliance).toMatchObject({ requiredMinutes: 49_980, countedMinutes: 0 });

    const amended = await buyer.post(`/api/lots/${lot1.body.id}/amendments`, {
      reference: 'Avenant n° 1', effectiveDate: '2026-06-01', deltaAmountCents: 8_000_000, hoursPolicy: 'prorata', newEndDate: '2027-03-31',
    });
    expect(amended.status, amended.text).toBe(201);
    expect(amended.body.amountCents).toBe(108_000_000);
    expect(amended.body.clause.requiredMinutes).toBe(900 * 60);
    expect(amended.body.clause.endDate).toBe('2027-03-31');
    expect(amended.body.clause.history.map((h: { requiredMinutes: number; policy: string }) => [h.policy, h.requiredMinutes / 60])).toEqual([['initial', 833], ['prorata', 900]]);

    const page = await buyer.get(`/api/contracts/${contract.body.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ amountCents: 188_000_000, endDate: '2027-03-31', lotCount: 2, requiredMinutes: 900 * 60, operation: { id: op.body.id } });
    expect(page.body.lots.map((l: { number: number }) => l.number)).toEqual([1, 2]);
    expect(page.body.lots[1].clause).toBeNull();

    const em = app.orm.em.fork();
    const events = await em.find(AuditEventSchema, { entityId: { $in: [clause.body.id, lot1.body.id] } }, { orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.entityType, e.action])).toEqual(expect.arrayContaining([['InsertionClause', 'create'], ['Lot', 'amend']]));
    const amend = events.find((e) => e.action === 'amend')!;
    expect(amend).toMatchObject({ actorUserId: w.buyerA.user.id, before: { requiredMinutes: 49_980, lotAmountCents: 100_000_000 }, after: { requiredMinutes: 54_000 } });
    expect(amend.at).toBeInstanceOf(Date);
  });

  it('modifier la clause est tracé avec l’avant et l’après', async () => {
    const c = await createContract(w.buyerA);
    const id = c.lots[0]!.clauseId!;
    const res = await w.buyerA.client.request('PUT', `/api/clauses/${id}`, { body: { type: 'execution', method: { method: 'fixed', minutes: 1200 * 60 } } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.requiredMinutes).toBe(72_000);
    const event = await app.orm.em.fork().findOneOrFail(AuditEventSchema, { entityId: id, action: 'update' });
    expect(event.before).toMatchObject({ requiredMinutes: 49_980, methodParams: { method: 'labour_share' } });
    expect(event.after).toMatchObject({ requiredMinutes: 72_000, methodParams: { method: 'fixed', minutes: 72_000 } });
  });

  it('une clause sans méthode reste « heures à dimensionner » et n’a pas de conformité', async () => {
    const c = await createContract(w.buyerA, { clauses: false });
    const res = await w.buyerA.client.post(`/api/lots/${c.lots[0]!.id}/clause`, { type: 'execution' });
    expect(res.body).toMatchObject({ hoursToSize: true, requiredMinutes: null, compliance: null, complianceNote: 'Heures à dimensionner avec le calculateur.' });
    const reserved = await createContract(w.buyerA, { clauses: false });
    const r2 = await w.buyerA.client.post(`/api/lots/${reserved.lots[0]!.id}/clause`, { type: 'reserved' });
    expect(r2.body).toMatchObject({ hoursToSize: false, requiredMinutes: null, compliance: null });
  });

  it('PACT Propreté : l’avertissement « aucune clause conseillée » n’empêche pas l’enregistrement', async () => {
    const c = await createContract(w.buyerA, { clauses: false });
    const res = await w.buyerA.client.post(`/api/lots/${c.lots[0]!.id}/clause`, {
      type: 'execution',
      method: { method: 'cleaning_pact', turnoverCents: 60_000_000, durationMonths: 36, insertionRate: 0.05, transferredMonthlyMinutes: 300 * 60 },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.requiredMinutes).toBe(660 * 60);
    const none = await createContract(w.buyerA, { clauses: false });
    const r2 = await w.buyerA.client.post(`/api/lots/${none.lots[0]!.id}/clause`, {
      type: 'execution',
      method: { method: 'cleaning_pact', turnoverCents: 3_000_000, durationMonths: 12, insertionRate: 0.05, transferredMonthlyMinutes: 0 },
    });
    expect(r2.body.warnings[0].code).toBe('pact_no_clause_advised');
  });

  it('accord-cadre : les heures suivent les bons de commande', async () => {
    const c = await createContract(w.buyerA, { clauses: false, overrides: { frameworkAgreement: true } });
    const clause = await w.buyerA.client.post(`/api/lots/${c.lots[0]!.id}/clause`, {
      type: 'execution', method: { method: 'per_order', labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 },
    });
    expect(clause.body.requiredMinutes).toBe(0);
    await w.buyerA.client.post(`/api/clauses/${clause.body.id}/orders`, { reference: 'BC-1', orderedOn: '2026-02-10', amountCents: 60_000_000 });
    const after = await w.buyerA.client.post(`/api/clauses/${clause.body.id}/orders`, { reference: 'BC-2', orderedOn: '2026-03-10', amountCents: 40_000_000 });
    expect(after.status, after.text).toBe(201);
    expect(after.body.requiredMinutes).toBe(833 * 60);
    expect(after.body.orders).toHaveLength(2);
    const notFramework = await createContract(w.buyerA);
    const refused = await w.buyerA.client.post(`/api/clauses/${notFramework.lots[0]!.clauseId}/orders`, { reference: 'BC-1', orderedOn: '2026-02-10', amountCents: 1 });
    expect(refused.status).toBe(400);
    const perOrderRefused = await w.buyerA.client.request('PUT', `/api/clauses/${notFramework.lots[0]!.clauseId}`, {
      body: { type: 'execution', method: { method: 'per_order', labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 } },
    });
    expect(perOrderRefused.body.errors).toEqual([{ path: 'method.method', message: 'Le calcul par bons de commande est réservé aux accords-cadres.' }]);
  });

  it('le facilitateur mandaté lit et aide à modifier ; l’entreprise lit le lot qu’elle tient', async () => {
    const c = await createContract(w.buyerA, { holderSiret: w.contractorA.organisation.siret! });
    const read = await w.facilitatorA.client.get(`/api/contracts/${c.id}`);
    expect(read.status).toBe(200);
    const edit = await w.facilitatorA.client.request('PUT', `/api/clauses/${c.lots[0]!.clauseId}`, { body: { type: 'execution', method: { method: 'fixed', minutes: 30_000 } } });
    expect(edit.status, edit.text).toBe(200);
    const lots = await w.contractorA.client.get('/api/lots');
    expect(lots.body.items.map((l: { id: string }) => l.id)).toContain(c.lots[0]!.id);
    const lot = await w.contractorA.client.get(`/api/lots/${c.lots[0]!.id}`);
    expect(lot.body.clause).toMatchObject({ requiredMinutes: 30_000, type: 'execution' });
    const write = await w.contractorA.client.request('PUT', `/api/lots/${c.lots[0]!.id}`, { body: {} });
    expect(write.status).toBe(403);
  });
});

describe('mauvaises entrées : message français, chemin du champ, rien d’écrit', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['date impossible', { notifiedOn: '2026-02-30' }, 'notifiedOn', /n’existe pas/],
    ['année absurde', { startDate: '0222-04-29' }, 'startDate', /entre 1990 et 2100/],
    ['fin avant début', { startDate: '2026-06-01', endDate: '2026-01-01' }, 'endDate', /précède/],
    ['montant négatif', { amountCents: -100 }, 'amountCents', /négatif/],
    ['montant absurde', { amountCents: 1e17 }, 'amountCents', /invraisemblable/],
    ['montant décimal en centimes', { amountCents: 10.5 }, 'amountCents', /entier/],
    ['SIRET invalide', { holders: [{ siret: '42209542100023', name: 'X SA' }] }, 'holders.0.siret', /clé de contrôle/],
    ['CPV mal formé', { cpvCode: '4521' }, 'cpvCode', /8 chiffres/],
    ['aucun titulaire', { holders: [] }, 'holders', /au moins un titulaire/],
  ];
  it.each(cases)('marché : %s', async (_label, overrides, path, message) => {
    const before = await counts();
    const res = await w.buyerA.client.post('/api/contracts', contractBody(overrides));
    expect(res.status, res.text).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const error = res.body.errors.find((e: { path: string }) => e.path === path);
    expect(error?.message, JSON.stringify(res.body.errors)).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('code CPV inconnu du vocabulaire et opération d’un autre acheteur', async () => {
    const before = await counts();
    const cpv = await w.buyerA.client.post('/api/contracts', contractBody({ cpvCode: '45999999' }));
    expect(cpv.body.errors).toEqual([{ path: 'cpvCode', message: 'Ce code CPV n’existe pas dans le vocabulaire CPV 2008.' }]);
    const foreignOp = await w.buyerB.client.post('/api/operations', { name: 'Autre acheteur' });
    const afterOp = await counts();
    const op = await w.buyerA.client.post('/api/contracts', contractBody({ operationId: foreignOp.body.id }));
    expect(op.body.errors[0].path).toBe('operationId');
    expect(await counts()).toEqual({ ...afterOp });
    expect(afterOp.operations).toBe(before.operations + 1);
  });

  it.each([
    ['taux hors de [0, 1]', { labourShare: 1.5 }, 'method.labourShare', /entre 0 et 1/],
    ['taux négatif', { insertionRate: -0.05 }, 'method.insertionRate', /entre 0 et 1/],
    ['coût horaire nul', { hourlyCostCents: 0 }, 'method.hourlyCostCents', /strictement positif/],
    ['montant négatif', { amountCents: -1 }, 'method.amountCents', /négatif/],
  ])('calculateur : %s', async (_label, override, path, message) => {
    const c = await createContract(w.buyerA, { clauses: false });
    const before = await counts();
    const res = await w.buyerA.client.post(`/api/lots/${c.lots[0]!.id}/clause`, { type: 'execution', method: { ...labourShareMethod(), ...override } });
    expect(res.status, res.text).toBe(400);
    expect(res.body.errors.find((e: { path: string }) => e.path === path)?.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('un avenant qui rendrait le montant négatif, un avenant « valeur fixée » sans valeur', async () => {
    const c = await createContract(w.buyerA);
    const before = await counts();
    const negative = await w.buyerA.client.post(`/api/lots/${c.lots[0]!.id}/amendments`, { reference: 'Av. 1', effectiveDate: '2026-05-01', deltaAmountCents: -200_000_000 });
    expect(negative.status).toBe(400);
    expect(negative.body.errors[0]).toEqual({ path: 'deltaAmountCents', message: 'Le montant du lot deviendrait négatif.' });
    const explicit = await w.buyerA.client.post(`/api/lots/${c.lots[0]!.id}/amendments`, { reference: 'Av. 1', effectiveDate: '2026-05-01', deltaAmountCents: 0, hoursPolicy: 'explicit' });
    expect(explicit.body.errors[0].path).toBe('explicitRequiredMinutes');
    expect(await counts()).toEqual(before);
  });

  it('un lot dont le titulaire n’est pas du marché, un numéro de lot en double', async () => {
    const c = await createContract(w.buyerA);
    const before = await counts();
    const stranger = await w.buyerA.client.post(`/api/contracts/${c.id}/lots`, { number: 2, title: 'Lot 2', amountCents: 1000, holderSiret: w.contractorB.organisation.siret });
    expect(stranger.body.errors[0].path).toBe('holderSiret');
    const twice = await w.buyerA.client.post(`/api/contracts/${c.id}/lots`, { number: 1, title: 'Lot 1 bis', amountCents: 1000, holderSiret: (await w.buyerA.client.get(`/api/contracts/${c.id}`)).body.holders[0].identifier });
    expect(twice.body.errors[0]).toEqual({ path: 'number', message: 'Le lot n° 1 existe déjà dans ce marché.' });
    expect(await counts()).toEqual(before);
  });

  it('une deuxième clause sur le même lot : 409', async () => {
    const c = await createContract(w.buyerA);
    const res = await w.buyerA.client.post(`/api/lots/${c.lots[0]!.id}/clause`, { type: 'execution' });
    expect(res.status).toBe(409);
  });

  it('un facilitateur non mandaté ne peut pas être chargé de la clause', async () => {
    const c = await createContract(w.buyerA, { clauses: false });
    const res = await w.buyerA.client.post(`/api/lots/${c.lots[0]!.id}/clause`, { type: 'execution', facilitatorId: w.facilitatorB.organisation.id });
    expect(res.body.errors).toEqual([{ path: 'facilitatorId', message: 'Choisissez une structure de facilitation mandatée par l’acheteur.' }]);
  });
});
