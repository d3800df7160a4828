import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld, siret } from '../support/factories.js';
import { createContract, createOperation } from '../support/portfolio.js';
import type { World } from '../support/route-cases/index.js';

let app: TestApp;
let w: World;
let op: { id: string };
const holder = siret();
beforeAll(async () => {
  app = await startTestApp();
  w = await createWorld(app);
  op = await createOperation(w.buyerA, 'Quartier de la gare');
  // 3 sized clauses in the operation, 2 clauses to size elsewhere, one of another holder.
  for (let i = 0; i < 3; i++) await createContract(w.buyerA, { holderSiret: holder, overrides: { operationId: op.id, object: `Réhabilitation de l’école ${i}` } });
  for (let i = 0; i < 2; i++) {
    const c = await createContract(w.buyerA, { clauses: false, overrides: { object: 'Entretien des espaces verts', startDate: '2028-01-01', endDate: '2028-12-31' } });
    await w.buyerA.client.post(`/api/lots/${c.lots[0]!.id}/clause`, { type: 'execution' });
  }
});
afterAll(() => app?.close());

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

describe('liste des clauses : recherche, filtres, pagination', () => {
  it('toutes, puis page par page avec le total', async () => {
    const all = await w.buyerA.client.get('/api/clauses');
    expect(all.body.total).toBe(5);
    const p1 = await w.buyerA.client.get('/api/clauses?pageSize=2&page=1');
    const p3 = await w.buyerA.client.get('/api/clauses?pageSize=2&page=3');
    expect(p1.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(p1.body.items).toHaveLength(2);
    expect(p3.body.items).toHaveLength(1);
    expect(new Set([...ids(p1), ...ids(p3)]).size).toBe(3);
  });

  it.each([
    ['q=ecole', 3],
    ['q=ESPACES%20verts', 2],
    ['status=to_size', 2],
    ['status=not_met', 0],
    ['type=execution', 5],
    ['trade=batiment_moyenne', 5],
    [`contractorSiret=${holder}`, 3],
    ['from=2028-01-01', 2],
    ['to=2027-12-31', 3],
  ])('%s → %i', async (query, expected) => {
    const res = await w.buyerA.client.get(`/api/clauses?${query}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.total).toBe(expected);
  });

  it('par opération, avec les libellés utiles à la liste', async () => {
    const res = await w.buyerA.client.get(`/api/clauses?operationId=${op.id}`);
    expect(res.body.total).toBe(3);
    expect(res.body.items[0]).toMatchObject({ operation: { id: op.id, name: 'Quartier de la gare' }, holder: { identifier: holder }, requiredMinutes: 49_980, hoursToSize: false });
    // The stored status (what the "état" filter reads) is the domain's, computed when the clause was written.
    for (const item of res.body.items) {
      const detail = await w.buyerA.client.get(`/api/clauses/${item.id}`);
      expect(item.complianceStatus).toBe(detail.body.compliance.status);
    }
  });

  it('filtres invalides : 400 en français', async () => {
    const res = await w.buyerA.client.get('/api/clauses?status=perdu&pageSize=500&from=2026-13-01');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['from', 'pageSize', 'status']);
  });
});

describe('liste des marchés', () => {
  it.each([
    ['', 5],
    ['hoursToSize=true', 2],
    ['hoursToSize=false', 3],
    [`contractorSiret=${holder}`, 3],
    ['notifiedFrom=2026-01-15&notifiedTo=2026-01-15', 5],
    ['notifiedFrom=2026-02-01', 0],
    ['q=espaces', 2],
    ['source=decp', 0],
  ])('%s → %i', async (query, expected) => {
    const res = await w.buyerA.client.get(`/api/contracts?${query}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.total).toBe(expected);
  });

  it('un marché de la liste porte ses totaux (somme des lots)', async () => {
    const res = await w.buyerA.client.get(`/api/contracts?operationId=${op.id}&pageSize=1`);
    expect(res.body.items[0]).toMatchObject({ lotCount: 1, requiredMinutes: 49_980, hoursToSize: 0, holders: [{ identifier: holder, role: 'holder' }] });
  });
});

describe('exports des clauses', () => {
  it('CSV : en-têtes français, point-virgule, nombres à virgule, BOM pour Excel', async () => {
    const res = await w.buyerA.client.get(`/api/exports/clauses?format=csv&operationId=${op.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="clauses-\d{4}-\d{2}-\d{2}\.csv"/);
    const [header, first, ...rest] = res.text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(header).toBe('Acheteur;Opération;Référence du marché;Objet du marché;N° de lot;Intitulé du lot;Corps d’état;SIRET du titulaire;Titulaire;Type de clause;Méthode de calcul;Montant HT du lot (€);Heures requises;Début de la clause;Fin de la clause;État;Facilitateur');
    expect(rest).toHaveLength(2);
    const cells = first!.split(';');
    expect(cells[11]).toBe('1000000');
    expect(cells[12]).toBe('833');
    expect(cells[13]).toBe('01/02/2026');
  });

  it('XLSX : les montants et les heures sont des nombres, les dates des dates', async () => {
    const res = await fetch(`${app.baseUrl}/api/exports/clauses?format=xlsx`, { headers: { cookie: w.buyerA.client.cookie! } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.getWorksheet('Clauses')!;
    expect(sheet.getRow(1).getCell(13).value).toBe('Heures requises');
    expect(sheet.rowCount).toBe(6);
    const values = [2, 3, 4, 5, 6].map((r) => sheet.getRow(r).getCell(13).value);
    expect(values.filter((v) => v === 833)).toHaveLength(3);
    expect(values.filter((v) => v === null)).toHaveLength(2);
    expect(typeof sheet.getRow(2).getCell(12).value).toBe('number');
    expect(sheet.getRow(2).getCell(14).value).toBeInstanceOf(Date);
  });

  it('format inconnu : 400', async () => {
    const res = await w.buyerA.client.get('/api/exports/clauses?format=pdf');
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({ path: 'format', message: 'Format d’export inconnu (csv ou xlsx).' });
  });
});
