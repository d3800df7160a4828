import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clauseProgress, refreshComplianceStatuses } from '@app/api';
import { totalsOf, type ClauseFigures, type ComplianceStatus } from '@app/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld } from '../support/factories.js';
import type { World } from '../support/route-cases/types.js';
import { attachProof, declare, scenarioOfA, scenarioOfB, TODAY, type DeclarationScenario } from '../support/declaration-factories.js';

let app: TestApp;
let w: World;
const scenarios: DeclarationScenario[] = [];

/** Deterministic pseudo-random hours (mulberry32): "generated data" that replays identically. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function declareAndValidate(scenario: DeclarationScenario, who: 'A' | 'B', person: number, month: string, hours: number, validate: boolean) {
  const contractor = who === 'A' ? w.contractorA : w.contractorB;
  const facilitator = who === 'A' ? w.facilitatorA : w.facilitatorB;
  const declaration = await declare(contractor, scenario.placements[person]!.placementId, { month, workedMinutes: hours * 60 });
  await attachProof(contractor, declaration.id);
  if (validate) {
    const current = await facilitator.client.get(`/api/declarations/${declaration.id}`);
    const res = await facilitator.client.post(`/api/declarations/${declaration.id}/validate`, { version: current.body.version });
    if (res.status !== 200) throw new Error(`validation refusée : ${res.status} ${res.text}`);
  }
}

beforeAll(async () => {
  app = await startTestApp({ TODAY });
  w = await createWorld(app);
  const rand = random(7);
  // Buyer A: a clause with every month declared and validated for its only person (on track or close),
  // one where a second person never declares (late periods → at risk), and generated ones.
  const steady = await scenarioOfA(w);
  for (const month of ['2026-02', '2026-03', '2026-04', '2026-05']) await declareAndValidate(steady, 'A', 0, month, 120, true);
  const late = await scenarioOfA(w, { people: 2 });
  await declareAndValidate(late, 'A', 0, '2026-02', 60, true);
  const generated = [await scenarioOfA(w, { people: 2 }), await scenarioOfB(w, { people: 2 })];
  scenarios.push(steady, late, ...generated);
  for (const [index, scenario] of generated.entries()) {
    for (const person of [0, 1]) {
      for (const month of ['2026-02', '2026-03', '2026-04', '2026-05']) {
        if (rand() < 0.25) continue; // a missing month
        await declareAndValidate(scenario, index === 0 ? 'A' : 'B', person, month, 20 + Math.floor(rand() * 100), rand() < 0.8);
      }
    }
  }
}, 120_000);
afterAll(() => app?.close());

describe('tableau de bord acheteur', () => {
  it('les titulaires signalés d’abord, chaque signalement dit pourquoi', async () => {
    const res = await w.buyerA.client.get('/api/dashboards/buyer');
    expect(res.status, res.text).toBe(200);
    const { clauses, contractors, totals } = res.body;
    expect(totals.clauseCount).toBe(clauses.total);
    const late = clauses.items.find((c: { id: string }) => c.id === scenarios[1]!.clauseId);
    expect(late).toMatchObject({ status: 'at_risk', flagged: true });
    expect(late.missingPeriods).toBeGreaterThanOrEqual(2);
    expect(late.reason).toMatch(/^à risque : /);
    expect(late.reason).toContain('non déclarées après l’échéance');
    // Flagged contractors first, then flagged clauses.
    const flags = clauses.items.map((c: { flagged: boolean }) => c.flagged);
    expect(flags).toEqual([...flags].sort((a: boolean, b: boolean) => Number(b) - Number(a)));
    expect(contractors[0].flagged).toBe(true);
    expect(contractors[0].reasons[0]).toMatch(/^Lot 1 « .* » — /);
    for (const c of clauses.items) expect(c.forecast.message.length).toBeGreaterThan(10);
  });

  it('filtres et tri dans l’adresse : statut, tri par rythme décroissant, période', async () => {
    const atRisk = await w.buyerA.client.get('/api/dashboards/buyer?status=at_risk&sort=pace&dir=desc&from=2026-01&to=2026-06');
    expect(atRisk.status, atRisk.text).toBe(200);
    expect(atRisk.body.clauses.items.every((c: { status: string }) => c.status === 'at_risk')).toBe(true);
    const paces = atRisk.body.clauses.items.map((c: { pace: number | null }) => c.pace ?? Infinity);
    expect(paces).toEqual([...paces].sort((a, b) => b - a));
    expect(atRisk.body.byMonth.every((m: { month: string }) => m.month >= '2026-01' && m.month <= '2026-06')).toBe(true);
    for (const sort of ['contractor', 'status', 'required', 'counted', 'expected', 'end', 'forecast', 'priority']) {
      const sorted = await w.buyerA.client.get(`/api/dashboards/buyer?sort=${sort}&dir=desc`);
      expect(sorted.status, sort).toBe(200);
      expect(sorted.body.clauses.items).toHaveLength(sorted.body.clauses.total);
    }
    const years = atRisk.body.years.map((y: { year: number }) => y.year);
    expect(years).toContain(2026);
  });

  it('valeurs absurdes : 400 clairs avec le champ', async () => {
    for (const [query, path] of [
      ['sort=couleur', 'sort'],
      ['status=peut-etre', 'status'],
      ['from=2026-06&to=2026-01', 'to'],
      ['from=2026-13', 'from'],
      ['dir=haut', 'dir'],
      ['page=0', 'page'],
      ['buyerId=pas-un-uuid', 'buyerId'],
      ['inconnu=1', ''],
    ] as const) {
      const res = await w.buyerA.client.get(`/api/dashboards/buyer?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('validation');
      if (path) expect(res.body.errors.map((e: { path: string }) => e.path), query).toContain(path);
    }
  });

  it('lignes périmées (clause modifiée) : recalculées à la lecture, même par plusieurs lectures simultanées', async () => {
    await app.orm.em.fork().getConnection().execute(`update insertion_clause set updated_at = now() where buyer_id = ?`, [w.buyerA.organisation.id]);
    const responses = await Promise.all(Array.from({ length: 5 }, () => w.buyerA.client.get('/api/dashboards/buyer')));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(responses.map((r) => JSON.stringify(r.body.totals))).size).toBe(1);
  });

  it('un autre acheteur : 404 ; le facilitateur voit l’acheteur qui l’a mandaté, pas les autres', async () => {
    expect((await w.buyerA.client.get(`/api/dashboards/buyer?buyerId=${w.buyerB.organisation.id}`)).status).toBe(404);
    expect((await w.facilitatorA.client.get(`/api/dashboards/buyer?buyerId=${w.buyerA.organisation.id}`)).status).toBe(200);
    expect((await w.facilitatorA.client.get(`/api/dashboards/buyer?buyerId=${w.buyerB.organisation.id}`)).status).toBe(404);
    expect((await w.admin.client.get('/api/dashboards/buyer')).status).toBe(400);
  });

  it('participants par sexe, âge, critère et sortie : effectifs de moins de 5 masqués', async () => {
    const res = await w.buyerA.client.get('/api/dashboards/buyer/participants');
    expect(res.status, res.text).toBe(200);
    expect(res.body.totalParticipants).toBe(5);
    const female = res.body.bySex.find((c: { key: string }) => c.key === 'female');
    expect(female).toMatchObject({ count: 5, suppressed: false });
    for (const cell of [...res.body.bySex, ...res.body.byAgeBand, ...res.body.byCriterion, ...res.body.byExitOutcome]) {
      if (cell.count !== null) expect(cell.count === 0 || cell.count >= 5).toBe(true);
    }
    expect(JSON.stringify(res.body)).not.toMatch(/Delmas|Lacoste/);
  });
});

describe('descente jusqu’à la clause', () => {
  it('courbe cumulée : ligne attendue jusqu’au requis, cumul compté, projection ; l’acheteur ne voit pas les noms', async () => {
    const res = await w.buyerA.client.get(`/api/dashboards/clauses/${scenarios[0]!.clauseId}`);
    expect(res.status, res.text).toBe(200);
    const { clause, burnUp, placements, placementCount } = res.body;
    expect(burnUp.at(-1).expectedMinutes).toBe(clause.requiredMinutes);
    expect(burnUp.find((p: { month: string }) => p.month === '2026-05').countedMinutes).toBe(clause.countedMinutes);
    expect(burnUp.at(-1).forecastMinutes).toBe(clause.forecast.projectedMinutesAtEnd);
    expect(placements).toEqual([]);
    expect(placementCount).toBe(1);
    const facilitator = await w.facilitatorA.client.get(`/api/dashboards/clauses/${scenarios[0]!.clauseId}`);
    expect(facilitator.body.placements[0].person).toContain('Delmas');
  });

  it('une clause d’un autre acheteur ou d’une autre entreprise : 404', async () => {
    expect((await w.buyerB.client.get(`/api/dashboards/clauses/${scenarios[0]!.clauseId}`)).status).toBe(404);
    expect((await w.contractorB.client.get(`/api/dashboards/clauses/${scenarios[0]!.clauseId}`)).status).toBe(404);
    expect((await w.facilitatorB.client.get(`/api/dashboards/clauses/${scenarios[0]!.clauseId}`)).status).toBe(404);
    expect((await w.contractorA.client.get(`/api/dashboards/clauses/${scenarios[0]!.clauseId}`)).status).toBe(200);
  });
});

describe('tableaux de bord du facilitateur et de l’entreprise', () => {
  it('le facilitateur voit les déclarations en retard de son territoire, pas celles des autres', async () => {
    const res = await w.facilitatorA.client.get('/api/dashboards/facilitator');
    expect(res.status, res.text).toBe(200);
    const ids = res.body.lateDeclarations.map((c: { id: string }) => c.id);
    expect(ids).toContain(scenarios[1]!.clauseId);
    expect(ids).not.toContain(scenarios[3]!.clauseId);
    expect(res.body.placements.active).toBeGreaterThan(0);
  });

  it('l’entreprise voit ses lots et ce qui est dû ; celui d’une autre entreprise : 404', async () => {
    const res = await w.contractorA.client.get(`/api/dashboards/contractors/${w.contractorA.organisation.id}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.clauses.map((c: { id: string }) => c.id)).toContain(scenarios[1]!.clauseId);
    expect(res.body.due.find((d: { clauseId: string }) => d.clauseId === scenarios[1]!.clauseId).message).toContain('mois à déclarer');
    expect(JSON.stringify(res.body)).not.toContain(scenarios[3]!.clauseId);
    expect((await w.contractorA.client.get(`/api/dashboards/contractors/${w.contractorB.organisation.id}`)).status).toBe(404);
  });
});

describe('les chiffres rapides égalent ceux du cœur du domaine', () => {
  it('par clause : heures comptées, périodes manquantes et statut, recomptés depuis les déclarations', async () => {
    const em = app.orm.em.fork();
    const domain = await clauseProgress(em as never, scenarios.map((s) => s.clauseId), TODAY);
    const fast = new Map<string, { countedMinutes: number; missingPeriods: number; status: ComplianceStatus; byMonth: number }>();
    for (const tenant of [w.buyerA, w.buyerB]) {
      const res = await tenant.client.get('/api/dashboards/buyer?pageSize=200');
      for (const c of res.body.clauses.items) fast.set(c.id, { countedMinutes: c.countedMinutes, missingPeriods: c.missingPeriods, status: c.status, byMonth: 0 });
    }
    for (const scenario of scenarios) {
      const detail = await (scenario === scenarios[3] ? w.buyerB : w.buyerA).client.get(`/api/dashboards/clauses/${scenario.clauseId}`);
      const expected = domain.get(scenario.clauseId)!;
      const monthly = detail.body.byMonth.reduce((sum: number, m: { countedMinutes: number }) => sum + m.countedMinutes, 0);
      expect({ ...fast.get(scenario.clauseId), byMonth: monthly }).toEqual({
        countedMinutes: expected.countedMinutes,
        missingPeriods: expected.missingPeriods,
        status: expected.status,
        byMonth: expected.countedMinutes,
      });
    }
  });

  it('synthèse de l’instance = agrégation du domaine sur les clauses recalculées', async () => {
    await refreshComplianceStatuses(app.orm.em.fork() as never, TODAY);
    const em = app.orm.em.fork();
    const ids = (await em.getConnection().execute<{ id: string }[]>(`select id from insertion_clause where required_minutes is not null and start_date is not null`)).map((r) => r.id);
    const domain = await clauseProgress(em as never, ids, TODAY);
    const rows = await em.getConnection().execute<{ id: string; lot_id: string; contract_id: string; operation_id: string | null; buyer_id: string; holder_identifier: string; required_minutes: number }[]>(
      `select id, lot_id, contract_id, operation_id, buyer_id, holder_identifier, required_minutes from insertion_clause where id = any(?::uuid[])`,
      [`{${ids.join(',')}}`],
    );
    const figures: ClauseFigures[] = rows.map((r) => {
      const p = domain.get(r.id)!;
      return { clauseId: r.id, lotId: r.lot_id, contractId: r.contract_id, operationId: r.operation_id, buyerId: r.buyer_id, contractorId: r.holder_identifier, requiredMinutes: r.required_minutes, countedMinutes: p.countedMinutes, status: p.status!, missingPeriods: p.missingPeriods };
    });
    const { surplusMinutes: _surplus, ...expected } = totalsOf(figures);
    const res = await w.admin.client.get('/api/dashboards/national');
    expect(res.status, res.text).toBe(200);
    expect(res.body.totals).toEqual(expected);
    // The buyer's dashboard sums the stored rows in SQL: the same totals as the domain's aggregation.
    const { surplusMinutes: _s, ...ofA } = totalsOf(figures.filter((f) => f.buyerId === w.buyerA.organisation.id));
    const buyer = await w.buyerA.client.get('/api/dashboards/buyer');
    const { expectedMinutes: _e, ...buyerTotals } = buyer.body.totals;
    expect(buyerTotals).toEqual(ofA);
    expect(res.body.byMonth.reduce((s: number, m: { countedMinutes: number }) => s + m.countedMinutes, 0)).toBe(expected.countedMinutes);
  });
});
