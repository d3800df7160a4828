import type { Role } from '@app/shared';
import { homeOfRole, helpOfRole } from './roles';

export interface NavLink {
  href: string;
  label: string;
}

/** A top-level entry: a link, or a group of links opened from a button (so that the bar never wraps). */
export type NavItem = NavLink | { label: string; links: NavLink[] };

export const isGroup = (item: NavItem): item is { label: string; links: NavLink[] } => 'links' in item;

/**
 * The main navigation of each role: six entries at most on the bar (it stays on one line at 1,366 px),
 * the rest grouped by task.
 */
export function navigationOf(role: Role): NavItem[] {
  const home = { href: homeOfRole[role], label: 'Accueil' };
  const help = { href: helpOfRole[role], label: 'Aide' };
  switch (role) {
    case 'buyer':
      return [
        home,
        { href: '/tableau-de-bord', label: 'Tableau de bord' },
        {
          label: 'Portefeuille',
          links: [
            { href: '/operations', label: 'Opérations' }, { href: '/marches', label: 'Marchés' }, { href: '/clauses', label: 'Clauses' },
            { href: '/import-decp', label: 'Import DECP' },
          ],
        },
        { href: '/acheteur/transparence', label: 'Transparence' },
        help,
      ];
    case 'facilitator':
      return [
        home,
        { href: '/facilitateur/tableau-de-bord', label: 'Tableau de bord' },
        {
          label: 'Parcours',
          links: [
            { href: '/facilitateur/participants', label: 'Participants' }, { href: '/facilitateur/besoins', label: 'Besoins de recrutement' },
            { href: '/facilitateur/mises-en-poste', label: 'Mises en poste' },
          ],
        },
        {
          label: 'Heures',
          links: [{ href: '/facilitateur/validation', label: 'Validation des heures' }, { href: '/relances', label: 'Relances' }, { href: '/indicateurs', label: 'Indicateurs' }],
        },
        { label: 'Portefeuille', links: [{ href: '/operations', label: 'Opérations' }, { href: '/marches', label: 'Marchés' }, { href: '/clauses', label: 'Clauses' }] },
        help,
      ];
    case 'contractor':
      return [
        home,
        { href: '/entreprise/tableau-de-bord', label: 'Mes lots' },
        { label: 'Heures', links: [{ href: '/entreprise/declarations', label: 'Déclarer mes heures' }, { href: '/entreprise/imports', label: 'Importer un relevé' }] },
        { href: '/entreprise/candidatures', label: 'Candidatures proposées' },
        { href: '/entreprise/courriers', label: 'Courriers' },
        help,
      ];
    default:
      return [
        home,
        { href: '/admin/synthese', label: 'Synthèse nationale' },
        { href: '/tableau-de-bord', label: 'Tableaux de bord' },
        { href: '/indicateurs', label: 'Indicateurs' },
        { href: '/relances', label: 'Relances' },
        help,
      ];
  }
}

/** Is `href` the page shown (or one of its sub-pages)? The home page only matches itself. */
export function isCurrent(pathname: string, href: string, home: string): boolean {
  return pathname === href || (href !== home && pathname.startsWith(`${href}/`));
}
