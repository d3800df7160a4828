import { describe, expect, it } from 'vitest';
import { clauseRules } from './clause-rules.js';
import {
  assessCandidate, bestJobMatch, distanceKm, rankCandidates, romeFamily,
  type CandidateFacts, type ClauseTargeting, type NeedFacts, type TargetJob,
} from './matching.js';
import { plainSpaces } from './format.js';
import { aValidation } from './test-factories.js';

// Points GeoNames des communes du Lot (db/data/geo/commune-centroids.csv).
const CAHORS = { latitude: 44.4491, longitude: 1.43663, approximate: false };
const FIGEAC = { latitude: 44.6, longitude: 2.03333, approximate: false };
const GOURDON = { latitude: 44.73333, longitude: 1.38333, approximate: false };
const PRADINES = { latitude: 44.48341, longitude: 1.40105, approximate: false };

const MACON: TargetJob = { appellationCode: '12345', appellationLabel: 'Maçon / Maçonne', romeCode: 'F1703' };
const MACON_VRD: TargetJob = { appellationCode: '12346', appellationLabel: 'Maçon VRD', romeCode: 'F1703' };
const COFFREUR: TargetJob = { appellationCode: '11111', appellationLabel: 'Coffreur / Coffreuse', romeCode: 'F1701' };
const AGENT_PROPRETE: TargetJob = { appellationCode: '22222', appellationLabel: 'Agent / Agente de propreté', romeCode: 'K2204' };

const need: NeedFacts = { appellationCode: '12345', appellationLabel: 'Maçon / Maçonne', romeCode: 'F1703', startDate: '2026-03-02', site: CAHORS };
const execution: ClauseTargeting = { type: 'execution', rules: clauseRules(), targetCriteria: [], priorityCriteria: [] };
const TODAY = '2026-01-15';

const rsa = (participantId: string, validatedAt = '2025-06-02') =>
  aValidation({ id: `v-${participantId}`, participantId, validatedAt, criteria: [{ code: 'RSA', proofDate: validatedAt, proofValidUntil: null, proofDocumentId: 'doc' }] });

function person(id: string, overrides: Partial<CandidateFacts> = {}): CandidateFacts {
  return {
    participantId: id,
    status: 'searching',
    availableFrom: '2026-01-01',
    waitingSince: '2025-07-15',
    mobilityRadiusKm: 50,
    position: CAHORS,
    qpvResidence: 'unknown',
    targets: [MACON],
    validations: [rsa(id)],
    overlappingWeeklyMinutes: 0,
    ...overrides,
  };
}

describe('métier : même appellation > même code ROME > même famille', () => {
  it.each([
    ['même appellation', [MACON], 'appellation'],
    ['même code ROME F1703', [MACON_VRD], 'rome'],
    ['même famille F17', [COFFREUR], 'family'],
    ['autre famille', [AGENT_PROPRETE], null],
    ['le meilleur des métiers visés', [COFFREUR, MACON_VRD], 'rome'],
  ])('%s', (_label, targets, level) => {
    expect(bestJobMatch(need, targets)?.level ?? null).toBe(level);
  });

  it('la famille est le domaine professionnel (3 premiers caractères du code ROME)', () => {
    expect(romeFamily('F1703')).toBe('F17');
  });
});

describe('distance entre communes', () => {
  it.each([
    ['Cahors → Figeac', CAHORS, FIGEAC, 50],
    ['Cahors → Gourdon', CAHORS, GOURDON, 32],
    ['Cahors → Cahors', CAHORS, CAHORS, 0],
  ])('%s', (_label, a, b, km) => {
    expect(Math.round(distanceKm(a, b))).toBe(km);
  });
});

