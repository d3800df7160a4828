import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessible, signIn, DEMO_PASSWORD } from './support.js';

/**
 * The facilitator's journey: register a person, validate her eligibility with a proof, open a need,
 * read the ranked candidates with their reasons, propose her to the company holding the lot, which
 * accepts, place her from the accepted proposal, then end the placement. The e2e database persists
 * between runs: every name and reference is unique to the run.
 */
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const lastName = `Essai-${run}`;
const firstName = 'Camille';

/** A tiny but well-formed PDF (the API checks the content, not the name). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

const parisDay = (offsetDays = 0): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + offsetDays * 86_400_000));

/** The demo buyer mandates the demo facilitation structure and notifies a contract with one lot carrying a clause. */
async function lotOfTheDemoBuyer(baseURL: string): Promise<string> {
  const buyer: APIRequestContext = await request.newContext({ baseURL });
  try {
    const login = await buyer.post('/api/auth/login', { data: { email: 'acheteuse@demo.suivi-clauses.fr', password: DEMO_PASSWORD } });
    expect(login.status(), await login.text()).toBe(200);
    const mandates = (await (await buyer.get('/api/mandates')).json()) as { items: { facilitator: { siret: string | null } }[] };
    if (!mandates.items.some((m) => m.facilitator.siret === '33012000400040')) {
      const mandate = await buyer.post('/api/mandates', { data: { facilitatorSiret: '33012000400040' } });
      expect(mandate.status(), await mandate.text()).toBe(201);
    }
    const contract = await buyer.post('/api/contracts', {
      data: {
        reference: `E2E-${run}`,
        object: 'Aménagement des espaces verts du collège Olivier de Magny à Cahors',
        amountCents: 50_000_000,
        startDate: parisDay(-30),
        endDate: parisDay(365),
        holders: [{ siret: '45312000100012', name: 'Bâtiments du Quercy' }],
      },
    });
    expect(contract.status(), await contract.text()).toBe(201);
    const contractId = (await contract.json()).id as string;
    const lot = await buyer.post(`/api/contracts/${contractId}/lots`, {
      data: { number: 1, title: `Espaces verts ${run}`, amountCents: 50_000_000, holderSiret: '45312000100012' },
    });
    expect(lot.status(), await lot.text()).toBe(201);
    const lotId = (await lot.json()).id as string;
    const clause = await buyer.post(`/api/lots/${lotId}/clause`, {
      data: { type: 'execution', method: { method: 'labour_share', amountCents: 50_000_000, labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 } },
    });
    expect(clause.status(), await clause.text()).toBe(201);
    return `E2E-${run}`;
  } finally {
    await buyer.dispose();
  }
}

/** Types in an autocomplete field, waits for the server's suggestions, and takes the one matching `pick`. */
async function choose(page: Page, label: string | RegExp, typed: string, pick: RegExp): Promise<void> {
  const input = page.getByLabel(label);
  await input.click();
  await input.pressSequentially(typed, { delay: 30 });
  const listId = await input.getAttribute('list');
  await expect.poll(async () => (await page.locator(`datalist#${listId} option`).evaluateAll((os) => os.map((o) => o.getAttribute("value") ?? ""))).some((v) => pick.test(v))).toBe(true);
  const values = await page.locator(`datalist#${listId} option`).evaluateAll((os) => os.map((o) => o.getAttribute("value") ?? ""));
  await input.fill(values.find((v) => pick.test(v))!);
}

