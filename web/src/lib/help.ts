import type { Role } from '@app/shared';

/** One step of a role's job, with the page that does it. */
export interface HelpStep {
  title: string;
  text: string;
  link?: { href: string; label: string };
}

export interface RoleHelp {
  slug: string;
  role: Role;
  title: string;
  intro: string;
  steps: HelpStep[];
}

/** "Comment ça marche", one short page per role: what the role does here, in the order it does it. */
export const ROLE_HELP: readonly RoleHelp[] = [
  {
    slug: 'acheteur', role: 'buyer', title: 'Acheteur public',
    intro: 'Vous fixez des heures d’insertion dans vos marchés ; l’application suit chaque mois les heures réalisées par les entreprises titulaires et vous signale à temps les clauses en retard.',
    steps: [
      { title: 'Mandatez votre structure de facilitation', text: 'Depuis votre accueil, par son SIRET : elle voit votre portefeuille, accompagne les participants et valide les heures déclarées.', link: { href: '/acheteur', label: 'Accueil' } },
      { title: 'Saisissez vos marchés et leurs lots', text: 'À la main, ou depuis les données essentielles de la commande publique (DECP) pour des centaines de marchés à la fois.', link: { href: '/marches/nouveau', label: 'Saisir un marché' } },
      { title: 'Posez une clause sur chaque lot', text: 'Le calculateur donne les heures requises (montant × part de main-d’œuvre × taux d’insertion ÷ coût horaire) ; la structure de facilitation mandatée est proposée d’office.', link: { href: '/clauses', label: 'Clauses' } },
      { title: 'Suivez le tableau de bord', text: 'Les titulaires signalés d’abord, avec la raison : clause à risque, non conforme ou déclarations en retard.', link: { href: '/tableau-de-bord', label: 'Tableau de bord' } },
      { title: 'Relancez, mettez en demeure, décidez', text: 'Depuis la page « Relances, pénalités et bilan » d’un lot : le courrier est prérempli avec les chiffres de la clause, vous le relisez, l’envoyez et l’imprimez ; la pénalité est calculée avec sa formule.', link: { href: '/marches', label: 'Marchés' } },
      { title: 'Publiez vos résultats', text: 'Une page publique, sans donnée personnelle, des heures exigées et réalisées par année et par opération.', link: { href: '/acheteur/transparence', label: 'Transparence' } },
    ],
  },
  {
    slug: 'facilitateur', role: 'facilitator', title: 'Structure de facilitation',
    intro: 'Vous accompagnez les personnes éligibles vers les postes des clauses, vous validez les heures que déclarent les entreprises et vous rendez compte aux financeurs.',
    steps: [
      { title: 'Inscrivez les participants', text: 'Identité, commune, métiers visés, mobilité ; jamais de numéro de sécurité sociale.', link: { href: '/facilitateur/participants/nouveau', label: 'Inscrire un participant' } },
      { title: 'Validez leur éligibilité', text: 'Les critères par famille, avec leur justificatif : la validation vaut 24 mois. Chaque lecture des critères est tracée.', link: { href: '/facilitateur/participants', label: 'Participants' } },
      { title: 'Rapprochez besoins et candidats', text: 'Pour un besoin de recrutement, les candidats classés avec leurs motifs, et les personnes écartées avec la raison ; proposez-les à l’entreprise, puis mettez en poste.', link: { href: '/facilitateur/besoins', label: 'Besoins de recrutement' } },
      { title: 'Validez les heures déclarées', text: 'Mois par mois, avec les contrôles (maximum plausible, éligibilité, justificatif) ; un rejet est motivé et l’entreprise corrige.', link: { href: '/facilitateur/validation', label: 'Validation des heures' } },
      { title: 'Suivez chaque personne', text: 'Son dossier réunit éligibilité, propositions, mises en poste et heures comptées mois par mois, sortie et suivi à six mois, documents, et qui l’a consulté.', link: { href: '/facilitateur/participants', label: 'Participants' } },
      { title: 'Rendez compte', text: 'Indicateurs FSE+ et chiffres consolidés de l’année, en classeur.', link: { href: '/indicateurs', label: 'Indicateurs' } },
    ],
  },
  {
    slug: 'entreprise', role: 'contractor', title: 'Entreprise titulaire',
    intro: 'Vous déclarez chaque mois, par personne en poste, les heures d’insertion réalisées sur vos lots ; seules les heures validées par le facilitateur comptent.',
    steps: [
      { title: 'Regardez ce qui est à faire', text: 'Votre accueil et « Mes lots » listent les mois à déclarer (avec leur échéance) et les déclarations rejetées à corriger, avec le motif.', link: { href: '/entreprise/tableau-de-bord', label: 'Mes lots' } },
      { title: 'Déclarez un mois', text: 'Les heures travaillées, et le justificatif dans le même formulaire (bulletin de salaire, relevé de mission, attestation ou facture). « Même chose que le mois dernier » reprend les heures du mois précédent.', link: { href: '/entreprise/declarations', label: 'Déclarer mes heures' } },
      { title: 'Rien à déclarer ce mois-ci ?', text: 'Dites-le d’un clic : le mois est transmis à 0 h, à temps, sans justificatif, et n’apparaît plus comme manquant.' },
      { title: 'Ou importez votre relevé', text: 'Le modèle téléchargeable, rempli pour toutes les personnes du mois, puis l’aperçu ligne par ligne avant de confirmer.', link: { href: '/entreprise/imports', label: 'Importer un relevé' } },
      { title: 'Répondez aux candidatures et aux courriers', text: 'Les candidats proposés par le facilitateur (sans leurs critères d’éligibilité), et les relances ou mises en demeure de l’acheteur, auxquelles vous répondez avec vos pièces.', link: { href: '/entreprise/courriers', label: 'Courriers' } },
    ],
  },
  {
    slug: 'administrateur', role: 'admin', title: 'Administrateur de l’instance',
    intro: 'Vous ouvrez les organisations et les comptes, vous suivez l’instance entière et les relances envoyées.',
    steps: [
      { title: 'Créez les organisations et les comptes', text: 'Acheteurs, structures de facilitation et entreprises, par leur SIRET ; un compte prend le rôle de son organisation.', link: { href: '/admin', label: 'Administration' } },
      { title: 'Suivez la synthèse nationale', text: 'Toutes les clauses de l’instance : heures requises et comptées, statuts, déclarations en retard.', link: { href: '/admin/synthese', label: 'Synthèse nationale' } },
      { title: 'Ouvrez le tableau de bord d’un acheteur', text: 'Cherchez-le par son nom ou son SIRET dans la liste.', link: { href: '/tableau-de-bord', label: 'Tableaux de bord' } },
      { title: 'Surveillez les relances', text: 'Les courriels envoyés chaque matin (déclarations dues ou en retard, clauses à risque, éligibilités qui expirent), une seule fois chacun.', link: { href: '/relances', label: 'Relances' } },
    ],
  },
];

export const helpOf = (slug: string): RoleHelp | undefined => ROLE_HELP.find((h) => h.slug === slug);
