import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessCoContractors, splitLotObligation, type SplitInput } from './co-contractors.js';
import { plainSpaces } from './format.js';
import { unwrap } from './result.js';
import { aClause, h } from './test-factories.js';

const members = [
  { companyId: 'mandataire', amountCents: 60_000_000 },
  { companyId: 'cotraitant-b', amountCents: 40_000_000 },
];

describe('cotraitants — partage des heures requises du lot (decisions.md §15)', () => {
  it('exemple chiffré : 833 h partagées entre 600 000 € et 400 000 € → 500 h et 333 h (plus fort reste), total 833 h', () => {
    const split = unwrap(splitLotObligation({ lotRequiredMinutes: h(833), members }));
    expect(split.basis).toBe('amount');
    expect(split.shares.map((share) => [share.companyId, share.requiredMinutes])).toEqual([
      ['mandataire', h(500)],
      ['cotraitant-b', h(333)],
    ]);
    expect(plainSpaces(split.shares[0]?.explanation ?? '')).toBe('600 000,00 € sur 1 000 000,00 € → 500 h.');
  });

  it('répartition fixée par l’acheteur : elle remplace la proportion des montants', () => {
    const split = unwrap(
      splitLotObligation({ lotRequiredMinutes: h(833), members, explicitShares: [{ companyId: 'mandataire', requiredMinutes: h(433) }, { companyId: 'cotraitant-b', requiredMinutes: h(400) }] }),
    );
    expect([split.basis, split.shares.map((share) => share.requiredMinutes)]).toEqual(['explicit', [h(433), h(400)]]);
  });

  it('trois membres à parts égales : 100 h → 34 h, 33 h, 33 h (égalité des restes : le premier)', () => {
    const equal = ['a', 'b', 'c'].map((companyId) => ({ companyId, amountCents: 100 }));
    expect(unwrap(splitLotObligation({ lotRequiredMinutes: h(100), members: equal })).shares.map((share) => share.requiredMinutes)).toEqual([h(34), h(33), h(33)]);
  });

  it('heures requises non entières (833 h 30) : la demi-heure va à la plus grande part', () => {
    expect(unwrap(splitLotObligation({ lotRequiredMinutes: h(833.5), members })).shares.map((share) => share.requiredMinutes)).toEqual([h(500) + 30, h(333)]);
  });

  it.each<[string, Partial<SplitInput>, string, string]>([
    ['répartition explicite qui ne fait pas le total du lot', { explicitShares: [{ companyId: 'mandataire', requiredMinutes: h(400) }, { companyId: 'cotraitant-b', requiredMinutes: h(400) }] }, 'split_total_mismatch', 'explicitShares'],
    ['répartition pour une entreprise hors du groupement', { explicitShares: [{ companyId: 'inconnue', requiredMinutes: h(833) }] }, 'unknown_member', 'explicitShares.0.companyId'],
    ['cotraitant en double', { members: [...members, members[0] as (typeof members)[number]] }, 'duplicate_member', 'members.2.companyId'],
    ['montants tous nuls sans répartition explicite', { members: members.map((member) => ({ ...member, amountCents: 0 })) }, 'no_amount', 'members'],
    ['aucun cotraitant', { members: [] }, 'no_member', 'members'],
    ['montant négatif', { members: [{ companyId: 'a', amountCents: -1 }] }, 'negative_amount', 'members.0.amountCents'],
  ])('mauvaise entrée : %s → %s', (_label, overrides, violationCode, path) => {
    const result = splitLotObligation({ lotRequiredMinutes: h(833), members, ...overrides });
    expect(result.ok ? [] : result.violations.map((item) => [item.code, item.path])).toContainEqual([violationCode, path]);
  });

  it('propriété : les parts font toujours le total du lot et chacune reste à moins d’une heure de sa proportion exacte', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: h(20_000) }), fc.array(fc.integer({ min: 0, max: 10_000_000_00 }), { minLength: 1, maxLength: 6 }), (required, amounts) => {
        fc.pre(amounts.some((amount) => amount > 0));
        const split = unwrap(splitLotObligation({ lotRequiredMinutes: required, members: amounts.map((amountCents, index) => ({ companyId: `m${index}`, amountCents })) }));
        const total = amounts.reduce((sum, amount) => sum + amount, 0);
        expect(split.shares.reduce((sum, share) => sum + share.requiredMinutes, 0)).toBe(required);
        split.shares.forEach((share, index) => {
          expect(share.requiredMinutes % 60 === 0 || share.requiredMinutes % 60 === required % 60).toBe(true);
          expect(Math.abs(share.requiredMinutes - (required * (amounts[index] ?? 0)) / total)).toBeLessThan(120);
        });
      }),
    );
  });
});

describe('cotraitants — situation de chacun face à sa part, et du lot comme leur somme', () => {
  const assess = (countedByMember: { companyId: string; countedMinutes: number }[], today = '2025-11-01') =>
    unwrap(assessCoContractors({ clause: aClause(), members, countedByMember, today }));

  it('mandataire 520 h pour 500 h (atteint), cotraitant 200 h pour 333 h ; le lot : 720 h comptées pour 833 h', () => {
    const standings = assess([{ companyId: 'mandataire', countedMinutes: h(520) }, { companyId: 'cotraitant-b', countedMinutes: h(200) }]);
    expect(standings.members.map((member) => [member.companyId, member.requiredMinutes, member.countedMinutes, member.compliance.status])).toEqual([
      ['mandataire', h(500), h(520), 'met'],
      ['cotraitant-b', h(333), h(200), 'watch'],
    ]);
    expect([standings.lot.requiredMinutes, standings.lot.countedMinutes, standings.lot.shortfallMinutes]).toEqual([h(833), h(720), h(113)]);
    // The mandataire's surplus does not cover the co-contractor's shortfall: each stands alone.
    expect(standings.members[1]?.compliance.shortfallMinutes).toBe(h(133));
  });

  it('un membre sans heures comptées a 0 h, et le lot la somme des autres', () => {
    const standings = assess([{ companyId: 'mandataire', countedMinutes: h(100) }]);
    expect([standings.members[1]?.countedMinutes, standings.lot.countedMinutes]).toEqual([0, h(100)]);
  });

  it('heures d’une entreprise hors du groupement : refusées (unknown_member)', () => {
    const result = assessCoContractors({ clause: aClause(), members, countedByMember: [{ companyId: 'intrus', countedMinutes: 60 }], today: '2025-09-01' });
    expect(result.ok ? [] : result.violations.map((item) => item.code)).toEqual(['unknown_member']);
  });

  it('propriété : les heures comptées du lot sont la somme de celles de ses membres', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: h(900) }), fc.integer({ min: 0, max: h(900) }), (a, b) => {
        const standings = assess([{ companyId: 'mandataire', countedMinutes: a }, { companyId: 'cotraitant-b', countedMinutes: b }]);
        expect(standings.lot.countedMinutes).toBe(standings.members.reduce((sum, member) => sum + member.countedMinutes, 0));
        expect(standings.members.reduce((sum, member) => sum + member.requiredMinutes, 0)).toBe(standings.lot.requiredMinutes);
      }),
    );
  });
});
