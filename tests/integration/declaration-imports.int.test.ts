import http from 'node:http';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld } from '../support/factories.js';
import type { World } from '../support/route-cases/types.js';
import { attachProof, declare, scenarioOfA, scenarioOfB, TODAY, type DeclarationScenario } from '../support/declaration-factories.js';

let app: TestApp;
let w: World;
beforeAll(async () => {
  app = await startTestApp({ TODAY });
  w = await createWorld(app);
});
afterAll(() => app?.close());

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute(query, params) as Promise<T[]>;
const count = async (table: string, where = 'true') => Number((await sql<{ count: string }>(`select count(*) from ${table} where ${where}`))[0]!.count);
const written = async () => ({
  declarations: await count('hour_declaration'),
  versions: Number((await sql<{ sum: string | null }>('select sum(version) from hour_declaration'))[0]!.sum ?? 0),
  audit: await count('audit_event', `entity_type = 'HourDeclaration'`),
});

const upload = (bytes: Buffer, fileName = 'releve.csv') =>
  w.contractorA.client.request('POST', `/api/declaration-imports?fileName=${encodeURIComponent(fileName)}`, { rawBody: bytes, headers: { 'content-type': 'application/octet-stream' } });
const confirm = (id: string) => w.contractorA.client.post(`/api/declaration-imports/${id}/confirm`);
const detail = (id: string, query = '') => w.contractorA.client.get(`/api/declaration-imports/${id}${query}`);

/** What Excel for Windows writes for "CSV (séparateur : point-virgule)": Windows-1252, ";", CRLF. */
const excelFrCsv = (lines: string[]) => iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1252');

