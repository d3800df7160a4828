import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld } from '../support/factories.js';
import type { World } from '../support/route-cases/types.js';
import { attachProof, declarationScenario, declare } from '../support/declaration-factories.js';
import { createContract } from '../support/portfolio.js';
import { formalNoticeBody, multipartAnswer, sendNotice } from '../support/notice-factories.js';
import { pdfText } from '../support/pdf-text.js';

// The clauses of the tests run from February 2026 to January 2027: on 15 June 2027 they are ended
// and past their 60-day grace period, so a shortfall is final (not_met).
const TODAY = '2027-06-15';

let app: TestApp;
let w: World;
beforeAll(async () => {
  app = await startTestApp({ TODAY });
  w = await createWorld(app);
});
afterAll(() => app?.close());

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute(query, params) as Promise<T[]>;
const count = async (table: string) => Number((await sql<{ count: string }>(`select count(*) from ${table}`))[0]!.count);
const noticeAudits = async () => Number((await sql<{ count: string }>(`select count(*) from audit_event where entity_type = 'Notice'`))[0]!.count);
/** The counting engine's stored copy of the clause's counted hours (what the clause page shows). */
const setCounted = (clauseId: string, hours: number) => sql('update insertion_clause set counted_minutes = ? where id = ?', [hours * 60, clauseId]);
const clauseOfA = async (penalty: Record<string, unknown> | null = { model: 'per_hour', rateCents: 3000 }) => {
  const contract = await createContract(w.buyerA, { holderSiret: w.contractorA.organisation.siret ?? undefined });
  const clauseId = contract.lots[0]!.clauseId!;
  if (penalty) {
    const clause = (await w.buyerA.client.get(`/api/clauses/${clauseId}`)).body;
    const res = await w.buyerA.client.request('PUT', `/api/clauses/${clauseId}`, {
      body: { type: clause.type, method: { method: 'labour_share', amountCents: 100_000_000, labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 }, startDate: null, endDate: null, targetPublics: [], facilitatorId: null, settings: { ...clause.settings, penalty }, waived: false },
    });
    expect(res.status, res.text).toBe(200);
  }
  return { contractId: contract.id, clauseId, lotId: contract.lots[0]!.id };
};

