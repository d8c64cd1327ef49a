import type { Browser, Page } from 'playwright-core';
import { DEMO_ENTERPRISES, ProjectJourney, until } from '@devzone/demo';
import { addDays, chinaDate } from '@devzone/shared-kernel';
import { join } from 'node:path';
import { CONSOLE, expectAccessible, expectFitsTheScreen, expectTitled, launchBrowser, PHONE, shot, SHOTS, signIn, testPlans } from './support/browser';
import { stackApi } from './support/stack';

/** Where an element's top is on the page (not the viewport): how far down the person has to scroll to see it. */
const topOnThePage = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => el.getBoundingClientRect().top + (globalThis as unknown as { scrollY: number }).scrollY);

/** Checked on every page the phone shows: nothing wider than the screen, the screenshot, zh text, a title and one h1, no serious axe violation. */
async function phonePage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expectFitsTheScreen(page, name);
  await shot(page, name);
}

/**
 * The console on a 390 × 844 phone (most enterprise contacts open it there): the enterprise opens the
 * menu from its button, finds its project in the list of cards, sees what it has to do at the top of
 * the project, and submits its 承诺书 after confirming the declaration; then reads its messages. No page
 * is wider than the screen.
 */
describe('web console on a phone (browser, 390 × 844)', () => {
  const api = stackApi();
  let browser: Browser;
  const today = chinaDate();
  const plan = testPlans('手机端测试项目');

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the enterprise finds its project from the menu, sees 待我办理 first and submits its 承诺书 after confirming; its messages read on the phone', async () => {
    const enterprise = DEMO_ENTERPRISES[4];
    const journey = await new ProjectJourney(api, plan(enterprise)).runTo('notified');
    const page = await signIn(browser, enterprise.username, { viewport: PHONE });

    // The header: a menu button, the person's name on one line; the desktop's horizontal menu is not there.
    const user = page.getByTestId('current-user');
    expect(await user.isVisible()).toBe(true);
    expect((await user.boundingBox())!.height).toBeLessThan(32); // one line, not a character per line
    expect(await page.locator('.ant-menu-horizontal').count()).toBe(0);
    await page.locator('[data-testid^="project-row-"]').first().waitFor();
    await phonePage(page, 'phone-home');

    // The menu opens from its button: the role's pages, the person, and 退出.
    await page.getByTestId('menu-button').click();
    const drawer = page.getByTestId('phone-menu');
    await drawer.getByRole('menuitem', { name: /我的消息/ }).waitFor();
    expect(await page.getByTestId('sign-out').isVisible()).toBe(true);
    expect(await page.getByText(`${enterprise.name}（企业）`).isVisible()).toBe(true);
    await until('the menu slid in', async () => ((await drawer.boundingBox())?.x ?? -1) >= 0, 5_000, 100);
    await shot(page, 'phone-menu');
    await drawer.getByRole('menuitem', { name: /我的项目/ }).click();
    await drawer.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe('/projects');

    // The project list is a list of cards; the search box finds the project by part of its name.
    await page.getByLabel('搜索项目').fill(journey.plan.name);
    await page.getByLabel('搜索项目').press('Enter');
    const card = page.getByTestId(`project-row-${journey.projectCode}`);
    await card.waitFor();
    expect(await page.locator('[data-testid^="project-row-"]').count()).toBe(1);
    expect(await page.locator('.ant-table-thead').count()).toBe(0); // cards, not the desktop's columns
    await card.getByText('下一步：').waitFor();
    await phonePage(page, 'phone-projects');

    await card.getByRole('link').first().click();
    await page.getByTestId('submit-commitment').waitFor();
    await page.getByTestId('timeline').waitFor();
    // What the enterprise has to do first: 待我办理 and its 承诺书 form on the first screen, the form's 提交 within the first one and a half.
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    expect(await topOnThePage(page, 'todo')).toBeLessThan(PHONE.height);
    expect(await topOnThePage(page, 'commitment-form')).toBeLessThan(PHONE.height);
    expect(await topOnThePage(page, 'submit-commitment')).toBeLessThan(PHONE.height * 1.5);
    expect(await topOnThePage(page, 'todo')).toBeLessThan(await topOnThePage(page, 'timeline'));
    await phonePage(page, 'phone-project');

    // Partial commitment: each item is a stacked row with its choice (no wide table).
    await page.getByText('部分承诺（逐项选择承诺制或一般程序）').click();
    await page.getByTestId('procedure-row-C08').getByText('一般程序').click();
    await expectFitsTheScreen(page, 'phone-commitment-partial');
    // The declaration confirmed and the dates filled, then the 承诺书 goes in.
    await page.getByTestId('submit-commitment').click();
    await page.getByText('请阅读承诺声明并勾选确认后提交').waitFor();
    await page.getByTestId('commitment-declaration').check();
    for (const [label, date] of [
      ['承诺开工日期', addDays(today, 30)],
      ['承诺竣工日期', addDays(today, 200)],
      ['承诺投产日期', addDays(today, 260)],
    ]) {
      await page.getByLabel(label).fill(date);
      await page.getByLabel(label).press('Enter');
    }
    await phonePage(page, 'phone-commitment');
    await page.getByTestId('submit-commitment').click();
    await page.getByText('承诺书已提交').waitFor();
    const committed = await until('the case committed', async () => {
      const c = await api.get(enterprise, 'commitment-approval', `/cases/${journey.caseId}`);
      return c.status === 'COMMITTED' ? c : undefined;
    });
    const procedures = committed.items.filter((i: { regime: string }) => i.regime === 'committable').map((i: { itemCode: string; procedure: string }) => `${i.itemCode}:${i.procedure}`);
    expect(procedures).toContain('C08:ordinary');
    expect(procedures.filter((p: string) => p !== 'C08:ordinary' && !p.endsWith(':commitment'))).toEqual([]);
    // The 一般程序 item is now the enterprise's to apply for, at the top too.
    await page.getByTestId('apply-C08').waitFor();
    await phonePage(page, 'phone-project-committed');

    // The inbox from the menu: the notice of the 承诺书, each message a row of its own.
    await page.getByTestId('menu-button').click();
    await page.getByTestId('phone-menu').getByRole('menuitem', { name: /我的消息/ }).click();
    await page.getByTestId('inbox-list').waitFor();
    expect(new URL(page.url()).pathname).toBe('/inbox');
    await until('the notice in the inbox', async () => {
      await page.reload();
      await page.getByTestId('inbox-row').first().waitFor();
      return (await page.getByTestId('inbox-row').filter({ hasText: `承诺书已受理：${journey.plan.name}` }).count()) > 0;
    }, 30_000, 1_000);
    expect(await page.locator('.ant-table-thead').count()).toBe(0);
    await phonePage(page, 'phone-inbox');

    // Signing out from the menu.
    await page.getByTestId('menu-button').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    expect(page.url().startsWith(CONSOLE)).toBe(true);
    // The sign-in page (its demo people are listed by their login names, such as admin): fits, titled, no serious axe violation.
    await page.waitForLoadState('networkidle');
    await expectFitsTheScreen(page, 'phone-sign-in');
    await page.screenshot({ path: join(SHOTS, 'phone-sign-in.png'), fullPage: true });
    await expectTitled(page, 'phone-sign-in');
    await expectAccessible(page, 'phone-sign-in');
  });
});
