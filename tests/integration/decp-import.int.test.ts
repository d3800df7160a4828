import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmendmentSchema, ContractSchema, DecpImportSchema, InsertionClauseSchema } from '@app/db';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createOrganisation, createUser, PASSWORD } from '../support/factories.js';
import type { Client } from '../support/client.js';

const fixture = (path: string) => fs.readFileSync(fileURLToPath(new URL(`../fixtures/decp/${path}`, import.meta.url)));
const octets = { 'content-type': 'application/octet-stream' };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

/** A buyer whose SIRET is the one of the file's buyer (the import keeps only the buyer's own markets). */
async function buyerWithSiret(siret: string): Promise<Client> {
  const org = await createOrganisation(app.orm, 'buyer', { siret });
  const user = await createUser(app.orm, org);
  return app.client().login(user.email, PASSWORD);
}

const upload = (client: Client, file: Buffer | string, filename = 'decp.json') =>
  client.request('POST', `/api/decp-imports?filename=${encodeURIComponent(filename)}`, { rawBody: file, headers: octets });

async function importFile(client: Client, file: Buffer | string, filename?: string) {
  const preview = await upload(client, file, filename);
  expect(preview.status, preview.text).toBe(201);
  const done = await client.post(`/api/decp-imports/${preview.body.id}/confirm`);
  expect(done.status, done.text).toBe(200);
  return { preview: preview.body, done: done.body };
}

const count = async (entity: typeof ContractSchema | typeof AmendmentSchema | typeof InsertionClauseSchema | typeof DecpImportSchema) => app.orm.em.fork().count(entity as never, {});

describe('import DECP des exemples officiels 2024 (format 2022)', () => {
  let paris: Client;
  beforeAll(async () => {
    paris = await buyerWithSiret('21750001630040');
  });

  it('JSON : aperçu (considérations sociales, nouveaux, problèmes ligne à ligne), import, puis réimport sans rien créer', async () => {
    const file = fixture('exemples-v2/json/marches_avec_modifications.json');
    const { preview, done } = await importFile(paris, file, 'marches_avec_modifications.json');
    expect(preview).toMatchObject({ format: 'decp-2022-json', status: 'previewed', filename: 'marches_avec_modifications.json' });
    expect(preview.summary).toMatchObject({ contracts: 1, withSocialConsideration: 1, withInsertionClause: 1, new: 1, existing: 0, issues: 1 });
    expect(preview.issues[0]).toMatchObject({ field: expect.any(String), reason: expect.any(String) });
    expect(preview.sample[0]).toMatchObject({ sourceId: 'TEST2022Bis', action: 'create', socialConsiderations: ['Clause sociale', 'Critère social'] });
    expect(done).toMatchObject({ status: 'done', progress: { processed: 1, total: 1 }, result: { created: 1, updated: 0, clausesCreated: 1, amendmentsCreated: 1 } });

    const list = await paris.get('/api/contracts?source=decp');
    expect(list.body.total).toBe(1);
    const contract = (await paris.get(`/api/contracts/${list.body.items[0].id}`)).body;
    expect(contract.decp).toMatchObject({ sourceId: 'TEST2022Bis', socialConsiderations: ['Clause sociale', 'Critère social'] });
    expect(contract.lots[0].clause).toMatchObject({ type: 'execution', hoursToSize: true, requiredMinutes: null });
    expect(contract.lots[0].amendments[0]).toMatchObject({ source: 'decp', hoursPolicy: 'prorata' });

    const before = { contracts: await count(ContractSchema), amendments: await count(AmendmentSchema), clauses: await count(InsertionClauseSchema) };
    const again = await importFile(paris, file);
    expect(again.preview.summary).toMatchObject({ new: 0, existing: 1, unchanged: 1 });
    expect(again.done.result).toMatchObject({ created: 0, updated: 0, unchanged: 1, amendmentsCreated: 0 });
    expect({ contracts: await count(ContractSchema), amendments: await count(AmendmentSchema), clauses: await count(InsertionClauseSchema) }).toEqual(before);
  });

  it('XML 2024 : lu et importé (le doublon du fichier est signalé et écarté)', async () => {
    const xml = fixture('exemples-v2/xml/Marche.xml');
    const preview = await upload(paris, xml, 'Marche.xml');
    expect(preview.status, preview.text).toBe(201);
    expect(preview.body.format).toBe('decp-2022-xml');
    expect(preview.body.summary.issues).toBe(1);
    expect(preview.body.issues[0].reason).toMatch(/identifiant en double/);
  });

  it('les modifications (avenants) mettent à jour le montant, la durée et les titulaires', async () => {
    const original = JSON.parse(fixture('exemples-v2/json/marches_avec_modifications.json').toString('utf8'));
    const marche = original.marches.marche.find((m: { id: string }) => m.id === 'TEST2022Bis');
    // Same market, re-identified for a fresh buyer (SIREN 210000000): first without its modification, then with it.
    const buyerSiret = '21000000000013';
    const client = await buyerWithSiret(buyerSiret);
    const withMod = { marches: { marche: [{ ...marche, acheteur: { id: buyerSiret } }] } };
    const withoutMod = { marches: { marche: [{ ...marche, acheteur: { id: buyerSiret }, modifications: [] }] } };
    await importFile(client, JSON.stringify(withoutMod));
    const id = (await client.get('/api/contracts?source=decp')).body.items[0].id;
    const first = (await client.get(`/api/contracts/${id}`)).body;
    expect(first.lots[0].amendments).toHaveLength(0);

    const { preview, done } = await importFile(client, JSON.stringify(withMod));
    expect(preview.summary).toMatchObject({ new: 0, existing: 1, unchanged: 0 });
    expect(done.result).toMatchObject({ created: 0, updated: 1, amendmentsCreated: 1 });
    const after = (await client.get(`/api/contracts/${id}`)).body;
    const modification = marche.modifications[0].modification;
    expect(after.lots[0].amendments).toHaveLength(1);
    if (modification.montant) expect(after.amountCents).toBe(Math.round(Number(modification.montant) * 100));
    if (modification.dureeMois) expect(after.decp.durationMonths).toBe(Number(modification.dureeMois));
    if (modification.titulaires) expect(after.lots[0].holder.identifier).toBe(modification.titulaires[0].titulaire.id);

    const third = await importFile(client, JSON.stringify(withMod));
    expect(third.done.result).toMatchObject({ created: 0, updated: 0, unchanged: 1, amendmentsCreated: 0 });
  });
});

