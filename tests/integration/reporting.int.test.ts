import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld } from '../support/factories.js';
import type { World } from '../support/route-cases/types.js';
import { attachProof, declare, scenarioOfA, scenarioOfB, TODAY, type DeclarationScenario } from '../support/declaration-factories.js';
import { createOperation } from '../support/portfolio.js';

let app: TestApp;
let w: World;
let a: DeclarationScenario;
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute(query, params) as Promise<T[]>;

const workbook = async (client: { cookie?: string | null }, query: string) => {
  const res = await fetch(`${app.baseUrl}/api/reporting/funders-indicators?${query}`, { headers: { cookie: client.cookie ?? '' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="indicateurs-fse-.*\.xlsx"/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  return book;
};
/** The [total, women, men] of an indicator line of a sheet. */
const line = (book: ExcelJS.Workbook, sheet: string, label: string) => {
  const ws = book.getWorksheet(sheet)!;
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.getCell(1).value === label) return [row.getCell(2).value, row.getCell(3).value, row.getCell(4).value];
  }
  throw new Error(`ligne absente : ${label}`);
};

beforeAll(async () => {
  app = await startTestApp({ TODAY });
  w = await createWorld(app);
  a = await scenarioOfA(w, { people: 2 });
  await scenarioOfB(w, { people: 1 });
  const [first, second] = a.placements;
  // First person: long-term unemployed, disabled, a man; left on 29 May in a sustainable job.
  await sql(`update participant set employment_status_at_entry = 'unemployed_long', disability = true, sex = 'male' where id = ?`, [first!.participantId]);
  await sql(`update participant set employment_status_at_entry = 'inactive', birth_date = '2001-03-01' where id = ?`, [second!.participantId]);
  await sql(`update placement set ended_on = '2026-05-29', exit_outcome = 'sustainable_job' where id = ?`, [first!.placementId]);
  const operation = await createOperation(w.buyerA, 'Rénovation urbaine de Terre Rouge');
  await sql(`update contract set operation_id = ? where id = ?`, [operation.id, a.contractId]);
  // March validated for the first person: 140 h.
  const declaration = await declare(w.contractorA, first!.placementId);
  await attachProof(w.contractorA, declaration.id);
  const validated = await w.facilitatorA.client.post(`/api/declarations/${declaration.id}/validate`, { version: declaration.version + 1 });
  if (validated.status !== 200) {
    const current = await w.facilitatorA.client.get(`/api/declarations/${declaration.id}`);
    const again = await w.facilitatorA.client.post(`/api/declarations/${declaration.id}/validate`, { version: current.body.version });
    expect(again.status, again.text).toBe(200);
  }
});
afterAll(() => app?.close());

describe('indicateurs FSE (classeur XLSX)', () => {
  it('le facilitateur : sa structure, une feuille par tableau, effectifs exacts par sexe', async () => {
    const book = await workbook(w.facilitatorA.client, 'from=2026-01-01&to=2026-12-31');
    expect(book.worksheets.map((s) => s.name)).toEqual(['Lisez-moi', 'Entrées', 'Sorties', 'À 6 mois', 'Par trimestre', 'Par opération']);
    // Both entered in Q1 (2 February); the exit (29 May) falls in Q2.
    const quarters = book.getWorksheet('Par trimestre')!;
    expect([2, 3, 4, 5].map((r) => quarters.getRow(r).getCell(1).value)).toEqual(['T1 2026', 'T2 2026', 'T3 2026', 'T4 2026']);
    expect([2, 3, 4, 5].map((r) => quarters.getRow(r).getCell(2).value)).toEqual([2, 0, 0, 0]);
    expect(line(book, 'Entrées', 'Participants entrés sur la période')).toEqual([2, 1, 1]);
    expect(line(book, 'Entrées', 'Chômeurs de longue durée')).toEqual([1, 0, 1]);
    expect(line(book, 'Entrées', 'Personnes inactives')).toEqual([1, 1, 0]);
    expect(line(book, 'Entrées', 'Moins de 26 ans')).toEqual([1, 1, 0]);
    expect(line(book, 'Entrées', 'Personnes handicapées')).toEqual([1, 0, 1]);
    expect(line(book, 'Sorties', 'Participants sortis sur la période')).toEqual([1, 0, 1]);
    expect(line(book, 'Sorties', 'Exerçant un emploi à la sortie, y compris indépendant')).toEqual([1, 0, 1]);
    expect(line(book, 'À 6 mois', 'Participants sortis depuis 6 mois sur la période')).toEqual([1, 0, 1]);
    const perOperation = book.getWorksheet('Par opération')!;
    expect(perOperation.getRow(2).getCell(1).value).toBe('Rénovation urbaine de Terre Rouge');
    expect(perOperation.getRow(2).getCell(2).value).toBe(2);
    expect(typeof perOperation.getRow(2).getCell(2).value).toBe('number');
    const audits = await sql<{ count: string }>(`select count(*) from audit_event where entity_type = 'FundersIndicators' and organisation_id = ?`, [w.facilitatorA.organisation.id]);
    expect(Number(audits[0]!.count)).toBeGreaterThan(0);
  });

  it('une période sans entrée : des zéros, pas d’erreur', async () => {
    const book = await workbook(w.facilitatorA.client, 'from=2025-01-01&to=2025-12-31');
    expect(line(book, 'Entrées', 'Participants entrés sur la période')).toEqual([0, 0, 0]);
  });

  it('l’administrateur : toute l’instance, ou une structure', async () => {
    expect(line(await workbook(w.admin.client, 'from=2026-01-01&to=2026-12-31'), 'Entrées', 'Participants entrés sur la période')[0]).toBe(3);
    const ofB = await workbook(w.admin.client, `from=2026-01-01&to=2026-12-31&facilitatorId=${w.facilitatorB.organisation.id}`);
    expect(line(ofB, 'Entrées', 'Participants entrés sur la période')[0]).toBe(1);
  });

  it('un facilitateur ne peut pas demander une autre structure (il reçoit la sienne)', async () => {
    const book = await workbook(w.facilitatorB.client, `from=2026-01-01&to=2026-12-31&facilitatorId=${w.facilitatorA.organisation.id}`);
    expect(line(book, 'Entrées', 'Participants entrés sur la période')[0]).toBe(1);
  });

  it('période à l’envers : 400 sur le champ « to », en français', async () => {
    const res = await w.facilitatorA.client.get('/api/reporting/funders-indicators?from=2026-12-31&to=2026-01-01');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'to', message: 'La fin de la période doit suivre son début.' }]);
  });
});