describe('conditions d’exclusion, chacune avec son motif', () => {
  it.each([
    ['aucun métier de la famille', person('p', { targets: [AGENT_PROPRETE] }), execution, 'no_job_match'],
    ['disponible après le début', person('p', { availableFrom: '2026-04-01' }), execution, 'not_available'],
    ['sorti du dispositif', person('p', { status: 'exited' }), execution, 'not_available'],
    ['déjà à temps plein sur ces dates', person('p', { overlappingWeeklyMinutes: 35 * 60 }), execution, 'placed_full_time'],
    ['sans validation d’éligibilité', person('p', { validations: [] }), execution, 'not_eligible'],
    ['éligibilité expirée au début du poste', person('p', { validations: [rsa('p', '2024-01-02')] }), execution, 'not_eligible'],
    ['validée après le début du poste', person('p', { validations: [rsa('p', '2026-03-03')] }), execution, 'not_eligible'],
    ['pas dans les publics visés', person('p'), { ...execution, targetCriteria: ['TH', 'SENIOR'] } as ClauseTargeting, 'not_target_public'],
    ['clause ANRU sans résidence QPV', person('p', { qpvResidence: 'unknown' }), { ...execution, type: 'anru' } as ClauseTargeting, 'not_qpv_resident'],
    ['hors du rayon de mobilité', person('p', { position: FIGEAC, mobilityRadiusKm: 30 }), execution, 'too_far'],
  ])('%s', (_label, facts, clause, exclusion) => {
    const result = assessCandidate(facts, need, clause, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.exclusion).toBe(exclusion);
      expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it.each([
    ['à temps partiel sur ces dates', person('p', { overlappingWeeklyMinutes: 20 * 60, status: 'placed' })],
    ['clause ANRU, résident QPV', person('p', { qpvResidence: 'yes' })],
    ['le jour même de la fin de validité (24 mois)', person('p', { validations: [rsa('p', '2024-03-03')] })],
    ['position inconnue : gardé, distance inconnue', person('p', { position: null })],
  ])('reste candidat : %s', (_label, facts) => {
    const clause = facts.qpvResidence === 'yes' ? ({ ...execution, type: 'anru' } as ClauseTargeting) : execution;
    expect(assessCandidate(facts, need, clause, TODAY).ok).toBe(true);
  });
});

describe('classement d’une petite population connue', () => {
  // Besoin : maçon à Cahors le 2 mars 2026 ; clause prioritaire pour les bénéficiaires du RSA.
  const clause: ClauseTargeting = { ...execution, priorityCriteria: ['RSA'] };
  const senior = (id: string) =>
    aValidation({ id: `v-${id}`, participantId: id, validatedAt: '2025-06-02', criteria: [{ code: 'SENIOR', proofDate: null, proofValidUntil: null, proofDocumentId: 'cni' }] });
  const population: CandidateFacts[] = [
    person('amina', { targets: [MACON], position: PRADINES, waitingSince: '2025-01-15' }), // même métier, 3 km, 1 an, RSA
    person('bruno', { targets: [MACON_VRD], position: CAHORS, waitingSince: '2025-07-15' }), // même code ROME, sur place, 6 mois, RSA
    person('chloe', { targets: [COFFREUR], position: GOURDON, waitingSince: '2025-12-15', validations: [senior('chloe')] }), // famille, 32 km, 1 mois
    person('david', { targets: [MACON], position: FIGEAC, mobilityRadiusKm: 30 }), // trop loin
    person('emma', { targets: [AGENT_PROPRETE] }), // autre famille
    person('farid', { targets: [MACON], position: CAHORS, waitingSince: '2025-07-15', validations: [senior('farid')] }), // même métier, sur place, 6 mois, pas prioritaire
  ];

  const ranking = rankCandidates(population, need, clause, TODAY);

  it('ordre attendu et scores', () => {
    expect(ranking.candidates.map((c) => [c.participantId, c.score])).toEqual([
      ['amina', 98], // 0,4×1 + 0,25×0,94 + 0,2×1 + 0,15×1
      ['bruno', 78], // 0,4×0,7 + 0,25×1 + 0,2×0,5 + 0,15×1
      ['farid', 75], // 0,4×1 + 0,25×1 + 0,2×0,5
      ['chloe', 27], // 0,4×0,4 + 0,25×0,36 (32 km sur 50) + 0,2×0,085
    ]);
    expect(ranking.candidates.map((c) => c.rank)).toEqual([1, 2, 3, 4]);
  });

  it('les exclus le sont avec leur motif', () => {
    expect(ranking.excluded.map((e) => [e.participantId, e.exclusion])).toEqual([
      ['david', 'too_far'],
      ['emma', 'no_job_match'],
    ]);
  });

  it('chaque candidat vient avec ses motifs, en français', () => {
    const bruno = ranking.candidates.find((c) => c.participantId === 'bruno')!;
    expect(bruno.reasons.map((r) => plainSpaces(r.text))).toEqual([
      'Maçon VRD — même code ROME F1703',
      '0 km',
      'Éligible jusqu’au 01/06/2027',
      'En attente depuis 6 mois',
      'Public prioritaire de la clause : Bénéficiaire du RSA',
    ]);
    const chloe = ranking.candidates.find((c) => c.participantId === 'chloe')!;
    expect(chloe.reasons.map((r) => plainSpaces(r.text)).slice(0, 2)).toEqual(['Coffreur / Coffreuse — même famille de métiers F17', '32 km']);
  });

  it('à score égal, la personne qui attend depuis le plus longtemps passe devant', () => {
    const twins = [person('z-recent', { waitingSince: '2025-07-16' }), person('a-ancien', { waitingSince: '2025-07-14' })];
    const weights = { job: 1, distance: 0, waiting: 0, priority: 0 };
    expect(rankCandidates(twins, need, execution, TODAY, weights).candidates.map((c) => c.participantId)).toEqual(['a-ancien', 'z-recent']);
  });

  it('une position approchée est signalée dans le motif de distance', () => {
    const result = assessCandidate(person('p', { position: { ...GOURDON, approximate: true } }), need, execution, TODAY);
    expect(result.ok && plainSpaces(result.candidate.reasons[1]!.text)).toBe('≈ 32 km (position approchée de la commune)');
  });
});
