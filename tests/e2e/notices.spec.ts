import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, apiAs, checkPage, navigate, newPersonPage, openPublicPage, parisDay, PDF, runId, signIn } from './support.js';
import { pdfText } from '../support/pdf-text.js';

/**
 * Acting on compliance, by links only: the buyer opens a clause that was not met from its contracts,
 * finds the formal notice pre-filled with the clause's figures and the contract's legal references,
 * edits it, sends it, prints it; the contractor reads and answers it in its space with a file; the
 * buyer records the penalty (computed, formula shown) and downloads the end-of-contract assessment.
 */
const FORMULA = '833 h × 30,00 €/h = 24 990,00 €';

/** A contract of the demo buyer, ended long enough ago for its shortfall to be final (833 h required, none counted, 30 €/h). */
async function endedContract(baseURL: string, reference: string): Promise<void> {
  const buyer = await apiAs(baseURL, ACCOUNTS.buyer);
  try {
    const contract = await buyer.post('/api/contracts', {
      data: {
        reference, object: 'Réfection de la toiture du gymnase de Gourdon', amountCents: 100_000_000, notifiedOn: parisDay(-520),
        startDate: parisDay(-500), endDate: parisDay(-100), holders: [{ siret: '45312000100012', name: 'Bâtiments du Quercy' }],
      },
    });
    expect(contract.status(), await contract.text()).toBe(201);
    const lot = await buyer.post(`/api/contracts/${(await contract.json()).id}/lots`, {
      data: { number: 1, title: 'Couverture', amountCents: 100_000_000, holderSiret: '45312000100012' },
    });
    expect(lot.status(), await lot.text()).toBe(201);
    const clause = await buyer.post(`/api/lots/${(await lot.json()).id}/clause`, {
      data: {
        type: 'execution', method: { method: 'labour_share', amountCents: 100_000_000, labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 },
        settings: { penalty: { model: 'per_hour', rateCents: 3000 } },
      },
    });
    expect(clause.status(), await clause.text()).toBe(201);
  } finally {
    await buyer.dispose();
  }
}

