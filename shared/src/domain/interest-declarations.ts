/**
 * Declarations of interest (issue 14, decisions.md §16): a facilitator or buyer user declares a link
 * with a company (SIRET, nature, dates). A validation of that company's declarations by that user
 * while the link holds is flagged; when the instance requires it, a second validation by someone
 * without a link is needed before the validated hours stand.
 */
import { z } from 'zod';
import { formatDateFr } from './format.js';
import { andThen, ok, validateWith, type Result } from './result.js';
import { booleanField, code, enumField, idField, isoDateField, listField } from './schemas.js';

export const INTEREST_NATURES = ['employment', 'shareholding', 'family', 'business', 'other'] as const;
export type InterestNature = (typeof INTEREST_NATURES)[number];
export const INTEREST_NATURE_LABELS: Readonly<Record<InterestNature, string>> = {
  employment: 'emploi actuel ou passé dans l’entreprise',
  shareholding: 'participation au capital',
  family: 'lien familial avec un dirigeant',
  business: 'relation d’affaires',
  other: 'autre lien',
};

export const interestLinkSchema = z
  .object({
    id: idField('Identifiant du lien'),
    userId: idField('Personne qui déclare'),
    siret: idField('SIRET de l’entreprise'),
    nature: enumField(INTEREST_NATURES, 'Nature du lien'),
    startDate: isoDateField('Début du lien'),
    /** Null while the link lasts. */
    endDate: isoDateField('Fin du lien').nullish(),
  })
  .refine((link) => link.endDate == null || link.endDate >= link.startDate, { error: 'La fin du lien précède son début.', path: ['endDate'], ...code('inverted_dates') });
export type InterestLink = z.infer<typeof interestLinkSchema>;

/** The link `userId` declared with one of `sirets` that holds on `date`, if any. */
export function activeLink(links: readonly InterestLink[], userId: string, sirets: readonly string[], date: string): InterestLink | null {
  return links.find((link) => link.userId === userId && sirets.includes(link.siret) && link.startDate <= date && (link.endDate == null || date <= link.endDate)) ?? null;
}

const independenceInputSchema = z.object({
  /** The company that declared the hours, and the lot's holder when it is another company. */
  companySirets: listField(idField('SIRET'), 'Entreprises concernées'),
  /** The validation, then any second validation, in order. */
  validations: listField(z.object({ userId: idField('Auteur de la validation'), validatedOn: isoDateField('Date de la validation') }), 'Validations'),
  links: listField(interestLinkSchema, 'Liens déclarés'),
  /** Instance setting: a flagged validation needs a second, independent one. */
  requireSecondValidation: booleanField('Seconde validation exigée'),
});
export type IndependenceInput = z.input<typeof independenceInputSchema>;

export interface ValidationConflict {
  readonly userId: string;
  readonly validatedOn: string;
  readonly link: InterestLink;
}

export interface ValidationIndependence {
  /** The first validation was made by someone with a declared link: shown on the declaration. */
  readonly flagged: boolean;
  readonly conflicts: readonly ValidationConflict[];
  /** A second validation by someone without a link is still awaited. */
  readonly secondValidationRequired: boolean;
  /** The validated hours stand (no flag, or the setting off, or an independent second validation). */
  readonly complete: boolean;
  readonly message: string;
}

/** Is this validation flagged, and does it still need a second, independent validation? */
export function assessValidationIndependence(input: IndependenceInput): Result<ValidationIndependence> {
  return andThen(validateWith(independenceInputSchema, input), ({ companySirets, validations, links, requireSecondValidation }) => {
    const conflicts = validations.flatMap(({ userId, validatedOn }) => {
      const link = activeLink(links, userId, companySirets, validatedOn);
      return link ? [{ userId, validatedOn, link }] : [];
    });
    const [first, ...others] = validations;
    const flagged = first !== undefined && conflicts.some((conflict) => conflict.userId === first.userId);
    const independent = others.some((other) => other.userId !== first?.userId && !conflicts.some((conflict) => conflict.userId === other.userId));
    const secondValidationRequired = flagged && requireSecondValidation && !independent;
    const firstConflict = conflicts[0];
    const message = !flagged
      ? 'Aucun lien déclaré entre l’auteur de la validation et l’entreprise.'
      : `Validation par une personne qui a déclaré un lien avec l’entreprise ${firstConflict?.link.siret} (${INTEREST_NATURE_LABELS[firstConflict?.link.nature ?? 'other']}, depuis le ${formatDateFr(firstConflict?.link.startDate ?? '')})` +
        (secondValidationRequired ? ' : une seconde validation par une autre personne est nécessaire.' : independent ? ' ; confirmée par une seconde validation indépendante.' : '.');
    return ok({ flagged, conflicts, secondValidationRequired, complete: validations.length > 0 && !secondValidationRequired, message });
  });
}
