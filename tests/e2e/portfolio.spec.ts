import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support.js';

const decpFile = fileURLToPath(new URL('../fixtures/decp/demo/decp-2026-departement-du-lot.json', import.meta.url));

test('une acheteuse crée une opération, un marché à deux lots, dimensionne une clause, enregistre un avenant et importe un fichier DECP', async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString().slice(-6);
  await signIn(page, 'acheteuse@demo.suivi-clauses.fr');
  await expect(page).toHaveURL(/\/acheteur$/);

  // Opération
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Opérations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opérations' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Nom de l’opération/).fill(`Réhabilitation du groupe scolaire de Lacapelle ${stamp}`);
  await page.getByLabel(/Commune \(code INSEE\)/).fill('46042');
  await page.getByRole('button', { name: 'Créer l’opération' }).click();
  await expect(page.getByRole('status')).toHaveText('Opération créée.');
  await expect(page.getByText('Cahors (46042, département 46)')).toBeVisible();

  // Marché
  await page.getByRole('link', { name: 'Nouveau marché dans cette opération' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau marché' })).toBeVisible();
  await page.getByLabel(/Référence du marché/).fill(`2026-E2E-${stamp}`);
  await page.getByLabel(/Objet du marché/).fill('Réhabilitation du groupe scolaire, en deux lots');
  await page.getByLabel(/Code CPV/).fill('45214200');
  await page.getByLabel('Date de notification').fill('2026-01-12');
  await page.getByLabel('Début d’exécution').fill('2026-02-02');
  await page.getByLabel('Fin d’exécution').fill('2027-06-30');
  await page.getByLabel(/Montant HT \(€\)/).fill('1 800 000');
  await page.getByLabel(/SIRET du titulaire/).fill('453 120 001 00012');
  await page.getByLabel(/Raison sociale du titulaire/).fill('Bâtiments du Quercy');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Créer le marché' }).click();
  await expect(page.getByRole('status')).toHaveText('Marché créé. Ajoutez maintenant ses lots.');

  // Deux lots
  for (const [title, amount] of [['Gros œuvre', '1 000 000'], ['Menuiseries', '800 000']] as const) {
    await page.getByLabel(/Intitulé du lot/).fill(title);
    await page.getByLabel('Corps d’état').selectOption('batiment_moyenne');
    await page.getByLabel(/Montant HT du lot/).fill(amount);
    await page.getByRole('button', { name: 'Ajouter le lot' }).click();
    await expect(page.getByRole('heading', { level: 3, name: new RegExp(`— ${title}$`) })).toBeVisible();
  }

  // Clause du lot 1 avec le calculateur
  await page.getByRole('link', { name: 'Poser une clause sur le lot 1' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Clause d’insertion du lot 1');
  await page.getByLabel('Méthode de calcul').selectOption('labour_share');
  await page.getByLabel('Montant HT du lot (M, €)').fill('1 000 000');
  await page.getByLabel(/Part de main-d’œuvre/).fill('50');
  await page.getByLabel(/Taux d’insertion/).fill('5');
  await page.getByLabel(/Coût horaire moyen chargé/).fill('30');
  await expect(page.getByTestId('heures-calculees')).toHaveText(/^833\sh$/);
  await expect(page.locator('#calc-resultat .formule')).toHaveText(/1\s000\s000,00\s€ × 50\s% × 5\s% ÷ 30,00\s€\/h = 833,3333\sh → 833\sh/);
  await page.getByLabel(/Taux d’insertion/).fill('10');
  await expect(page.getByTestId('heures-calculees')).toHaveText(/^1\s667\sh$/);
  await page.getByLabel(/Taux d’insertion/).fill('5');
  await page.getByLabel('Facilitateur chargé de la clause').selectOption({ label: 'Maison de l’emploi du Lot — facilitation des clauses sociales' });
  await page.getByLabel('Bénéficiaire du RSA').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Enregistrer la clause' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Clause enregistrée.');
  const lot1 = page.locator('#lot-1');
  await expect(lot1.locator('dd').filter({ hasText: /^833\sh$/ })).toBeVisible();

  // Avenant +80 000 € au prorata → 900 h
  await lot1.getByText('Enregistrer un avenant').click();
  await lot1.getByLabel(/Référence de l’avenant/).fill('Avenant n° 1');
  await lot1.getByLabel(/Date d’effet/).fill('2026-06-01');
  await lot1.getByLabel(/Variation du montant HT/).fill('80 000');
  await lot1.getByLabel('Effet sur les heures requises').selectOption('prorata');
  await lot1.getByRole('button', { name: 'Enregistrer l’avenant' }).click();
  await expect(page.getByText('Avenant enregistré : 900 h requises.')).toBeVisible();
  await expect(lot1.locator('dd').filter({ hasText: /^900\sh$/ })).toBeVisible();
  await expect(lot1.getByRole('table', { name: 'Historique des heures requises' })).toContainText('Avenant n° 1');
  await expectAccessible(page);

  // Import DECP
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Import DECP' }).click();
  await expectAccessible(page);
  await page.getByLabel(/Fichier DECP/).setInputFiles(decpFile);
  await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('decp-2026-departement-du-lot.json');
  await expect(page.locator('dl').getByText('Vos marchés à importer')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Importer 2 marchés' }).click();
  await expect(page.getByRole('heading', { name: 'Import terminé' })).toBeVisible({ timeout: 30_000 });
  // The e2e database is kept between runs: the first import creates, the next ones find them already there.
  await expect(page.getByText(/(2 marchés créés|0 marché créé, 0 mis à jour, 2 déjà à jour)/)).toBeVisible();
  await page.getByRole('link', { name: 'Voir les clauses à dimensionner' }).click();
  await expect(page.getByRole('cell', { name: /2026GYMG0101/ })).toBeVisible();
  await expectAccessible(page);
});

test('un fichier qui n’est pas un fichier DECP est refusé avec un message clair', async ({ page }) => {
  await signIn(page, 'acheteuse@demo.suivi-clauses.fr');
  await expect(page).toHaveURL(/\/acheteur$/);
  await page.goto('/import-decp');
  await page.getByLabel(/Fichier DECP/).setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from('acheteur;objet\n1;2\n') });
  await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
  await expect(page.getByRole('alert')).toContainText(/JSON|XML/);
  await expectAccessible(page);
});

test('la facilitatrice mandatée voit les clauses du Département du Lot ; l’entreprise voit ses lots', async ({ page }) => {
  await signIn(page, 'facilitatrice@demo.suivi-clauses.fr');
  await expect(page).toHaveURL(/\/facilitateur$/);
  await expect(page.getByRole('heading', { name: 'Acheteurs qui vous ont mandatés' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Clauses' }).click();
  await expect(page.getByRole('cell', { name: /2026-CAH-012/ }).first()).toBeVisible();
  await page.getByLabel('État', { exact: true }).selectOption('to_size');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/status=to_size/);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();

  await signIn(page, 'entreprise@demo.suivi-clauses.fr');
  await expect(page).toHaveURL(/\/entreprise$/);
  await expect(page.getByRole('heading', { name: /Vos lots/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: /Gros œuvre/ }).first()).toBeVisible();
  await expectAccessible(page);
});
