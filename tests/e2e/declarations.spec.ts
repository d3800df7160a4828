import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessible, signIn, DEMO_PASSWORD } from './support.js';

/**
 * The declarations' journey: the contractor declares a month by hand and imports the statement built
 * from the downloaded template; the facilitator rejects one line with a reason, the contractor corrects
 * it, the facilitator validates; the clause's counted hours move on the pages accordingly.
 * The e2e database persists between runs: the contract, lot and people are unique to the run, set up
 * through the API (the buyer's and the facilitator's own journeys are tested elsewhere).
 */
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const CONTRACTOR = 'entreprise@demo.suivi-clauses.fr';
const FACILITATOR = 'facilitatrice@demo.suivi-clauses.fr';
const QUERCY = '45312000100012';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

const parisDay = (offsetDays = 0): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + offsetDays * 86_400_000));
const addMonths = (month: string, n: number): string => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const monthLabel = (month: string): string => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** Two months already over: the first one declared by hand, the second one imported. */
const current = parisDay().slice(0, 7);
const first = addMonths(current, -2);
const second = addMonths(current, -1);

async function signedIn(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL });
  const login = await context.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  return context;
}

interface Setup {
  reference: string;
  contractId: string;
  lotLabel: string;
  people: { id: string; firstName: string; lastName: string; placementId: string }[];
}

/**
 * The demo buyer notifies a contract to Bâtiments du Quercy (the demo contractor) with one lot and a
 * clause; the demo facilitator registers two people, validates their eligibility and places them on
 * the lot from the first day of `first`.
 */
async function setUp(baseURL: string): Promise<Setup> {
  const buyer = await signedIn(baseURL, 'acheteuse@demo.suivi-clauses.fr');
  const facilitator = await signedIn(baseURL, FACILITATOR);
  try {
    const mandates = (await (await buyer.get('/api/mandates')).json()) as { items: { facilitator: { siret: string | null } }[] };
    if (!mandates.items.some((m) => m.facilitator.siret === '33012000400040')) {
      const mandate = await buyer.post('/api/mandates', { data: { facilitatorSiret: '33012000400040' } });
      expect(mandate.status(), await mandate.text()).toBe(201);
    }
    const reference = `DECL-${run}`;
    const contract = await buyer.post('/api/contracts', {
      data: {
        reference, object: 'Réhabilitation de la halle de Cahors', amountCents: 80_000_000, startDate: parisDay(-150), endDate: parisDay(365),
        holders: [{ siret: QUERCY, name: 'Bâtiments du Quercy' }],
      },
    });
    expect(contract.status(), await contract.text()).toBe(201);
    const contractId = (await contract.json()).id as string;
    const lot = await buyer.post(`/api/contracts/${contractId}/lots`, {
      data: { number: 1, title: `Gros œuvre ${run}`, amountCents: 80_000_000, holderSiret: QUERCY },
    });
    expect(lot.status(), await lot.text()).toBe(201);
    const lotId = (await lot.json()).id as string;
    const clause = await buyer.post(`/api/lots/${lotId}/clause`, {
      data: { type: 'execution', method: { method: 'labour_share', amountCents: 80_000_000, labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 } },
    });
    expect(clause.status(), await clause.text()).toBe(201);

    const people: Setup['people'] = [];
    for (const firstName of ['Inès', 'Louis']) {
      const lastName = `Décl-${run}-${firstName === 'Inès' ? 'A' : 'B'}`;
      const participant = await facilitator.post('/api/participants', {
        data: {
          lastName, firstName, birthDate: '1991-02-03', sex: firstName === 'Inès' ? 'female' : 'male', email: null, phone: null, communeCode: '46042',
          qpvStatus: 'no', qpvAddress: '12 rue Nationale, 46000 Cahors', qpvCheckedOn: parisDay(-120), educationLevel: 'level_3', drivingLicence: true,
          mobilityRadiusKm: 30, targetAppellationCodes: ['16250'], availableFrom: parisDay(-120),
        },
      });
      expect(participant.status(), await participant.text()).toBe(201);
      const id = (await participant.json()).id as string;
      const eligibility = await facilitator.post(`/api/participants/${id}/eligibilities`, {
        multipart: {
          data: JSON.stringify({ validatedAt: parisDay(-110), criteria: [{ code: 'RSA', proofDate: parisDay(-115), proofFile: 'proof-0' }] }),
          'proof-0': { name: 'attestation-rsa.pdf', mimeType: 'application/pdf', buffer: PDF },
        },
      });
      expect(eligibility.status(), await eligibility.text()).toBe(201);
      const placement = await facilitator.post('/api/placements', {
        data: {
          participantId: id, lotId, modality: 'direct_hire', contractType: 'cdi', employerName: 'Bâtiments du Quercy', employerSiret: QUERCY,
          startDate: `${first}-01`, weeklyMinutes: 35 * 60, appellationCode: '16250',
        },
      });
      expect(placement.status(), await placement.text()).toBe(201);
      people.push({ id, firstName, lastName, placementId: (await placement.json()).id });
    }
    return { reference, contractId, lotLabel: `Lot 1 — Gros œuvre ${run}`, people };
  } finally {
    await buyer.dispose();
    await facilitator.dispose();
  }
}

