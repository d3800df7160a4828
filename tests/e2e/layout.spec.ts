import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, expectAccessible, expectFitsWidth, followEmailLink, footer, mainNav, openPublicPage, signIn, unfoldMenu } from './support.js';

/**
 * Every page of every role, reached from its home page by following links (never typed), on a laptop
 * and on a phone: the document is never wider than the window, the header, the navigation and the
 * footer are there, and the navigation bar holds on one line. On the laptop screen, each page is also
 * checked by axe-core.
 */
const ROLES = [
  ['acheteur', ACCOUNTS.buyer, '/acheteur'],
  ['facilitateur', ACCOUNTS.facilitator, '/facilitateur'],
  ['entreprise', ACCOUNTS.contractor, '/entreprise'],
  ['administrateur', ACCOUNTS.admin, '/admin'],
] as const;

/** Addresses that are not pages (files, API, suggestions for fields) or that would change something. */
const NOT_PAGES = [/^\/api\//, /^\/exports\//, /^\/referentiels\//, /^\/facilitateur\/recherche\//, /\/avancement$/, /^\/deconnexion/];
/** One visit per kind of page: identifiers are the same page for another object. */
const patternOf = (path: string) => path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');
const MAX_PAGES = 60;

/** The top-level entries of the navigation bar sit on one line (on a phone, the bar folds behind « Menu »). */
async function expectNavigationOnOneLine(page: Page): Promise<void> {
  const tops = await mainNav(page).locator('.nav-liste > li').evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
  if (tops.every((top) => top === 0)) return; // folded (phone): nothing laid out
  expect(new Set(tops).size, `barre de navigation sur une ligne (${page.url()})`).toBe(1);
}

async function checkLayout(page: Page, withAxe: boolean): Promise<void> {
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(footer(page).getByRole('link', { name: 'Mentions légales' })).toBeVisible();
  await expectFitsWidth(page);
  await expectNavigationOnOneLine(page);
  if (withAxe) await expectAccessible(page);
}

/** Depth first: each new kind of page is opened by clicking its link, checked, explored, then left with « Précédent ». */
async function explore(page: Page, visited: Set<string>, origin: string, withAxe: boolean): Promise<void> {
  await checkLayout(page, withAxe);
  const hrefs = await page.locator('main a[href], header a[href], footer a[href]').evaluateAll((links) =>
    links.filter((a) => !a.hasAttribute('download') && !a.getAttribute('target')).map((a) => a.getAttribute('href') ?? ''),
  );
  for (const href of [...new Set(hrefs)]) {
    if (visited.size >= MAX_PAGES) return;
    const url = new URL(href, page.url());
    const here = new URL(page.url());
    if (url.origin !== origin || url.pathname === here.pathname || NOT_PAGES.some((re) => re.test(url.pathname))) continue;
    const pattern = patternOf(url.pathname);
    if (visited.has(pattern)) continue;
    visited.add(pattern);
    const back = page.url();
    // A programmatic click on the link itself (it may sit in a folded menu): a link followed, not an address typed.
    await page.locator(`a[href="${href.replace(/"/g, '\\"')}"]`).first().evaluate((a) => (a as unknown as { click(): void }).click());
    await page.waitForURL((u) => u.pathname === url.pathname);
    await page.waitForLoadState('load');
    await explore(page, visited, origin, withAxe);
    await page.goBack();
    await page.waitForURL(back);
  }
}

for (const [role, email, home] of ROLES) {
  test(`${role} : chaque page atteinte par les liens tient dans l’écran, avec l’en-tête, la navigation et le pied de page`, async ({ page, baseURL }, testInfo) => {
    test.setTimeout(300_000);
    await signIn(page, email);
    await expect(page).toHaveURL(new RegExp(`${home}$`));
    const visited = new Set<string>([home]);
    // axe-core on every page once, on the laptop screen (the journeys run it at both widths on the pages they visit).
    await explore(page, visited, new URL(baseURL!).origin, testInfo.project.name === 'ordinateur');
    expect(visited.size).toBeGreaterThan(5);
  });
}

test('la barre de navigation commence au même endroit pour chaque rôle', async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name === 'telephone', 'sur un téléphone, la navigation est repliée derrière « Menu »');
  const lefts: number[] = [];
  for (const [, email] of ROLES) {
    const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signIn(page, email);
    await expect(mainNav(page)).toBeVisible();
    lefts.push(Math.round((await mainNav(page).getByRole('link', { name: 'Accueil' }).boundingBox())!.x));
    await context.close();
  }
  expect(new Set(lefts).size).toBe(1);
});

test('une page introuvable garde l’en-tête, la navigation et le pied de page', async ({ page }) => {
  // A stale link (an e-mail, a bookmark) to a placement that does not exist, followed signed out.
  await followEmailLink(page, '/entreprise/declarations/nouvelle?placement=00000000-0000-4000-8000-000000000000&mois=2026-01');
  await expect(page).toHaveURL(/\/connexion\?retour=/);
  await signIn(page, ACCOUNTS.contractor, undefined, { alreadyOnSignIn: true });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await expect(page.getByRole('banner')).toContainText('Bâtiments du Quercy');
  await unfoldMenu(page);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await expect(mainNav(page)).toHaveCount(1);
  await expect(footer(page).getByRole('link', { name: 'Accessibilité : non conforme' })).toBeVisible();
  await expectFitsWidth(page);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Revenir à l’accueil' }).click();
  await expect(page).toHaveURL(/\/entreprise$/);
});

test('les pages légales et l’aide s’ouvrent du pied de page, sans compte', async ({ page }) => {
  await openPublicPage(page, '/connexion');
  for (const [link, title] of [
    ['Mentions légales', 'Mentions légales'],
    ['Accessibilité : non conforme', 'Déclaration d’accessibilité'],
    ['Données personnelles', 'Données personnelles'],
    ['Comment ça marche', 'Comment ça marche'],
  ] as const) {
    await footer(page).getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expectFitsWidth(page);
    await expectAccessible(page);
  }
  await expect(page.getByRole('main')).toContainText('Entreprise titulaire');
  await page.getByRole('link', { name: 'Entreprise titulaire' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comment ça marche : Entreprise titulaire');
  await footer(page).getByRole('link', { name: 'Accessibilité : non conforme' }).click();
  await expect(page.getByRole('main')).toContainText('axe-core');
  await expect(page.getByRole('main')).toContainText('Non conforme');
});
