import { describe, expect, it } from 'vitest';
import { plainSpaces } from './format.js';
import { assessValidationIndependence, type IndependenceInput, type InterestLink } from './interest-declarations.js';
import { unwrap } from './result.js';

const COMPANY = '44306184100047';
const link = (overrides: Partial<InterestLink> = {}): InterestLink => ({
  id: 'lien-1',
  userId: 'facilitatrice-1',
  siret: COMPANY,
  nature: 'employment',
  startDate: '2024-01-01',
  endDate: null,
  ...overrides,
});
const assess = (overrides: Partial<IndependenceInput> = {}) =>
  unwrap(
    assessValidationIndependence({
      companySirets: [COMPANY],
      validations: [{ userId: 'facilitatrice-1', validatedOn: '2025-03-12' }],
      links: [link()],
      requireSecondValidation: false,
      ...overrides,
    }),
  );

describe('déclarations d’intérêts — validation signalée, seconde validation', () => {
  it.each<[string, Partial<IndependenceInput>, { flagged: boolean; secondValidationRequired: boolean; complete: boolean }]>([
    ['validation par une personne liée à l’entreprise : signalée', {}, { flagged: true, secondValidationRequired: false, complete: true }],
    ['idem, instance qui exige une seconde validation : en attente', { requireSecondValidation: true }, { flagged: true, secondValidationRequired: true, complete: false }],
    [
      'seconde validation par une personne sans lien : la validation tient',
      { requireSecondValidation: true, validations: [{ userId: 'facilitatrice-1', validatedOn: '2025-03-12' }, { userId: 'facilitateur-2', validatedOn: '2025-03-13' }] },
      { flagged: true, secondValidationRequired: false, complete: true },
    ],
    [
      'seconde validation par une autre personne liée : toujours en attente',
      { requireSecondValidation: true, validations: [{ userId: 'facilitatrice-1', validatedOn: '2025-03-12' }, { userId: 'facilitateur-2', validatedOn: '2025-03-13' }], links: [link(), link({ id: 'lien-2', userId: 'facilitateur-2', nature: 'family' })] },
      { flagged: true, secondValidationRequired: true, complete: false },
    ],
    [
      'la même personne valide deux fois : pas une seconde validation',
      { requireSecondValidation: true, validations: [{ userId: 'facilitatrice-1', validatedOn: '2025-03-12' }, { userId: 'facilitatrice-1', validatedOn: '2025-03-13' }] },
      { flagged: true, secondValidationRequired: true, complete: false },
    ],
    ['lien avec le titulaire du lot, la déclaration étant celle de son sous-traitant : signalée', { companySirets: ['55210055400013', COMPANY] }, { flagged: true, secondValidationRequired: false, complete: true }],
    ['cas voisin : lien terminé avant la validation', { links: [link({ endDate: '2025-02-28' })], requireSecondValidation: true }, { flagged: false, secondValidationRequired: false, complete: true }],
    ['cas voisin : lien commencé après la validation', { links: [link({ startDate: '2025-04-01' })] }, { flagged: false, secondValidationRequired: false, complete: true }],
    ['cas voisin : lien avec une autre entreprise', { links: [link({ siret: '55210055400013' })] }, { flagged: false, secondValidationRequired: false, complete: true }],
    ['cas voisin : lien déclaré par une autre personne', { links: [link({ userId: 'acheteur-1' })] }, { flagged: false, secondValidationRequired: false, complete: true }],
  ])('%s', (_label, overrides, expected) => {
    expect(assess(overrides)).toEqual(expect.objectContaining(expected));
  });

  it('le message cite l’entreprise, la nature du lien et sa date', () => {
    expect(plainSpaces(assess({ requireSecondValidation: true }).message)).toBe(
      'Validation par une personne qui a déclaré un lien avec l’entreprise 44306184100047 (emploi actuel ou passé dans l’entreprise, depuis le 01/01/2024) : une seconde validation par une autre personne est nécessaire.',
    );
  });

  it.each([
    ['lien dont la fin précède le début', { links: [link({ endDate: '2023-01-01' })] }, 'inverted_dates', 'links.0.endDate'],
    ['nature inconnue', { links: [link({ nature: 'amitié' as never })] }, 'invalid_value', 'links.0.nature'],
  ])('mauvaise entrée : %s → %s', (_label, overrides, code, path) => {
    const result = assessValidationIndependence({ companySirets: [COMPANY], validations: [], requireSecondValidation: false, ...overrides });
    expect(result.ok ? [] : result.violations.map((item) => [item.code, item.path])).toContainEqual([code, path]);
  });
});
