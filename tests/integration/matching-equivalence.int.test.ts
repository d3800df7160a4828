import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchingCap } from '@app/api';
import { addDays, clauseRules, rankCandidates, type CandidateFacts, type ClauseType, type CriterionCode } from '@app/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorld } from '../support/factories.js';
import { insertParticipant, insertValidation } from '../support/participant-factories.js';
import { lotOfA, needBody } from '../support/route-cases/job-needs.js';
import type { World } from '../support/route-cases/index.js';

/**
 * The database pre-filter and the cap on examined pre-candidates must not change the ranking: on a
 * random (seeded) population around Cahors, the route returns exactly what the pure domain rule
 * (`rankCandidates`) gives when it examines everyone.
 */
const TODAY = '2026-08-17';
let app: TestApp;
let w: World;
let needId: string;
let lotId: string;
const everyone: CandidateFacts[] = [];

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JOBS = [
  { appellation: '16250', rome: 'F1703' },
  { appellation: '16254', rome: 'F1703' },
  { appellation: '10879', rome: 'F1704' },
  { appellation: '10571', rome: 'K2204' },
];

beforeAll(async () => {
  app = await startTestApp({ TODAY });
  w = await createWorld(app);
  lotId = await lotOfA(w);
  needId = (await w.contractorA.client.post('/api/job-needs', needBody(lotId))).body.id;
  const random = prng(20261128);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const day = (from: string, span: number) => addDays(from, Math.floor(random() * span));
  for (let i = 0; i < 900; i++) {
    const jobs = random() < 0.3 ? [pick(JOBS), pick(JOBS)] : [pick(JOBS)];
    const unique = [...new Map(jobs.map((j) => [j.appellation, j])).values()];
    const located = random() < 0.93;
    const row = {
      organisationId: w.facilitatorA.organisation.id,
      lastName: `P${i}`,
      latitude: located ? 44.45 + (random() - 0.5) * 1.0 : null,
      longitude: located ? 1.44 + (random() - 0.5) * 1.4 : null,
      mobilityRadiusKm: pick([0, 10, 20, 30, 40, 60, 100]),
      targetAppellationCodes: unique.map((j) => j.appellation),
      targetRomeCodes: unique.map((j) => j.rome),
      waitingSince: day('2024-06-01', 800),
      availableFrom: day('2026-01-01', 300),
      status: pick(['searching', 'searching', 'searching', 'placed', 'unavailable', 'exited']),
      qpvStatus: pick(['yes', 'no', 'unknown']),
      registeredOn: '2024-01-01',
    };
    const person = await insertParticipant(app.orm, row);
    const validations = [];
    if (random() < 0.8) {
      const validatedAt = day('2024-03-01', 900);
      const v = await insertValidation(app.orm, person, validatedAt);
      validations.push({
        id: v.id, participantId: person.id, validatedAt, validatedBy: v.validatedBy, validUntil: null, exceptionReason: null, revokedAt: null,
        criteria: [{ code: 'RSA' as CriterionCode, proofDate: addDays(validatedAt, -5), proofValidUntil: null, proofDocumentId: null }],
      });
    }
    everyone.push({
      participantId: person.id, status: row.status as CandidateFacts['status'], availableFrom: row.availableFrom, waitingSince: row.waitingSince,
      mobilityRadiusKm: row.mobilityRadiusKm,
      position: row.latitude === null || row.longitude === null ? null : { latitude: row.latitude, longitude: row.longitude, approximate: false },
      qpvResidence: row.qpvStatus as CandidateFacts['qpvResidence'],
      targets: unique.map((j) => ({ appellationCode: j.appellation, appellationLabel: j.appellation, romeCode: j.rome })),
      validations, overlappingWeeklyMinutes: 0,
    });
  }
}, 120_000);
afterAll(() => {
  matchingCap.examined = 200;
  return app?.close();
});

async function expected() {
  const sql = (q: string, params: unknown[]) => app.orm.em.fork().getConnection().execute(q, params);
  const [need] = (await sql(`select start_date::text as start, site_latitude as lat, site_longitude as lon, site_approximate as approx from job_need where id = ?`, [needId])) as {
    start: string; lat: number; lon: number; approx: boolean;
  }[];
  const [clause] = (await sql(`select type, rules, target_publics from insertion_clause where lot_id = ?`, [lotId])) as { type: string; rules: unknown; target_publics: string[] }[];
  return rankCandidates(
    everyone,
    { appellationCode: '16250', appellationLabel: 'Maçon / Maçonne', romeCode: 'F1703', startDate: need!.start, site: { latitude: need!.lat, longitude: need!.lon, approximate: need!.approx } },
    { type: clause!.type as ClauseType, rules: clauseRules(clause!.rules as never), targetCriteria: clause!.target_publics as CriterionCode[], priorityCriteria: [] },
    TODAY,
  ).candidates.slice(0, 50).map((c) => ({ id: c.participantId, score: c.score, distanceKm: c.distanceKm, eligibleUntil: c.eligibleUntil }));
}

describe('le pré-filtre en base et le plafond ne changent pas le classement', () => {
  for (const cap of [200, 60, 10]) {
    it(`mêmes 50 premiers que la règle pure sur toute la population (plafond ${cap})`, async () => {
      matchingCap.examined = cap;
      const res = await w.facilitatorA.client.get(`/api/job-needs/${needId}/candidates`);
      expect(res.status, res.text).toBe(200);
      const want = await expected();
      expect(want.length).toBe(50);
      expect(
        res.body.candidates.map((c: { participant: { id: string }; score: number; distanceKm: number | null; eligibleUntil: string }) => ({
          id: c.participant.id, score: c.score, distanceKm: c.distanceKm, eligibleUntil: c.eligibleUntil,
        })),
      ).toEqual(want);
    });
  }
});
