/** 10,000 records built in memory: everything read, nothing lost, in linear time (the import budget is 30 s). */
import { describe, expect, it } from 'vitest';
import { parseDecp } from './parse-decp.js';

/** Fictitious but valid SIRET: 13 digits from n, completed with the Luhn key. */
function siret(n: number): string {
  const body = `4${String(n).padStart(12, '0')}`;
  for (let key = 0; key <= 9; key++) {
    const candidate = body + key;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let d = Number(candidate[13 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('impossible');
}

const COUNT = 10_000;

function bigFile(): string {
  const marche = Array.from({ length: COUNT }, (_, i) => ({
    id: `2024V${i}`,
    acheteur: { id: '21000000000013' },
    nature: 'Marché',
    objet: `Lot ${i} : travaux d’entretien`,
    codeCPV: '45000000-7',
    procedure: 'Procédure adaptée',
    lieuExecution: { code: '75056', typeCode: 'Code commune' },
    dureeMois: 12,
    dateNotification: `2024-${String((i % 12) + 1).padStart(2, '0')}-15`,
    montant: 1000 + i,
    titulaires: [{ titulaire: { typeIdentifiant: 'SIRET', id: siret(i) } }],
    considerationsSociales: { considerationSociale: i % 3 === 0 ? ['Clause sociale'] : ['Pas de considération sociale'] },
    modifications: i % 10 === 0 ? [{ modification: { id: 1, montant: 2000 + i, dateNotificationModification: '2025-01-10' } }] : [],
  }));
  return JSON.stringify({ marches: { marche } });
}

describe('volume', () => {
  it(`${COUNT} marchés au format 2022 sont tous lus, dans l’ordre, avec leurs modifications`, () => {
    const content = Buffer.from(bigFile());
    const result = parseDecp(content);
    if (!result.ok) throw new Error(result.reason);
    expect(result.issues).toEqual([]);
    expect(result.contracts).toHaveLength(COUNT);
    expect(result.contracts.every((c, i) => c.index === i && c.sourceId === `2024V${i}`)).toBe(true);
    expect(result.contracts.filter((c) => c.hasInsertionClause)).toHaveLength(Math.ceil(COUNT / 3));
    expect(result.contracts[10]).toMatchObject({ initialAmountCents: 101000, amountCents: 201000 });
    expect(result.contracts[11]).toMatchObject({ initialAmountCents: 101100, amountCents: 101100 });
  });
});
