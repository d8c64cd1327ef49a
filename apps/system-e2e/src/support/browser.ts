import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD, type DemoEnterprise, type ProjectPlan } from '@devzone/demo';
import { addDays, chinaDate } from '@devzone/shared-kernel';
import { WORKSPACE_ROOT } from '@devzone/testing';
import { consoleUrl, stackIdp } from './stack';

/**
 * The web console in a real browser (Debian's chromium driven by
 * playwright-core) against the running system, for the console's browser
 * test files: sign-in through the identity provider's (Keycloak's) page,
 * screenshots to apps/system-e2e/screenshots/, and the checks every main page
 * passes (zh-CN text, a title and one heading, no serious axe-core violation).
 */
export const CONSOLE = consoleUrl(); // the e2e instance: ports + 100
export const SHOTS = join(WORKSPACE_ROOT, 'apps/system-e2e/screenshots');
/** What the browser tab shows after each page's name: "项目库 · 开发区项目全生命周期服务平台". */
export const APP_NAME = '开发区项目全生命周期服务平台';
const AXE = require.resolve('axe-core/axe.min.js');

/** A desktop screen, and a phone's (an iPhone 12–15's CSS pixels). */
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A project plan for a browser test: signed 200 days ago, a small investment, nothing special unless overridden. */
export function testPlans(prefix = '控制台测试项目') {
  const today = chinaDate();
  let serial = 0;
  return (enterprise: DemoEnterprise, overrides: Partial<ProjectPlan> = {}): ProjectPlan => {
    const signedOn = addDays(today, -200);
    return {
      enterprise,
      name: `${prefix}${++serial}号`,
      landAreaMu: 0,
      wantsFullAgency: false,
      totalInvestment: 6_000,
      projectedAnnualOutput: 9_000,
      signedOn,
      plannedDates: { start: addDays(signedOn, 30), completion: addDays(signedOn, 180), production: addDays(signedOn, 240) },
      ...overrides,
    };
  };
}

/** Keycloak's sign-in form: the name (prefilled when the console passed a hint), the password. */
export async function keycloakSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.locator('#password').waitFor();
  expect(page.url()).toContain(`${stackIdp().issuer}/`); // Keycloak's own page, not the console's
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
}

/** A demo person picked on the sign-in page, then their password at the identity provider. */
export async function signIn(browser: Browser, username: string, options: { password?: string; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: options.viewport ?? DESKTOP, ...(options.viewport === PHONE ? { isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : {}) });
  const page = await context.newPage();
  await page.goto(CONSOLE);
  await page.getByTestId(`login-${username}`).click();
  await keycloakSignIn(page, username, options.password ?? DEMO_PASSWORD);
  await page.getByTestId('current-user').waitFor();
  return page;
}

/** The browser keeps no token: only the httpOnly, SameSite session cookie. */
export async function expectNoTokenInTheBrowser(page: Page): Promise<void> {
  const cookie = (await page.context().cookies(CONSOLE)).find((c) => c.name === 'devzone_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  const stored = await page.evaluate(() => {
    const all = (s: { length: number; key(i: number): string | null; getItem(k: string): string | null }) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? '')}`);
    const w = globalThis as unknown as { localStorage: Parameters<typeof all>[0]; sessionStorage: Parameters<typeof all>[0] }; // in the browser
    return [...all(w.localStorage), ...all(w.sessionStorage)];
  });
  expect(stored.filter((entry) => /eyJ[\w-]+\.[\w-]+\./.test(entry) || /token/i.test(entry))).toEqual([]);
}

/**
 * axe-core's WCAG 2.1 A and AA rules, run in the page as it is now: no violation of serious or critical
 * impact (contrast, names of controls and links, labels, ARIA use, keyboard access to scrolling regions…).
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    type Results = { violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const w = globalThis as unknown as { axe: { run(context: unknown, options: object): Promise<Results> }; document: unknown }; // in the browser
    const results = await w.axe.run(w.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', help: v.help, count: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.map(String).join(' ')) }));
  });
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(`axe on ${name}:${blocking.map((v) => `\n  ${v.id} (${v.impact}, ${v.count} element(s)): ${v.help} — ${v.targets.join(' | ')}`).join('')}`).toBe(`axe on ${name}:`);
}

/** The browser tab's title names the page, and the page has one h1 (WCAG 2.4.2, 1.3.1). */
export async function expectTitled(page: Page, name: string): Promise<void> {
  const title = await page.title();
  expect(`${name}: ${title.endsWith(` · ${APP_NAME}`) && title.length > APP_NAME.length + 3 ? 'names the page' : title}`).toBe(`${name}: names the page`);
  expect(`${name}: ${await page.locator('h1').count()} h1`).toBe(`${name}: 1 h1`);
}

/** Nothing wider than the screen: the page does not scroll sideways (a phone's layout). */
export async function expectFitsTheScreen(page: Page, name: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => {
    const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } }; // in the browser
    return { scrollWidth: w.document.documentElement.scrollWidth, innerWidth: w.innerWidth };
  });
  expect(`${name}: ${scrollWidth} px wide on a ${innerWidth} px screen`).toBe(`${name}: ${innerWidth} px wide on a ${innerWidth} px screen`);
}

/** A screenshot of the page, and no English words in what the user reads (identifiers and codes aside); a title, one heading, no serious axe violation. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const text = await page.locator('body').innerText();
  const words = text
    .split(/[^A-Za-z0-9\-_:@.]+/) // Latin runs, cut at 汉字, spaces and punctuation
    .filter((token) => !/[\d\-_:@.]/.test(token)) // codes, ids, dates, e-mail addresses
    .filter((token) => /[A-Za-z]{3,}/.test(token));
  expect(`${name}: ${words.join(' ')}`).toBe(`${name}: `);
  await expectTitled(page, name);
  await expectAccessible(page, name);
}
