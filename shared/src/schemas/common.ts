import { z } from './locale.js';

/** "X est obligatoire." when missing, "X doit être du texte." when of another type. */
export const textError =
  (label: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? `${label} est obligatoire.` : `${label} doit être du texte.`;

export const uuidSchema = z.uuid({ error: 'Identifiant invalide.' });
export const idParamsSchema = z.strictObject({ id: uuidSchema });

export const emailSchema = z
  .string({ error: textError('L’adresse e-mail') })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Adresse e-mail invalide.' }).max(254));

export const isoDateTimeSchema = z.string().datetime({ offset: true });
