import { expect, test, type Page } from '@playwright/test';
import {
  ACCOUNTS, addMonths, apiAs, checkPage, followEmailLink, mainNav, monthLabel, navigate, newPersonPage, parisDay, PDF, runId, signIn, signOut,
} from './support.js';

/**
 * The contractor's month, by links only: the reminder e-mail's link, « Mes lots », « Déclarer mes
 * heures » and the home page's to-do list each lead to the form; the proof goes in the same form (and
 * transmitting without it is refused before anything is sent); « même chose que le mois dernier »
 * pre-fills; « rien à déclarer ce mois-ci » transmits a month at 0 h; a statement is imported. The
 * facilitator rejects one month with a reason, which the contractor reads in its to-do list and
 * corrects; the counted hours move for the contractor and the buyer.
 * What the journey starts from (a contract, two placements) is set up through the API.
 */
const QUERCY = '45312000100012';
const current = parisDay().slice(0, 7);
/** Two months over: the first one's deadline has passed (a late reminder), the second one is due. */
const first = addMonths(current, -2);
const second = addMonths(current, -1);

interface Person { firstName: string; lastName: string; placementId: string }
interface Setup { reference: string; lotLabel: string; people: [Person, Person, Person] }

async function setUp(baseURL: string, run: string): Promise<Setup> {
  const buyer = await apiAs(baseURL, ACCOUNTS.buyer);
  const facilitator = await apiAs(baseURL, ACCOUNTS.facilitator);
  try {
    const mandates = (await (await buyer.get('/api/mandates')).json()) as { items: { facilitator: { siret: string | null } }[] };
    if (!mandates.items.some((m) => m.facilitator.siret === '33012000400040')) {
      expect((await buyer.post('/api/mandates', { data: { facilitatorSiret: '33012000400040' } })).status()).toBe(201);
    }
    const reference = `DECL-${run}`;
    const contract = await buyer.post('/api/contracts', {
      data: {
        reference, object: 'Réhabilitation de la halle de Cahors', amountCents: 80_000_000, startDate: parisDay(-150), endDate: parisDay(365),
        holders: [{ siret: QUERCY, name: 'Bâtiments du Quercy' }],
      },
    });
    expect(contract.status(), await contract.text()).toBe(201);
    const lot = await buyer.post(`/api/contracts/${(await contract.json()).id}/lots`, {
      data: { number: 1, title: `Gros œuvre ${run}`, amountCents: 80_000_000, holderSiret: QUERCY },
    });
    expect(lot.status(), await lot.text()).toBe(201);
    const lotId = (await lot.json()).id as string;
    const clause = await buyer.post(`/api/lots/${lotId}/clause`, {
      data: { type: 'execution', method: { method: 'labour_share', amountCents: 80_000_000, labourShare: 0.5, insertionRate: 0.05, hourlyCostCents: 3000 } },
    });
    expect(clause.status(), await clause.text()).toBe(201);

    const people: Person[] = [];
    for (const [firstName, sex] of [['Inès', 'female'], ['Louis', 'male'], ['Zoé', 'female']] as const) {
      const lastName = `Décl-${run}-${firstName.slice(0, 1)}`;
      const participant = await facilitator.post('/api/participants', {
        data: {
          lastName, firstName, birthDate: '1991-02-03', sex, email: null, phone: null, communeCode: '46042', qpvStatus: 'no',
          qpvAddress: '12 rue Nationale, 46000 Cahors', qpvCheckedOn: parisDay(-120), educationLevel: 'level_3', drivingLicence: true,
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
      people.push({ firstName, lastName, placementId: (await placement.json()).id });
    }
    return { reference, lotLabel: `Lot 1 — Gros œuvre ${run}`, people: people as Setup['people'] };
  } finally {
    await buyer.dispose();
    await facilitator.dispose();
  }
}

const todo = (page: Page) => page.getByRole('region', { name: /^À faire/ });

/** The declaration form: hours, then the proof in the same form. */
async function fillMonth(page: Page, hours: string, proof: string | null): Promise<void> {
  await page.getByLabel(/^Heures travaillées sur le lot/).fill(hours);
  if (proof) await page.getByLabel(/^Fichier/).setInputFiles({ name: proof, mimeType: 'application/pdf', buffer: PDF });
}

async function expectTransmitted(page: Page, hours: string, proof: string | null): Promise<void> {
  await expect(page).toHaveURL(/\/entreprise\/declarations\/[0-9a-f-]{36}\?enregistree$/);
  await expect(page.getByRole('status')).toHaveText('Déclaration transmise au facilitateur.');
  await expect(page.getByText(hours, { exact: true })).toBeVisible();
  if (proof) await expect(page.getByRole('link', { name: proof })).toBeVisible();
  await checkPage(page);
}

/** The lot's "Comptées" and "En attente de validation" figures on the contractor's home page. */
async function lotFigures(page: Page, lotLabel: string): Promise<{ counted: string; pending: string }> {
  // Through another page: a link to the page already shown does not load it again.
  await navigate(page, 'Mes lots');
  await navigate(page, 'Accueil');
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(lotLabel) }) });
  await expect(row).toHaveCount(1);
  const text = async (i: number) => ((await row.getByRole('cell').nth(i).textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
  return { counted: await text(1), pending: await text(2) };
}

test('entreprise : déclarer par le lien du courriel, « Mes lots », « Déclarer mes heures » et l’accueil ; justificatif dans le formulaire ; rejet lu et corrigé', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(300_000);
  const run = `${runId()}${testInfo.project.name.slice(0, 1)}`;
  const setup = await setUp(baseURL!, run);
  const [ines, louis, zoe] = setup.people;
  const newPage = () => newPersonPage(browser, testInfo);

  // 1. The administrator runs the reminders: the contractor's e-mail for the late month carries a link to declare it.
  const admin = await newPage();
  await signIn(admin, ACCOUNTS.admin);
  await navigate(admin, 'Relances');
  await admin.getByRole('button', { name: 'Lancer l’analyse des relances maintenant' }).click();
  await expect(admin.getByRole('status')).toContainText('dues');
  await admin.getByLabel('Type de relance').selectOption({ label: 'Déclaration en retard' });
  await admin.getByRole('button', { name: 'Filtrer' }).click();
  const mail = admin.getByRole('row').filter({ hasText: monthLabel(first) }).filter({ hasText: ACCOUNTS.contractor });
  const ours = mail.filter({ hasText: setup.reference });
  await ours.getByText('Lire le message').click();
  const body = (await ours.locator('.message').textContent()) ?? '';
  expect(body).toContain(`${ines.firstName} ${ines.lastName}`);
  const link = /Déclarer ce mois : (\S+)/.exec(body)?.[1];
  expect(link).toMatch(new RegExp(`/entreprise/declarations/nouvelle\\?mois=${first}$`));
  await checkPage(admin);
  await admin.context().close();

  // 2. The contractor follows the e-mail's link (signed out: the sign-in page first), declares Inès's month with its proof.
  const page = await newPage();
  await followEmailLink(page, link!);
  await expect(page).toHaveURL(/\/connexion\?retour=/);
  await signIn(page, ACCOUNTS.contractor, undefined, { alreadyOnSignIn: true });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Déclarer ${monthLabel(first)}`);
  await checkPage(page);
  await page.getByRole('link', { name: `Déclarer ${monthLabel(first)} pour ${ines.firstName} ${ines.lastName}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Déclarer ${monthLabel(first)} pour ${ines.firstName} ${ines.lastName}`);
  await checkPage(page);
  await fillMonth(page, '140', `bulletin-ines-${run}.pdf`);
  await page.getByRole('button', { name: 'Transmettre la déclaration' }).click();
  await expectTransmitted(page, '140 h', `bulletin-ines-${run}.pdf`);

  // 3. From « Mes lots »: Louis's month; transmitting without the proof is refused before anything is sent.
  await navigate(page, 'Mes lots');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes lots et ce qui est dû');
  await checkPage(page);
  await todo(page).getByRole('link', { name: `Déclarer ${monthLabel(first)} pour ${louis.firstName} ${louis.lastName}` }).click();
  await fillMonth(page, '130', null);
  await page.getByRole('button', { name: 'Transmettre la déclaration' }).click();
  await expect(page.getByRole('alert')).toHaveText('Vérifiez les champs signalés.');
  await expect(page.getByText(/^Joignez le justificatif/)).toBeVisible();
  await expect(page.getByLabel(/^Fichier/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel(/^Heures travaillées sur le lot/)).toHaveValue('130');
  await checkPage(page);
  await page.getByLabel(/^Fichier/).setInputFiles({ name: `bulletin-louis-${run}.pdf`, mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Transmettre la déclaration' }).click();
  await expectTransmitted(page, '130 h', `bulletin-louis-${run}.pdf`);

  // 4. From « Déclarer mes heures »: Inès's next month, « même chose que le mois dernier ».
  await navigate(page, 'Déclarer mes heures');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Déclarer mes heures');
  await checkPage(page);
  await todo(page).getByRole('link', { name: `Déclarer ${monthLabel(second)} pour ${ines.firstName} ${ines.lastName}` }).click();
  await page.getByRole('link', { name: `Même chose que le mois dernier (${monthLabel(first)})` }).click();
  await expect(page.getByRole('status')).toContainText(`Heures reprises de ${monthLabel(first)}`);
  await expect(page.getByLabel(/^Heures travaillées sur le lot/)).toHaveValue(/^140(:00)?$/);
  await checkPage(page);
  await fillMonth(page, '140', `bulletin-ines-2-${run}.pdf`);
  await page.getByRole('button', { name: 'Transmettre la déclaration' }).click();
  await expectTransmitted(page, '140 h', `bulletin-ines-2-${run}.pdf`);

  // 5. From the home page: nothing to declare for Louis this month — transmitted at 0 h, no proof, no longer to do.
  await navigate(page, 'Accueil');
  await todo(page).getByRole('link', { name: `Déclarer ${monthLabel(second)} pour ${louis.firstName} ${louis.lastName}` }).click();
  await page.getByRole('button', { name: 'Rien à déclarer ce mois-ci' }).click();
  await expectTransmitted(page, '0 h', null);
  await expect(page.getByText('Rien à déclarer ce mois-ci', { exact: true })).toBeVisible();
  await navigate(page, 'Accueil');
  await expect(todo(page).getByRole('link', { name: new RegExp(`pour ${louis.firstName} ${louis.lastName}$`) })).toHaveCount(0);
  await expect(todo(page).getByRole('link', { name: new RegExp(`pour ${ines.firstName} ${ines.lastName}$`) })).toHaveCount(0);

  // 6. Zoé's month comes from the monthly statement: the downloaded template, filled in, previewed, confirmed.
  await navigate(page, 'Importer un relevé');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importer un relevé mensuel');
  await checkPage(page);
  await page.getByLabel('Mois', { exact: true }).fill(first);
  await page.getByLabel('Format').selectOption('csv');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le modèle' }).click()]);
  const template = (await (await download.createReadStream()).toArray()).map((chunk) => Buffer.from(chunk)).join('').replace(/^\uFEFF/, '');
  const [header, ...rows] = template.split(/\r?\n/).filter(Boolean);
  const headers = header!.split(';').map((h) => h.replace(/^"|"$/g, ''));
  const filled = rows
    .map((row) => row.split(';'))
    .filter((cells) => cells[0]!.replace(/"/g, '') === zoe.placementId)
    .map((cells) => {
      cells[headers.indexOf('Heures travaillées sur le lot')] = '151,67';
      return cells.join(';');
    });
  expect(filled).toHaveLength(1);
  await page.getByLabel(/^Relevé \.xlsx/).setInputFiles({ name: `releve-${first}.csv`, mimeType: 'text/csv', buffer: Buffer.from([header, ...filled].join('\r\n'), 'utf8') });
  await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
  await expect(page.getByText('1 lue : 1 nouvelle')).toBeVisible();
  await checkPage(page);
  await page.getByRole('button', { name: 'Confirmer et transmettre 1 déclaration' }).click();
  await expect(page.getByRole('status')).toContainText('Relevé enregistré : 1 déclaration créée');
  expect(await lotFigures(page, setup.lotLabel)).toEqual({ counted: '0 h', pending: '561 h 40 min' });

  // 7. The facilitator rejects Louis's first month with a reason and validates Inès's two months and Louis's empty one.
  const facilitator = await newPage();
  await signIn(facilitator, ACCOUNTS.facilitator);
  await navigate(facilitator, 'Validation des heures');
  await expect(facilitator.getByRole('heading', { level: 1 })).toHaveText('Validation des heures déclarées');
  await checkPage(facilitator);
  const group = (month: string) => facilitator.getByRole('region', { name: new RegExp(`^${setup.reference} .* — ${monthLabel(month)}$`) });
  const reason = 'Le bulletin de salaire indique 126 heures, pas 130 : corrigez la déclaration.';
  await group(first).getByRole('textbox', { name: `Motif du rejet pour ${louis.firstName} ${louis.lastName}` }).fill(reason);
  await group(first).getByRole('button', { name: `Rejeter la déclaration de ${louis.firstName} ${louis.lastName}` }).click();
  await expect(facilitator.getByRole('status').first()).toContainText('rejet');
  for (const [month, person] of [[first, ines], [second, ines], [second, louis]] as const) {
    await group(month).getByRole('button', { name: `Valider la déclaration de ${person.firstName} ${person.lastName}` }).click();
    await expect(facilitator.getByRole('status').first()).toContainText('validée');
  }
  await checkPage(facilitator);

  // 8. The contractor reads the rejection and its reason in its to-do list, and corrects.
  expect(await lotFigures(page, setup.lotLabel)).toEqual({ counted: '280 h', pending: '151 h 40 min' });
  const correction = todo(page).getByRole('listitem').filter({ hasText: `Corriger ${monthLabel(first)} pour ${louis.firstName} ${louis.lastName}` });
  await expect(correction).toContainText(`Motif du rejet : ${reason}`);
  await checkPage(page);
  await correction.getByRole('link').click();
  await expect(page.getByRole('note')).toContainText(reason);
  await page.getByLabel(/^Heures travaillées sur le lot/).fill('126');
  await page.getByRole('button', { name: 'Transmettre la correction' }).click();
  await expect(page.getByText('Corrigée', { exact: true })).toBeVisible();
  await checkPage(page);

  // 9. The facilitator validates the correction from the declaration's page.
  await navigate(facilitator, 'Validation des heures');
  await group(first).getByRole('link', { name: `${louis.lastName} ${louis.firstName}` }).click();
  await expect(facilitator.getByText(reason, { exact: true })).toBeVisible();
  await facilitator.getByRole('button', { name: 'Valider la déclaration' }).click();
  await expect(facilitator.getByRole('status').first()).toContainText('validée');
  await facilitator.context().close();
  expect(await lotFigures(page, setup.lotLabel)).toEqual({ counted: '406 h', pending: '151 h 40 min' });

  // 10. The buyer reads the same counted hours on the contract's page, reached from its list.
  const buyer = await newPage();
  await signIn(buyer, ACCOUNTS.buyer);
  await navigate(buyer, 'Marchés');
  await buyer.getByLabel(/^Recherche/).fill(setup.reference);
  await buyer.getByRole('button', { name: 'Filtrer' }).click();
  await buyer.getByRole('link', { name: new RegExp(setup.reference) }).first().click();
  await expect(buyer.getByText(/^Conformité à ce jour : 406\sh comptées/)).toBeVisible();
  await checkPage(buyer);
  await buyer.context().close();
  await signOut(page);
  await expect(mainNav(page)).toHaveCount(0);
});
