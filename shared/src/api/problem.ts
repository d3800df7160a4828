import { z } from '../schemas/locale.js';

/** RFC 9457 problem details, as every API error is answered. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  // The business rule a 422 refers to (e.g. 'C2').
  rule: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
export type FieldError = { path: string; message: string };

/**
 * The problem catalogue: one code per kind of failure, with its status and French title.
 * docs/problems.md documents each one; the API's error middleware is the only place that answers them.
 */
export const problemCatalogue = {
  validation: { status: 400, title: 'Requête invalide' },
  malformed_json: { status: 400, title: 'Le corps de la requête n’est pas un JSON valide' },
  invalid_file: { status: 400, title: 'Fichier illisible' },
  unsupported_media_type: { status: 415, title: 'Type de contenu non pris en charge' },
  payload_too_large: { status: 413, title: 'Requête trop volumineuse' },
  unauthenticated: { status: 401, title: 'Authentification requise' },
  invalid_credentials: { status: 401, title: 'Adresse e-mail ou mot de passe incorrect' },
  forbidden: { status: 403, title: 'Accès refusé' },
  csrf: { status: 403, title: 'Origine de la requête refusée' },
  not_found: { status: 404, title: 'Ressource introuvable' },
  method_not_allowed: { status: 405, title: 'Méthode non autorisée' },
  conflict: { status: 409, title: 'Conflit avec l’état actuel' },
  rule_violation: { status: 422, title: 'Règle métier non respectée' },
  too_many_attempts: { status: 429, title: 'Trop de tentatives' },
  database_unavailable: { status: 503, title: 'Base de données indisponible' },
  internal: { status: 500, title: 'Erreur interne du serveur' },
} as const satisfies Record<string, { status: number; title: string }>;
export type ProblemCode = keyof typeof problemCatalogue;

export const PROBLEM_TYPE_BASE = 'https://suivi-clauses.fr/problems/';
