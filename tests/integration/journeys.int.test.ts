import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld } from '../support/factories.js';
import type { World } from '../support/route-cases/types.js';
import { attachProof, declare, scenarioOfA, TODAY, type DeclarationScenario } from '../support/declaration-factories.js';
import { insertParticipant, insertValidation } from '../support/participant-factories.js';
import { needBody } from '../support/route-cases/job-needs.js';
import { clauseOfA, formalNoticeBody, sendNotice } from '../support/notice-factories.js';
import { pdfText } from '../support/pdf-text.js';

/**
 * What the journeys of issue 13 need from the API: the person's record for the facilitator, the people
 * matching set aside (and why), "rien à déclarer ce mois-ci", the printable letter, the CPV codes of
 * the trade first.
 */
let app: TestApp;
let w: World;
beforeAll(async () => {
  app = await startTestApp({ TODAY });
  w = await createWorld(app);
});
afterAll(() => app?.close());

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute(query, params) as Promise<T[]>;

describe('le dossier d’une personne (facilitateur)', () => {
  let scenario: DeclarationScenario;
  let participantId: string;
  beforeAll(async () => {
    scenario = await scenarioOfA(w);
    participantId = scenario.placements[0]!.participantId;
    const placementId = scenario.placements[0]!.placementId;
    // March validated (140 h), April rejected with a reason, May nothing to declare.
    const march = await declare(w.contractorA, placementId, { month: '2026-03' });
    await attachProof(w.contractorA, march.id);
    expect((await w.facilitatorA.client.post(`/api/declarations/${march.id}/validate`, { version: march.version })).status).toBe(200);
    const april = await declare(w.contractorA, placementId, { month: '2026-04', workedMinutes: 150 * 60 });
    expect((await w.facilitatorA.client.post(`/api/declarations/${april.id}/reject`, { version: april.version, reason: 'Le bulletin indique 126 heures.' })).status).toBe(200);
  });

  it('chaque mise en poste avec ses heures mois par mois : déclarées, statut, comptées par le domaine, motif du rejet', async () => {
    const res = await w.facilitatorA.client.get(`/api/participants/${participantId}/record`);
    expect(res.status, res.text).toBe(200);
    const [placement] = res.body.placements;
    expect(placement).toMatchObject({ lot: { label: expect.stringContaining('Lot 1') }, modality: 'direct_hire', startDate: '2026-02-02', countedMinutes: 140 * 60 });
    const month = (m: string) => placement.months.find((x: { month: string }) => x.month === m);
    expect(month('2026-03')).toMatchObject({ status: 'validated', declaredMinutes: 140 * 60, countedMinutes: 140 * 60, excluded: [] });
    expect(month('2026-04')).toMatchObject({ status: 'rejected', declaredMinutes: 150 * 60, countedMinutes: 0, rejectionReason: 'Le bulletin indique 126 heures.' });
    expect(month('2026-05')).toMatchObject({ status: null, declarationId: null });
    expect(placement.months[0].month).toBe('2026-06'); // most recent first, up to today
    expect(res.body.documents).toEqual([expect.objectContaining({ kind: 'declaration', fileName: 'bulletin-mars.pdf', label: 'Bulletin de salaire — heures de mars 2026' })]);
  });

  it('la lecture du dossier est tracée, et le dossier montre qui a lu les critères et le dossier', async () => {
    expect((await w.facilitatorA.client.get(`/api/participants/${participantId}/eligibilities`)).status).toBe(200);
    const res = await w.facilitatorA.client.get(`/api/participants/${participantId}/record`);
    expect(res.body.reads.map((r: { label: string }) => r.label)).toEqual(expect.arrayContaining(['Dossier consulté', 'Critères d’éligibilité consultés']));
    expect(res.body.reads[0]).toMatchObject({ actor: expect.any(String), organisation: w.facilitatorA.organisation.name });
    const audit = await sql<{ n: string }>(`select count(*) as n from audit_event where action = 'read_record' and entity_id = ? and actor_user_id = ?`, [participantId, w.facilitatorA.user.id]);
    expect(Number(audit[0]!.n)).toBeGreaterThanOrEqual(2);
  });

  it('une autre structure ne le trouve pas (404), et sa tentative n’est pas tracée comme une lecture', async () => {
    const res = await w.facilitatorB.client.get(`/api/participants/${participantId}/record`);
    expect(res.status).toBe(404);
    const audit = await sql<{ n: string }>(`select count(*) as n from audit_event where action = 'read_record' and actor_user_id = ?`, [w.facilitatorB.user.id]);
    expect(Number(audit[0]!.n)).toBe(0);
  });
});