/** The "Comptées" and "En attente de validation" figures of our lot on the contractor's home page. */
async function lotFigures(page: Page, lotLabel: string): Promise<{ counted: string; pending: string }> {
  await page.goto('/entreprise');
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(lotLabel) }) });
  await expect(row).toHaveCount(1);
  const cells = row.getByRole('cell');
  const text = async (i: number) => ((await cells.nth(i).textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
  return { counted: await text(1), pending: await text(2) };
}

/** The buyer's contract page: the clause's counted hours (« Conformité à ce jour : … comptées sur … »). */
async function buyerCounted(page: Page, contractId: string): Promise<string> {
  await page.goto(`/marches/${contractId}`);
  const text = ((await page.getByText(/^Conformité à ce jour/).textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');
  return /: (.+?) comptées/.exec(text)?.[1] ?? text;
}

async function attachProof(page: Page): Promise<void> {
  await page.getByLabel('Type de justificatif').selectOption('payslip');
  await page.getByLabel(/^Fichier/).setInputFiles({ name: `bulletin-${run}.pdf`, mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Joindre le justificatif' }).click();
  await expect(page.getByRole('link', { name: `bulletin-${run}.pdf` })).toBeVisible();
}

test('déclarations : saisie et import d’un relevé, rejet motivé, correction, validation, heures comptées', async ({ page, baseURL, browser }) => {
  test.setTimeout(180_000);
  const setup = await setUp(baseURL!);
  const [ines, louis] = setup.people as [Setup['people'][number], Setup['people'][number]];

  // The buyer's contract page: nothing counted yet.
  const buyerContext = await browser.newContext({ baseURL, locale: 'fr-FR' });
  const buyer = await buyerContext.newPage();
  await signIn(buyer, 'acheteuse@demo.suivi-clauses.fr');
  await expect(buyer).toHaveURL(/\/acheteur$/);
  expect(await buyerCounted(buyer, setup.contractId)).toBe('0 h');
  await expectAccessible(buyer);

  // Contractor: nothing counted yet on the new lot.
  await signIn(page, CONTRACTOR);
  await expect(page).toHaveURL(/\/entreprise$/);
  expect(await lotFigures(page, setup.lotLabel)).toEqual({ counted: '0 h', pending: '0 h' });
  await expectAccessible(page);

  // 1. Declares the first month by hand.
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: /Déclarer/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Déclarer mes heures');
  await expectAccessible(page);
  await page.getByRole('link', { name: `Déclarer ${monthLabel(first)} pour ${ines.firstName} ${ines.lastName}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Déclarer ${monthLabel(first)} pour ${ines.firstName} ${ines.lastName}`);
  await expectAccessible(page);
  await page.getByLabel(/^Heures travaillées sur le lot/).fill('140');
  await page.getByLabel(/^Commentaire/).fill('Mois complet');
  await page.getByRole('button', { name: 'Transmettre la déclaration' }).click();
  await expect(page).toHaveURL(/\/entreprise\/declarations\/[0-9a-f-]{36}\?enregistree$/);
  await expect(page.getByRole('status')).toHaveText('Déclaration transmise au facilitateur.');
  await expect(page.getByText('140 h', { exact: true })).toBeVisible();
  await attachProof(page);
  await expectAccessible(page);

  // 2. Imports the second month: the downloaded template, hours filled in for our two people.
  await page.goto('/entreprise/imports');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importer un relevé mensuel');
  await expectAccessible(page);
  await page.getByLabel('Mois', { exact: true }).fill(second);
  await page.getByLabel('Format').selectOption('csv');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le modèle' }).click()]);
  expect(download.suggestedFilename()).toBe(`releve-heures-${second}.csv`);
  const template = (await (await download.createReadStream()).toArray()).map((chunk) => Buffer.from(chunk)).join('').replace(/^\uFEFF/, '');
  const [header, ...rows] = template.split(/\r?\n/).filter(Boolean);
  const headers = header!.split(';').map((h) => h.replace(/^"|"$/g, ''));
  expect(headers).toEqual(expect.arrayContaining(['Référence de la mise en poste', 'Mois', 'Heures travaillées sur le lot', 'Commentaire']));
  const hoursByPlacement = new Map([[ines.placementId, '147'], [louis.placementId, '151,67']]);
  const filled = rows
    .map((row) => row.split(';'))
    .filter((cells) => hoursByPlacement.has(cells[0]!.replace(/"/g, '')))
    .map((cells) => {
      cells[headers.indexOf('Heures travaillées sur le lot')] = hoursByPlacement.get(cells[0]!.replace(/"/g, ''))!;
      return cells.join(';');
    });
  expect(filled).toHaveLength(2);
  await page.getByLabel(/^Relevé \.xlsx/).setInputFiles({ name: `releve-${second}.csv`, mimeType: 'text/csv', buffer: Buffer.from([header, ...filled].join('\r\n'), 'utf8') });
  await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
  await expect(page).toHaveURL(/\/entreprise\/imports\/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Relevé « releve-${second}.csv »`);
  await expect(page.getByText('2 lues : 2 nouvelles')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Confirmer et transmettre 2 déclarations' }).click();
  await expect(page.getByRole('status')).toContainText('Relevé enregistré : 2 déclarations créées, 0 modifiée, 0 inchangée.');
  await expectAccessible(page);

  // Transmitted, not counted yet.
  expect(await lotFigures(page, setup.lotLabel)).toEqual({ counted: '0 h', pending: '438 h 40 min' });

  // Proofs for the two imported declarations.
  for (const person of [ines, louis]) {
    await page.goto('/entreprise/declarations');
    await page.getByRole('row').filter({ hasText: person.lastName }).getByRole('link', { name: monthLabel(second) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${person.firstName} ${person.lastName} — ${monthLabel(second)}`);
    await attachProof(page);
  }

  // 3. Facilitator: rejects Louis's month with a reason, validates Inès's two months.
  const facilitatorContext = await browser.newContext({ baseURL, locale: 'fr-FR' });
  const facilitator = await facilitatorContext.newPage();
  await signIn(facilitator, FACILITATOR);
  await expect(facilitator).toHaveURL(/\/facilitateur$/);
  await facilitator.goto('/facilitateur/validation');
  await expect(facilitator.getByRole('heading', { level: 1 })).toHaveText('Validation des heures déclarées');
  await expectAccessible(facilitator);
  const group = (month: string) => facilitator.getByRole('region', { name: new RegExp(`^${setup.reference} .* — ${monthLabel(month)}$`) });
  await expect(group(second).getByRole('row')).toHaveCount(3);
  const reason = 'Le bulletin de salaire indique 126 heures, pas 151,67 : corrigez la déclaration.';
  await group(second).getByRole('textbox', { name: `Motif du rejet pour ${louis.firstName} ${louis.lastName}` }).fill(reason);
  await group(second).getByRole('button', { name: `Rejeter la déclaration de ${louis.firstName} ${louis.lastName}` }).click();
  await expect(facilitator.getByRole('status').first()).toContainText('rejet');
  await group(second).getByRole('button', { name: `Valider la déclaration de ${ines.firstName} ${ines.lastName}` }).click();
  await expect(facilitator.getByRole('status').first()).toContainText('validée');
  await group(first).getByRole('button', { name: `Valider la déclaration de ${ines.firstName} ${ines.lastName}` }).click();
  await expect(facilitator.getByRole('status').first()).toContainText('validée');
  await expect(group(first)).toHaveCount(0);
  await expect(group(second)).toHaveCount(0);
  await expectAccessible(facilitator);

  // Counted now: Inès's 140 h + 147 h; Louis's hours are no longer pending.
  expect(await lotFigures(page, setup.lotLabel)).toEqual({ counted: '287 h', pending: '0 h' });
  expect(await buyerCounted(buyer, setup.contractId)).toBe('287 h');

  // 4. The contractor reads the reason and corrects.
  await page.goto('/entreprise/declarations');
  await page.getByRole('row').filter({ hasText: louis.lastName }).getByRole('link', { name: monthLabel(second) }).click();
  await expect(page.getByRole('note')).toContainText(reason);
  await expectAccessible(page);
  await page.getByLabel(/^Heures travaillées sur le lot/).fill('126');
  await page.getByRole('button', { name: 'Transmettre la correction' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  await expect(page.getByText('Corrigée', { exact: true })).toBeVisible();
  expect(await lotFigures(page, setup.lotLabel)).toEqual({ counted: '287 h', pending: '126 h' });

  // 5. The facilitator validates the correction, from the declaration's page.
  await facilitator.goto('/facilitateur/validation');
  await group(second).getByRole('link', { name: `${louis.lastName} ${louis.firstName}` }).click();
  await expect(facilitator.getByRole('heading', { level: 1 })).toHaveText(`${louis.firstName} ${louis.lastName} — ${monthLabel(second)}`);
  await expect(facilitator.getByText(reason, { exact: true })).toBeVisible();
  await expectAccessible(facilitator);
  await facilitator.getByRole('button', { name: 'Valider la déclaration' }).click();
  await expect(facilitator.getByRole('status').first()).toContainText('validée');
  await facilitatorContext.close();

  // Counted: 140 h + 147 h + 126 h.
  expect(await lotFigures(page, setup.lotLabel)).toEqual({ counted: '413 h', pending: '0 h' });
  expect(await buyerCounted(buyer, setup.contractId)).toBe('413 h');
  await expectAccessible(buyer);
  await buyerContext.close();
});
