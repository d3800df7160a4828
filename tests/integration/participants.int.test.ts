import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventSchema, EligibilityValidationSchema, ProofDocumentSchema } from '@app/db';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld } from '../support/factories.js';
import { FAKE_PDF, PDF, PNG, insertParticipant, participantInput } from '../support/participant-factories.js';
import type { World } from '../support/route-cases/index.js';

// A fixed "today": proof freshness and retention are computed against it.
const TODAY = '2026-03-16';
let app: TestApp;
let w: World;
beforeAll(async () => {
  app = await startTestApp({ TODAY });
  w = await createWorld(app);
});
afterAll(() => app?.close());

const proofFiles = () => fs.readdirSync(app.config.proofsDir).filter((f) => f !== 'incoming');
const incomingFiles = () => (fs.existsSync(path.join(app.config.proofsDir, 'incoming')) ? fs.readdirSync(path.join(app.config.proofsDir, 'incoming')) : []);
const counts = async () => {
  const em = app.orm.em.fork();
  return { validations: await em.count(EligibilityValidationSchema, {}), proofs: await em.count(ProofDocumentSchema, {}), files: proofFiles().length };
};
const auditOf = (action: string, entityId: string) => app.orm.em.fork().find(AuditEventSchema, { action, entityId });

async function newParticipant(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await w.facilitatorA.client.post('/api/participants', participantInput(overrides));
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

const rsa = (proofFile: string | null = 'proof-0', proofDate = '2026-03-02') => ({
  validatedAt: '2026-03-10',
  criteria: [{ code: 'RSA', proofDate, proofFile }],
});

describe('registre des participants', () => {
  it('inscrit une personne : commune officielle, métiers ROME, QPV vérifié sur une adresse', async () => {
    const res = await w.facilitatorA.client.post('/api/participants', participantInput());
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      lastName: 'Delmas',
      commune: { code: '46042', name: 'Cahors', departement: '46' },
      qpvStatus: 'no',
      qpvAddress: '12 rue Nationale, 46000 Cahors',
      targetJobs: [{ appellationCode: '16250', label: 'Maçon / Maçonne', romeCode: 'F1703' }],
      status: 'searching',
      registeredOn: TODAY,
      eligibleUntil: null,
      retentionEnd: '2028-03-16',
    });
    const audit = await auditOf('create', res.body.id);
    expect(JSON.stringify(audit[0]!.after)).not.toContain('Delmas'); // field names, never values
  });

  it.each([
    ['un numéro de sécurité sociale', { nir: '190044612345678' }, '(corps)'],
    ['une commune inconnue', { communeCode: '46999' }, 'communeCode'],
    ['un métier hors ROME', { targetAppellationCodes: ['99999'] }, 'targetAppellationCodes'],
    ['un statut QPV sans adresse vérifiée', { qpvStatus: 'yes', qpvAddress: null }, 'qpvAddress'],
    ['un rayon de mobilité de 500 km', { mobilityRadiusKm: 500 }, 'mobilityRadiusKm'],
  ])('refuse %s (400, champ %s)', async (_label, overrides, field) => {
    const res = await w.facilitatorA.client.post('/api/participants', participantInput(overrides));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('cherche et modifie', async () => {
    const id = await newParticipant({ lastName: 'Vayssié' });
    const found = await w.facilitatorA.client.get('/api/participants?q=vayssie');
    expect(found.body.items.map((p: { id: string }) => p.id)).toContain(id);
    const updated = await w.facilitatorA.client.request('PUT', `/api/participants/${id}`, { body: participantInput({ lastName: 'Vayssié', communeCode: '46102' }) });
    expect(updated.body.commune.name).toBe('Figeac');
  });

  it('une autre structure ne voit pas la personne (404), les autres rôles n’y ont pas accès (403)', async () => {
    const id = await newParticipant();
    expect((await w.facilitatorB.client.get(`/api/participants/${id}`)).status).toBe(404);
    expect((await w.facilitatorB.client.get(`/api/participants/${id}/eligibilities`)).status).toBe(404);
    expect((await w.facilitatorB.client.get('/api/participants')).body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    for (const who of ['contractorA', 'buyerA', 'admin'] as const) expect((await w[who].client.get(`/api/participants/${id}`)).status).toBe(403);
  });
});

describe('éligibilité avec justificatifs', () => {
  it('valide avec un PDF : fichier hors base sous un nom aléatoire, lecture des critères et du justificatif tracées', async () => {
    const id = await newParticipant();
    const before = await counts();
    const res = await w.facilitatorA.client.postMultipart(`/api/participants/${id}/eligibilities`, rsa(), {
      'proof-0': { name: 'attestation-caf.pdf', content: PDF, type: 'application/pdf' },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ validatedAt: '2026-03-10', validUntil: '2028-03-09', usable: true });
    expect(res.body.criteria[0]).toMatchObject({ code: 'RSA', proven: true, proof: { originalName: 'attestation-caf.pdf', mediaType: 'application/pdf' } });
    expect(await counts()).toEqual({ validations: before.validations + 1, proofs: before.proofs + 1, files: before.files + 1 });
    const stored = await app.orm.em.fork().findOneOrFail(ProofDocumentSchema, { id: res.body.criteria[0].proof.id });
    expect(stored.storageKey).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readFileSync(path.join(app.config.proofsDir, stored.storageKey))).toEqual(PDF);
    expect(incomingFiles()).toEqual([]);

    const participant = await w.facilitatorA.client.get(`/api/participants/${id}`);
    expect(participant.body.eligibleUntil).toBe('2028-03-09');
    expect(participant.text).not.toContain('RSA'); // the person's card never carries criteria

    const list = await w.facilitatorA.client.get(`/api/participants/${id}/eligibilities`);
    expect(list.body.items[0].criteria[0].label).toBe('Bénéficiaire du RSA');
    expect(await auditOf('read_criteria', id)).toHaveLength(1);

    const file = await fetch(`${app.baseUrl}/api/proofs/${stored.id}`, { headers: { cookie: w.facilitatorA.client.cookie! } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="justificatif.pdf"');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PDF);
    expect(await auditOf('read_proof', stored.id)).toHaveLength(1);
    expect((await w.facilitatorB.client.get(`/api/proofs/${stored.id}`)).status).toBe(404);
    expect((await w.contractorA.client.get(`/api/proofs/${stored.id}`)).status).toBe(403);
  });

  it('accepte une image PNG, et une dérogation motivée sans fichier', async () => {
    const id = await newParticipant();
    const png = await w.facilitatorA.client.postMultipart(`/api/participants/${id}/eligibilities`, rsa(), { 'proof-0': { name: 'scan.png', content: PNG } });
    expect(png.status, png.text).toBe(201);
    expect(png.body.criteria[0].proof.mediaType).toBe('image/png');
    const exception = await w.facilitatorA.client.post(`/api/participants/${id}/eligibilities`, {
      validatedAt: '2026-03-11', exceptionReason: 'Avis motivé de la Mission locale de Cahors du 2 mars 2026.', criteria: [{ code: 'DEROGATION' }],
    });
    expect(exception.status, exception.text).toBe(201);
    expect(exception.body.exceptionReason).toContain('Mission locale');
  });

  it.each([
    ['un texte déguisé en PDF', () => ({ 'proof-0': { name: 'faux.pdf', content: FAKE_PDF, type: 'application/pdf' } }), rsa(), 415, 'unsupported_media_type'],
    ['un fichier de plus de 10 Mo', () => ({ 'proof-0': { name: 'gros.pdf', content: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) } }), rsa(), 413, 'payload_too_large'],
    ['un fichier vide', () => ({ 'proof-0': { name: 'vide.pdf', content: Buffer.alloc(0) } }), rsa(), 400, 'validation'],
    ['un fichier sans critère', () => ({ 'proof-3': { name: 'autre.pdf', content: PDF } }), rsa(), 400, 'validation'],
    ['un justificatif annoncé mais absent', () => ({}), rsa(), 400, 'validation'],
    ['un justificatif RSA de plus de 3 mois', () => ({ 'proof-0': { name: 'vieux.pdf', content: PDF } }), rsa('proof-0', '2025-11-01'), 422, 'rule_violation'],
    ['une dérogation sans motif', () => ({}), { validatedAt: '2026-03-10', criteria: [{ code: 'DEROGATION' }] }, 422, 'rule_violation'],
    ['une validation datée dans le futur', () => ({ 'proof-0': { name: 'a.pdf', content: PDF } }), { ...rsa(), validatedAt: '2026-04-01' }, 400, 'validation'],
  ])('refuse %s : rien n’est écrit, ni ligne ni fichier', async (_label, files, data, status, code) => {
    const id = await newParticipant();
    const before = await counts();
    const res = await w.facilitatorA.client.postMultipart(`/api/participants/${id}/eligibilities`, data, files() as never);
    expect(res.status, res.text).toBe(status);
    expect(res.body.code).toBe(code);
    expect(await counts()).toEqual(before);
    expect(incomingFiles()).toEqual([]);
  });

  it('la règle violée accompagne le refus (422)', async () => {
    const id = await newParticipant();
    const res = await w.facilitatorA.client.post(`/api/participants/${id}/eligibilities`, rsa(null, '2025-11-01'));
    expect(res.body).toMatchObject({ status: 422, rule: 'proof_outdated' });
    expect(res.body.detail).toBe('Bénéficiaire du RSA : justificatif de plus de 3 mois au jour de la validation.');
  });

  it('un envoi multipart sur une route qui n’en prend pas : 415', async () => {
    const res = await w.facilitatorA.client.postMultipart('/api/participants', participantInput());
    expect(res.status).toBe(415);
  });

  it('liste les éligibilités qui expirent bientôt', async () => {
    const soon = await insertParticipant(app.orm, { organisationId: w.facilitatorA.organisation.id, lastName: 'Bientôt' });
    const later = await insertParticipant(app.orm, { organisationId: w.facilitatorA.organisation.id, lastName: 'Plus-tard' });
    const { insertValidation } = await import('../support/participant-factories.js');
    await insertValidation(app.orm, soon, '2024-04-01'); // valid until 2026-03-31
    await insertValidation(app.orm, later, '2025-04-01');
    const res = await w.facilitatorA.client.get('/api/eligibilities/expiring?withinDays=30');
    expect(res.body.items).toEqual([{ participantId: soon.id, lastName: 'Bientôt', firstName: 'Léa', eligibleUntil: '2026-03-31', daysLeft: 15 }]);
    expect((await w.facilitatorB.client.get('/api/eligibilities/expiring?withinDays=30')).body.items).toEqual([]);
  });
});

describe('droits des personnes : accès et effacement', () => {
  it('exporte toutes les données de la personne, et trace l’export', async () => {
    const id = await newParticipant();
    await w.facilitatorA.client.postMultipart(`/api/participants/${id}/eligibilities`, rsa(), { 'proof-0': { name: 'a.pdf', content: PDF } });
    const res = await w.facilitatorA.client.get(`/api/participants/${id}/export`);
    expect(res.status).toBe(200);
    expect(res.body.participant.lastName).toBe('Delmas');
    expect(res.body.eligibilities[0].criteria[0].code).toBe('RSA');
    expect(res.body.placements).toEqual([]);
    expect(await auditOf('export', id)).toHaveLength(1);
  });

  it('refuse l’effacement avant la fin de la conservation (422, règle retention)', async () => {
    const id = await newParticipant();
    const res = await w.facilitatorA.client.post(`/api/participants/${id}/erasure`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ rule: 'retention', detail: 'Durée de conservation en cours jusqu’au 16/03/2028.' });
  });

  it('efface identité, critères et justificatifs (fichiers compris) une fois la conservation finie', async () => {
    const old = await insertParticipant(app.orm, { organisationId: w.facilitatorA.organisation.id, registeredOn: '2023-01-02', lastName: 'Ancienne' });
    const validation = await w.facilitatorA.client.postMultipart(`/api/participants/${old.id}/eligibilities`, { ...rsa(), validatedAt: '2023-01-05', criteria: [{ code: 'RSA', proofDate: '2023-01-02', proofFile: 'proof-0' }] }, { 'proof-0': { name: 'a.pdf', content: PDF } });
    expect(validation.status, validation.text).toBe(201);
    const key = (await app.orm.em.fork().findOneOrFail(ProofDocumentSchema, { participant: old.id })).storageKey;
    const res = await w.facilitatorA.client.post(`/api/participants/${old.id}/erasure`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ lastName: 'Personne effacée', birthDate: null, email: null, commune: null, targetJobs: [], erased: true });
    expect(fs.existsSync(path.join(app.config.proofsDir, key))).toBe(false);
    const after = await w.facilitatorA.client.get(`/api/participants/${old.id}/eligibilities`);
    expect(after.body.items[0]).toMatchObject({ validatedAt: '2023-01-05', validUntil: '2025-01-04' });
    expect(after.body.items[0].criteria.map((c: { code: string }) => c.code)).toEqual(['DEROGATION']);
    expect(await auditOf('erase', old.id)).toHaveLength(1);
  });
});
