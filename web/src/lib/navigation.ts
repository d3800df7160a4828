import type { Role } from '@app/shared';
import { homeOfRole } from './roles';

export interface NavItem {
  href: string;
  label: string;
}

/** The main navigation of each role. */
export function navigationOf(role: Role): NavItem[] {
  const home = { href: homeOfRole[role], label: 'Accueil' };
  switch (role) {
    case 'buyer':
      return [
        home, { href: '/tableau-de-bord', label: 'Tableau de bord' }, { href: '/operations', label: 'Opérations' }, { href: '/marches', label: 'Marchés' },
        { href: '/clauses', label: 'Clauses' }, { href: '/import-decp', label: 'Import DECP' }, { href: '/acheteur/transparence', label: 'Transparence' },
      ];
    case 'facilitator':
      return [
        home, { href: '/facilitateur/tableau-de-bord', label: 'Tableau de bord' }, { href: '/operations', label: 'Opérations' }, { href: '/marches', label: 'Marchés' }, { href: '/clauses', label: 'Clauses' },
        { href: '/facilitateur/participants', label: 'Participants' }, { href: '/facilitateur/besoins', label: 'Besoins de recrutement' },
        { href: '/facilitateur/mises-en-poste', label: 'Mises en poste' },
        { href: '/facilitateur/validation', label: 'Validation des heures' }, { href: '/indicateurs', label: 'Indicateurs' },
        { href: '/relances', label: 'Relances' },
      ];
    case 'contractor':
      return [
        home, { href: '/entreprise/tableau-de-bord', label: 'Mes lots' }, { href: '/entreprise/candidatures', label: 'Candidatures proposées' },
        { href: '/entreprise/declarations', label: 'Déclarer mes heures' }, { href: '/entreprise/imports', label: 'Importer un relevé' },
        { href: '/entreprise/courriers', label: 'Relances et mises en demeure' },
      ];
    default:
      return [home, { href: '/indicateurs', label: 'Indicateurs' }, { href: '/relances', label: 'Relances' }];
  }
}
