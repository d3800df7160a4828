import { expect, test } from '@playwright/test';
import { ACCOUNTS, checkPage, navigate, signIn } from './support.js';

test('l’acheteuse voit le titulaire à risque d’abord, ouvre la clause, voit la courbe et la raison', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, ACCOUNTS.buyer);
  await navigate(page, 'Tableau de bord');
  await expect(page.getByRole('heading', { level: 1, name: /^Tableau de bord — / })).toBeVisible();
  await checkPage(page);

  // Flagged contractors first, each with the reason of its flag.
  const first = page.getByRole('table', { name: /Titulaires, les signalés d’abord/ }).getByRole('row').nth(1);
  await expect(first).toContainText('signalé');
  await expect(first).toContainText(/Lot \d+ « .+ » — (à risque|non atteint|.+non déclarée)/);

  // Filters and sort survive a reload (they are in the address).
  await page.getByLabel('Trier par').selectOption('pace');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/sort=pace/);
  await page.reload();
  await expect(page.getByLabel('Trier par')).toHaveValue('pace');
  await page.getByRole('link', { name: 'Tout effacer' }).click();

  // The first clause is flagged; open it.
  const row = page.getByRole('table', { name: /Clauses : heures requises/ }).getByRole('row').nth(1);
  await expect(row).toContainText('signalée');
  const reason = (await row.locator('.raison').textContent())!.trim();
  await row.getByRole('link').first().click();
  await expect(page.getByTestId('raison')).toHaveText(reason);
  await expect(page.getByRole('img', { name: /Heures comptées cumulées face à l’attendu/ })).toBeVisible();
  await page.getByText('Valeurs du graphique').click();
  await expect(page.getByRole('table', { name: /valeurs mensuelles cumulées/ })).toBeVisible();
  await checkPage(page);
});

test('la facilitatrice voit les déclarations en retard de son territoire', async ({ page }) => {
  await signIn(page, ACCOUNTS.facilitator);
  await navigate(page, 'Tableau de bord');
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord du territoire' })).toBeVisible();
  const late = page.getByRole('table', { name: /déclarations mensuelles manquent/ });
  await expect(late.getByRole('row').nth(1).getByRole('link')).toBeVisible();
  await expect(late.getByRole('row').nth(1)).toContainText(/(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}/);
  await checkPage(page);
});