/** From the list of contracts to the clause's « Relances, pénalités et bilan ». */
async function openFollowUp(page: Page, reference: string): Promise<void> {
  await navigate(page, 'Marchés');
  await page.getByLabel(/^Recherche/).fill(reference);
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.getByRole('link', { name: new RegExp(reference) }).first().click();
  await page.getByRole('link', { name: 'Relances, pénalités et bilan du lot 1' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Relances, pénalités et bilan');
}

test('mise en demeure préremplie depuis les chiffres de la clause, modifiée, imprimée ; réponse de l’entreprise ; pénalité et bilan PDF', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const reference = `MED-${runId()}${testInfo.project.name.slice(0, 1)}`;
  await endedContract(baseURL!, reference);

  await signIn(page, ACCOUNTS.buyer);
  await openFollowUp(page, reference);
  await expect(page.getByText('Non conforme').first()).toBeVisible();
  await checkPage(page);

  // The letter starts from the clause's figures and the contract's references; switching to a formal notice rewrites it.
  const text = page.getByLabel(/^Texte du courrier/);
  await expect(text).toHaveValue(/— relance/);
  await page.getByLabel('Mise en demeure (avec un délai)').check();
  const deadline = parisDay(15);
  await page.getByLabel(/Date limite de réponse/).fill(deadline);
  const letter = (await text.inputValue()).replace(/[\u00a0\u202f]/g, ' ');
  expect(letter).toContain(`Objet : Marché ${reference} — lot 1 « Couverture » : clause sociale d’insertion — mise en demeure`);
  expect(letter).toContain('l’article L. 2112-2 du code de la commande publique');
  expect(letter).toContain('833 h d’insertion sont requises');
  expect(letter).toContain('0 h ont été comptées, il manque 833 h');
  expect(letter).toContain(`au plus tard le ${deadline.split('-').reverse().join('/')}`);
  expect(letter).toContain('les pénalités prévues au marché (montant fixe par heure manquante)');
  // Edited before sending: the edit is kept (the template no longer follows the fields).
  await text.fill(`${await text.inputValue()}\n\nCopie : Maison de l’emploi du Lot.`);
  await checkPage(page);
  await page.getByRole('button', { name: 'Envoyer la mise en demeure' }).click();
  await expect(page.getByRole('status')).toContainText('Mise en demeure enregistrée');
  await expect(page.getByText('Envoyée, sans réponse')).toBeVisible();
  await expect(page.locator('blockquote.courrier').first()).toContainText('Copie : Maison de l’emploi du Lot.');

  // The letter as sent, printable: read through the link's address with the buyer's session.
  const href = await page.getByRole('link', { name: /^Imprimer le courrier \(PDF\)/ }).first().getAttribute('href');
  const printed = await page.request.get(`${href}?texte=1`);
  expect(printed.headers()['content-type']).toBe('application/pdf');
  const pdf = pdfText(Buffer.from(await printed.body())).replace(/\s+/g, ' ');
  expect(pdf).toContain('MISE EN DEMEURE');
  expect(pdf).toContain('Copie : Maison de l’emploi du Lot.');
  expect(pdf).toContain(`Délai de réponse : au plus tard le ${deadline.split('-').reverse().join('/')}`);

  // The contractor reads it in its space, and answers with a file.
  const contractor = await newPersonPage(browser, testInfo);
  await signIn(contractor, ACCOUNTS.contractor);
  await expect(contractor.getByRole('status')).toContainText('attend');
  await navigate(contractor, 'Courriers');
  const received = contractor.getByRole('article').filter({ hasText: reference });
  await expect(received).toContainText('Mise en demeure');
  await expect(received.getByRole('link', { name: /^Imprimer le courrier \(PDF\)/ })).toBeVisible();
  await checkPage(contractor);
  await received.getByLabel('Votre réponse').fill('Le recrutement a pris du retard ; nous joignons notre plan de rattrapage.');
  await received.getByLabel(/Pièces jointes/).setInputFiles({ name: 'plan-rattrapage.pdf', mimeType: 'application/pdf', buffer: PDF });
  await received.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(contractor.getByRole('status')).toContainText('Réponse transmise');

  // The buyer sees the answer and records the penalty: 833 h × 30 € = 24 990 €.
  await openFollowUp(page, reference);
  await expect(page.getByText('Le recrutement a pris du retard')).toBeVisible();
  await page.getByLabel(/Appliquer la pénalité/).check();
  await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(page.getByRole('status')).toContainText('Pénalité enregistrée');
  await expect(page.getByTestId('formule-penalite')).toHaveText(FORMULA);
  await checkPage(page);

  // The contractor can no longer answer: the decision shows instead of the form.
  await navigate(contractor, 'Courriers');
  await expect(contractor.getByRole('article').filter({ hasText: reference })).toContainText('Pénalité appliquée');
  await contractor.context().close();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Télécharger le bilan/ }).click()]);
  expect(download.suggestedFilename()).toBe(`bilan-${reference}-lot-1.pdf`);
});

test('page publique de transparence : publiée par l’acheteur, lisible sans compte', async ({ page, browser }, testInfo) => {
  await signIn(page, ACCOUNTS.buyer);
  await navigate(page, 'Transparence');
  await checkPage(page);
  await page.getByLabel('Publier la page de transparence de mon organisation').check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status')).toContainText('La page publique est en ligne');
  const href = await page.getByRole('link', { name: /^\/transparence\// }).getAttribute('href');

  const visitor = await newPersonPage(browser, testInfo);
  await openPublicPage(visitor, href!);
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText('Département du Lot');
  await expect(visitor.getByRole('table').first()).toBeVisible();
  await checkPage(visitor);
});