describe('chiffres consolidés de l’année', () => {
  it('heures validées, personnes, contrats, par modalité et par public', async () => {
    const res = await w.facilitatorA.client.get('/api/reporting/yearly?year=2026');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, minutes: 140 * 60, people: 2, workContracts: 2, publicContracts: 1, companies: 1, buyers: 1 });
    expect(res.body.byModality).toEqual([{ code: 'direct_hire', label: expect.any(String), minutes: 8400, people: 2, workContracts: 2 }]);
    expect(res.body.byPublic).toEqual([{ code: 'RSA', label: 'Bénéficiaire du RSA', minutes: 8400, people: 2, workContracts: 2 }]);
    expect((await w.facilitatorB.client.get('/api/reporting/yearly?year=2026')).body).toMatchObject({ minutes: 0, people: 1 });
  });

  it('export CSV : en-têtes français, heures à virgule', async () => {
    const res = await w.facilitatorA.client.get('/api/reporting/yearly/export?year=2026&format=csv');
    expect(res.status).toBe(200);
    const [header, total] = res.text.replace(/^\ufeff/, '').split('\r\n');
    expect(header).toBe('Rubrique;Ligne;Heures d’insertion validées;Personnes;Contrats de travail ou missions;Marchés;Entreprises titulaires;Acheteurs');
    expect(total).toBe('Total;Année 2026;140;2;2;1;1;1');
  });

  it('export XLSX : des nombres', async () => {
    const res = await fetch(`${app.baseUrl}/api/reporting/yearly/export?year=2026&format=xlsx`, { headers: { cookie: w.facilitatorA.client.cookie ?? '' } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(book.getWorksheet('Chiffres 2026')!.getRow(2).getCell(3).value).toBe(140);
  });

  it('année invalide : 400', async () => {
    expect((await w.facilitatorA.client.get('/api/reporting/yearly?year=deux-mille')).status).toBe(400);
  });
});
