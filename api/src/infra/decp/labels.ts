/** Official spellings (schemas 1.5 and 2.0.3), matched case- and accent-insensitively; unknown values are kept as published. */
import { labelMap } from './normalise.js';

export const NATURES = labelMap([
  'Marché',
  'Marché de partenariat',
  'Accord-cadre',
  'Marché subséquent',
  'Marché de défense ou de sécurité',
]);

export const PROCEDURES = labelMap([
  'Procédure adaptée',
  "Appel d'offres ouvert",
  "Appel d'offres restreint",
  'Procédure avec négociation',
  'Marché passé sans publicité ni mise en concurrence préalable',
  'Dialogue compétitif',
]);

export const PLACE_TYPES = labelMap([
  'Code postal',
  'Code commune',
  'Code arrondissement',
  'Code canton',
  'Code département',
  'Code région',
  'Code pays',
]);

export const CLAUSE_SOCIALE = 'Clause sociale';
export const CRITERE_SOCIAL = 'Critère social';
export const MARCHE_RESERVE = 'Marché réservé';
export const CONCESSION_RESERVEE = 'Concession réservée';
const PAS_DE_CONSIDERATION = 'Pas de considération sociale';

export const SOCIAL_CONSIDERATIONS: ReadonlyMap<string, string> = new Map([
  ...labelMap([CLAUSE_SOCIALE, CRITERE_SOCIAL, MARCHE_RESERVE, CONCESSION_RESERVEE, PAS_DE_CONSIDERATION]),
  // decp.info's tabular output rewrites "Pas de considération sociale" to "Sans objet".
  ['sans objet', PAS_DE_CONSIDERATION],
]);

export const ACCORD_CADRE = 'Accord-cadre';
