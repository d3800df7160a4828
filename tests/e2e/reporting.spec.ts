import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support.js';

/**
 * Acting on compliance: the administrator runs the reminders scan and reads the sent reminders; the
 * facilitator downloads the FSE workbook and the yearly figures, and exports a list.
 */
test('l’administrateur lance les relances et lit la liste, accessible', async ({ page }) => {
  await signIn(page, 'admin@demo.suivi-clauses.fr');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Relances' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Relances envoyées' })).toBeVisible();
  await page.getByRole('button', { name: 'Lancer l’analyse des relances maintenant' }).click();
  await expect(page.getByRole('status')).toContainText('dues');
  await page.reload();
  await expect(page.getByRole('table')).toBeVisible();
  await expectAccessible(page);
  // A second run sends nothing again.
  await page.getByRole('button', { name: 'Lancer l’analyse des relances maintenant' }).click();
  await expect(page.getByRole('status')).toContainText('0 courriel envoyé');
  // The admin reports on one structure or on the whole instance.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Indicateurs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indicateurs' })).toBeVisible();
  await expect(page.getByLabel('Structure de facilitation').first()).toContainText('Toute l’instance');
  await expectAccessible(page);
});

test('le facilitateur télécharge les indicateurs FSE et les chiffres de l’année', async ({ page }) => {
  await signIn(page, 'facilitatrice@demo.suivi-clauses.fr');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Indicateurs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indicateurs' })).toBeVisible();
  await expectAccessible(page);
  const workbook = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le classeur (XLSX)' }).click();
  expect((await workbook).suggestedFilename()).toMatch(/^indicateurs-fse-.*\.xlsx$/);
  const yearly = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV' }).click();
  expect((await yearly).suggestedFilename()).toMatch(/^chiffres-\d{4}-.*\.csv$/);
});

test('le facilitateur exporte ses participants (Excel)', async ({ page }) => {
  await signIn(page, 'facilitatrice@demo.suivi-clauses.fr');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Participants' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Participants' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Excel (XLSX)' }).first().click();
  expect((await download).suggestedFilename()).toMatch(/^participants-.*\.xlsx$/);
  await expectAccessible(page);
});
