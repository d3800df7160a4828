import { isValidIsoDate } from '../domain/calendar.js';
import { z } from './locale.js';
import { textError } from './common.js';

/** Above 10 billion euros HT an amount is a typing error (the largest French contracts stay below). */
export const MAX_AMOUNT_CENTS = 1_000_000_000_000;
/** Dates outside this range are typing errors in procurement data (DECP has years such as 0222 or 5021). */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** A calendar date `YYYY-MM-DD` that exists (no 30 February), between 1990 and 2100. */
export const dateSchema = (label: string) =>
  z
    .string({ error: textError(label) })
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), { message: `${label} : date attendue au format AAAA-MM-JJ.`, abort: true })
    .refine((v) => Number(v.slice(0, 4)) >= MIN_YEAR && Number(v.slice(0, 4)) <= MAX_YEAR, {
      message: `${label} : l’année doit être comprise entre ${MIN_YEAR} et ${MAX_YEAR}.`,
      abort: true,
    })
    .refine(isValidIsoDate, { message: `${label} : cette date n’existe pas.` });

/** One message per amount, the most telling first: negative, absurd, then not a whole number of cents. */
const cents = (label: string, min: number) =>
  z
    .number({ error: (i) => (i.input === undefined ? `${label} est obligatoire.` : `${label} doit être un nombre.`) })
    .superRefine((v, ctx) => {
      const message =
        v < 0 && min === 0 ? `${label} ne peut pas être négatif.`
        : Math.abs(v) > MAX_AMOUNT_CENTS ? `${label} est invraisemblable (plus de 10 milliards d’euros).`
        : !Number.isSafeInteger(v) ? `${label} : un nombre entier de centimes est attendu.`
        : null;
      if (message) ctx.addIssue({ code: 'custom', message });
    });

/** Money in integer euro cents HT, from 0 to 10 billion euros. */
export const amountCentsSchema = (label: string) => cents(label, 0);

/** A signed variation of an amount (amendments), bounded like amounts. */
export const signedAmountCentsSchema = (label: string) => cents(label, -MAX_AMOUNT_CENTS);

export const trimmedText = (label: string, min: number, max: number) =>
  z
    .string({ error: textError(label) })
    .trim()
    .min(min, min <= 1 ? `${label} est obligatoire.` : `${label} doit comporter au moins ${min} caractères.`)
    .max(max, `${label} ne doit pas dépasser ${max} caractères.`);

/** Optional free text: an empty string means "none". */
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: textError(label) })
    .trim()
    .max(max, `${label} ne doit pas dépasser ${max} caractères.`)
    .transform((v) => (v === '' ? null : v))
    .nullable();

/** CPV 2008 code: 8 digits, with or without its check digit (`45261000-4`); stored as the 8 digits. */
export const cpvCodeSchema = z
  .string({ error: textError('Le code CPV') })
  .trim()
  .refine((v) => /^\d{8}(-\d)?$/.test(v), { message: 'Le code CPV doit comporter 8 chiffres (ex. 45210000).' })
  .transform((v) => v.slice(0, 8));

/** Query-string helpers: values arrive as strings; an empty value means "no filter". */
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
export const queryText = (max = 200) => z.preprocess(emptyToUndefined, z.string().trim().max(max, `Recherche limitée à ${max} caractères.`).optional());
export const queryDate = (label: string) => z.preprocess(emptyToUndefined, dateSchema(label).optional());
export const queryBoolean = z.preprocess(emptyToUndefined, z.enum(['true', 'false'], { error: 'Valeur attendue : true ou false.' }).transform((v) => v === 'true').optional());
export const queryUuid = z.preprocess(emptyToUndefined, z.uuid({ error: 'Identifiant invalide.' }).optional());

/** Offset pagination: page from 1, 25 rows by default, 100 at most. */
export const paginationQuery = {
  page: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'Numéro de page invalide.' }).int('Numéro de page invalide.').min(1, 'Numéro de page invalide.').max(100_000, 'Numéro de page invalide.').default(1)),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number({ error: 'Taille de page invalide.' }).int('Taille de page invalide.').min(1, 'Taille de page invalide.').max(100, 'Au plus 100 lignes par page.').default(25)),
};

/** A page of results with its position, for lists that page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
