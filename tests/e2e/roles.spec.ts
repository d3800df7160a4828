import { expect, test } from '@playwright/test';
import { ACCOUNTS, checkPage, followEmailLink, navigate, openPublicPage, signIn, signOut } from './support.js';

const accounts = [
  { role: 'acheteur', email: ACCOUNTS.buyer, path: '/acheteur', title: 'Espace acheteur', org: 'Département du Lot', help: 'Comment ça marche : Acheteur public' },
  { role: 'facilitateur', email: ACCOUNTS.facilitator, path: '/facilitateur', title: 'Espace facilitateur', org: 'Maison de l’emploi du Lot', help: 'Comment ça marche : Structure de facilitation' },
  { role: 'entreprise', email: ACCOUNTS.contractor, path: '/entreprise', title: 'Espace entreprise', org: 'Bâtiments du Quercy', help: 'Comment ça marche : Entreprise titulaire' },
  { role: 'administrateur', email: ACCOUNTS.admin, path: '/admin', title: 'Administration de l’instance', org: 'Administration de l’instance', help: 'Comment ça marche : Administrateur de l’instance' },
];

test('la page de connexion est en français et accessible', async ({ page }) => {
  await openPublicPage(page, '/');
  await expect(page).toHaveURL(/\/connexion$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await checkPage(page);
});

for (const account of accounts) {
  test(`${account.role} : se connecte, arrive sur son accueil, lit « Comment ça marche », se déconnecte`, async ({ page }) => {
    await signIn(page, account.email);
    await expect(page).toHaveURL(new RegExp(`${account.path}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(account.title);
    await expect(page.getByRole('banner')).toContainText(account.org);
    await checkPage(page);
    await page.getByRole('main').getByRole('link', { name: 'Comment ça marche' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(account.help);
    await checkPage(page);
    await navigate(page, 'Accueil');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(account.title);
    await signOut(page);
    await expect(page).toHaveURL(/\/connexion\?deconnecte$/);
    await expect(page.getByRole('status')).toHaveText('Vous êtes déconnecté·e.');
    // Signed out, the home page's address leads to the sign-in page.
    await openPublicPage(page, account.path);
    await expect(page).toHaveURL(/\/connexion\?retour=/);
  });
}

test('un mot de passe faux affiche un message clair, sans dire si le compte existe', async ({ page }) => {
  await signIn(page, ACCOUNTS.buyer, 'mauvais-mot-de-passe');
  await expect(page.getByRole('alert')).toHaveText('Vérifiez votre adresse e-mail et votre mot de passe.');
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue(ACCOUNTS.buyer);
  await checkPage(page);
});

test('la connexion se fait entièrement au clavier', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'telephone', 'un téléphone n’a pas de clavier physique');
  await openPublicPage(page, '/connexion');
  await page.keyboard.press('Tab'); // lien d’évitement
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  await page.getByLabel('Adresse e-mail').focus();
  await page.keyboard.type(ACCOUNTS.facilitator);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Mot de passe')).toBeFocused();
  await page.keyboard.type('Demo-Clauses-2026');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/facilitateur$/);
});

test('un lien vers la page d’un autre rôle répond « Accès refusé », avec l’en-tête et la navigation', async ({ page }) => {
  await followEmailLink(page, '/admin');
  await signIn(page, ACCOUNTS.contractor, undefined, { alreadyOnSignIn: true });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
  await expect(page.getByRole('banner')).toContainText('Bâtiments du Quercy');
  await checkPage(page);
});

test('l’administrateur crée une organisation : SIRET refusé puis accepté', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  const name = `Régie de quartier de Cahors ${Date.now()}`;
  await page.getByLabel('Type').selectOption('contractor');
  await page.getByLabel('Nom', { exact: true }).fill(name);
  await page.getByLabel(/^SIRET/).fill('123 456 789 00010');
  await page.getByRole('button', { name: 'Créer l’organisation' }).click();
  await expect(page.getByText('Ce SIRET n’est pas valide (clé de contrôle incorrecte).')).toBeVisible();
  await expect(page.getByLabel(/^SIRET/)).toHaveAttribute('aria-invalid', 'true');
  // A fresh Luhn-valid SIRET for each run (the e2e database is kept between runs).
  const base = `7${String(Date.now()).slice(-12)}`;
  const siret = [...Array(10).keys()].map((d) => base + d).find((s) => {
    let sum = 0;
    for (let i = 0; i < 14; i++) { let n = Number(s[13 - i]); if (i % 2) n = n * 2 > 9 ? n * 2 - 9 : n * 2; sum += n; }
    return sum % 10 === 0;
  })!;
  await page.getByLabel(/^SIRET/).fill(siret);
  await page.getByRole('button', { name: 'Créer l’organisation' }).click();
  await expect(page.getByRole('status')).toHaveText('Organisation créée.');
  await expect(page.getByRole('cell', { name })).toBeVisible();
  await checkPage(page);
});
