import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld } from '../support/factories.js';
import type { World } from '../support/route-cases/types.js';
import { attachProof, declarationBody, declare, insertPlacement, scenarioOfA, scenarioOfB, TODAY, type DeclarationScenario } from '../support/declaration-factories.js';
import { insertParticipant, insertValidation } from '../support/participant-factories.js';

let app: TestApp;
let w: World;
beforeAll(async () => {
  app = await startTestApp({ TODAY });
  w = await createWorld(app);
});
afterAll(() => app?.close());

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute(query, params) as Promise<T[]>;
const declarationCount = async () => Number((await sql<{ count: string }>('select count(*) from hour_declaration'))[0]!.count);
const auditCount = async () => Number((await sql<{ count: string }>(`select count(*) from audit_event where entity_type = 'HourDeclaration'`))[0]!.count);
const countedMinutes = async (clauseId: string) => {
  const res = await w.contractorA.client.get('/api/contractor/lots');
  return res.body.items.find((item: { clause: { id: string } | null }) => item.clause?.id === clauseId)?.clause.countedMinutes as number;
};

describe('cycle d’une déclaration : brouillon, transmission, rejet, correction, validation', () => {
  let scenario: DeclarationScenario;
  beforeAll(async () => {
    scenario = await scenarioOfA(w);
  });

  it('seules les heures validées comptent, et le journal dit qui a fait quoi', async () => {
    const placementId = scenario.placements[0]!.placementId;
    const draft = await declare(w.contractorA, placementId, { submit: false, comment: 'Mars, chantier école' });
    expect(draft).toMatchObject({ status: 'draft', version: 1, workedMinutes: 8400, month: '2026-03', deadline: '2026-04-10', late: true, source: 'form' });
    expect(draft.person).toEqual({ firstName: scenario.placements[0]!.firstName, lastName: scenario.placements[0]!.lastName });
    expect(draft.findings.map((f: { code: string }) => f.code)).toEqual(['proof_missing']);

    const submitted = await w.contractorA.client.post(`/api/declarations/${draft.id}/submit`, { version: draft.version });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body.status).toBe('submitted');

    // The facilitator cannot validate without the proof the clause requires: 422 naming the rule.
    const refused = await w.facilitatorA.client.post(`/api/declarations/${draft.id}/validate`, { version: submitted.body.version });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'rule_violation', rule: 'proof_missing' });
    expect(refused.body.detail).toContain('Justificatif manquant');

    const rejected = await w.facilitatorA.client.post(`/api/declarations/${draft.id}/reject`, { version: submitted.body.version, reason: 'Joindre le bulletin de salaire de mars.' });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Joindre le bulletin de salaire de mars.', decidedBy: expect.any(String) });
    expect(await countedMinutes(scenario.clauseId)).toBe(0);

    await attachProof(w.contractorA, draft.id);
    const corrected = await w.contractorA.client.request('PUT', `/api/declarations/${draft.id}`, {
      body: { version: rejected.body.version, workedMinutes: 135 * 60, trainingMinutes: null, attestedMinutes: null, invoiceCents: null, comment: 'Bulletin joint', submit: true },
    });
    expect(corrected.status, corrected.text).toBe(200);
    expect(corrected.body).toMatchObject({ status: 'corrected', workedMinutes: 8100, findings: [] });
    expect(corrected.body.proofs).toEqual([expect.objectContaining({ kind: 'payslip', fileName: 'bulletin-mars.pdf', mediaType: 'application/pdf' })]);

    const validated = await w.facilitatorA.client.post(`/api/declarations/${draft.id}/validate`, { version: corrected.body.version });
    expect(validated.status, validated.text).toBe(200);
    expect(validated.body.status).toBe('validated');
    expect(await countedMinutes(scenario.clauseId)).toBe(8100);
    const clause = (await sql<{ counted_minutes: number; compliance_status: string }>('select counted_minutes, compliance_status from insertion_clause where id = ?', [scenario.clauseId]))[0]!;
    expect(clause.counted_minutes).toBe(8100);

    const history = await w.facilitatorA.client.get(`/api/declarations/${draft.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'reject', 'add_proof', 'correct', 'validate']);
    const correction = history.body.items[4];
    expect(correction).toMatchObject({ label: 'Correction transmise', actor: expect.any(String), organisation: expect.any(String) });
    expect(correction.before).toMatchObject({ status: 'rejected', workedMinutes: 8400 });
    expect(correction.after).toMatchObject({ status: 'corrected', workedMinutes: 8100 });
    expect(history.body.items[2].after).toEqual({ status: 'rejected', reason: 'Joindre le bulletin de salaire de mars.' });
  });

  it('une déclaration validée ne se modifie plus : 409, et rien n’est écrit', async () => {
    const placementId = scenario.placements[0]!.placementId;
    const [validated] = (await w.contractorA.client.get(`/api/declarations?placementId=${placementId}&status=validated`)).body.items;
    const before = [await declarationCount(), await auditCount()];
    const update = await w.contractorA.client.request('PUT', `/api/declarations/${validated.id}`, { body: { version: validated.version, workedMinutes: 60, submit: true } });
    expect(update.status).toBe(409);
    expect(update.body.detail).toContain('validée');
    const again = await w.contractorA.client.post('/api/declarations', declarationBody(placementId));
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('Une déclaration existe déjà');
    expect([await declarationCount(), await auditCount()]).toEqual(before);
  });
});

describe('mauvaises entrées : un message clair en français, et rien d’écrit', () => {
  let scenario: DeclarationScenario;
  beforeAll(async () => {
    scenario = await scenarioOfA(w);
  });

  it.each([
    ['heures négatives', { workedMinutes: -60 }, 400, 'validation', 'négatif'],
    ['heures non entières', { workedMinutes: 12.5 }, 400, 'validation', 'entier'],
    ['mois mal écrit', { month: '03/2026' }, 400, 'validation', 'AAAA-MM'],
    ['plus de 48 h par semaine', { workedMinutes: 230 * 60 }, 422, 'rule_violation', 'plus que 48 h par semaine'],
    ['plus que le contrat de 35 h ne le permet', { workedMinutes: 165 * 60 }, 422, 'rule_violation', 'maximum plausible'],
    ['un mois hors de la mise en poste', { month: '2026-01' }, 422, 'rule_violation', 'en dehors des dates de la mise en poste'],
    ['un mois pas encore commencé', { month: '2026-07' }, 422, 'rule_violation', 'pas encore commencée'],
    ['des heures attestées hors sous-traitance', { attestedMinutes: 600 }, 400, 'validation', 'sous-traitance'],
    ['un champ inconnu', { nir: '1850775123456' }, 400, 'validation', 'invalides'],
  ])('%s', async (_label, overrides, status, code, fragment) => {
    const before = [await declarationCount(), await auditCount()];
    const res = await w.contractorA.client.post('/api/declarations', declarationBody(scenario.placements[0]!.placementId, overrides));
    expect(res.status, res.text).toBe(status);
    expect(res.body.code).toBe(code);
    expect(JSON.stringify(res.body).replace(/[\u00a0\u202f]/g, ' ')).toContain(fragment);
    expect([await declarationCount(), await auditCount()]).toEqual(before);
  });

  it('la mise en poste d’une autre entreprise : 404, comme une mise en poste qui n’existe pas', async () => {
    const other = await scenarioOfB(w);
    const res = await w.contractorA.client.post('/api/declarations', declarationBody(other.placements[0]!.placementId));
    expect(res.status).toBe(404);
    const missing = await w.contractorA.client.post('/api/declarations', declarationBody('00000000-0000-4000-8000-000000000000'));
    expect(missing.body).toMatchObject({ status: 404, detail: res.body.detail });
  });

  it('le même mois déclaré par la même personne sur une autre mise en poste, au-delà du plausible : double comptage refusé (C12)', async () => {
    const placed = scenario.placements[0]!;
    const second = await insertPlacement(app.orm, { facilitatorId: w.facilitatorA.organisation.id, participantId: placed.participantId, lotId: scenario.lotId, weeklyMinutes: 35 * 60 });
    await declare(w.contractorA, placed.placementId, { month: '2026-04', workedMinutes: 140 * 60 });
    const res = await w.contractorA.client.post('/api/declarations', declarationBody(second, { month: '2026-04', workedMinutes: 140 * 60 }));
    expect(res.status).toBe(422);
    expect(res.body.rule).toBe('double_counting');
  });
});

describe('cloisonnement : chaque entreprise ne voit que ses déclarations, chaque facilitateur celles des acheteurs qui l’ont mandaté', () => {
  let ofA: { id: string; version: number };
  beforeAll(async () => {
    const scenario = await scenarioOfA(w);
    ofA = await declare(w.contractorA, scenario.placements[0]!.placementId);
  });

  it.each([
    ['lire', 'GET', ''],
    ['l’historique', 'GET', '/history'],
  ])('l’entreprise B ne peut pas %s une déclaration de A (404)', async (_label, method, suffix) => {
    const res = await w.contractorB.client.request(method, `/api/declarations/${ofA.id}${suffix}`);
    expect(res.status).toBe(404);
  });

  it('l’entreprise B ne peut ni modifier ni transmettre une déclaration de A, ni y joindre un justificatif', async () => {
    const before = await auditCount();
    expect((await w.contractorB.client.request('PUT', `/api/declarations/${ofA.id}`, { body: { version: ofA.version, workedMinutes: 60, submit: true } })).status).toBe(404);
    expect((await w.contractorB.client.post(`/api/declarations/${ofA.id}/submit`, { version: ofA.version })).status).toBe(404);
    await expect(attachProof(w.contractorB, ofA.id)).rejects.toThrow(/404/);
    expect(await auditCount()).toBe(before);
  });

  it('l’entreprise B ne peut ni télécharger ni retirer le justificatif d’une déclaration de A (404), ni la filtrer par sa mise en poste', async () => {
    const proof = (await attachProof(w.contractorA, ofA.id)).items[0]!;
    const before = await auditCount();
    const download = await w.contractorB.client.get(`/api/declarations/${ofA.id}/proofs/${proof.id}`);
    expect(download.status).toBe(404);
    expect(download.text).not.toContain('%PDF');
    expect((await w.contractorB.client.request('DELETE', `/api/declarations/${ofA.id}/proofs/${proof.id}`)).status).toBe(404);
    expect((await w.contractorA.client.get(`/api/declarations/${ofA.id}`)).body.proofs.map((p: { id: string }) => p.id)).toContain(proof.id);
    const filtered = await w.contractorB.client.get(`/api/declarations?placementId=${(await w.contractorA.client.get(`/api/declarations/${ofA.id}`)).body.placementId}`);
    expect(filtered.body.items).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('l’entreprise B ne peut pas déclarer sur la mise en poste de A, même pour un mois libre (404, rien d’écrit)', async () => {
    const placementId = (await w.contractorA.client.get(`/api/declarations/${ofA.id}`)).body.placementId as string;
    const before = [await declarationCount(), await auditCount()];
    const res = await w.contractorB.client.post('/api/declarations', declarationBody(placementId, { month: '2026-04' }));
    expect(res.status).toBe(404);
    expect([await declarationCount(), await auditCount()]).toEqual(before);
  });

  it('les listes de B ne contiennent rien de A', async () => {
    const list = await w.contractorB.client.get('/api/declarations');
    expect(list.body.items.map((d: { id: string }) => d.id)).not.toContain(ofA.id);
    const placements = await w.contractorB.client.get('/api/contractor/placements');
    expect(JSON.stringify(placements.body)).not.toContain(ofA.id);
  });

  it('le facilitateur B (non mandaté par l’acheteur A) ne voit ni ne valide la déclaration : 404', async () => {
    expect((await w.facilitatorB.client.get(`/api/declarations/${ofA.id}`)).status).toBe(404);
    expect((await w.facilitatorB.client.post(`/api/declarations/${ofA.id}/validate`, { version: ofA.version })).status).toBe(404);
    const queue = await w.facilitatorB.client.get('/api/validation-queue');
    expect(JSON.stringify(queue.body)).not.toContain(ofA.id);
  });

  it('le facilitateur A la voit dans sa file ; l’acheteur n’a pas accès aux heures par personne (403)', async () => {
    const queue = await w.facilitatorA.client.get('/api/validation-queue');
    expect(JSON.stringify(queue.body)).toContain(ofA.id);
    expect((await w.buyerA.client.get(`/api/declarations/${ofA.id}`)).status).toBe(403);
  });

  it('l’espace entreprise ne montre jamais les critères d’éligibilité', async () => {
    const res = await w.contractorA.client.get('/api/contractor/placements');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toMatch(/RSA|criteria|critère/i);
  });
});

describe('file de validation et validation d’un mois entier', () => {
  it('valide les déclarations sans anomalie, laisse les autres avec leurs raisons', async () => {
    const scenario = await scenarioOfA(w, { people: 3 });
    const [a, b, c] = scenario.placements;
    const first = await declare(w.contractorA, a!.placementId, { month: '2026-05' });
    const second = await declare(w.contractorA, b!.placementId, { month: '2026-05', workedMinutes: 100 * 60 });
    await declare(w.contractorA, c!.placementId, { month: '2026-05' }); // no proof: left in the queue
    await attachProof(w.contractorA, first.id);
    await attachProof(w.contractorA, second.id, 'timesheet');

    const queue = await w.facilitatorA.client.get(`/api/validation-queue?contractId=${scenario.contractId}`);
    expect(queue.status).toBe(200);
    expect(queue.body.groups).toHaveLength(1);
    expect(queue.body.groups[0]).toMatchObject({ month: '2026-05', deadline: '2026-06-10', clean: 2, blocked: 1 });
    const blocked = queue.body.groups[0].declarations.find((d: { placementId: string }) => d.placementId === c!.placementId);
    expect(blocked.findings).toEqual([expect.objectContaining({ code: 'proof_missing', blocks: 'validation' })]);

    const res = await w.facilitatorA.client.post('/api/validation-queue/validate-month', { contractId: scenario.contractId, month: '2026-05' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.validated).toBe(2);
    expect(res.body.left).toEqual([{ id: blocked.id, person: `${c!.firstName} ${c!.lastName}`, reasons: [expect.stringContaining('Justificatif manquant')] }]);
    expect(await countedMinutes(scenario.clauseId)).toBe(240 * 60);
    const after = await w.facilitatorA.client.get(`/api/validation-queue?contractId=${scenario.contractId}`);
    expect(after.body.groups[0].declarations.map((d: { id: string }) => d.id)).toEqual([blocked.id]);
  });

  it('un mois sans déclaration en attente : 404', async () => {
    const scenario = await scenarioOfA(w);
    const res = await w.facilitatorA.client.post('/api/validation-queue/validate-month', { contractId: scenario.contractId, month: '2026-02' });
    expect(res.status).toBe(404);
  });
});

describe('sous-traitance à une SIAE (C7) : heures attestées et montant facturé', () => {
  it('la facture est convertie par la règle du domaine ; les heures attestées comptent, plafonnées par la conversion', async () => {
    const scenario = await scenarioOfA(w, { modality: 'siae_subcontract' });
    const placementId = scenario.placements[0]!.placementId;
    const refused = await w.contractorA.client.post('/api/declarations', declarationBody(placementId));
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toContain('heures attestées');
    const declared = await declare(w.contractorA, placementId, { workedMinutes: 0, attestedMinutes: 90 * 60, invoiceCents: 4_000_000 });
    // 40 000 € × 80 % ÷ 25 €/h = 1 280 h.
    expect(declared).toMatchObject({ attestedMinutes: 5400, invoiceCents: 4_000_000, convertedMinutes: 1280 * 60, modality: 'siae_subcontract' });
    await attachProof(w.contractorA, declared.id, 'siae_attestation');
    const validated = await w.facilitatorA.client.post(`/api/declarations/${declared.id}/validate`, { version: declared.version });
    expect(validated.status, validated.text).toBe(200);
    expect(await countedMinutes(scenario.clauseId)).toBe(90 * 60);
  });
});

describe('échéances : le 10 du mois suivant, les retards visibles', () => {
  it('l’espace entreprise montre le mois dû, les mois en retard et le drapeau de retard de la clause', async () => {
    const scenario = await scenarioOfA(w, { people: 2 });
    await declare(w.contractorA, scenario.placements[0]!.placementId, { month: '2026-02', workedMinutes: 100 * 60 });
    const lots = await w.contractorA.client.get('/api/contractor/lots');
    const lot = lots.body.items.find((item: { lot: { id: string } }) => item.lot.id === scenario.lotId);
    expect(lot.clause).toMatchObject({ requiredMinutes: 833 * 60, countedMinutes: 0, pendingMinutes: 100 * 60, deadlineDay: 10, lateFlag: true });
    expect(lot.clause.missingPeriods).toBe(4);
    expect(lot.due[0]).toEqual({ month: '2026-05', deadline: '2026-06-10', expected: 2, transmitted: 0, missing: 2, late: true });
    expect(lot.due.map((d: { month: string }) => d.month)).toEqual(['2026-05', '2026-02', '2026-03', '2026-04']);
    expect(lot.due[1]).toMatchObject({ month: '2026-02', transmitted: 1, missing: 1, late: true });

    const placements = await w.contractorA.client.get('/api/contractor/placements');
    const row = placements.body.items.find((item: { id: string }) => item.id === scenario.placements[1]!.placementId);
    expect(row.months[0]).toEqual({ month: '2026-06', declarationId: null, status: null, deadline: '2026-07-10', late: false });
    expect(row.months[1]).toMatchObject({ month: '2026-05', status: null, late: true });
  });

  it('une déclaration transmise après l’échéance est marquée en retard', async () => {
    const scenario = await scenarioOfA(w);
    const late = await declare(w.contractorA, scenario.placements[0]!.placementId, { month: '2026-04' });
    expect(late).toMatchObject({ deadline: '2026-05-10', late: true });
  });
});

describe('justificatifs', () => {
  it('un fichier qui n’est ni PDF ni image est refusé sur son contenu ; le téléchargement est tracé', async () => {
    const scenario = await scenarioOfA(w);
    const declared = await declare(w.contractorA, scenario.placements[0]!.placementId);
    const form = new FormData();
    form.set('data', JSON.stringify({ kind: 'payslip' }));
    form.set('fichier', new Blob(['Ceci est du texte déguisé en PDF.'], { type: 'application/pdf' }), 'faux.pdf');
    const res = await fetch(`${app.baseUrl}/api/declarations/${declared.id}/proofs`, { method: 'POST', body: form, headers: { cookie: w.contractorA.client.cookie! } });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { detail: string }).detail).toContain('ni un PDF');

    const proofs = await attachProof(w.contractorA, declared.id, 'timesheet');
    const file = await w.facilitatorA.client.get(`/api/declarations/${declared.id}/proofs/${proofs.items[0]!.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.text.startsWith('%PDF')).toBe(true);
    const history = await w.facilitatorA.client.get(`/api/declarations/${declared.id}/history`);
    expect(history.body.items.map((e: { action: string }) => e.action)).toContain('read_proof');
  });
});

describe('une personne non éligible sur la période', () => {
  it('la déclaration est transmise, mais ne peut pas être validée tant que l’éligibilité n’est pas valide', async () => {
    const scenario = await scenarioOfA(w);
    const participant = await insertParticipant(app.orm, { organisationId: w.facilitatorA.organisation.id, lastName: 'Sans', firstName: 'Validation' });
    const placementId = await insertPlacement(app.orm, { facilitatorId: w.facilitatorA.organisation.id, participantId: participant.id, lotId: scenario.lotId });
    const declared = await declare(w.contractorA, placementId);
    expect(declared.findings.map((f: { code: string; blocks: string }) => [f.code, f.blocks])).toEqual([['eligibility_not_valid', 'validation'], ['proof_missing', 'validation']]);
    await attachProof(w.contractorA, declared.id);
    expect((await w.facilitatorA.client.post(`/api/declarations/${declared.id}/validate`, { version: declared.version })).body.rule).toBe('eligibility_not_valid');
    await insertValidation(app.orm, participant, '2026-02-01');
    expect((await w.facilitatorA.client.post(`/api/declarations/${declared.id}/validate`, { version: declared.version })).status).toBe(200);
  });
});
