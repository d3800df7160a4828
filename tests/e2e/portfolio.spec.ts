import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, checkPage, navigate, newPersonPage, runId, signIn, signOut } from './support.js';

const decpFile = fileURLToPath(new URL('../fixtures/decp/demo/decp-2026-departement-du-lot.json', import.meta.url));

/** The suggestions the CPV field offers for what was typed (its datalist, filled by the server). */
async function cpvSuggestions(page: Page, typed: string): Promise<string[]> {
  const input = page.getByLabel(/Code CPV/);
  await input.click();
  await input.pressSequentially(typed, { delay: 20 });
  const options = page.locator('datalist#cpv-suggestions option');
  const read = () => options.evaluateAll((os) => os.map((o) => `${o.getAttribute('value')} ${o.textContent}`));
  // The list follows the typing (a request per pause): wait for the answer to the whole word, whose labels all say it.
  await expect.poll(async () => {
    const list = await read();
    return list.length > 0 && list.every((s) => /réhabilit|remise|réfection|restructur|rénov|transformation/i.test(s));
  }).toBe(true);
  return read();
}

test('une acheteuse crée une opération, un marché à deux lots, pose une clause (facilitateur proposé, publics par famille), enregistre un avenant et importe un fichier DECP', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const stamp = `${runId()}${testInfo.project.name.slice(0, 1)}`;
  await signIn(page, ACCOUNTS.buyer);
  await expect(page).toHaveURL(/\/acheteur$/);

  // Operation.
  await navigate(page, 'Opérations');
  await expect(page.getByRole('heading', { level: 1, name: 'Opérations' })).toBeVisible();
  await checkPage(page);
  await page.getByLabel(/^Nom de l’opération/).fill(`Réhabilitation du groupe scolaire de Lacapelle ${stamp}`);
  await page.getByLabel(/Commune \(code INSEE\)/).fill('46042');
  await page.getByRole('button', { name: 'Créer l’opération' }).click();
  await expect(page.getByRole('status')).toHaveText('Opération créée.');

  // Contract: the CPV search proposes works first (« réhabilitation » is « remise en état » for a building).
  await page.getByRole('link', { name: 'Nouveau marché dans cette opération' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau marché' })).toBeVisible();
  const suggested = await cpvSuggestions(page, 'réhabilitation');
  expect(suggested[0]).toMatch(/^45/);
  expect(suggested.findIndex((s) => /criminels/.test(s))).not.toBe(0);
  await page.getByLabel(/Code CPV/).fill('45214200');
  await page.getByLabel(/Référence du marché/).fill(`2026-E2E-${stamp}`);
  await page.getByLabel(/Objet du marché/).fill('Réhabilitation du groupe scolaire, en deux lots');
  await page.getByLabel('Date de notification').fill('2026-01-12');
  await page.getByLabel('Début d’exécution').fill('2026-02-02');
  await page.getByLabel('Fin d’exécution').fill('2027-06-30');
  await page.getByLabel(/Montant HT \(€\)/).fill('1 800 000');
  await page.getByLabel(/SIRET du titulaire/).fill('453 120 001 00012');
  await page.getByLabel(/Raison sociale du titulaire/).fill('Bâtiments du Quercy');
  await checkPage(page);
  await page.getByRole('button', { name: 'Créer le marché' }).click();
  await expect(page.getByRole('status')).toHaveText('Marché créé. Ajoutez maintenant ses lots.');

  for (const [title, amount] of [['Gros œuvre', '1 000 000'], ['Menuiseries', '800 000']] as const) {
    await page.getByLabel(/Intitulé du lot/).fill(title);
    await page.getByLabel('Corps d’état').selectOption('batiment_moyenne');
    await page.getByLabel(/Montant HT du lot/).fill(amount);
    await page.getByRole('button', { name: 'Ajouter le lot' }).click();
    await expect(page.getByRole('heading', { level: 3, name: new RegExp(`— ${title}$`) })).toBeVisible();
  }

  // The clause: the mandated structure is proposed, plain labels (rule codes in the help only), target publics by family.
  await page.getByRole('link', { name: 'Poser une clause sur le lot 1' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Clause d’insertion du lot 1');
  await expect(page.getByLabel(/^Facilitateur chargé de la clause/)).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByLabel(/^Facilitateur chargé de la clause/).locator('option:checked')).toHaveText('Maison de l’emploi du Lot — facilitation des clauses sociales');
  const labels = await page.locator('form label').evaluateAll((ls) => ls.map((l) => (l.firstChild?.textContent ?? '').trim()));
  expect(labels.filter((l) => /\bC\d+\b|règle/i.test(l))).toEqual([]);
  const publics = page.getByRole('group', { name: 'Publics cibles' }).getByRole('group');
  await expect(publics.first()).toHaveAccessibleName('Recherche d’emploi');
  await expect(page.getByRole('group', { name: 'Minima sociaux' }).getByRole('checkbox')).toHaveCount(3);
  await page.getByLabel('Méthode de calcul').selectOption('labour_share');
  await page.getByLabel('Montant HT du lot (M, €)').fill('1 000 000');
  await page.getByLabel(/Part de main-d’œuvre/).fill('50');
  await page.getByLabel(/Taux d’insertion/).fill('5');
  await page.getByLabel(/Coût horaire moyen chargé/).fill('30');
  await expect(page.getByTestId('heures-calculees')).toHaveText(/^833\sh$/);
  await page.getByRole('group', { name: 'Minima sociaux' }).getByLabel(/Bénéficiaire du RSA/).check();
  await checkPage(page);
  await page.getByRole('button', { name: 'Enregistrer la clause' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Clause enregistrée.');
  const lot1 = page.locator('#lot-1');
  await expect(lot1.locator('dd').filter({ hasText: /^833\sh$/ })).toBeVisible();
  await expect(lot1).toContainText('Maison de l’emploi du Lot');

  // Amendment +80,000 € pro rata → 900 h.
  await lot1.getByText('Enregistrer un avenant').click();
  await lot1.getByLabel(/Référence de l’avenant/).fill('Avenant n° 1');
  await lot1.getByLabel(/Date d’effet/).fill('2026-06-01');
  await lot1.getByLabel(/Variation du montant HT/).fill('80 000');
  await lot1.getByLabel('Effet sur les heures requises').selectOption('prorata');
  await lot1.getByRole('button', { name: 'Enregistrer l’avenant' }).click();
  await expect(page.getByText('Avenant enregistré : 900 h requises.')).toBeVisible();
  await checkPage(page);

  // DECP import.
  await navigate(page, 'Import DECP');
  await checkPage(page);
  await page.getByLabel(/Fichier DECP/).setInputFiles(decpFile);
  await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('decp-2026-departement-du-lot.json');
  await checkPage(page);
  await page.getByRole('button', { name: 'Importer 2 marchés' }).click();
  await expect(page.getByRole('heading', { name: 'Import terminé' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/(2 marchés créés|0 marché créé, 0 mis à jour, 2 déjà à jour)/)).toBeVisible();
  await page.getByRole('link', { name: 'Voir les clauses à dimensionner' }).click();
  await expect(page.getByRole('cell', { name: /2026GYMG0101/ })).toBeVisible();
  await checkPage(page);
});

test('un fichier qui n’est pas un fichier DECP, ou de 50 Mo, est refusé avec un message clair', async ({ page }, testInfo) => {
  await signIn(page, ACCOUNTS.buyer);
  await navigate(page, 'Import DECP');
  await page.getByLabel(/Fichier DECP/).setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from('acheteur;objet\n1;2\n') });
  await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
  await expect(page.getByRole('alert')).toContainText(/JSON|XML/);
  await checkPage(page);
  const big = path.join(testInfo.outputDir, 'decp-national.json');
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  fs.writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
  await page.getByLabel(/Fichier DECP/).setInputFiles(big);
  await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
  await expect(page.getByRole('alert')).toContainText('Le fichier dépasse 32 Mo');
});

test('la facilitatrice mandatée voit les clauses du Département du Lot ; Figeac Travaux Publics voit ses deux lots dans « Mes lots »', async ({ page, browser }, testInfo) => {
  await signIn(page, ACCOUNTS.facilitator);
  await expect(page.getByRole('heading', { name: 'Acheteurs qui vous ont mandatés' })).toBeVisible();
  await navigate(page, 'Clauses');
  await expect(page.getByRole('cell', { name: /2026-CAH-012/ }).first()).toBeVisible();
  await page.getByLabel('État', { exact: true }).selectOption('to_size');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/status=to_size/);
  await checkPage(page);
  await signOut(page);

  // Figeac holds two lots: its home page and « Mes lots » list both (one with hours, one still to size).
  const figeac = await newPersonPage(browser, testInfo);
  await signIn(figeac, ACCOUNTS.figeac);
  await expect(figeac.getByRole('heading', { name: /Vos lots \(2\)/ })).toBeVisible();
  await navigate(figeac, 'Mes lots');
  const lots = figeac.getByRole('table', { name: /Vos lots/ }).getByRole('rowheader');
  await expect(lots).toHaveCount(2);
  await expect(lots.filter({ hasText: 'Voirie, réseaux, espaces publics' })).toHaveCount(1);
  await expect(lots.filter({ hasText: 'Voirie et réseaux divers' })).toHaveCount(1);
  await expect(figeac.getByRole('main')).toContainText('heures à dimensionner par l’acheteur');
  await checkPage(figeac);
});