describe('« rien à déclarer ce mois-ci »', () => {
  it('un mois transmis à 0 h, sans justificatif : aucun constat bloquant, validable, et le mois n’est plus dû ni en retard', async () => {
    const scenario = await scenarioOfA(w);
    const placementId = scenario.placements[0]!.placementId;
    const due = async () => (await w.contractorA.client.get('/api/contractor/lots')).body.items.find((l: { clause: { id: string } | null }) => l.clause?.id === scenario.clauseId);
    const before = await due();
    expect(before.clause.missingPeriods).toBeGreaterThan(0);
    expect(before.due.find((d: { month: string }) => d.month === '2026-02')).toMatchObject({ missing: 1, late: true });

    const nothing = await declare(w.contractorA, placementId, { month: '2026-02', workedMinutes: 0, comment: 'Rien à déclarer ce mois-ci' });
    expect(nothing).toMatchObject({ status: 'submitted', workedMinutes: 0, findings: [] });
    const validated = await w.facilitatorA.client.post(`/api/declarations/${nothing.id}/validate`, { version: nothing.version });
    expect(validated.status, validated.text).toBe(200);
    const after = await due();
    expect(after.due.find((d: { month: string }) => d.month === '2026-02')).toBeUndefined();
    expect(after.clause.countedMinutes).toBe(0);

    const placements = await w.contractorA.client.get('/api/contractor/placements');
    expect(placements.body.items.find((p: { id: string }) => p.id === placementId)).toMatchObject({ proofRequired: true });
  });

  it('des heures déclarées sans justificatif restent bloquées à la validation', async () => {
    const scenario = await scenarioOfA(w);
    const some = await declare(w.contractorA, scenario.placements[0]!.placementId, { month: '2026-02', workedMinutes: 60 });
    expect(some.findings.map((f: { code: string }) => f.code)).toEqual(['proof_missing']);
  });
});

describe('rapprochement : les personnes écartées, et pourquoi', () => {
  it('le facilitateur voit qui est écarté avec la raison ; l’entreprise ne voit ni nom ni raison', async () => {
    const { lotId, clauseId } = await clauseOfA(w);
    await sql(`update insertion_clause set target_publics = '["RSA"]'::jsonb where id = ?`, [clauseId]);
    const need = await w.contractorA.client.post('/api/job-needs', needBody(lotId));
    expect(need.status, need.text).toBe(201);
    const org = w.facilitatorA.organisation.id;
    const kept = await insertParticipant(app.orm, { organisationId: org, lastName: 'Retenue', registeredOn: '2026-01-05' });
    await insertValidation(app.orm, kept, '2026-06-01', 'RSA');
    // Eligible (a proven criterion), but not of the clause's target public.
    const senior = await insertParticipant(app.orm, { organisationId: org, lastName: 'Écarté', registeredOn: '2026-01-05' });
    await insertValidation(app.orm, senior, '2026-06-01', 'QPV');

    const res = await w.facilitatorA.client.get(`/api/job-needs/${need.body.id}/candidates`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.candidates.map((c: { participant: { lastName: string } }) => c.participant.lastName)).toContain('Retenue');
    expect(res.body.setAside).toContainEqual({ participant: { id: senior.id, lastName: 'Écarté', firstName: 'Léa' }, reason: 'Ne relève d’aucun des publics visés par la clause.' });
    expect(res.body.excluded).toBe(res.body.setAside.length);

    const anonymous = await w.contractorA.client.get(`/api/job-needs/${need.body.id}/anonymous-candidates`);
    expect(anonymous.status).toBe(200);
    expect(JSON.stringify(anonymous.body)).not.toMatch(/Écarté|setAside|publics visés/);
  });
});

describe('courrier imprimable', () => {
  it('le courrier envoyé, en PDF : en-tête de l’acheteur, texte conservé, délai ; lisible par l’entreprise titulaire, pas par une autre', async () => {
    const { clauseId } = await clauseOfA(w);
    const notice = await sendNotice(w.buyerA, clauseId, formalNoticeBody({ deadline: '2026-07-01', body: 'Objet : mise en demeure\r\n\r\nNous vous mettons en demeure de transmettre vos déclarations.' }));
    const res = await fetch(`${app.baseUrl}/api/notices/${notice.id}/courrier.pdf?texte=1`, { headers: { cookie: w.buyerA.client.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(Buffer.from(await res.arrayBuffer())).replace(/\s+/g, ' ');
    expect(text).toContain(w.buyerA.organisation.name.toUpperCase());
    expect(text).toContain('MISE EN DEMEURE');
    expect(text).toContain('Nous vous mettons en demeure de transmettre vos déclarations.');
    expect(text).not.toContain('\r'); // paragraphs typed in a text area (CRLF) are split, not printed with their line ends
    expect(text).toContain('Délai de réponse : au plus tard le 01/07/2026.');
    expect((await w.contractorA.client.get(`/api/notices/${notice.id}/courrier.pdf`)).status).toBe(200);
    expect((await w.contractorB.client.get(`/api/notices/${notice.id}/courrier.pdf`)).status).toBe(404);
    expect((await w.buyerB.client.get(`/api/notices/${notice.id}/courrier.pdf`)).status).toBe(404);
  });
});

describe('codes CPV : ceux du corps d’état d’abord', () => {
  const codes = async (query: string) => (await w.buyerA.client.get(`/api/referentials/cpv?${query}`)).body.items.map((i: { code: string; label: string }) => `${i.code} ${i.label}`);

  it('« réhabilitation » propose des travaux (remise en état, réfection) avant la réhabilitation de criminels', async () => {
    const found = await codes('q=r%C3%A9habilitation&limit=20');
    expect(found[0]).toMatch(/^45/);
    const criminals = found.findIndex((c: string) => /criminels/.test(c));
    expect(criminals === -1 || criminals > found.findIndex((c: string) => /^45/.test(c))).toBe(true);
  });

  it('pour un lot de nettoyage, les services de nettoyage passent devant les travaux', async () => {
    expect((await codes('q=nettoyage&trade=nettoyage'))[0]).toMatch(/^909/);
    expect((await codes('q=nettoyage'))[0]).toMatch(/^45/);
  });

  it('un code tapé garde l’ordre des codes', async () => {
    expect((await codes('q=452142'))[0]).toMatch(/^452142/);
  });
});