test('facilitateur : inscrit une personne, valide son éligibilité avec un justificatif, la retrouve classée sur un besoin et la met en poste', async ({ page, baseURL, browser }) => {
  test.setTimeout(180_000);
  const reference = await lotOfTheDemoBuyer(baseURL!);

  await signIn(page, 'facilitatrice@demo.suivi-clauses.fr');
  await expect(page).toHaveURL(/\/facilitateur$/);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Participants' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Participants');
  await expectAccessible(page);

  // Inscription
  await page.getByRole('link', { name: 'Inscrire un participant' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inscrire un participant');
  await expectAccessible(page);
  await page.getByLabel('Nom *', { exact: true }).fill(lastName);
  await page.getByLabel('Prénom *', { exact: true }).fill(firstName);
  await page.getByLabel('Date de naissance *', { exact: true }).fill('1994-06-18');
  await page.getByLabel('Femme', { exact: true }).check();
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(`camille.${run}@exemple.fr`);
  await choose(page, /Commune de résidence/, 'Cahors', /^46042 /);
  await page.getByLabel('Ne réside pas en QPV', { exact: true }).check();
  await page.getByLabel(/Adresse vérifiée/).fill('3 rue du Château-du-Roi, 46000 Cahors');
  await page.getByLabel('Date de la vérification', { exact: true }).fill(parisDay());
  await page.getByLabel('Niveau de formation *', { exact: true }).selectOption('level_3');
  await page.getByLabel('Oui', { exact: true }).check();
  await page.getByLabel('Rayon de mobilité (km) *', { exact: true }).fill('30');
  await choose(page, /^Métier visé/, 'Jardinier', /^16069 /);
  await page.getByLabel('Disponible à partir du *', { exact: true }).fill(parisDay());
  await page.getByRole('button', { name: 'Inscrire le participant' }).click();

  await expect(page).toHaveURL(/\/facilitateur\/participants\/[0-9a-f-]{36}\?inscrit$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${lastName} ${firstName}`);
  await expect(page.getByRole('status')).toHaveText('Participant inscrit.');
  await expect(page.getByText('Jardinier / Jardinière paysagiste (A1203)')).toBeVisible();
  await expectAccessible(page);

  // Éligibilité avec justificatif
  await page.getByLabel(/Bénéficiaire du RSA/).check();
  await page.getByLabel(/^Fichier/).setInputFiles({ name: `attestation-rsa-${run}.pdf`, mimeType: 'application/pdf', buffer: PDF });
  await page.getByLabel('Date du justificatif', { exact: true }).fill(parisDay(-3));
  await page.getByRole('button', { name: 'Valider l’éligibilité' }).click();
  await expect(page.getByRole('status')).toHaveText('Éligibilité validée.');
  await expect(page.getByRole('link', { name: new RegExp(`justificatif attestation-rsa-${run}\\.pdf`) })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Utilisable' })).toBeVisible();
  await expectAccessible(page);

  // Besoin sur le lot du marché de l’acheteur mandant
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Besoins de recrutement' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Besoins de recrutement');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Enregistrer un besoin' }).click();
  await expectAccessible(page);
  await page.getByLabel('Lot *', { exact: true }).selectOption({ label: `${reference} — lot 1 : Espaces verts ${run} (Bâtiments du Quercy)` });
  await choose(page, /^Métier \*/, 'Jardinier', /^16069 /);
  await choose(page, /Commune du chantier/, 'Cahors', /^46042 /);
  await page.getByLabel('Date de début *', { exact: true }).fill(parisDay(14));
  await page.getByLabel('Durée (semaines) *', { exact: true }).fill('8');
  await page.getByLabel(/Heures par semaine/).fill('35');
  await page.getByRole('button', { name: 'Enregistrer le besoin' }).click();

  await expect(page).toHaveURL(/\/facilitateur\/besoins\/[0-9a-f-]{36}\?cree$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jardinier / Jardinière paysagiste à Cahors');
  // Our person is ranked, with the reasons of her rank (earlier runs' people may be ranked too).
  const ours = page.getByRole('row').filter({ hasText: `${lastName} ${firstName}` });
  await expect(ours).toContainText('Jardinier / Jardinière paysagiste — même métier');
  await expect(ours).toContainText('0 km');
  await expect(ours).toContainText(/Éligible jusqu’au \d{2}\/\d{2}\/\d{4}/);
  await expectAccessible(page);

  // « Proposer à l’entreprise » : the company holding the lot sees her without any eligibility criterion, and accepts.
  const needUrl = page.url().replace(/\?cree$/, '');
  await ours.getByRole('button', { name: `Proposer à l’entreprise : ${firstName} ${lastName}` }).click();
  await expect(page.getByRole('status')).toHaveText(`${firstName} ${lastName} est proposé·e à l’entreprise.`);
  const proposals = page.getByRole('region', { name: /Propositions à l’entreprise/ });
  await expect(proposals.getByRole('row').filter({ hasText: `${lastName} ${firstName}` })).toContainText('En attente de réponse');
  await expectAccessible(page);

  const companyContext = await browser.newContext({ baseURL, locale: 'fr-FR' });
  const company = await companyContext.newPage();
  try {
    await signIn(company, 'entreprise@demo.suivi-clauses.fr');
    await expect(company).toHaveURL(/\/entreprise$/);
    await company.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Candidatures proposées' }).click();
    await expect(company.getByRole('heading', { level: 1 })).toHaveText('Candidatures proposées');
    const card = company.getByRole('article').filter({ hasText: `Espaces verts ${run}` });
    await expect(card.getByRole('heading')).toHaveText(`${firstName} E. — Jardinier / Jardinière paysagiste`);
    await expect(card).toContainText('Cahors');
    await expect(card).toContainText(/éligible jusqu’au \d{2}\/\d{2}\/\d{4}/);
    await expect(company.locator('main')).not.toContainText('RSA');
    await expect(company.locator('main')).not.toContainText(lastName);
    await expectAccessible(company);
    // Declining without a reason is refused, in French, at the field.
    await card.getByRole('button', { name: `Refuser la candidature de ${firstName} E.` }).click();
    await expect(card.locator('p.erreur-champ')).toHaveText('Indiquez le motif du refus.');
    await card.getByRole('button', { name: `Accepter la candidature de ${firstName} E.` }).click();
    await expect(company.getByRole('status')).toHaveText(`Candidature de ${firstName} E. acceptée.`);
    await expect(company.getByRole('region', { name: /Déjà traitées/ }).getByRole('row').filter({ hasText: `Espaces verts ${run}` })).toContainText('Acceptée par l’entreprise');
    await expectAccessible(company);
  } finally {
    await companyContext.close();
  }

  // Back on the need: the answer is there; the placement form of the accepted proposal is prefilled.
  await page.goto(needUrl);
  const answered = proposals.getByRole('row').filter({ hasText: `${lastName} ${firstName}` });
  await expect(answered).toContainText('Acceptée par l’entreprise');
  await answered.getByText(`Mettre en poste ${firstName} ${lastName}`).click();
  await expect(answered.getByLabel('Employeur')).toHaveValue('Bâtiments du Quercy');
  await expectAccessible(page);
  await answered.getByRole('button', { name: `Confirmer la mise en poste de ${firstName} ${lastName}` }).click();
  await expect(page.getByRole('status')).toHaveText(`${firstName} ${lastName} est mis·e en poste.`);
  await expect(answered).toContainText('Mise en poste faite');
  await expect(page.getByRole('button', { name: `Placer ${firstName} ${lastName}` })).toHaveCount(0);

  // The placement's end, from the placements page (then the six-month follow-up is due).
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mises en poste' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mises en poste');
  const running = page.getByRole('row').filter({ hasText: `${lastName} ${firstName}` });
  await running.getByText('Terminer').click();
  await running.getByRole('button', { name: `Enregistrer la fin de ${firstName} ${lastName}` }).click();
  await expect(page.getByRole('status')).toContainText(`Fin de la mise en poste de ${firstName} ${lastName} enregistrée`);
  await expect(page.getByRole('region', { name: /Terminées/ }).getByRole('row').filter({ hasText: `${lastName} ${firstName}` })).toContainText('Attendu le');
  await expectAccessible(page);
});

test('facilitateur : une inscription invalide montre l’erreur au bon champ, en français, sans perdre la saisie', async ({ page }) => {
  await signIn(page, 'facilitatrice@demo.suivi-clauses.fr');
  await expect(page).toHaveURL(/\/facilitateur$/);
  await page.goto('/facilitateur/participants/nouveau');
  await page.getByLabel('Nom *', { exact: true }).fill(lastName);
  await page.getByLabel('Prénom *', { exact: true }).fill('Sans-commune');
  await page.getByLabel('Date de naissance *', { exact: true }).fill('1994-06-18');
  await page.getByLabel('Homme', { exact: true }).check();
  await page.getByLabel(/Commune de résidence/).fill('Ville imaginaire');
  await page.getByLabel(/^Métier visé/).fill('16069');
  await page.getByLabel('Disponible à partir du *', { exact: true }).fill(parisDay());
  await page.getByRole('button', { name: 'Inscrire le participant' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByText('Choisissez une commune dans la liste.')).toBeVisible();
  await expect(page.getByLabel(/Commune de résidence/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Nom *', { exact: true })).toHaveValue(lastName);
  await expectAccessible(page);
});
