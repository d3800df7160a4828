import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, apiAs, checkPage, navigate, newPersonPage, parisDay, PDF, runId, signIn } from './support.js';

/**
 * The facilitator's journey, by links only: register a person, validate her eligibility (criteria by
 * family) with a proof, open a need, read the ranked candidates and the people set aside with why,
 * propose her to the company holding the lot, which accepts, place her, end the placement, and read
 * her record: eligibility, proposal, placement with its hours month by month, exit and follow-up,
 * documents, and who read it. The buyer's contract and a second person are set up through the API.
 */
async function setUp(baseURL: string, run: string): Promise<{ reference: string; setAside: string }> {
  const buyer = await apiAs(baseURL, ACCOUNTS.buyer);
  const facilitator = await apiAs(baseURL, ACCOUNTS.facilitator);
  try {
    const mandates = (await (await buyer.get('/api/mandates')).json()) as { items: { facilitator: { siret: string | null } }[] };
    if (!mandates.items.some((m) => m.facilitator.siret === '33012000400040')) {
      expect((await buyer.post('/api/mandates', { data: { facilitatorSiret: '33012000400040' } })).status()).toBe(201);
    }
    const contract = await buyer.post('/api/contracts', {
      data: {
        reference: `E2E-${run}`, object: 'Aménagement des espaces verts du collège Olivier de Magny à Cahors', amountCents: 50_000_000,
        startDate: parisDay(-30), endDate: parisDay(365), holders: [{ siret: '45312000100012', name: 'Bâtiments du Quercy' }],
      },
    });
    expect(contract.status(), await contract.text()).toBe(201);
    const lot = await buyer.post(`/api/contracts/${(await contract.json()).id}/lots`, {
      data: { number: 1, title: `Espaces verts ${run}`, amountCents: 50_000_000, holderSiret: '45312000100012' },
    });
    expect(lot.status(), await lot.text()).toBe(201);
    const clause = await buyer.post(`/api/lots/${(await lot.json()).id}/clause`, {
      data: {
        type: 'execution', targetPublics: ['RSA', 'DELD_12'],
        method: { method: 'labour_share', amountCents: 50_000_000, labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 },
      },
    });
    expect(clause.status(), await clause.text()).toBe(201);
    // Someone of the structure who wants the same job nearby, but holds none of the clause's target publics.
    const lastName = `Écartée-${run}`;
    const person = await facilitator.post('/api/participants', {
      data: {
        lastName, firstName: 'Léa', birthDate: '2004-03-02', sex: 'female', email: null, phone: null, communeCode: '46042', qpvStatus: 'unknown',
        qpvAddress: null, qpvCheckedOn: null, educationLevel: 'level_3', drivingLicence: false, mobilityRadiusKm: 20,
        targetAppellationCodes: ['16069'], availableFrom: parisDay(-10),
      },
    });
    expect(person.status(), await person.text()).toBe(201);
    const eligibility = await facilitator.post(`/api/participants/${(await person.json()).id}/eligibilities`, {
      multipart: { data: JSON.stringify({ validatedAt: parisDay(-5), criteria: [{ code: 'JEUNE', proofDate: null, proofFile: 'proof-0' }] }), 'proof-0': { name: 'identite.pdf', mimeType: 'application/pdf', buffer: PDF } },
    });
    expect(eligibility.status(), await eligibility.text()).toBe(201);
    return { reference: `E2E-${run}`, setAside: `${lastName} Léa` };
  } finally {
    await buyer.dispose();
    await facilitator.dispose();
  }
}

/** Types in an autocomplete field, waits for the server's suggestions, and takes the one matching `pick`. */
async function choose(page: Page, label: string | RegExp, typed: string, pick: RegExp): Promise<void> {
  const input = page.getByLabel(label);
  await input.click();
  await input.pressSequentially(typed, { delay: 30 });
  const listId = await input.getAttribute('list');
  const values = () => page.locator(`datalist#${listId} option`).evaluateAll((os) => os.map((o) => o.getAttribute('value') ?? ''));
  await expect.poll(async () => (await values()).some((v) => pick.test(v))).toBe(true);
  await input.fill((await values()).find((v) => pick.test(v))!);
}

