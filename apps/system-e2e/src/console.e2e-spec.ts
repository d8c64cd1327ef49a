import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_ENTERPRISES, demoUser, ProjectJourney, until, zoneUsers, type DemoEnterprise, type ProjectPlan } from '@devzone/demo';
import { addDays, chinaDate } from '@devzone/shared-kernel';
import { WORKSPACE_ROOT } from '@devzone/testing';
import { stackApi } from './support/stack';

/**
 * The web console in a real browser (Debian's chromium driven by
 * playwright-core) against the running system: each role signs in through the
 * demo login, sees only its own data and does its main task. Screenshots of
 * each main page go to apps/system-e2e/screenshots/.
 */
const CONSOLE = 'http://127.0.0.1:3100'; // the e2e instance: ports + 100
const SHOTS = join(WORKSPACE_ROOT, 'apps/system-e2e/screenshots');

describe('web console (browser)', () => {
  const api = stackApi();
  let browser: Browser;
  const today = chinaDate();
  let serial = 0;
  const plan = (enterprise: DemoEnterprise, overrides: Partial<ProjectPlan> = {}): ProjectPlan => {
    const signedOn = addDays(today, -200);
    return {
      enterprise,
      name: `控制台测试项目${++serial}号`,
      landAreaMu: 0,
      wantsFullAgency: false,
      totalInvestment: 6_000,
      projectedAnnualOutput: 9_000,
      signedOn,
      plannedDates: { start: addDays(signedOn, 30), completion: addDays(signedOn, 180), production: addDays(signedOn, 240) },
      ...overrides,
    };
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A project of the other demo zone than `zoneCode` (as the administrator lists them). */
  const foreignProject = async (zoneCode: string) =>
    (await api.get(demoUser('admin'), 'project-intake', `/projects?zone=${zoneCode === 'SX-ZGQ' ? 'CZ-GXQ' : 'SX-ZGQ'}&pageSize=1`)).items[0] as { id: string; zoneName: string };

  async function signIn(sub: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(CONSOLE);
    await page.getByTestId(`login-${sub}`).click();
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  /** A screenshot of the page, and no English words in what the user reads (identifiers and codes aside). */
  async function shot(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    const text = await page.locator('body').innerText();
    const words = text
      .split(/[^A-Za-z0-9\-_:@.]+/) // Latin runs, cut at 汉字, spaces and punctuation
      .filter((token) => !/[\d\-_:@.]/.test(token)) // codes, ids, dates, e-mail addresses
      .filter((token) => /[A-Za-z]{3,}/.test(token));
    expect(`${name}: ${words.join(' ')}`).toBe(`${name}: `);
  }

  it('an enterprise sees only its projects, submits a 承诺书 and finds the notice in its messages', async () => {
    const enterprise = DEMO_ENTERPRISES[0];
    const journey = await new ProjectJourney(api, plan(enterprise)).runTo('notified');
    const page = await signIn(enterprise.sub);
    await page.getByTestId(`project-row-${journey.projectCode}`).waitFor();
    const rows = await page.locator('[data-testid^="project-row-"]').count();
    const mine = await api.get(enterprise, 'project-intake', '/projects?pageSize=100');
    expect(rows).toBe(Math.min(mine.total, 10));
    await shot(page, 'enterprise-projects');

    await page.getByTestId(`project-row-${journey.projectCode}`).getByRole('link').first().click();
    await page.getByTestId('submit-commitment').waitFor();
    await page.getByTestId('timeline').waitFor();
    await shot(page, 'enterprise-project');
    // The form refuses what it can check itself; then the dates, and the 承诺书 goes in.
    await page.getByTestId('submit-commitment').click();
    await page.getByText('请选择承诺开工日期').first().waitFor();
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
    await page.getByTestId('submit-commitment').click();
    await page.getByText('承诺书已提交').waitFor();
    await until('the case committed', async () => (await api.get(enterprise, 'commitment-approval', `/cases/${journey.caseId}`)).status === 'COMMITTED');

    await page.goto(`${CONSOLE}/inbox`);
    await until('the notice in the inbox', async () => {
      await page.reload();
      await page.getByTestId('inbox-list').waitFor();
      return (await page.getByTestId('inbox-row').filter({ hasText: `承诺书已受理：${journey.plan.name}` }).count()) > 0;
    }, 30_000, 1_000);
    await shot(page, 'enterprise-inbox');
    // Another enterprise's project is not there.
    await page.goto(`${CONSOLE}/projects`);
    expect(await page.locator('[data-testid^="project-row-"]').filter({ hasText: DEMO_ENTERPRISES[1].enterpriseName }).count()).toBe(0);
  });

  it('an approval officer works the queue and grants an item', async () => {
    const enterprise = DEMO_ENTERPRISES[1];
    const officer = zoneUsers(enterprise.zoneCode).officer;
    const journey = await new ProjectJourney(api, plan(enterprise)).runTo('committed');
    await api.post(officer, 'commitment-approval', `/cases/${journey.caseId}/precheck`, { passed: true });
    const c = await api.get(officer, 'commitment-approval', `/cases/${journey.caseId}`);
    const item = c.items.find((i: { status: string }) => i.status === 'UNDER_REVIEW');

    const page = await signIn(officer.sub);
    await page.locator('[data-testid^="queue-row-"]').first().waitFor();
    await page.getByTestId('supervision').waitFor(); // 对标验收 asked for, rectifications under way
    await shot(page, 'officer-queue');
    await page.goto(`${CONSOLE}/cases/${journey.caseId}`);
    await page.getByTestId(`grant-${item.itemCode}`).click();
    await until('the item granted', async () => (await api.get(officer, 'commitment-approval', `/cases/${journey.caseId}`)).items.find((i: { itemCode: string }) => i.itemCode === item.itemCode).status === 'GRANTED');
    await page.getByText('已准予').first().waitFor();
    await shot(page, 'officer-case');
    await page.goto(`${CONSOLE}/credit?creditCode=${DEMO_ENTERPRISES[6].creditCode}`);
    await page.waitForLoadState('networkidle');
    await shot(page, 'officer-credit');
    // Another zone's case is not found.
    const foreign = (await api.get(demoUser('admin'), 'commitment-approval', '/cases?zone=CZ-GXQ&pageSize=1')).items[0];
    await page.goto(`${CONSOLE}/cases/${foreign.id}`);
    await page.getByText('未找到').first().waitFor();
  });

  it('a land officer sees the plots, the project’s land and records measured values', async () => {
    const enterprise = DEMO_ENTERPRISES[2];
    const officer = zoneUsers(enterprise.zoneCode).officer;
    const journey = await new ProjectJourney(api, plan(enterprise, { landAreaMu: 20, totalInvestment: 20_000, projectedAnnualOutput: 25_000 })).runTo('completed');
    const page = await signIn(officer.sub);
    await page.goto(`${CONSOLE}/plots`);
    await page.waitForLoadState('networkidle');
    await shot(page, 'land-plots');
    await page.goto(`${CONSOLE}/land/${journey.projectId}`);
    await page.getByTestId('check-form').waitFor();
    // 竣工验收: the measured values, two of them short of the contract's targets (强度 and 建筑系数).
    const inputs = page.getByTestId('check-form').locator('input[placeholder="实测值"]');
    await inputs.first().waitFor();
    const count = await inputs.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await inputs.nth(i).fill('5');
    await page.getByTestId('check-submit').click();
    await page.getByTestId('check-verdict').waitFor();
    expect(await page.getByTestId('check-verdict').innerText()).toBe('未通过');
    await page.getByTestId('check-penalty').waitFor();
    // The journey's own 竣工验收 passed; the one recorded in the console did not.
    const land = await api.get(officer, 'standard-land', `/projects/${journey.projectId}/land`);
    expect(land.checks.map((c: { stage: string; passed: boolean }) => `${c.stage}:${c.passed}`).sort()).toEqual(['completion:false', 'completion:true']);
    await shot(page, 'land-project');
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
    if (demoUser(d.agentId).role !== 'agency-agent') await api.post(lead, 'agency', `/delegations/${d.id}/assign`, { agentId: agents[0].sub });
    d = await api.get(lead, 'agency', `/projects/${journey.projectId}/delegation`);
    const task = d.tasks.find((t: { source: string; status: string }) => t.source === 'utility' && t.status === 'PLANNED');

    const page = await signIn(d.agentId);
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

    const leadPage = await signIn(lead.sub);
    await leadPage.goto(`${CONSOLE}/team`);
    await leadPage.getByText(agents[0].name).first().waitFor();
    await shot(leadPage, 'lead-team');
  });

  it('a manager sees the 三个一批 figures change when a project starts', async () => {
    const enterprise = DEMO_ENTERPRISES[0];
    const manager = zoneUsers(enterprise.zoneCode).manager;
    const page = await signIn(manager.sub);
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
    // A token the services no longer take (expired after 12 h, keys rotated): back to the sign-in page.
    await page.evaluate(() => {
      const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void } }).sessionStorage; // in the browser
      const stored = JSON.parse(storage.getItem('devzone.session') ?? '{}');
      storage.setItem('devzone.session', JSON.stringify({ ...stored, token: 'eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl' }));
    });
    await page.reload();
    await page.getByTestId(`login-${manager.sub}`).waitFor();
  });
});
