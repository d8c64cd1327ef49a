import { randomInt } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ENTERPRISES, DEMO_PASSWORD, demoUser, ProjectJourney, until, zoneUsers, type DemoEnterprise } from '@devzone/demo';
import { addDays, chinaDate, creditCodeFrom } from '@devzone/shared-kernel';
import { APP_NAME, CONSOLE, DESKTOP, expectAccessible, expectNoTokenInTheBrowser, keycloakSignIn, launchBrowser, shot, signIn as signInWith, testPlans } from './support/browser';
import { mailUrl, stackApi } from './support/stack';

/**
 * The web console in a real browser against the running system (support/browser.ts): each role
 * signs in with its password on the identity provider's (Keycloak's) sign-in page, sees only its
 * own data and does its main task; a newly invited enterprise contact sets its password from the
 * e-mail first.
 */
describe('web console (browser)', () => {
  const api = stackApi();
  let browser: Browser;
  const today = chinaDate();
  const plan = testPlans();

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A project of the other demo zone than `zoneCode` (as the administrator lists them). */
  const foreignProject = async (zoneCode: string) =>
    (await api.get(demoUser('admin'), 'project-intake', `/projects?zone=${zoneCode === 'SX-ZGQ' ? 'CZ-GXQ' : 'SX-ZGQ'}&pageSize=1`)).items[0] as { id: string; zoneName: string };
  const signIn = (username: string): Promise<Page> => signInWith(browser, username);

  it('the sign-in page: titled, one heading, no serious axe violation; a demo person is signed in as with the keyboard alone, and each page names itself in the tab', async () => {
    const enterprise = DEMO_ENTERPRISES[0];
    const context = await browser.newContext({ locale: 'zh-CN', viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(CONSOLE);
    await page.getByTestId(`login-${enterprise.username}`).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.title()).toBe(`登录 · ${APP_NAME}`);
    expect(await page.locator('h1').count()).toBe(1);
    await expectAccessible(page, 'sign-in');
    // Tab from the top of the page until the person's 以此身份登录 has the focus, then Enter: on to the identity provider.
    const focused = () => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }).document.activeElement?.getAttribute('data-testid') ?? null);
    let presses = 0;
    while ((await focused()) !== `login-${enterprise.username}` && presses < 100) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await focused()).toBe(`login-${enterprise.username}`);
    await page.keyboard.press('Enter');
    await keycloakSignIn(page, enterprise.username, DEMO_PASSWORD);
    await page.getByTestId('current-user').waitFor();
    // Each page names itself in the tab.
    await until('the projects page titled', async () => (await page.title()) === `我的项目 · ${APP_NAME}`, 10_000);
    await page.goto(`${CONSOLE}/inbox`);
    await page.getByTestId('inbox-list').waitFor();
    await until('the inbox titled', async () => (await page.title()) === `我的消息 · ${APP_NAME}`, 10_000);
    await page.goto(`${CONSOLE}/no-such-page`);
    await until('the missing page titled', async () => (await page.title()) === `页面不存在 · ${APP_NAME}`, 10_000);
    await context.close();
  });

  it('an enterprise sees only its projects, submits a 承诺书 and finds the notice in its messages', async () => {
    const enterprise = DEMO_ENTERPRISES[0];
    const journey = await new ProjectJourney(api, plan(enterprise)).runTo('notified');
    const page = await signIn(enterprise.username);
    await page.getByTestId(`project-row-${journey.projectCode}`).waitFor();
    const rows = await page.locator('[data-testid^="project-row-"]').count();
    const mine = await api.get(enterprise, 'project-intake', '/projects?pageSize=100');
    expect(rows).toBe(Math.min(mine.total, 10));
    await shot(page, 'enterprise-projects');

    await page.getByTestId(`project-row-${journey.projectCode}`).getByRole('link').first().click();
    await page.getByTestId('submit-commitment').waitFor();
    await page.getByTestId('timeline').waitFor();
    await shot(page, 'enterprise-project');
    // The form refuses what it can check itself; then the dates and the declaration confirmed, and the 承诺书 goes in.
    await page.getByTestId('submit-commitment').click();
    await page.getByText('请选择承诺开工日期').first().waitFor();
    await page.getByText('请阅读承诺声明并勾选确认后提交').waitFor();
    await page.getByTestId('commitment-declaration').check();
    const fillDates = async (dates: [string, string][]) => {
      for (const [label, date] of dates) {
        await page.getByLabel(label).fill(date);
        await page.getByLabel(label).press('Enter');
      }
    };
    // What only the service checks comes back as a 400 and stands under its field; nothing changes.
    await fillDates([
      ['承诺开工日期', addDays(today, 200)],
      ['承诺竣工日期', addDays(today, 30)],
      ['承诺投产日期', addDays(today, 260)],
    ]);
    await page.getByTestId('submit-commitment').click();
    await page.locator('.ant-form-item').filter({ hasText: '承诺竣工日期' }).getByText('承诺竣工日期不能早于承诺开工日期').waitFor();
    expect((await api.get(enterprise, 'commitment-approval', `/cases/${journey.caseId}`)).status).toBe('NOTIFIED');
    await fillDates([
      ['承诺开工日期', addDays(today, 30)],
      ['承诺竣工日期', addDays(today, 200)],
    ]);
    // 承诺制 is voluntary: the drainage permit (C08) by 一般程序, the rest by commitment.
    await page.getByText('部分承诺（逐项选择承诺制或一般程序）').click();
    await page.getByTestId('procedure-row-C08').getByText('一般程序').click();
    await shot(page, 'enterprise-commitment');
    await page.getByTestId('submit-commitment').click();
    await page.getByText('承诺书已提交').waitFor();
    const committed = await until('the case committed', async () => {
      const c = await api.get(enterprise, 'commitment-approval', `/cases/${journey.caseId}`);
      return c.status === 'COMMITTED' ? c : undefined;
    });
    expect(committed.items.filter((i: { regime: string }) => i.regime === 'committable').map((i: { itemCode: string; procedure: string }) => `${i.itemCode}:${i.procedure}`)).toEqual(
      expect.arrayContaining(['C08:ordinary', 'C12:commitment']),
    );
    // The 一般程序 item is the enterprise's to apply for.
    await page.getByTestId('apply-C08').click();
    await until('C08 applied for', async () => (await api.get(enterprise, 'commitment-approval', `/cases/${journey.caseId}`)).items.find((i: { itemCode: string }) => i.itemCode === 'C08').status === 'APPLIED');

    await page.goto(`${CONSOLE}/inbox`);
    await until('the notice in the inbox', async () => {
      await page.reload();
      await page.getByTestId('inbox-row').first().waitFor(); // the list has loaded
      return (await page.getByTestId('inbox-row').filter({ hasText: `承诺书已受理：${journey.plan.name}` }).count()) > 0;
    }, 30_000, 1_000);
    await shot(page, 'enterprise-inbox');
    // Another enterprise's project is not there.
    await page.goto(`${CONSOLE}/projects`);
    expect(await page.locator('[data-testid^="project-row-"]').filter({ hasText: DEMO_ENTERPRISES[1].enterpriseName }).count()).toBe(0);
  });

  it('a department officer signs in with its password, works its queue, accepts and grants its item; the case shows pauses and blocked items', async () => {
    const enterprise = DEMO_ENTERPRISES[1];
    const people = zoneUsers(enterprise.zoneCode);
    const officer = people.departmentOfficer('住房和城乡建设局');
    // On land: 消防设计审查 (A05, 住建) first, 施工许可 (A06) after it; 备案 took an expert review.
    const journey = await new ProjectJourney(api, plan(enterprise, { landAreaMu: 30, pausedItem: 'A01' })).runTo('committed');
    await api.post(people.officer, 'commitment-approval', `/cases/${journey.caseId}/precheck`, { passed: true, opinion: '承诺内容完整，预审通过。' });
    for (const code of ['A05', 'A06']) await api.post(enterprise, 'commitment-approval', `/cases/${journey.caseId}/items/${code}/application`);

    // The plain sign-in, as outside a demo: the console sends the browser to Keycloak, and a wrong password stays there.
    const context = await browser.newContext({ locale: 'zh-CN', viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${CONSOLE}/queue`);
    await page.getByTestId('sign-in').click();
    await keycloakSignIn(page, officer.username, 'not-the-password');
    await page.locator('#input-error, .kc-feedback-text, [id^="input-error"]').first().waitFor();
    expect(page.url()).not.toContain(CONSOLE);
    await keycloakSignIn(page, officer.username, DEMO_PASSWORD);
    await page.getByTestId('current-user').waitFor();
    expect(new URL(page.url()).pathname).toBe('/queue'); // back where the person was going
    await expectNoTokenInTheBrowser(page);
    // Its own department's queue: A05 and A06 of this case, nothing of another department.
    await page.getByTestId(`queue-row-${journey.caseId}-A05`).waitFor();
    expect(await page.getByTestId(`queue-row-${journey.caseId}-A02`).count()).toBe(0);
    await shot(page, 'department-queue');

    await page.goto(`${CONSOLE}/cases/${journey.caseId}`);
    await page.getByTestId('case-blocked').waitFor(); // A06 waits for A05 (and 用地规划 for 工程规划)
    await page.getByTestId('pause-history').getByRole('cell', { name: '专家评审', exact: true }).waitFor(); // 备案's expert review, with its dates
    expect(await page.getByTestId('accept-A06').isDisabled()).toBe(true);
    expect(await page.getByTestId('accept-A02').count()).toBe(0); // 自然资源和规划局's item: not this officer's
    // 受理 and 准予 are acts with legal effect: each is confirmed in a dialog with the 审查意见, which the case then records.
    await page.getByTestId('accept-A05').click();
    await page.getByTestId('act-opinion').fill('申请材料齐全，予以受理。');
    await page.getByTestId('confirm-act').click();
    await page.getByTestId('act-opinion').waitFor({ state: 'detached' });
    await until('A05 accepted', async () => (await api.get(officer, 'commitment-approval', `/cases/${journey.caseId}`)).items.find((i: { itemCode: string }) => i.itemCode === 'A05').status === 'ACCEPTED');
    await page.getByTestId('grant-A05').click();
    await page.getByTestId('act-preview').getByText('准予', { exact: true }).waitFor();
    await page.getByTestId('act-opinion').fill('消防设计符合规范，准予。');
    await page.getByTestId('confirm-act').click();
    await page.getByTestId('act-opinion').waitFor({ state: 'detached' });
    await until('A05 granted', async () => (await api.get(officer, 'commitment-approval', `/cases/${journey.caseId}`)).items.find((i: { itemCode: string }) => i.itemCode === 'A05').status === 'GRANTED');
    await page.getByTestId(`item-row-A05`).getByText('已准予').waitFor();
    await page.getByTestId('case-record').getByText('消防设计符合规范，准予。').waitFor();
    await shot(page, 'department-case');
    // Another zone's case is not found.
    const foreign = (await api.get(demoUser('admin'), 'commitment-approval', '/cases?zone=CZ-GXQ&pageSize=1')).items[0];
    await page.goto(`${CONSOLE}/cases/${foreign.id}`);
    await page.getByText('未找到').first().waitFor();

    // A change without the session's CSRF token (what another site could forge) is refused and changes nothing.
    const forged = await page.evaluate(
      async ([url]) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({}) })).status,
      [`${CONSOLE}/api/commitment-approval/cases/${journey.caseId}/items/A06/acceptance`],
    );
    expect(forged).toBe(403);
    expect((await api.get(officer, 'commitment-approval', `/cases/${journey.caseId}`)).items.find((i: { itemCode: string }) => i.itemCode === 'A06').status).toBe('APPLIED');

    // Signing out ends the session here and at the identity provider: signing in again asks for the password.
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    expect((await page.context().cookies(CONSOLE)).find((x) => x.name === 'devzone_session')).toBeUndefined();
    await page.getByTestId('sign-in').click();
    await page.locator('#password').waitFor();
    await context.close();
  });

  it('an invited enterprise contact sets its password from the e-mail, signs in, sees only its project and submits its 承诺书', async () => {
    const serial = String(randomInt(10_000_000)).padStart(7, '0');
    const contact: DemoEnterprise = {
      sub: '',
      username: `1390${serial}`,
      name: '宋佳',
      role: 'enterprise',
      zones: [],
      creditCode: creditCodeFrom(`91140100MB${serial}`.padEnd(17, '2')),
      mobile: `1390${serial}`,
      email: `invited-${serial}@enterprise.example.cn`,
      title: '项目联系人',
      zoneCode: 'SX-ZGQ',
      enterpriseName: `山西受邀新材料${serial}有限公司`,
      industryCode: 'C3021',
    };
    // The contact has no password yet: the officer issues the notice (备案 waits for the enterprise).
    const journey = await new ProjectJourney(api, plan(contact)).runTo('signed');
    await api.post(zoneUsers(contact.zoneCode).officer, 'commitment-approval', `/cases/${journey.caseId}/notice`, { opinion: '项目符合承诺制适用条件，同意发出告知书。' });
    const mail = await until('the invitation e-mail', async () => {
      const received = (await (await fetch(`${mailUrl()}/messages?to=${encodeURIComponent(contact.email!)}`)).json()) as { subject: string; text: string }[];
      return received.find((m) => m.subject.includes('请设置密码'));
    });
    const link = /(http\S+\/invite#token=[\w-]+)/.exec(mail.text)?.[1];
    expect(link?.startsWith(`${CONSOLE}/invite#token=`)).toBe(true);

    const context = await browser.newContext({ locale: 'zh-CN', viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(link!);
    await page.getByTestId('invite-username').waitFor();
    expect(await page.getByTestId('invite-username').innerText()).toBe(contact.username);
    await shot(page, 'invite-set-password');
    // The identity provider's rule (not the login name) comes back on the field; then a good password.
    await page.getByTestId('invite-password').fill(contact.username);
    await page.getByTestId('invite-confirm').fill(contact.username);
    await page.getByTestId('invite-submit').click();
    await page.getByText('密码不能与登录名相同').waitFor();
    const password = `Songjia-${serial}`;
    await page.getByTestId('invite-password').fill(password);
    await page.getByTestId('invite-confirm').fill(password);
    await page.getByTestId('invite-submit').click();
    await page.getByTestId('invite-sign-in').click();
    await keycloakSignIn(page, contact.username, password);
    await page.getByTestId('current-user').waitFor();
    await expectNoTokenInTheBrowser(page);

    // Exactly its one project, and what waits on it: the 承诺书, after confirming its declaration.
    await page.getByTestId(`project-row-${journey.projectCode}`).waitFor();
    expect(await page.locator('[data-testid^="project-row-"]').count()).toBe(1);
    await page.getByTestId(`project-row-${journey.projectCode}`).getByRole('link').first().click();
    await page.getByTestId('submit-commitment').waitFor();
    await page.getByTestId('commitment-declaration').check();
    for (const [label, date] of [
      ['承诺开工日期', addDays(today, 30)],
      ['承诺竣工日期', addDays(today, 200)],
      ['承诺投产日期', addDays(today, 260)],
    ]) {
      await page.getByLabel(label).fill(date);
      await page.getByLabel(label).press('Enter');
    }
    await page.getByTestId('submit-commitment').click();
    await page.getByText('承诺书已提交').waitFor();
    const signedIn = { ...contact, password, sub: (JSON.parse(Buffer.from((await api.token({ ...contact, password })).split('.')[1], 'base64url').toString()) as { sub: string }).sub };
    await until('the case committed', async () => (await api.get(signedIn, 'commitment-approval', `/cases/${journey.caseId}`)).status === 'COMMITTED');
    const timeline = await api.get(signedIn, 'project-intake', `/projects/${journey.projectId}/timeline?pageSize=100`);
    expect(timeline.items.find((e: { type: string }) => e.type === 'approval.commitment-submitted').actor).toMatchObject({ id: signedIn.sub, role: 'enterprise' });
    await context.close();
  });

  it('a land officer records a failed 竣工 check (rectification, no penalty) and the passing re-check, and secures another project’s own land', async () => {
    const enterprise = DEMO_ENTERPRISES[2];
    const officer = zoneUsers(enterprise.zoneCode).officer;
    const journey = await new ProjectJourney(api, plan(enterprise, { landAreaMu: 20, totalInvestment: 20_000, projectedAnnualOutput: 25_000 })).runTo('started');
    await api.post(enterprise, 'project-intake', `/projects/${journey.projectId}/completion`, { date: today });
    const page = await signIn(officer.username);
    await page.goto(`${CONSOLE}/plots`);
    await page.waitForLoadState('networkidle');
    await shot(page, 'land-plots');
    await page.goto(`${CONSOLE}/land/${journey.projectId}`);
    await page.getByTestId('check-form').waitFor();
    // 竣工验收: every measured value far short of the contract's targets.
    const inputs = page.getByTestId('check-form').locator('input[placeholder="实测值"]');
    await inputs.first().waitFor();
    const count = await inputs.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await inputs.nth(i).fill('5');
    await page.getByTestId('check-submit').click();
    await page.getByTestId('check-verdict').waitFor();
    expect(await page.getByTestId('check-verdict').innerText()).toBe('未通过');
    await page.getByTestId('check-state-completion').first().getByText(/^整改中/).waitFor(); // a rectification period, no penalty yet
    let land = await api.get(officer, 'standard-land', `/projects/${journey.projectId}/land`);
    expect(land.checks.map((c: { stage: string; passed: boolean; penaltyFen: number }) => `${c.stage}:${c.passed}:${c.penaltyFen}`)).toEqual(['completion:false:0']);
    await shot(page, 'land-project');
    // The re-check within the period, with the values the contract asks for: passed, no penalty.
    await page.getByTestId('recheck-notice').waitFor();
    for (const [code, value] of [['investment-intensity', '420'], ['floor-area-ratio', '1.3'], ['building-coverage', '42'], ['admin-land-share', '5']]) {
      const input = page.getByTestId(`measure-${code}`);
      if (await input.count()) await input.fill(value);
    }
    await page.getByTestId('check-submit').click();
    await until('the re-check passed', async () => (await page.getByTestId('check-verdict').innerText()) === '复查通过', 20_000, 500);
    land = await api.get(officer, 'standard-land', `/projects/${journey.projectId}/land`);
    expect(land.checks.every((c: { penaltyFen: number }) => c.penaltyFen === 0)).toBe(true);

    // Another project, not on 标准地, with its approvals: the officer records the enterprise's own land; the project may start.
    const own = await new ProjectJourney(api, plan(enterprise, { landAreaMu: 15, landPath: 'own-land', totalInvestment: 9_000, projectedAnnualOutput: 12_000 })).runTo('approved');
    await page.goto(`${CONSOLE}/land/${own.projectId}`);
    await page.getByTestId('path-own-land').click();
    await page.getByTestId('own-land-certificate').fill('晋(2025)太原市不动产权第0088123号');
    await page.getByTestId('own-land-form').getByLabel('土地坐落').fill('潇河产业园区纬五路 6 号');
    await page.getByTestId('own-land-submit').click();
    await page.getByTestId('land-path-kind').getByText('自有用地').waitFor();
    await shot(page, 'land-own-land');
    await own.waitStage('READY_TO_START');
    // Another zone's project land is not found.
    await page.goto(`${CONSOLE}/land/${(await foreignProject(enterprise.zoneCode)).id}`);
    await page.getByText('未找到').first().waitFor();
  });

  it('an agent completes a 全代办 task; the team lead sees the team’s load', async () => {
    const enterprise = DEMO_ENTERPRISES[3];
    const { lead, agents } = zoneUsers(enterprise.zoneCode);
    const journey = new ProjectJourney(api, plan(enterprise, { landAreaMu: 25, wantsFullAgency: true, totalInvestment: 20_000, projectedAnnualOutput: 25_000 }));
    await journey.runTo('signed');
    let d = await until('the delegation', async () => (await api.call(lead, 'GET', 'agency', `/projects/${journey.projectId}/delegation`)).body?.agentId && (await api.get(lead, 'agency', `/projects/${journey.projectId}/delegation`)));
    if (demoUser(d.agentId).role !== 'agency-agent') await api.post(lead, 'agency', `/delegations/${d.id}/assign`, { agentId: agents[0].sub, reason: '由代办员办理（测试准备）' });
    d = await api.get(lead, 'agency', `/projects/${journey.projectId}/delegation`);
    const task = d.tasks.find((t: { source: string; status: string }) => t.source === 'utility' && t.status === 'PLANNED');

    const page = await signIn(demoUser(d.agentId).username);
    await page.getByTestId('worklist').waitFor();
    await shot(page, 'agent-worklist');
    await page.goto(`${CONSOLE}/delegations/${journey.projectId}`);
    for (const action of ['SUBMIT', 'ACCEPT', 'APPROVE', 'DELIVER']) {
      await page.getByTestId(`action-${task.id}-${action}`).click();
      await until(`the task ${action}`, async () => (await api.get(lead, 'agency', `/delegations/${d.id}`)).tasks.find((t: { id: string }) => t.id === task.id).status !== task.status && true);
      await page.waitForLoadState('networkidle');
    }
    await until('the task delivered', async () => (await api.get(lead, 'agency', `/delegations/${d.id}`)).tasks.find((t: { id: string }) => t.id === task.id).status === 'DELIVERED');
    await page.getByTestId(`task-${task.id}`).getByText('已送达').waitFor();
    await shot(page, 'agent-delegation');
    // A delegation that is not the agent's is not found.
    await page.goto(`${CONSOLE}/delegations/${(await foreignProject(enterprise.zoneCode)).id}`);
    await page.getByText('未找到').first().waitFor();

    const leadPage = await signIn(lead.username);
    await leadPage.goto(`${CONSOLE}/team`);
    await leadPage.getByText(agents[0].name).first().waitFor();
    await shot(leadPage, 'lead-team');
  });

  it('a manager sees the 三个一批 figures change when a project starts', async () => {
    const enterprise = DEMO_ENTERPRISES[0];
    const manager = zoneUsers(enterprise.zoneCode).manager;
    const page = await signIn(manager.username);
    const started = async () => Number((await page.getByTestId('figure-started').innerText()).replace(/[^\d]/g, ''));
    await page.getByTestId('figure-started').waitFor();
    const before = await started();
    await shot(page, 'manager-figures');
    // The zone manager's project list holds its own zone's projects only.
    await page.goto(`${CONSOLE}/projects`);
    await page.locator('[data-testid^="project-row-"]').first().waitFor();
    expect(await page.locator('[data-testid^="project-row-"]').filter({ hasText: (await foreignProject(enterprise.zoneCode)).zoneName }).count()).toBe(0);
    await page.goto(`${CONSOLE}/figures`);
    await new ProjectJourney(api, plan(enterprise)).runTo('started');
    await until('the figures changed', async () => {
      await page.reload();
      await page.getByTestId('figure-started').waitFor();
      return (await started()) === before + 1;
    }, 30_000, 1_000);
    // A session the console no longer knows (ended, or the server restarted): back to the sign-in page.
    await page.context().addCookies([{ name: 'devzone_session', value: 'no-such-session', url: CONSOLE, httpOnly: true, sameSite: 'Lax' }]);
    await page.reload();
    await page.getByTestId(`login-${manager.username}`).waitFor();
  });
});
