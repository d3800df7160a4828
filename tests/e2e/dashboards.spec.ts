import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support.js';

test('l’acheteuse voit le titulaire à risque d’abord, ouvre la clause, voit la courbe et la raison', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, 'acheteuse@demo.suivi-clauses.fr');
  await expect(page).toHaveURL(/\/acheteur$/);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tableau de bord' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Tableau de bord — / })).toBeVisible();
  await expectAccessible(page);

  // Flagged contractors first, each with the reason of its flag.
  const contractors = page.getByRole('table', { name: /Titulaires, les signalés d’abord/ });
  const first = contractors.getByRole('row').nth(1);
  await expect(first).toContainText('signalé');
  await expect(first).toContainText(/Lot \d+ « .+ » — (à risque|non atteint|.+non déclarée)/);

  // Filters and sort survive a reload (they are in the address).
  await page.getByLabel('Trier par').selectOption('pace');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/sort=pace/);
  await page.reload();
  await expect(page.getByLabel('Trier par')).toHaveValue('pace');
  await page.goto('/tableau-de-bord');

  // The first clause is flagged; open it.
  const clauses = page.getByRole('table', { name: /Clauses : heures requises/ });
  const row = clauses.getByRole('row').nth(1);
  await expect(row).toContainText('signalée');
  const reason = (await row.locator('.raison').textContent())!.trim();
  await row.getByRole('link').first().click();
  await expect(page.getByTestId('raison')).toHaveText(reason);
  await expect(page.getByText('Heures comptées cumulées face à l’attendu', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('img', { name: /Heures comptées cumulées face à l’attendu/ })).toBeVisible();
  await page.getByText('Valeurs du graphique').click();
  await expect(page.getByRole('table', { name: /valeurs mensuelles cumulées/ })).toBeVisible();
  await expectAccessible(page);

  // Nonsense in the address: a clear message, not a crash.
  await page.goto('/tableau-de-bord?from=2026-09&to=2026-01');
  await expect(page.getByRole('alert')).toContainText('Période inversée');
});

test('la facilitatrice voit les déclarations en retard de son territoire', async ({ page }) => {
  await signIn(page, 'facilitatrice@demo.suivi-clauses.fr');
  await expect(page).toHaveURL(/\/facilitateur$/);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tableau de bord' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord du territoire' })).toBeVisible();
  const late = page.getByRole('table', { name: /déclarations mensuelles manquent/ });
  await expect(late.getByRole('row').nth(1).getByRole('link')).toBeVisible();
  await expect(late.getByRole('row').nth(1)).toContainText(/(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}/);
  await expectAccessible(page);
});

test('l’entreprise voit ses lots et ce qui est dû', async ({ page }) => {
  await signIn(page, 'entreprise@demo.suivi-clauses.fr');
  await expect(page).toHaveURL(/\/entreprise$/);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes lots' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes lots et ce qui est dû' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Vos lots/ }).getByRole('row')).not.toHaveCount(1);
  await expectAccessible(page);
});
