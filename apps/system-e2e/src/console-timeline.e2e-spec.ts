import type { Browser, Page } from 'playwright-core';
import { DEMO_ENTERPRISES, ProjectJourney, until, zoneUsers } from '@devzone/demo';
import { CONSOLE, expectFitsTheScreen, launchBrowser, PHONE, shot, signIn, testPlans } from './support/browser';
import { stackApi } from './support/stack';

/** The services' and accounts' ids: none of them belongs on a person's screen. */
const IDS = /project-intake|commitment-approval|standard-land|agency|notifications/;

/**
 * The project's timeline in the browser (issue 17): people by their names (the officer's, from her
 * token, not her login id), newest first, a filter by kind, the services in Chinese; the industry by
 * its GB/T 4754 name; on a phone nothing wider than the screen and the case's 告知书 to open.
 */
describe('the project page’s timeline (browser)', () => {
  const api = stackApi();
  let browser: Browser;
  const plan = testPlans('时间线测试项目');

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const entries = (page: Page) => page.getByTestId('timeline').getByTestId('timeline-entry');
  const texts = async (page: Page) => (await entries(page).allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));

  it('an officer suspends a project; its timeline names her, newest first, filters by kind, in Chinese only', async () => {
    const enterprise = DEMO_ENTERPRISES[1];
    const { officer } = zoneUsers(enterprise.zoneCode);
    const journey = await new ProjectJourney(api, plan(enterprise)).runTo('notified');

    const page = await signIn(browser, officer.username);
    await page.goto(`${CONSOLE}/projects/${journey.projectId}`);
    await page.getByTestId('timeline').waitFor();
    await entries(page).first().waitFor();
    expect(await page.getByTestId('industry').innerText()).toMatch(/^C\d{2,4} \S+/); // the industry by its name, not only its code

    // The officer acts in the browser: 暂停 with a reason.
    await page.getByTestId('project-suspend').click();
    await page.getByLabel('原因').fill('企业资金未到位，暂缓建设');
    await page.getByTestId('submit-reason').click();
    await until(
      'the suspension at the top of the timeline',
      async () => {
        const first = (await texts(page))[0] ?? '';
        if (first.includes('暂停')) return first;
        await page.reload();
        await entries(page).first().waitFor();
        return undefined;
      },
      30_000,
      1_000,
    );

    // Newest first: the suspension at the top, the signing at the bottom; the officer by her name, never her login id.
    const all = await texts(page);
    expect(all[0]).toContain('阶段变更：审批中 → 暂停（原因：企业资金未到位，暂缓建设）');
    expect(all[0]).toContain(`审批专员 ${officer.name}`);
    expect(all.at(-1)).toContain('项目签约：');
    expect(all.at(-1)).toContain(`审批专员 ${officer.name}`);
    const timelineText = await page.getByTestId('timeline').innerText();
    expect(timelineText).not.toContain(officer.username);
    expect(timelineText).not.toMatch(IDS);
    const answered = await api.get(officer, 'project-intake', `/projects/${journey.projectId}/timeline?pageSize=100`);
    expect(all).toHaveLength(answered.total);
    expect(answered.items[0].actor).toMatchObject({ id: officer.sub, role: 'zone-officer', name: officer.name });
    await shot(page, 'timeline-officer');

    // The filter: 审批 only; fewer entries, each tagged 审批; then back to 全部.
    const approval = await api.get(officer, 'project-intake', `/projects/${journey.projectId}/timeline?kind=approval&pageSize=100`);
    expect(approval.total).toBeGreaterThan(0);
    expect(approval.total).toBeLessThan(all.length);
    await page.getByTestId('timeline-filter').click();
    await page.locator('.ant-select-item-option[title="审批"]').click();
    await until('only the approvals', async () => (await entries(page).count()) === approval.total, 15_000);
    const tags = await page.getByTestId('timeline').getByTestId('timeline-source').allInnerTexts();
    expect(new Set(tags)).toEqual(new Set(['审批']));
    expect((await texts(page)).join('\n')).not.toContain('阶段变更');
    await shot(page, 'timeline-officer-approvals');
    await page.getByTestId('timeline-filter').click();
    await page.locator('.ant-select-item-option[title="全部"]').click();
    await until('everything again', async () => (await entries(page).count()) === all.length, 15_000);

    // No internal id to type: 标准地地块's 按项目匹配地块 finds the project by part of its name and opens its land page.
    await page.goto(`${CONSOLE}/plots`);
    await page.getByTestId('plots-match').click();
    await page.keyboard.type(journey.plan.name.slice(-6));
    const option = page.locator('.ant-select-item-option', { hasText: journey.projectCode });
    await option.waitFor();
    expect(await option.innerText()).toContain(journey.plan.name);
    await option.click();
    await page.waitForURL(`**/land/${journey.projectId}`);
    await page.context().close();
  });

  it('on the enterprise’s phone: the timeline and the case fit the screen; the 告知书 opens from the case', async () => {
    const enterprise = DEMO_ENTERPRISES[1];
    const journey = await new ProjectJourney(api, plan(enterprise)).runTo('notified');
    const page = await signIn(browser, enterprise.username, { viewport: PHONE });
    await page.goto(`${CONSOLE}/projects/${journey.projectId}`);
    await entries(page).first().waitFor();
    const notice = page.getByTestId('case').getByTestId('document-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('href')).toContain(`/cases/${journey.caseId}/documents/notice`);
    expect(await page.getByTestId('timeline').innerText()).not.toMatch(IDS);
    await page.waitForLoadState('networkidle');
    await expectFitsTheScreen(page, 'timeline-phone');
    await shot(page, 'timeline-phone');
    await page.context().close();
  });
});