describe('relance, mise en demeure, réponse et pénalité (exemple de decisions.md §10)', () => {
  let clauseId: string;
  let noticeId: string;

  beforeAll(async () => {
    ({ clauseId } = await clauseOfA());
    await setCounted(clauseId, 610);
  });

  it('l’acheteur relance puis met en demeure, avec un délai ; chaque étape est datée et tracée', async () => {
    const reminder = await sendNotice(w.buyerA, clauseId, formalNoticeBody({ kind: 'reminder', sentOn: '2027-05-02' }));
    expect(reminder).toMatchObject({ kind: 'reminder', status: 'sent', sentOn: '2027-05-02', deadline: null, complianceStatus: 'not_met', requiredMinutes: 833 * 60, countedMinutes: 610 * 60 });
    const notice = await sendNotice(w.buyerA, clauseId, formalNoticeBody({ deadline: '2027-06-30' }));
    expect(notice).toMatchObject({ kind: 'formal_notice', status: 'sent', sentOn: TODAY, deadline: '2027-06-30', version: 1, decision: null });
    noticeId = notice.id;
    const list = await w.buyerA.client.get(`/api/clauses/${clauseId}/notices`);
    expect(list.body.items.map((n: { kind: string }) => n.kind)).toEqual(['reminder', 'formal_notice']);
    const audits = await sql<{ action: string }>(`select action from audit_event where entity_type = 'Notice' and entity_id in (?, ?) order by id`, [reminder.id, notice.id]);
    expect(audits.map((a) => a.action)).toEqual(['send_reminder', 'send_formal_notice']);
  });

  it('l’entreprise voit la mise en demeure dans son espace et répond (texte et pièce jointe)', async () => {
    const mine = await w.contractorA.client.get('/api/contractor/notices');
    expect(mine.body.items.map((n: { id: string }) => n.id)).toContain(noticeId);
    const res = await w.contractorA.client.request('POST', `/api/notices/${noticeId}/responses`, await multipartAnswer({ version: 1, text: 'Deux recrutements sont prévus ; plan d’action joint.' }));
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ status: 'answered', version: 2 });
    expect(res.body.responses).toHaveLength(1);
    expect(res.body.responses[0]).toMatchObject({ text: 'Deux recrutements sont prévus ; plan d’action joint.', files: [{ fileName: 'plan-action.pdf', mediaType: 'application/pdf' }] });
    // The buyer downloads the file; the read is audited.
    const file = await w.buyerA.client.get(`/api/notices/${noticeId}/files/${res.body.responses[0].files[0].id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect((await sql(`select 1 from audit_event where action = 'read_notice_file' and entity_id = ?`, [noticeId])).length).toBe(1);
  });

  it('le facilitateur mandaté lit le dossier ; l’autre facilitateur, l’autre entreprise et l’autre acheteur ne le voient pas (404)', async () => {
    expect((await w.facilitatorA.client.get(`/api/notices/${noticeId}`)).status).toBe(200);
    expect((await w.facilitatorA.client.get(`/api/clauses/${clauseId}/notices`)).body.items).toHaveLength(2);
    for (const other of [w.facilitatorB, w.contractorB, w.buyerB]) {
      const res = await other.client.get(`/api/notices/${noticeId}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    expect((await w.contractorB.client.get('/api/contractor/notices')).body.items).toEqual([]);
  });

  it('une version périmée est refusée (409), sans rien écrire', async () => {
    const before = await noticeAudits();
    const res = await w.buyerA.client.post(`/api/notices/${noticeId}/decision`, { version: 1, outcome: 'penalty' });
    expect(res.status).toBe(409);
    expect(await noticeAudits()).toBe(before);
  });

  it('l’acheteur décide la pénalité : 223 h × 30 € = 6 690 €, formule et chiffres conservés', async () => {
    const res = await w.buyerA.client.post(`/api/notices/${noticeId}/decision`, { version: 2, outcome: 'penalty' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('decided');
    expect(res.body.decision).toMatchObject({ outcome: 'penalty', decidedOn: TODAY, reason: null });
    const penalty = res.body.decision.penalty;
    expect(penalty).toMatchObject({ models: ['per_hour'], amountCents: 669_000, shortfallMinutes: 223 * 60 });
    expect(penalty.formula.replace(/[\u202f\u00a0]/g, ' ')).toBe('223 h × 30,00 €/h = 6 690,00 €');
    expect(penalty.lines[0].figures).toEqual({ shortfallMinutes: 223 * 60, rateCents: 3000 });
    const stored = await sql<{ penalty_cents: number; outcome: string }>('select penalty_cents, outcome from notice where id = ?', [noticeId]);
    expect(stored[0]).toEqual({ penalty_cents: 669_000, outcome: 'penalty' });
  });

  it('une réponse après la décision est refusée (409, message en français), rien n’est écrit', async () => {
    const [responses, files, audits] = [await count('notice_response'), await count('notice_file'), await noticeAudits()];
    const res = await w.contractorA.client.request('POST', `/api/notices/${noticeId}/responses`, await multipartAnswer({ version: 3, text: 'Une réponse trop tardive.' }));
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'conflict', detail: 'L’acheteur a déjà pris sa décision sur ce courrier : la réponse n’est plus possible.' });
    expect([await count('notice_response'), await count('notice_file'), await noticeAudits()]).toEqual([responses, files, audits]);
  });

  it('une seconde décision est refusée (409)', async () => {
    const res = await w.buyerA.client.post(`/api/notices/${noticeId}/decision`, { version: 3, outcome: 'waiver', reason: 'Changement d’avis.' });
    expect(res.status).toBe(409);
  });

  it('le modèle indexé sur le SMIC peut être choisi à la décision : 223 h × 1,5 × 12,02 € (SMIC de 2027) = 4 020,69 €', async () => {
    const notice = await sendNotice(w.buyerA, clauseId, formalNoticeBody({ deadline: '2027-07-15' }));
    const res = await w.buyerA.client.post(`/api/notices/${notice.id}/decision`, { version: 1, outcome: 'penalty', model: { model: 'smic_indexed', coefficient: 1.5 } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.decision.penalty.amountCents).toBe(402_069);
    expect(res.body.decision.penalty.formula).toContain('12,02');
  });

  it('le bilan PDF est généré et son texte porte les chiffres', async () => {
    const res = await fetch(`${app.baseUrl}/api/clauses/${clauseId}/bilan.pdf?texte=1`, { headers: { cookie: w.buyerA.client.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="bilan-.*\.pdf"/);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Lines wrap in table cells: compare with the whitespace flattened.
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Bilan de fin de marché');
    expect(text).toContain('833 h');
    expect(text).toContain('610 h');
    expect(text).toContain('223 h');
    expect(text).toContain('6 690,00 €');
    expect(text).toContain('223 h × 30,00 €/h = 6 690,00 €');
    expect(text).toContain('Mise en demeure');
    expect(text).toContain('signature et cachet');
    // The compressed document (what users download) is a PDF too, and its text reads the same.
    const compressed = await fetch(`${app.baseUrl}/api/clauses/${clauseId}/bilan.pdf`, { headers: { cookie: w.buyerA.client.cookie! } });
    expect(pdfText(Buffer.from(await compressed.arrayBuffer()))).toContain('6 690,00 €');
  });
});

describe('refus : règles du domaine et cloisonnement, rien n’est écrit', () => {
  it('un courrier sur la clause d’un autre acheteur : 404', async () => {
    const other = await createContract(w.buyerB);
    const before = [await count('notice'), await noticeAudits()];
    const res = await w.buyerA.client.post(`/api/clauses/${other.lots[0]!.clauseId}/notices`, formalNoticeBody({ deadline: '2027-07-01' }));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'not_found', detail: 'Clause introuvable.' });
    expect([await count('notice'), await noticeAudits()]).toEqual(before);
  });

  it('un courrier sur une clause conforme : 422 clause_not_late', async () => {
    const { clauseId } = await clauseOfA();
    await setCounted(clauseId, 900);
    const before = await count('notice');
    const res = await w.buyerA.client.post(`/api/clauses/${clauseId}/notices`, formalNoticeBody({ kind: 'reminder' }));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'rule_violation', rule: 'clause_not_late' });
    expect(res.body.detail).toMatch(/ni en retard/);
    expect(await count('notice')).toBe(before);
  });

  it('une mise en demeure sans délai : 422 avec le champ', async () => {
    const { clauseId } = await clauseOfA();
    const res = await w.buyerA.client.post(`/api/clauses/${clauseId}/notices`, formalNoticeBody());
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ rule: 'deadline_required', errors: [{ path: 'deadline' }] });
  });

  it('une pénalité sans manque d’heures : 422 no_shortfall, la décision n’est pas enregistrée', async () => {
    const { clauseId } = await clauseOfA();
    const notice = await sendNotice(w.buyerA, clauseId, formalNoticeBody({ deadline: '2027-07-01' }));
    // Late validations bring the clause to its objective before the decision.
    await setCounted(clauseId, 833);
    const audits = await noticeAudits();
    const res = await w.buyerA.client.post(`/api/notices/${notice.id}/decision`, { version: 1, outcome: 'penalty' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'rule_violation', rule: 'no_shortfall', detail: 'Aucune heure ne manque sur cette clause : pas de pénalité possible.' });
    expect((await sql<{ status: string }>('select status from notice where id = ?', [notice.id]))[0]!.status).toBe('sent');
    expect(await noticeAudits()).toBe(audits);
    // The waiver needs its reason.
    const waiver = await w.buyerA.client.post(`/api/notices/${notice.id}/decision`, { version: 1, outcome: 'waiver', reason: '' });
    expect(waiver.status).toBe(400);
    expect(waiver.body.errors).toEqual([{ path: 'reason', message: 'Le motif de l’exonération est obligatoire (5 caractères au moins).' }]);
    const ok = await w.buyerA.client.post(`/api/notices/${notice.id}/decision`, { version: 1, outcome: 'waiver', reason: 'Objectif atteint après la mise en demeure.' });
    expect(ok.body.decision).toMatchObject({ outcome: 'waiver', penalty: null, reason: 'Objectif atteint après la mise en demeure.' });
  });

  it('une clause sans modèle de pénalité : 422 no_penalty_model', async () => {
    const { clauseId } = await clauseOfA(null);
    const notice = await sendNotice(w.buyerA, clauseId, formalNoticeBody({ kind: 'reminder' }));
    const res = await w.buyerA.client.post(`/api/notices/${notice.id}/decision`, { version: 1, outcome: 'penalty' });
    expect(res.body).toMatchObject({ status: 422, rule: 'no_penalty_model' });
  });

  it('une pièce jointe qui n’est ni PDF, ni JPEG, ni PNG : 415, ni réponse ni fichier écrits', async () => {
    const { clauseId } = await clauseOfA();
    const notice = await sendNotice(w.buyerA, clauseId, formalNoticeBody({ kind: 'reminder' }));
    const before = [await count('notice_response'), await count('notice_file'), await noticeAudits()];
    const res = await w.contractorA.client.postMultipart(`/api/notices/${notice.id}/responses`, { version: 1, text: 'Voici notre réponse.' }, {
      fichier: { name: 'reponse.pdf', content: 'Ceci est un texte, pas un PDF.', type: 'application/pdf' },
    });
    expect(res.status).toBe(415);
    expect(res.body.detail).toContain('n’est ni un PDF');
    expect([await count('notice_response'), await count('notice_file'), await noticeAudits()]).toEqual(before);
    expect((await w.contractorA.client.get(`/api/notices/${notice.id}`)).body).toMatchObject({ status: 'sent', version: 1 });
  });

  it('deux décisions simultanées : une seule l’emporte, l’autre reçoit 409', async () => {
    const { clauseId } = await clauseOfA();
    await setCounted(clauseId, 610);
    const notice = await sendNotice(w.buyerA, clauseId, formalNoticeBody({ deadline: '2027-07-01' }));
    const results = await Promise.all([
      w.buyerA.client.post(`/api/notices/${notice.id}/decision`, { version: 1, outcome: 'penalty' }),
      w.buyerA.client.post(`/api/notices/${notice.id}/decision`, { version: 1, outcome: 'waiver', reason: 'Difficultés signalées à temps.' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const audits = await sql<{ action: string }>(`select action from audit_event where entity_type = 'Notice' and entity_id = ? and action like 'decide_%'`, [notice.id]);
    expect(audits).toHaveLength(1);
  });

  it('l’entreprise ne répond qu’à ses propres courriers (404 sinon) et ne décide pas (403)', async () => {
    const { clauseId } = await clauseOfA();
    const notice = await sendNotice(w.buyerA, clauseId, formalNoticeBody({ kind: 'reminder' }));
    const res = await w.contractorB.client.request('POST', `/api/notices/${notice.id}/responses`, await multipartAnswer({ version: 1, text: 'Pas mon lot.' }, false));
    expect(res.status).toBe(404);
    expect((await w.contractorA.client.post(`/api/notices/${notice.id}/decision`, { version: 1, outcome: 'waiver', reason: 'Je m’exonère.' })).status).toBe(403);
    expect((await w.facilitatorA.client.post(`/api/notices/${notice.id}/decision`, { version: 1, outcome: 'waiver', reason: 'Pas mon rôle.' })).status).toBe(403);
  });
});

describe('bilan PDF d’une clause avec des participants', () => {
  it('heures par modalité, participants pseudonymisés (sans nom), sorties', async () => {
    const scenario = await declarationScenario(app.orm, { buyer: w.buyerA, holder: w.contractorA, facilitator: w.facilitatorA }, { people: 2 });
    for (const placed of scenario.placements) {
      const declaration = await declare(w.contractorA, placed.placementId);
      await attachProof(w.contractorA, declaration.id);
      const validated = await w.facilitatorA.client.post(`/api/declarations/${declaration.id}/validate`, { version: declaration.version });
      expect(validated.status, validated.text).toBe(200);
    }
    await sql(`update placement set ended_on = '2026-12-31', exit_outcome = 'sustainable_job' where id = ?`, [scenario.placements[0]!.placementId]);
    const res = await fetch(`${app.baseUrl}/api/clauses/${scenario.clauseId}/bilan.pdf?texte=1`, { headers: { cookie: w.facilitatorA.client.cookie! } });
    expect(res.status).toBe(200);
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('Embauche directe');
    expect(text).toContain('280 h');
    expect(text).toContain('Emploi durable');
    expect(text).toMatch(/P-[0-9A-F]{6}/);
    for (const placed of scenario.placements) expect(text).not.toContain(placed.lastName);
    expect((await sql(`select 1 from audit_event where action = 'generate_assessment' and entity_id = ?`, [scenario.clauseId])).length).toBe(1);
  });

  it('le bilan d’une clause d’un autre acheteur : 404 ; l’entreprise n’y a pas accès (403)', async () => {
    const other = await createContract(w.buyerB);
    expect((await w.buyerA.client.get(`/api/clauses/${other.lots[0]!.clauseId}/bilan.pdf`)).status).toBe(404);
    expect((await w.contractorA.client.get(`/api/clauses/${other.lots[0]!.clauseId}/bilan.pdf`)).status).toBe(403);
  });
});

describe('page publique de transparence', () => {
  it('n’existe pas tant que l’acheteur ne l’a pas activée (404), puis publie des agrégats sans donnée personnelle', async () => {
    const anonymous = app.client();
    expect((await anonymous.get(`/api/public/transparency/${w.buyerB.organisation.id}`)).status).toBe(404);
    expect((await w.buyerB.client.get('/api/transparency')).body).toMatchObject({ enabled: false, publicPath: `/transparence/${w.buyerB.organisation.id}` });
    const scenario = await declarationScenario(app.orm, { buyer: w.buyerB, holder: w.contractorB, facilitator: w.facilitatorB }, { people: 2 });
    for (const placed of scenario.placements) {
      const declaration = await declare(w.contractorB, placed.placementId);
      await attachProof(w.contractorB, declaration.id);
      await w.facilitatorB.client.post(`/api/declarations/${declaration.id}/validate`, { version: declaration.version });
    }
    const enabled = await w.buyerB.client.request('PUT', '/api/transparency', { body: { enabled: true } });
    expect(enabled.body.enabled).toBe(true);
    const page = await anonymous.get(`/api/public/transparency/${w.buyerB.organisation.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ buyer: { id: w.buyerB.organisation.id }, threshold: 5 });
    const y2026 = page.body.years.find((y: { year: number }) => y.year === 2026);
    expect(y2026.requiredMinutes).toBeGreaterThan(0);
    // Two people only: the delivered hours are suppressed, the required hours are published.
    expect(y2026.deliveredMinutes).toBeNull();
    expect(y2026.cells.every((c: { suppressed: boolean; deliveredMinutes: number | null }) => c.suppressed && c.deliveredMinutes === null)).toBe(true);
    for (const placed of scenario.placements) expect(page.text).not.toContain(placed.lastName);
    expect(page.text).not.toContain(scenario.placements[0]!.participantId);
    // Withdrawn: 404 again.
    await w.buyerB.client.request('PUT', '/api/transparency', { body: { enabled: false } });
    expect((await anonymous.get(`/api/public/transparency/${w.buyerB.organisation.id}`)).status).toBe(404);
    // Not a buyer: 404.
    expect((await anonymous.get(`/api/public/transparency/${w.contractorB.organisation.id}`)).status).toBe(404);
  });
});
