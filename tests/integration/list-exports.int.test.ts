import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld, type Tenant } from '../support/factories.js';
import type { World } from '../support/route-cases/types.js';
import { declare, scenarioOfA, scenarioOfB, TODAY, type DeclarationScenario } from '../support/declaration-factories.js';
import { createOperation } from '../support/portfolio.js';
import { needBody } from '../support/route-cases/job-needs.js';

let app: TestApp;
let w: World;
let a: DeclarationScenario;
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute(query, params) as Promise<T[]>;

const csv = async (who: Tenant, path: string) => {
  const res = await who.client.get(path);
  expect(res.status, res.text).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/csv');
  return res.text.replace(/^\ufeff/, '').trim().split('\r\n').map((l) => l.split(';'));
};
const xlsx = async (who: Tenant, path: string) => {
  const res = await fetch(`${app.baseUrl}${path}`, { headers: { cookie: who.client.cookie ?? '' } });
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  return book.worksheets[0]!;
};

beforeAll(async () => {
  app = await startTestApp({ TODAY });
  w = await createWorld(app);
  a = await scenarioOfA(w, { people: 2 });
  await scenarioOfB(w, { people: 1 });
  await declare(w.contractorA, a.placements[0]!.placementId);
  await declare(w.contractorA, a.placements[1]!.placementId, { workedMinutes: 10 * 60 + 30 });
  await createOperation(w.buyerA, 'Quartier de la gare');
  const need = await w.contractorA.client.post('/api/job-needs', needBody(a.lotId));
  expect(need.status, need.text).toBe(201);
});
afterAll(() => app?.close());

describe('exports des listes (CSV et XLSX, en-têtes français)', () => {
  it('participants du facilitateur : les siens seulement, sans critère d’éligibilité', async () => {
    const rows = await csv(w.facilitatorA, '/api/exports/participants?format=csv');
    expect(rows[0]).toEqual(['Nom', 'Prénom', 'Commune', 'Code commune', 'Situation', 'Disponible à partir du', 'Éligible jusqu’au', 'Métiers visés']);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['Delmas', 'Lacoste']));
    expect(rows[1]![5]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(rows.flat().join(' ')).not.toMatch(/RSA/);
    expect(await csv(w.facilitatorB, '/api/exports/participants?format=csv')).toHaveLength(2);
  });

  it('mises en poste : heures par semaine en nombre, dates en dates (XLSX)', async () => {
    const sheet = await xlsx(w.facilitatorA, '/api/exports/placements?format=xlsx');
    expect(sheet.name).toBe('Mises en poste');
    expect(sheet.getRow(1).getCell(9).value).toBe('Heures par semaine');
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(9).value).toBe(35);
    expect(sheet.getRow(2).getCell(7).value).toBeInstanceOf(Date);
    // The contractor sees the placements on its lots.
    expect(await csv(w.contractorA, '/api/exports/placements?format=csv')).toHaveLength(3);
    expect(await csv(w.contractorB, '/api/exports/placements?format=csv')).toHaveLength(2);
  });

  it('déclarations : filtres de la liste, heures à virgule, la file de validation (transmises)', async () => {
    const rows = await csv(w.facilitatorA, '/api/exports/declarations?format=csv&status=submitted');
    expect(rows[0]!.slice(0, 3)).toEqual(['Mois', 'Nom', 'Prénom']);
    expect(rows).toHaveLength(3);
    const worked = rows.slice(1).map((r) => r[10]).sort();
    expect(worked).toEqual(['10,5', '140']);
    expect(await csv(w.facilitatorB, '/api/exports/declarations?format=csv')).toHaveLength(1);
    expect(await csv(w.contractorA, '/api/exports/declarations?format=csv&month=2026-04')).toHaveLength(1);
  });

  it('besoins, opérations et marchés', async () => {
    const needs = await csv(w.facilitatorA, '/api/exports/job-needs?format=csv');
    expect(needs).toHaveLength(2);
    expect(needs[1]![9]).toBe('2');
    const operations = await csv(w.buyerA, '/api/exports/operations?format=csv');
    expect(operations.map((r) => r[0])).toEqual(['Opération', 'Quartier de la gare']);
    const contracts = await xlsx(w.buyerA, '/api/exports/contracts?format=xlsx');
    expect(contracts.getRow(1).getCell(9).value).toBe('Montant HT (€)');
    expect(contracts.getRow(2).getCell(9).value).toBe(1_800_000);
    expect((await csv(w.buyerB, '/api/exports/contracts?format=csv')).length).toBe(2);
  });

  it('CSV : UTF-8 avec BOM (Excel lit les accents)', async () => {
    const res = await fetch(`${app.baseUrl}/api/exports/operations?format=csv`, { headers: { cookie: w.buyerA.client.cookie ?? '' } });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="operations-2026-06-15\.csv"/);
  });

  it('format inconnu : 400 en français', async () => {
    const res = await w.facilitatorA.client.get('/api/exports/placements?format=pdf');
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({ path: 'format', message: 'Format d’export inconnu (csv ou xlsx).' });
  });
});