/** Back to the person's record through the list of participants. */
async function openRecord(page: Page, name: string): Promise<void> {
  await navigate(page, 'Participants');
  await page.getByLabel('Nom ou prénom').fill(name.split(' ')[0]!);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

test('facilitateur : inscrit, valide l’éligibilité par famille de critères, rapproche (et voit qui est écarté), propose, place, termine, et lit le dossier complet', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  const run = `${runId()}${testInfo.project.name.slice(0, 1)}`;
  const { reference, setAside } = await setUp(baseURL!, run);
  const lastName = `Essai-${run}`;
  const firstName = 'Camille';

  await signIn(page, ACCOUNTS.facilitator);
  await expect(page).toHaveURL(/\/facilitateur$/);
  await navigate(page, 'Participants');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Participants');
  await checkPage(page);

  // Registration.
  await page.getByRole('link', { name: 'Inscrire un participant' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inscrire un participant');
  await checkPage(page);
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
  await checkPage(page);

  // Eligibility: the criteria by family, sorted, the three long-term unemployment ones told apart.
  await page.getByRole('link', { name: `Valider l’éligibilité de ${firstName} ${lastName}` }).click();
  const families = page.getByRole('group', { name: 'Critères constatés' }).getByRole('group');
  await expect(families.first()).toHaveAccessibleName('Recherche d’emploi');
  await expect(families.first().getByRole('checkbox')).toHaveCount(3);
  await expect(families.first()).toContainText('critère des clauses');
  await expect(families.first()).toContainText('critère IAE de niveau 1');
  await expect(page.getByRole('group', { name: 'Âge' }).locator('label')).toHaveText([/^\s*Jeune \(moins de 26 ans\)/, /^\s*Jeune de moins de 26 ans sorti/, /^\s*Senior/]);
  await checkPage(page);
  await page.getByRole('group', { name: 'Minima sociaux' }).getByLabel(/Bénéficiaire du RSA/).check();
  await page.getByLabel(/^Fichier/).setInputFiles({ name: `attestation-rsa-${run}.pdf`, mimeType: 'application/pdf', buffer: PDF });
  await page.getByLabel('Date du justificatif', { exact: true }).fill(parisDay(-3));
  await page.getByRole('button', { name: 'Valider l’éligibilité' }).click();
  await expect(page.getByRole('status')).toHaveText('Éligibilité validée.');
  const eligibility = page.getByRole('region', { name: 'Éligibilité' });
  await expect(eligibility.getByRole('heading', { level: 4 })).toHaveText(['Minima sociaux']);
  await expect(eligibility.getByRole('link', { name: new RegExp(`justificatif attestation-rsa-${run}\\.pdf`) })).toBeVisible();
  await expect(eligibility).toContainText('Utilisable');
  await checkPage(page);

  // A need on the lot of the mandating buyer: the ranked candidates, and who was set aside and why.
  await navigate(page, 'Besoins de recrutement');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Besoins de recrutement');
  await checkPage(page);
  await page.getByRole('link', { name: 'Enregistrer un besoin' }).click();
  await checkPage(page);
  await page.getByLabel('Lot *', { exact: true }).selectOption({ label: `${reference} — lot 1 : Espaces verts ${run} (Bâtiments du Quercy)` });
  await choose(page, /^Métier \*/, 'Jardinier', /^16069 /);
  await choose(page, /Commune du chantier/, 'Cahors', /^46042 /);
  await page.getByLabel('Date de début *', { exact: true }).fill(parisDay(14));
  await page.getByLabel('Durée (semaines) *', { exact: true }).fill('8');
  await page.getByLabel(/Heures par semaine/).fill('35');
  await page.getByRole('button', { name: 'Enregistrer le besoin' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jardinier / Jardinière paysagiste à Cahors');
  const ours = page.getByRole('row').filter({ hasText: `${lastName} ${firstName}` });
  await expect(ours).toContainText('Jardinier / Jardinière paysagiste — même métier');
  await expect(ours).toContainText(/Éligible jusqu’au \d{2}\/\d{2}\/\d{4}/);
  await page.getByText(/personnes? écartées?, et pourquoi/).click();
  await expect(page.getByRole('listitem').filter({ hasText: setAside })).toContainText(/public/i);
  await checkPage(page);

  // Proposed to the company holding the lot, which accepts (without ever seeing the criteria).
  await ours.getByRole('button', { name: `Proposer à l’entreprise : ${firstName} ${lastName}` }).click();
  await expect(page.getByRole('status')).toHaveText(`${firstName} ${lastName} est proposé·e à l’entreprise.`);
  const company = await newPersonPage(browser, testInfo);
  await signIn(company, ACCOUNTS.contractor);
  await navigate(company, 'Candidatures proposées');
  const card = company.getByRole('article').filter({ hasText: `Espaces verts ${run}` });
  await expect(card.getByRole('heading')).toHaveText(`${firstName} E. — Jardinier / Jardinière paysagiste`);
  await expect(company.locator('main')).not.toContainText('RSA');
  await expect(company.locator('main')).not.toContainText(lastName);
  await checkPage(company);
  await card.getByRole('button', { name: `Refuser la candidature de ${firstName} E.` }).click();
  await expect(card.locator('p.erreur-champ')).toHaveText('Indiquez le motif du refus.');
  await card.getByRole('button', { name: `Accepter la candidature de ${firstName} E.` }).click();
  await expect(company.getByRole('status')).toHaveText(`Candidature de ${firstName} E. acceptée.`);
  await company.context().close();

  // Back on the need (from the list): the answer is there; the placement form of the accepted proposal is prefilled.
  await navigate(page, 'Besoins de recrutement');
  await page.getByRole('row').filter({ hasText: `Espaces verts ${run}` }).getByRole('link').first().click();
  const proposals = page.getByRole('region', { name: /Propositions à l’entreprise/ });
  const answered = proposals.getByRole('row').filter({ hasText: `${lastName} ${firstName}` });
  await expect(answered).toContainText('Acceptée par l’entreprise');
  await answered.getByText(`Mettre en poste ${firstName} ${lastName}`).click();
  await expect(answered.getByLabel('Employeur')).toHaveValue('Bâtiments du Quercy');
  await answered.getByRole('button', { name: `Confirmer la mise en poste de ${firstName} ${lastName}` }).click();
  await expect(page.getByRole('status')).toHaveText(`${firstName} ${lastName} est mis·e en poste.`);
  await checkPage(page);

  // The placement's end, from the placements page.
  await navigate(page, 'Mises en poste');
  const running = page.getByRole('row').filter({ hasText: `${lastName} ${firstName}` });
  await running.getByText('Terminer').click();
  await running.getByRole('button', { name: `Enregistrer la fin de ${firstName} ${lastName}` }).click();
  await expect(page.getByRole('status')).toContainText(`Fin de la mise en poste de ${firstName} ${lastName} enregistrée`);
  await checkPage(page);

  // Her record: everything in one place, and who read it.
  await openRecord(page, `${lastName} ${firstName}`);
  await expect(page.getByRole('region', { name: /Propositions aux entreprises/ })).toContainText('Acceptée par l’entreprise');
  const placement = page.getByRole('article').filter({ hasText: `Espaces verts ${run}` });
  await expect(placement).toContainText('Heures comptées');
  // The placement starts in two weeks: no month to declare yet.
  await expect(placement).toContainText('Pas encore de mois à déclarer');
  await expect(page.getByRole('region', { name: 'Sorties et suivi à six mois' })).toContainText('Attendu le');
  await expect(page.getByRole('region', { name: /^Documents/ })).toContainText(`attestation-rsa-${run}.pdf`);
  const reads = page.getByRole('region', { name: 'Qui a consulté ce dossier' });
  await expect(reads).toContainText('Dossier consulté');
  await expect(reads).toContainText('Critères d’éligibilité consultés');
  await checkPage(page);
});

test('facilitateur : une inscription invalide montre l’erreur au bon champ, en français, sans perdre la saisie', async ({ page }) => {
  const lastName = `Essai-${runId()}`;
  await signIn(page, ACCOUNTS.facilitator);
  await navigate(page, 'Participants');
  await page.getByRole('link', { name: 'Inscrire un participant' }).click();
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
  await checkPage(page);
});

test('la facilitatrice corrige la fiche d’une personne : le formulaire est prérempli, rien d’autre ne change', async ({ page }) => {
  await signIn(page, ACCOUNTS.facilitator);
  await navigate(page, 'Participants');
  await page.getByRole('link', { name: /Fabre/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Fabre/ })).toBeVisible();
  const situation = page.getByRole('region', { name: 'Identité et situation' });
  const before = (await situation.textContent()) ?? '';
  await page.getByRole('link', { name: /Modifier l’identité et la situation/ }).click();
  await expect(page.getByLabel('Nom *', { exact: true })).toHaveValue(/Fabre/i);
  await expect(page.getByLabel(/^Commune de résidence/)).toHaveValue(/^\d[\dAB]\d{3} — /);
  await checkPage(page);
  const phone = `05 65 ${String(Date.now() % 100).padStart(2, '0')} 12 34`;
  await page.getByLabel('Téléphone').fill(phone);
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByRole('status')).toHaveText('Modifications enregistrées.');
  await expect(situation).toContainText(phone);
  const after = ((await situation.textContent()) ?? '').replace(/Contact.*?(?=Commune)/s, '');
  expect(after).toBe(before.replace(/Contact.*?(?=Commune)/s, ''));
});