describe('import DECP des vrais fichiers 2019 (Licence Ouverte)', () => {
  it('e-marchespublics : les 52 marchés de l’acheteur, sans clause (le format 2019 n’en dit rien), les autres acheteurs écartés', async () => {
    const rows = JSON.parse(fixture('reel-2019/decp-2019_e-marchespublics_2019-04-03_full.json').toString('utf8')).marches as { acheteur?: { id: string } }[];
    const siret = rows.map((r) => r.acheteur?.id?.trim()).find((id) => id?.startsWith('200053403'))!;
    const client = await buyerWithSiret(siret);
    const { preview, done } = await importFile(client, fixture('reel-2019/decp-2019_e-marchespublics_2019-04-03_full.json'));
    expect(preview.summary).toMatchObject({ records: 470, contracts: 52, new: 52, otherBuyers: 465 - 52, withSocialConsideration: 0, notSocial: 0 });
    expect(preview.summary.issues).toBe(5);
    for (const issue of preview.issues) expect(issue.reason).toMatch(/^[A-ZÀ-Üa-zà-ü]/);
    expect(done.result).toMatchObject({ created: 52, clausesCreated: 0, skipped: 5 });
    const again = await importFile(client, fixture('reel-2019/decp-2019_e-marchespublics_2019-04-03_full.json'));
    expect(again.done.result).toMatchObject({ created: 0, unchanged: 52 });
  });

  it('PES DGFiP : la modification de la CA de Haguenau porte le montant de 50 273,41 € à 57 379,41 €', async () => {
    const client = await buyerWithSiret('20006787400012');
    await importFile(client, fixture('reel-2019/decp-2019_pes-dgfip_2019-04-05_sample.json'));
    const found = await client.get('/api/contracts?q=20191815201');
    const contract = (await client.get(`/api/contracts/${found.body.items[0].id}`)).body;
    expect(contract.amountCents).toBe(5_737_941);
    expect(contract.lots[0]).toMatchObject({ initialAmountCents: 5_027_341, amountCents: 5_737_941 });
    expect(contract.lots[0].amendments[0]).toMatchObject({ deltaAmountCents: 710_600, source: 'decp' });
  });

  it('AIFE : accents abîmés à la source signalés, enregistrements sans date écartés ligne à ligne', async () => {
    const client = await buyerWithSiret('80128543800012');
    const preview = await upload(client, fixture('reel-2019/decp-2019_aife-etat_2019-04-04_sample.json'));
    expect(preview.status, preview.text).toBe(201);
    expect(preview.body.summary.issues).toBeGreaterThan(100);
    expect(preview.body.issues.some((i: { field: string }) => i.field === 'dateNotification')).toBe(true);
  });
});

describe('fichiers refusés : message clair, rien d’écrit', () => {
  let client: Client;
  beforeAll(async () => {
    client = await buyerWithSiret('21000000000021');
  });

  const json = fixture('exemples-v2/json/marches_avec_modifications.json');
  it.each([
    ['pas un fichier DECP (CSV)', 'acheteur;objet;montant\n2175;Travaux;1000\n', 400, 'invalid_file'],
    ['JSON tronqué', json.subarray(0, Math.floor(json.length / 2)), 400, 'invalid_file'],
    ['JSON sans marchés', '{"foo": []}', 400, 'invalid_file'],
    ['PDF', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj'), 400, 'invalid_file'],
    ['fichier vide', '', 400, 'validation'],
  ])('%s', async (_label, body, status, code) => {
    const before = await count(DecpImportSchema);
    const res = await upload(client, body);
    expect(res.status, res.text).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.detail).toMatch(/[a-zé]/);
    expect(await count(DecpImportSchema)).toBe(before);
  });

  it('50 Mo : 413 avant même de lire le fichier', async () => {
    const before = await count(DecpImportSchema);
    const res = await upload(client, Buffer.alloc(50 * 1024 * 1024, 0x20));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'payload_too_large', detail: 'Fichier DECP dépasse 32 Mo.' });
    expect(await count(DecpImportSchema)).toBe(before);
  });

  it('envoyé en JSON plutôt qu’en fichier brut : 415', async () => {
    const res = await client.post('/api/decp-imports?filename=x.json', { marches: [] });
    expect(res.status).toBe(415);
  });

  it('confirmer deux fois : 409 la seconde', async () => {
    const paris2 = await buyerWithSiret('21750001630081');
    const preview = await upload(paris2, json);
    expect((await paris2.post(`/api/decp-imports/${preview.body.id}/confirm`)).status).toBe(200);
    const twice = await paris2.post(`/api/decp-imports/${preview.body.id}/confirm`);
    expect(twice.status).toBe(409);
  });
});
