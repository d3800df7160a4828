import { expect, test } from '@playwright/test';
import { ACCOUNTS, checkPage, navigate, signIn } from './support.js';

/**
 * The administrator: a buyer's dashboard picked from a searchable list (never an identifier typed by
 * hand), the national summary one click from home, the reminders and the indicators; the facilitator
 * downloads the FSE workbook, the yearly figures and a list.
 */
test('l’administrateur choisit un acheteur dans une liste, ouvre la synthèse nationale, lance les relances', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, ACCOUNTS.admin);
  await expect(page).toHaveURL(/\/admin$/);

  // National summary: one click from home.
  await page.getByRole('link', { name: 'Voir la synthèse nationale' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Synthèse nationale');
  await expect(page.getByRole('main')).toContainText('clauses suivies');
  await checkPage(page);

  // A buyer's dashboard: typed by name, chosen in the list.
  await navigate(page, 'Accueil');
  const picker = page.getByRole('combobox', { name: /^Acheteur/ });
  await picker.fill('Département du');
  const option = await page.locator('datalist#admin-acheteur-liste option').evaluateAll((os) => os.map((o) => o.getAttribute('value') ?? '').find((v) => v.startsWith('Département du Lot')));
  await picker.fill(option!);
  // The list of suggestions closed first (on a phone, it would take the tap on the button).
  await picker.press('Escape');
  await page.getByRole('button', { name: 'Ouvrir le tableau de bord' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord — Département du Lot');
  await expect(page.getByRole('table', { name: /Clauses : heures requises/ })).toBeVisible();
  await checkPage(page);
  // A name that is no buyer's: said plainly, the list is still there.
  await page.getByRole('combobox', { name: /^Acheteur/ }).fill('Commune imaginaire');
  await page.getByRole('combobox', { name: /^Acheteur/ }).press('Escape');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByRole('alert')).toHaveText('Aucun acheteur ne correspond à « Commune imaginaire » : choisissez-le dans la liste.');
  await checkPage(page);

  // Reminders (that a second run sends nothing again is tested in tests/integration/reminders.int.test.ts:
  // here, another journey may create a late month in between).
  await navigate(page, 'Relances');
  await expect(page.getByRole('heading', { level: 1, name: 'Relances envoyées' })).toBeVisible();
  await page.getByRole('button', { name: 'Lancer l’analyse des relances maintenant' }).click();
  await expect(page.getByRole('status')).toContainText('dues');
  await checkPage(page);
  await navigate(page, 'Indicateurs');
  await expect(page.getByLabel('Structure de facilitation').first()).toContainText('Toute l’instance');
  await checkPage(page);
});

test('le facilitateur télécharge les indicateurs FSE, les chiffres de l’année et ses participants', async ({ page }) => {
  await signIn(page, ACCOUNTS.facilitator);
  await navigate(page, 'Indicateurs');
  await expect(page.getByRole('heading', { level: 1, name: 'Indicateurs' })).toBeVisible();
  await checkPage(page);
  const workbook = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le classeur (XLSX)' }).click();
  expect((await workbook).suggestedFilename()).toMatch(/^indicateurs-fse-.*\.xlsx$/);
  const yearly = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV' }).click();
  expect((await yearly).suggestedFilename()).toMatch(/^chiffres-\d{4}-.*\.csv$/);
  await navigate(page, 'Participants');
  const list = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Excel (XLSX)' }).first().click();
  expect((await list).suggestedFilename()).toMatch(/^participants-.*\.xlsx$/);
});
