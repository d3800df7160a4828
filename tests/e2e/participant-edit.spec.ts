import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support.js';

test('la facilitatrice corrige la fiche d’une personne : le formulaire est prérempli, rien d’autre ne change', async ({ page }) => {
  await signIn(page, 'facilitatrice@demo.suivi-clauses.fr');
  await expect(page).toHaveURL(/\/facilitateur$/);
  await page.goto('/facilitateur/participants');
  await page.getByRole('link', { name: /Fabre/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Fabre/ })).toBeVisible();
  const situation = page.getByRole('region', { name: 'Identité et situation' });
  const before = (await situation.textContent()) ?? '';

  await page.getByRole('link', { name: /Modifier l’identité et la situation/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Modifier / })).toBeVisible();
  await expect(page.getByLabel('Nom *', { exact: true })).toHaveValue(/Fabre/i);
  await expect(page.getByLabel(/^Commune de résidence/)).toHaveValue(/^\d[\dAB]\d{3} — /);
  await expect(page.getByLabel(/^Métier visé/)).toHaveValue(/^\d+ — /);
  await expectAccessible(page);

  // A phone number (it changes nothing else: the matching, the eligibility and the counts stay as they were).
  const phone = `05 65 ${String(Date.now() % 100).padStart(2, '0')} 12 34`;
  await page.getByLabel('Téléphone').fill(phone);
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByRole('status')).toHaveText('Modifications enregistrées.');
  await expect(situation).toContainText(phone);
  const after = ((await situation.textContent()) ?? '').replace(/Contact.*?(?=Commune)/s, '');
  expect(after).toBe(before.replace(/Contact.*?(?=Commune)/s, ''));
  await expectAccessible(page);
});
