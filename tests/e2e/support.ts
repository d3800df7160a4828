import { AxeBuilder } from '@axe-core/playwright';
import { expect, request, type APIRequestContext, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';

/**
 * What the journeys share. The only `page.goto` calls of the browser tests live here: the sign-in page,
 * public pages opened before signing in, and a link read from an e-mail. After sign-in, a journey
 * follows links and buttons only (tests/e2e/no-typed-urls.spec.ts checks the spec files for it).
 */
export const DEMO_PASSWORD = 'Demo-Clauses-2026';

export const ACCOUNTS = {
  buyer: 'acheteuse@demo.suivi-clauses.fr',
  facilitator: 'facilitatrice@demo.suivi-clauses.fr',
  contractor: 'entreprise@demo.suivi-clauses.fr',
  figeac: 'figeac@demo.suivi-clauses.fr',
  admin: 'admin@demo.suivi-clauses.fr',
} as const;

/** Opens the sign-in page (or follows the redirection of a protected link to it) and signs in. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, options: { alreadyOnSignIn?: boolean } = {}): Promise<void> {
  if (!options.alreadyOnSignIn) await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** A page anyone may open without an account (sign-in, public transparency page, legal pages). */
export async function openPublicPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
}

/** Follows a link read in an e-mail (the browser is signed out: the sign-in page comes first, then the link's page). */
export async function followEmailLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
}

/** WCAG 2.1 A and AA rules of axe-core: no violation allowed. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe sur ${page.url()}`).toEqual([]);
}

/** No horizontal scrolling: the document is never wider than the window (RGAA 10.11). */
export async function expectFitsWidth(page: Page): Promise<void> {
  // The screen's width as configured, not `innerWidth`: a phone browser widens its layout viewport to a page too wide.
  const screen = page.viewportSize()!.width;
  const doc = await page.locator('html').evaluate((html) => html.scrollWidth);
  expect(doc, `largeur du document sur ${page.url()} (écran de ${screen} px)`).toBeLessThanOrEqual(screen);
}

/** A page checked as a person would see it: accessible and not wider than the screen. */
export async function checkPage(page: Page): Promise<void> {
  await expectFitsWidth(page);
  await expectAccessible(page);
}

export const mainNav = (page: Page): Locator => page.getByRole('navigation', { name: 'Navigation principale' });

/** On a phone, the header folds the navigation and the account behind « Menu »: unfolds it. */
export async function unfoldMenu(page: Page): Promise<void> {
  await page.getByRole('banner').waitFor();
  const menu = page.getByRole('banner').getByRole('button', { name: 'Menu' });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
}

/** Signs out from the header. */
export async function signOut(page: Page): Promise<void> {
  await unfoldMenu(page);
  await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).click();
}

/**
 * Opens a page from the main navigation as a person would: on a phone, the "Menu" button first; a
 * link inside a group (« Parcours », « Heures »…), its group's button first.
 */
export async function navigate(page: Page, label: string): Promise<void> {
  // The page may still be arriving (after signing in, after a form): its navigation first.
  await mainNav(page).waitFor({ state: 'attached' });
  await unfoldMenu(page);
  const link = mainNav(page).getByRole('link', { name: label, exact: true });
  if (!(await link.isVisible())) {
    const group = mainNav(page).locator('li.groupe', { has: page.getByRole('link', { name: label, exact: true, includeHidden: true }) });
    await group.getByRole('button').click();
  }
  const href = (await link.getAttribute('href'))!;
  await link.click();
  await page.waitForURL((url) => url.pathname === href);
}

/** The footer's links (legal pages, help). */
export const footer = (page: Page): Locator => page.getByRole('contentinfo');

/** Today in Paris, shifted by some days (AAAA-MM-JJ). */
export const parisDay = (offsetDays = 0): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + offsetDays * 86_400_000));

export const addMonths = (month: string, n: number): string => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
export const monthLabel = (month: string): string => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** A tiny but well-formed PDF (the API checks the content, not the name). */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** A run-unique suffix: the e2e database is kept between runs. */
export const runId = (): string => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

/** An API session, to set up what a journey starts from (the journeys themselves go through the pages). */
export async function apiAs(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL });
  const login = await context.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  return context;
}

/** A second person in the same journey (another browser context), on the same kind of screen as the test's project. */
export async function newPersonPage(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const { baseURL, viewport, isMobile, hasTouch, locale } = testInfo.project.use;
  return (await browser.newContext({ baseURL, viewport, isMobile, hasTouch, locale: locale ?? 'fr-FR' })).newPage();
}
