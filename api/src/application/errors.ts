import type { FieldError, ProblemCode } from '@app/shared';

/** A failure the API answers as problem+json; the status and title come from the shared problem catalogue. */
export class AppError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly extra: { errors?: FieldError[]; rule?: string; retryAfterSeconds?: number } = {},
  ) {
    super(detail ?? code);
    this.name = 'AppError';
  }
}

/** The error catalogue: use cases throw these, never build HTTP answers themselves. */
export const errors = {
  unauthenticated: () => new AppError('unauthenticated', 'Connectez-vous pour accéder à cette ressource.'),
  invalidCredentials: () => new AppError('invalid_credentials', 'Vérifiez votre adresse e-mail et votre mot de passe.'),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new AppError(
      'too_many_attempts',
      `Trop de tentatives de connexion. Réessayez dans ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      { retryAfterSeconds },
    ),
  forbidden: (detail = 'Votre rôle ne permet pas cette action.') => new AppError('forbidden', detail),
  csrf: () => new AppError('csrf', 'Cette requête provient d’une autre origine que l’application.'),
  notFound: (what: string) => new AppError('not_found', `${what} introuvable.`),
  conflict: (detail: string) => new AppError('conflict', detail),
  field: (path: string, message: string) => new AppError('validation', message, { errors: [{ path, message }] }),
  ruleViolation: (rule: string, detail: string) => new AppError('rule_violation', detail, { rule }),
  unsupportedMediaType: () =>
    new AppError('unsupported_media_type', 'Envoyez le corps de la requête en JSON (Content-Type: application/json).'),
  payloadTooLarge: (limit: string, what = 'Le corps de la requête') => new AppError('payload_too_large', `${what} dépasse ${limit}.`),
  uploadMediaType: () =>
    new AppError('unsupported_media_type', 'Envoyez le fichier tel quel dans le corps de la requête (Content-Type: application/octet-stream).'),
  invalidFile: (reason: string) => new AppError('invalid_file', reason, { errors: [{ path: '(fichier)', message: reason }] }),
  malformedJson: () => new AppError('malformed_json', 'Le corps de la requête n’est pas un JSON valide.'),
  methodNotAllowed: () => new AppError('method_not_allowed', 'Cette méthode n’est pas permise sur cette adresse.'),
  routeNotFound: () => new AppError('not_found', 'Aucune ressource à cette adresse.'),
  databaseUnavailable: () => new AppError('database_unavailable', 'La base de données ne répond pas.'),
};
