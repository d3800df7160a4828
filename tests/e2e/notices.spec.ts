import { expect, request, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signIn, DEMO_PASSWORD } from './support.js';

/**
 * Acting on compliance: the buyer sends a formal notice on a clause that was not met, the contractor
 * answers it in its space with a file, the buyer records the penalty (computed by the application,
 * formula shown) and downloads the end-of-contract assessment PDF. Unique references per run.
 */
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const reference = `MED-${run}`;

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

const parisDay = (offsetDays = 0): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + offsetDays * 86_400_000));

/** A contract of the demo buyer, ended long enough ago for its shortfall to be final (833 h required, none counted, 30 €/h). */
async function endedClause(baseURL: string): Promise<string> {
  const buyer = await request.newContext({ baseURL });
  try {
    expect((await buyer.post('/api/auth/login', { data: { email: 'acheteuse@demo.suivi-clauses.fr', password: DEMO_PASSWORD } })).status()).toBe(200);
    const contract = await buyer.post('/api/contracts', {
      data: {
        reference, object: 'Réfection de la toiture du gymnase de Gourdon', amountCents: 100_000_000,
        startDate: parisDay(-500), endDate: parisDay(-100), holders: [{ siret: '45312000100012', name: 'Bâtiments du Quercy' }],
      },
    });
    expect(contract.status(), await contract.text()).toBe(201);
    const lot = await buyer.post(`/api/contracts/${(await contract.json()).id}/lots`, {
      data: { number: 1, title: `Couverture ${run}`, amountCents: 100_000_000, holderSiret: '45312000100012' },
    });
    expect(lot.status(), await lot.text()).toBe(201);
    const clause = await buyer.post(`/api/lots/${(await lot.json()).id}/clause`, {
      data: {
        type: 'execution',
        method: { method: 'labour_share', amountCents: 100_000_000, labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 },
        settings: { penalty: { model: 'per_hour', rateCents: 3000 } },
      },
    });
    expect(clause.status(), await clause.text()).toBe(201);
    return (await clause.json()).id as string;
  } finally {
    await buyer.dispose();
  }
}

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  return page;
}

test('mise en demeure, réponse de l’entreprise, pénalité et bilan PDF', async ({ browser, baseURL }) => {
  const clauseId = await endedClause(baseURL!);

  // The buyer sends a formal notice with a deadline.
  const buyer = await pageAs(browser, 'acheteuse@demo.suivi-clauses.fr');
  await buyer.goto(`/clauses/${clauseId}/suivi`);
  await expect(buyer.getByRole('heading', { level: 1 })).toContainText('Relances, pénalités et bilan');
  await expect(buyer.getByText('Non conforme').first()).toBeVisible();
  await expectAccessible(buyer);
  await buyer.getByLabel('Mise en demeure (avec un délai)').check();
  await buyer.getByLabel(/Date limite de réponse/).fill(parisDay(15));
  await buyer.getByLabel('Texte du courrier').fill('Les 833 heures d’insertion prévues au CCAP n’ont pas été réalisées. Nous vous mettons en demeure de vous expliquer sous quinze jours.');
  await buyer.getByRole('button', { name: 'Envoyer le courrier' }).click();
  await expect(buyer.getByRole('status')).toContainText('Mise en demeure enregistrée');
  await expect(buyer.getByText('Envoyée, sans réponse')).toBeVisible();

  // The contractor reads it in its space and answers with a file.
  const contractor = await pageAs(browser, 'entreprise@demo.suivi-clauses.fr');
  await contractor.goto('/entreprise/courriers');
  const letter = contractor.getByRole('article').filter({ hasText: reference });
  await expect(letter).toContainText('Mise en demeure');
  await expectAccessible(contractor);
  await letter.getByLabel('Votre réponse').fill('Le recrutement a pris du retard ; nous joignons notre plan de rattrapage.');
  await letter.getByLabel(/Pièces jointes/).setInputFiles({ name: 'plan-rattrapage.pdf', mimeType: 'application/pdf', buffer: PDF });
  await letter.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(contractor.getByRole('status')).toContainText('Réponse transmise');
  await expect(contractor.getByRole('article').filter({ hasText: reference })).toContainText('plan-rattrapage.pdf');

  // The buyer sees the response and records the penalty: 833 h × 30 € = 24 990 €.
  await buyer.goto(`/clauses/${clauseId}/suivi`);
  await expect(buyer.getByText('Le recrutement a pris du retard')).toBeVisible();
  await expect(buyer.getByRole('link', { name: 'plan-rattrapage.pdf' })).toBeVisible();
  await buyer.getByLabel(/Appliquer la pénalité/).check();
  await buyer.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(buyer.getByRole('status')).toContainText('Pénalité enregistrée');
  await expect(buyer.getByTestId('formule-penalite')).toHaveText('833 h × 30,00 €/h = 24 990,00 €');
  await expect(buyer.getByRole('table', { name: 'Chiffres de la pénalité' })).toContainText('manque 833 h ; 30,00 € par heure');
  await expectAccessible(buyer);

  // The contractor can no longer answer: the decision is shown instead of the form.
  await contractor.reload();
  const decided = contractor.getByRole('article').filter({ hasText: reference });
  await expect(decided).toContainText('Pénalité appliquée');
  await expect(decided.getByRole('button', { name: 'Envoyer la réponse' })).toHaveCount(0);

  // The buyer downloads the assessment.
  const [download] = await Promise.all([buyer.waitForEvent('download'), buyer.getByRole('link', { name: /Télécharger le bilan/ }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^bilan-${reference}-lot-1\\.pdf$`));
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const content = await readFile(path!);
  expect(content.subarray(0, 5).toString()).toBe('%PDF-');
  expect(content.length).toBeGreaterThan(1500);
});

test('page publique de transparence : activée par l’acheteur, lisible sans connexion', async ({ browser }) => {
  const buyer = await pageAs(browser, 'acheteuse@demo.suivi-clauses.fr');
  await buyer.goto('/acheteur/transparence');
  await expectAccessible(buyer);
  await buyer.getByLabel('Publier la page de transparence de mon organisation').check();
  await buyer.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(buyer.getByRole('status')).toContainText('La page publique est en ligne');
  const href = await buyer.getByRole('link', { name: /^\/transparence\// }).getAttribute('href');

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(href!);
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText('Département du Lot');
  await expect(visitor.getByRole('table').first()).toBeVisible();
  await expectAccessible(visitor);
});
