import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support.js';

const accounts = [
  { role: 'acheteur', email: 'acheteuse@demo.suivi-clauses.fr', path: '/acheteur', title: 'Espace acheteur', org: 'Département du Lot' },
  { role: 'facilitateur', email: 'facilitatrice@demo.suivi-clauses.fr', path: '/facilitateur', title: 'Espace facilitateur', org: 'Maison de l’emploi du Lot' },
  { role: 'entreprise', email: 'entreprise@demo.suivi-clauses.fr', path: '/entreprise', title: 'Espace entreprise', org: 'Bâtiments du Quercy' },
  { role: 'administrateur', email: 'admin@demo.suivi-clauses.fr', path: '/admin', title: 'Administration de l’instance', org: 'Administration de l’instance' },
];

test('la page de connexion est en français et accessible', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/connexion$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expectAccessible(page);
});

for (const account of accounts) {
  test(`${account.role} : se connecte, arrive sur son accueil accessible, se déconnecte`, async ({ page }) => {
    await signIn(page, account.email);
    await expect(page).toHaveURL(new RegExp(`${account.path}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(account.title);
    await expect(page.getByRole('banner')).toContainText(account.org);
    await expect(page.getByRole('main')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(/\/connexion\?deconnecte$/);
    await expect(page.getByRole('status')).toHaveText('Vous êtes déconnecté·e.');
    await page.goto(account.path);
    await expect(page).toHaveURL(/\/connexion\?retour=/);
  });
}

test('un mot de passe faux affiche un message clair, sans dire si le compte existe', async ({ page }) => {
  await signIn(page, 'acheteuse@demo.suivi-clauses.fr', 'mauvais-mot-de-passe');
  await expect(page.getByRole('alert')).toHaveText('Vérifiez votre adresse e-mail et votre mot de passe.');
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue('acheteuse@demo.suivi-clauses.fr');
  await expectAccessible(page);
});

test('la connexion se fait entièrement au clavier', async ({ page }) => {
  await page.goto('/connexion');
  await page.keyboard.press('Tab'); // lien d’évitement
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  await page.getByLabel('Adresse e-mail').focus();
  await page.keyboard.type('facilitatrice@demo.suivi-clauses.fr');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Mot de passe')).toBeFocused();
  await page.keyboard.type('Demo-Clauses-2026');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/facilitateur$/);
});

test('un rôle ne peut pas ouvrir la page d’un autre rôle', async ({ page }) => {
  await signIn(page, 'entreprise@demo.suivi-clauses.fr');
  await expect(page).toHaveURL(/\/entreprise$/);
  const res = await page.goto('/admin');
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
});

test('l’administrateur crée une organisation : SIRET refusé puis accepté', async ({ page }) => {
  await signIn(page, 'admin@demo.suivi-clauses.fr');
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
  await expectAccessible(page);
});