describe('un relevé réel : Excel français, CSV point-virgule en Windows-1252', () => {
  let scenario: DeclarationScenario;
  let file: Buffer;
  beforeAll(async () => {
    scenario = await scenarioOfA(w, { people: 3 });
    const [a, b, c] = scenario.placements;
    file = excelFrCsv([
      'Relevé des heures d’insertion — Bâtiments du Quercy',
      '',
      'Référence de la mise en poste;Mois;Personne;Code ROME;Heures travaillées sur le lot;Heures de formation;Commentaire;Service paie',
      `${a!.placementId};03/2026;${a!.lastName} ${a!.firstName};F1703;151:40;;Chantier école – pose d’œuvre;Paie 12`,
      `${b!.placementId};mars 2026;${b!.lastName};F1703;151,67;2,5;;Paie 12`,
      ';;;;;;;',
      `${c!.placementId};2026-03;${c!.lastName};F1703;"98,5";;"Prime 50 €; heures sup.";Paie 12`,
      `${a!.placementId};04/2026;${a!.lastName};F1703;140;;;Paie 13`,
    ]);
  });

  it('l’aperçu lit chaque ligne, contrôle et annonce ce qui sera fait ; rien n’est encore déclaré', async () => {
    const before = await written();
    const res = await upload(file, 'paie-mars.csv');
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      fileName: 'paie-mars.csv', format: 'csv', encoding: 'windows-1252', status: 'previewed', lineCount: 4,
      counts: { create: 4, update: 0, unchanged: 0, error: 0 }, errors: [], ignoredHeaders: ['Personne', 'Code ROME', 'Service paie'].filter((h) => h !== 'Personne'),
      blankLines: 1, months: ['2026-03', '2026-04'], alreadyCommittedAt: null,
    });
    expect(res.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.warningCount).toBe(4); // the proofs, to attach before validation
    const lines = (await detail(res.body.id)).body.lines;
    expect(lines.map((l: { line: number; workedMinutes: number; trainingMinutes: number | null; outcome: string }) => [l.line, l.workedMinutes, l.trainingMinutes, l.outcome])).toEqual([
      [4, 9100, null, 'create'],
      [5, 9100, 150, 'create'],
      [7, 5910, null, 'create'],
      [8, 8400, null, 'create'],
    ]);
    expect(lines[2].comment).toBe('Prime 50 €; heures sup.');
    expect(lines[0].comment).toBe('Chantier école – pose d’œuvre');
    expect(await written()).toEqual(before);
  });

  it('la confirmation enregistre exactement l’aperçu, transmis, avec une trace d’audit par déclaration', async () => {
    const preview = await upload(file, 'paie-mars.csv');
    const res = await confirm(preview.body.id);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ created: 4, updated: 0, unchanged: 0 });
    const declared = (await w.contractorA.client.get(`/api/declarations?contractId=${scenario.contractId}`)).body.items;
    expect(declared).toHaveLength(4);
    for (const d of declared) expect(d).toMatchObject({ status: 'submitted', source: 'import' });
    const events = await sql<{ action: string; after: { line: number; fileName: string } }>(
      `select action, after from audit_event where entity_type = 'HourDeclaration' and entity_id = any(?::text[])`,
      [`{${declared.map((d: { id: string }) => d.id).join(',')}}`],
    );
    expect(events).toHaveLength(4);
    expect(events.every((e) => e.action === 'import' && e.after.fileName === 'paie-mars.csv')).toBe(true);
    expect((await detail(preview.body.id)).body).toMatchObject({ status: 'committed', committedAt: expect.any(String) });
    // The facilitator sees the month in the queue.
    const queue = await w.facilitatorA.client.get(`/api/validation-queue?contractId=${scenario.contractId}&month=2026-03`);
    expect(queue.body.groups[0].declarations).toHaveLength(3);
  });

  it('déposer à nouveau le même fichier ne change rien (idempotent sur mise en poste × mois)', async () => {
    const before = await written();
    const again = await upload(file, 'paie-mars-bis.csv');
    expect(again.body).toMatchObject({ counts: { create: 0, update: 0, unchanged: 4, error: 0 }, alreadyCommittedAt: expect.any(String) });
    expect((await confirm(again.body.id)).body).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(await written()).toEqual(before);
    const twice = await confirm(again.body.id);
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('déjà été enregistré');
  });

  it('un fichier qui change une ligne ne touche que celle-là ; une correction après rejet devient « corrigée »', async () => {
    const [a] = scenario.placements;
    const march = (await w.contractorA.client.get(`/api/declarations?placementId=${a!.placementId}&month=2026-03`)).body.items[0];
    await w.facilitatorA.client.post(`/api/declarations/${march.id}/reject`, { version: march.version, reason: 'Heures de mars à vérifier.' });
    const corrected = excelFrCsv(['Référence de la mise en poste;Mois;Heures travaillées sur le lot', `${a!.placementId};2026-03;150`, `${a!.placementId};2026-04;140`]);
    const preview = await upload(corrected);
    expect(preview.body.counts).toEqual({ create: 0, update: 1, unchanged: 1, error: 0 });
    expect((await confirm(preview.body.id)).body).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const after = (await w.contractorA.client.get(`/api/declarations/${march.id}`)).body;
    expect(after).toMatchObject({ status: 'corrected', workedMinutes: 9000, rejectionReason: 'Heures de mars à vérifier.' });
    const history = (await w.facilitatorA.client.get(`/api/declarations/${march.id}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({ action: 'import', before: { status: 'rejected', workedMinutes: 9100 }, after: { status: 'corrected', workedMinutes: 9000 } });
  });
});

describe('autres fichiers réels', () => {
  it('CSV UTF-8 avec BOM, séparateur virgule, points décimaux (export d’un logiciel de paie)', async () => {
    const scenario = await scenarioOfA(w);
    const id = scenario.placements[0]!.placementId;
    const csv = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`Mise en poste,Période,Heures,Observations\n"${id}",2026-03,151.67,"RAS, ok"\n\n`)]);
    const res = await upload(csv);
    expect(res.body).toMatchObject({ encoding: 'utf-8', counts: { create: 1, error: 0 } });
    expect((await detail(res.body.id)).body.lines[0]).toMatchObject({ workedMinutes: 9100, comment: 'RAS, ok' });
  });

  it('le modèle XLSX téléchargé, rempli dans Excel (heures en durée [h]:mm), se dépose tel quel', async () => {
    const scenario = await scenarioOfA(w, { people: 2 });
    const template = await fetch(`${app.baseUrl}/api/declaration-imports/template?format=xlsx&month=2026-04`, { headers: { cookie: w.contractorA.client.cookie! } });
    expect(template.status).toBe(200);
    expect(template.headers.get('content-disposition')).toContain('releve-heures-2026-04.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await template.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('Déclarations')!;
    const ours = new Set(scenario.placements.map((p) => p.placementId));
    let filled = 0;
    sheet.eachRow((row, number) => {
      if (number === 1 || !ours.has(String(row.getCell(1).value))) return;
      const cell = row.getCell(9);
      cell.value = filled === 0 ? 151 / 24 + 40 / 1440 : 120.5;
      // (exceljs shares style objects between cells: give this one its own.)
      cell.style = { ...cell.style, numFmt: filled === 0 ? '[h]:mm' : 'General' };
      filled += 1;
    });
    expect(filled).toBe(2);
    const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'modele-rempli.xlsx');
    expect(res.status, res.text).toBe(201);
    const mine = (await detail(res.body.id)).body.lines.filter((l: { reference: string }) => ours.has(l.reference));
    expect(mine.map((l: { workedMinutes: number; outcome: string }) => [l.workedMinutes, l.outcome])).toEqual([[9100, 'create'], [7230, 'create']]);
  });

  it('le modèle CSV pré-remplit les heures déjà déclarées : le redéposer ne change rien', async () => {
    const scenario = await scenarioOfA(w);
    await declare(w.contractorA, scenario.placements[0]!.placementId, { month: '2026-04', workedMinutes: 130 * 60 + 30, comment: 'Avril' });
    const template = await w.contractorA.client.get('/api/declaration-imports/template?format=csv&month=2026-04');
    expect(template.headers.get('content-type')).toContain('text/csv');
    expect(template.text).toContain('130:30');
    const res = await upload(Buffer.from(template.text));
    const line = (await detail(res.body.id)).body.lines.find((l: { reference: string }) => l.reference === scenario.placements[0]!.placementId);
    expect(line.outcome).toBe('unchanged');
  });
});

describe('mauvaises lignes : toutes listées par ligne et par colonne, en français, et rien d’enregistré', () => {
  it('heures négatives, plus de 48 h par semaine, mois hors de la mise en poste, autre entreprise, mois validé, doublon', async () => {
    const scenario = await scenarioOfA(w, { people: 3 });
    const [a, b, c] = scenario.placements;
    const other = await scenarioOfB(w);
    const validated = await declare(w.contractorA, c!.placementId, { month: '2026-03' });
    await attachProof(w.contractorA, validated.id);
    await w.facilitatorA.client.post(`/api/declarations/${validated.id}/validate`, { version: validated.version });
    const before = await written();
    const csv = Buffer.from([
      'Référence de la mise en poste;Mois;Heures travaillées sur le lot;Commentaire',
      `${a!.placementId};2026-03;-7,5;`,
      `${a!.placementId};2026-04;230;`,
      `${b!.placementId};2026-01;35;`,
      `${other.placements[0]!.placementId};2026-03;35;`,
      `${c!.placementId};2026-03;100;`,
      `${b!.placementId};2026-03;70;`,
      `${b!.placementId};2026-03;70;`,
      `${b!.placementId};2026-05;151:99;`,
      `${b!.placementId};2026-04;80;`,
    ].join('\n'));
    const res = await upload(csv);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'refused', counts: { create: 2, error: 7 } });
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    const errors = res.body.errors.map((e: { line: number; column: string; message: string }) => [e.line, e.column, plain(e.message)]);
    expect(errors).toEqual([
      [2, 'Heures travaillées sur le lot (C)', 'Un nombre d’heures ne peut pas être négatif.'],
      [3, 'Heures travaillées sur le lot (C)', '230 h déclarées : plus que 48 h par semaine sur la période (maximum 211 h 12 min).'],
      [4, 'Mois (B)', 'La période 2026-01 est en dehors des dates de la mise en poste.'],
      [5, 'Référence de la mise en poste (A)', `Mise en poste « ${other.placements[0]!.placementId} » inconnue ou d’une autre entreprise : reprenez la référence du modèle.`],
      [6, 'Mois (B)', 'Ce mois est déjà validé pour cette mise en poste : une déclaration validée ne se modifie plus.'],
      [8, 'Mois (B)', `Ligne en double : la ligne 7 déclare déjà ${b!.firstName} ${b!.lastName} pour 2026-03.`],
      [9, 'Heures travaillées sur le lot (C)', '« 151:99 » : les minutes doivent être inférieures à 60.'],
    ]);
    const onlyErrors = await detail(res.body.id, '?errorsOnly=true');
    expect(onlyErrors.body.lines.map((l: { line: number }) => l.line)).toEqual([2, 3, 4, 5, 6, 8, 9]);
    const refused = await confirm(res.body.id);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toBe('Le fichier contient 7 ligne(s) en erreur : rien n’a été enregistré. Corrigez-les puis déposez le fichier à nouveau.');
    expect(await written()).toEqual(before);
  });

  it('un fichier sans les colonnes attendues est refusé en nommant celles qui manquent', async () => {
    const res = await upload(Buffer.from('Nom;Heures\nAmina;151\n'));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_file', detail: expect.stringContaining('« Référence de la mise en poste », « Mois »') });
  });
});

describe('mauvais fichiers : refus clair, rien d’écrit', () => {
  const nothingWritten = async (run: () => Promise<void>) => {
    const before = { ...(await written()), imports: await count('declaration_import') };
    await run();
    expect({ ...(await written()), imports: await count('declaration_import') }).toEqual(before);
  };

  it.each([
    ['un PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'PDF'],
    ['une image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'n’est pas un tableur'],
    ['un ancien .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '.xls'],
  ])('%s', async (_label, bytes, fragment) => {
    await nothingWritten(async () => {
      const res = await upload(bytes, 'fichier');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid_file' });
      expect(res.body.detail).toContain(fragment);
    });
  });

  it('un classeur coupé au milieu (envoi interrompu)', async () => {
    const scenario = await scenarioOfA(w);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Déclarations');
    sheet.addRow(['Référence de la mise en poste', 'Mois', 'Heures travaillées sur le lot']);
    for (let i = 0; i < 200; i++) sheet.addRow([scenario.placements[0]!.placementId, '2026-03', 151]);
    const whole = Buffer.from(await workbook.xlsx.writeBuffer());
    await nothingWritten(async () => {
      const res = await upload(whole.subarray(0, Math.floor(whole.length * 0.6)), 'coupe.xlsx');
      expect(res.status).toBe(400);
      expect(res.body.detail).toContain('illisible ou incomplet');
    });
  });

  it('un CSV coupé au milieu d’une ligne : la ligne est signalée, rien n’est enregistré', async () => {
    const scenario = await scenarioOfA(w);
    const before = await written();
    const res = await upload(Buffer.from(`Référence de la mise en poste;Mois;Heures travaillées sur le lot;Commentaire\n${scenario.placements[0]!.placementId};2026-03;140;ok\n${scenario.placements[0]!.placementId};2026-0`));
    expect(res.body.status).toBe('refused');
    expect(res.body.errors).toEqual([{ line: 3, column: null, message: 'Ligne incomplète : 2 colonne(s) au lieu d’au moins 3. Le fichier a-t-il été coupé ?' }]);
    expect((await confirm(res.body.id)).status).toBe(422);
    expect(await written()).toEqual(before);
  });

  it('un fichier de 100 Mo annoncé est refusé avant d’être lu', async () => {
    await nothingWritten(async () => {
      const res = await upload(Buffer.alloc(100 * 1024 * 1024, 0x41), 'enorme.csv');
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'payload_too_large', detail: 'Le relevé dépasse 20 Mo.' });
    });
  });

  it('un fichier de 100 Mo envoyé sans taille annoncée est coupé dès qu’il dépasse la limite', async () => {
    await nothingWritten(async () => {
      const url = new URL(`${app.baseUrl}/api/declaration-imports?fileName=flux.csv`);
      const { status, body, sent } = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
        let sentBytes = 0;
        let answered = false;
        const req = http.request(url, { method: 'POST', headers: { cookie: w.contractorA.client.cookie!, 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' } }, (res) => {
          answered = true;
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, sent: sentBytes }));
        });
        // Once the server has answered, it may close the connection under our remaining writes.
        req.on('error', (error) => (answered ? undefined : reject(error)));
        const chunk = Buffer.alloc(1024 * 1024, 0x41);
        const pump = () => {
          while (!answered && sentBytes < 100 * 1024 * 1024) {
            sentBytes += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      });
      expect(status).toBe(413);
      expect(JSON.parse(body).detail).toBe('Le relevé dépasse 20 Mo.');
      expect(sent).toBeLessThan(100 * 1024 * 1024);
    });
  });
});

describe('une panne au milieu de l’enregistrement ne laisse aucun import partiel', () => {
  it('la transaction est annulée en entier ; l’aperçu reste et se confirme une fois la panne passée', async () => {
    const scenario = await scenarioOfA(w, { people: 4 });
    const lines = scenario.placements.map((p, i) => `${p.placementId};2026-03;140;${i === 2 ? 'PANNE' : 'ok'}`);
    const preview = await upload(Buffer.from(['Référence de la mise en poste;Mois;Heures travaillées sur le lot;Commentaire', ...lines].join('\n')));
    expect(preview.body.counts.create).toBe(4);
    // The database fails on the third row, in the middle of the set-based insert.
    await sql(`create function fail_on_panne() returns trigger language plpgsql as $$ begin
      if new.comment = 'PANNE' then raise exception 'panne simulée au milieu de l''import'; end if; return new; end $$`);
    await sql(`create trigger panne before insert on hour_declaration for each row execute function fail_on_panne()`);
    const before = await written();
    try {
      const crashed = await confirm(preview.body.id);
      expect(crashed.status).toBe(500);
      expect(crashed.body).toMatchObject({ code: 'internal', title: 'Erreur interne du serveur' });
      expect(await written()).toEqual(before);
      expect(await count('hour_declaration', `import_id = '${preview.body.id}'`)).toBe(0);
      expect((await detail(preview.body.id)).body.status).toBe('previewed');
    } finally {
      await sql('drop trigger panne on hour_declaration');
      await sql('drop function fail_on_panne()');
    }
    expect((await confirm(preview.body.id)).body).toEqual({ created: 4, updated: 0, unchanged: 0 });
  });

  it('une panne pendant l’aperçu (écriture des lignes) ne laisse ni import ni ligne', async () => {
    const scenario = await scenarioOfA(w, { people: 3 });
    const lines = scenario.placements.map((p) => `${p.placementId};2026-03;140`);
    const body = Buffer.from(['Référence de la mise en poste;Mois;Heures travaillées sur le lot', ...lines].join('\n'));
    await sql(`create function fail_on_line() returns trigger language plpgsql as $$ begin
      if new.line = 3 then raise exception 'panne simulée pendant l''aperçu'; end if; return new; end $$`);
    await sql(`create trigger panne_apercu before insert on declaration_import_line for each row execute function fail_on_line()`);
    const before = { ...(await written()), imports: await count('declaration_import'), lines: await count('declaration_import_line') };
    try {
      const crashed = await upload(body, 'panne.csv');
      expect(crashed.status).toBe(500);
      expect({ ...(await written()), imports: await count('declaration_import'), lines: await count('declaration_import_line') }).toEqual(before);
    } finally {
      await sql('drop trigger panne_apercu on declaration_import_line');
      await sql('drop function fail_on_line()');
    }
    expect((await upload(body, 'panne.csv')).body.counts).toMatchObject({ create: 3, error: 0 });
  });

  it('un aperçu périmé (une déclaration a changé depuis) est refusé en entier', async () => {
    const scenario = await scenarioOfA(w, { people: 2 });
    const [a, b] = scenario.placements;
    const existing = await declare(w.contractorA, a!.placementId, { month: '2026-03' });
    const preview = await upload(Buffer.from(['Référence de la mise en poste;Mois;Heures travaillées sur le lot', `${a!.placementId};2026-03;120`, `${b!.placementId};2026-03;120`].join('\n')));
    expect(preview.body.counts).toMatchObject({ create: 1, update: 1 });
    await w.facilitatorA.client.post(`/api/declarations/${existing.id}/reject`, { version: existing.version, reason: 'À revoir entièrement.' });
    const before = await written();
    const res = await confirm(preview.body.id);
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('ont changé depuis l’aperçu');
    expect(await written()).toEqual(before);
  });

  it('l’import d’une autre entreprise est introuvable', async () => {
    const scenario = await scenarioOfA(w);
    const preview = await upload(Buffer.from(`Mise en poste;Mois;Heures\n${scenario.placements[0]!.placementId};2026-03;100\n`));
    expect((await w.contractorB.client.get(`/api/declaration-imports/${preview.body.id}`)).status).toBe(404);
    expect((await w.contractorB.client.post(`/api/declaration-imports/${preview.body.id}/confirm`)).status).toBe(404);
    const list = await w.contractorB.client.get('/api/declaration-imports');
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(preview.body.id);
  });
});
