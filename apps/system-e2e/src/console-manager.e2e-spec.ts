import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ENTERPRISES, until, zoneUsers } from '@devzone/demo';
import { addDays } from '@devzone/shared-kernel';
import { CONSOLE, launchBrowser, shot, signIn } from './support/browser';
import { stackApi } from './support/stack';

/**
 * A zone manager's 三个一批 page in a real browser against the running system: the round picked
 * from the zone's list, the charts drawn (ECharts, SVG), a batch exported to Excel whole, and the
 * print view (no menus, every row).
 */
describe('web console: the manager’s 三个一批 (browser)', () => {
  const api = stackApi();
  let browser: Browser;
  const enterprise = DEMO_ENTERPRISES[0];
  const people = zoneUsers(enterprise.zoneCode);
  const PROJECTS = 12; // more than a page of the list (10)

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A round of the zone in a window of 20 days years back (rounds of a zone may not overlap: another window on a clash). */
  async function createRound(): Promise<{ id: string; name: string; startsOn: string; endsOn: string }> {
    for (let attempt = 0; ; attempt++) {
      const startsOn = addDays('2012-01-01', randomInt(0, 2_500));
      const body = { zoneCode: enterprise.zoneCode, name: `调度会测试批次${randomInt(100_000, 999_999)}`, startsOn, endsOn: addDays(startsOn, 19) };
      const answer = await api.call(people.manager, 'POST', 'project-intake', '/rounds', body);
      if (answer.status === 201) return answer.body;
      if (answer.status !== 409 || attempt >= 5) throw new Error(`POST /rounds: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  }

  it('picks a round from the list, sees the charts, exports a batch to Excel and prints every row without the menus', async () => {
    const round = await createRound();
    // Projects signed in the round: its 签约一批, more than one page.
    const codes: string[] = [];
    for (let i = 0; i < PROJECTS; i++) {
      const signedOn = addDays(round.startsOn, i % 20);
      const project = await api.post(people.officer, 'project-intake', '/projects', {
        name: `调度会测试项目${i + 1}号`,
        enterprise: { name: enterprise.enterpriseName, creditCode: enterprise.creditCode },
        zoneCode: enterprise.zoneCode,
        industryCode: enterprise.industryCode,
        totalInvestment: 5_000 + i,
        fixedAssetInvestment: 4_000,
        projectedAnnualOutput: 8_000,
        landAreaMu: 0,
        usesStandardLand: false,
        wantsFullAgency: false,
        plannedDates: { start: addDays(signedOn, 60), completion: addDays(signedOn, 240), production: addDays(signedOn, 300) },
        signedOn,
        contacts: [{ name: enterprise.name, mobile: enterprise.mobile }],
      });
      codes.push(project.code);
    }

    const page: Page = await signIn(browser, people.manager.username);
    await page.goto(`${CONSOLE}/figures`);
    await page.getByTestId('figure-signed').waitFor();

    // The round, from the zone's rounds (GET /rounds), never typed in as text.
    await page.getByTestId('figures-round').click();
    await page.keyboard.type(round.name);
    await page.locator('.ant-select-item-option').filter({ hasText: round.name }).first().click();
    await until('the round’s figures', async () => (await page.getByTestId('figures-scope').innerText()).includes(round.name), 15_000, 200);
    await until('the round’s 签约一批', async () => Number((await page.getByTestId('figure-signed').innerText()).replace(/[^\d]/g, '')) === PROJECTS, 15_000, 200);

    // The charts: SVG with drawn marks. The rounds chart's bars of 签约一批 (its colour) next to the legend's mark.
    const roundsChart = page.getByTestId('chart-rounds');
    await roundsChart.locator('svg').waitFor();
    await until('the bars drawn', async () => (await roundsChart.locator('svg path[fill="#0958d9"]').count()) >= 2, 15_000, 200);
    expect(await roundsChart.getAttribute('role')).toBe('img');
    expect(await roundsChart.getAttribute('aria-label')).toMatch(/^柱状图：.*签约一批、开工一批、投产一批/);
    const figures = await api.get(people.manager, 'project-intake', `/figures/rounds?zone=${enterprise.zoneCode}`);
    expect(figures.rounds.find((r: { roundId: string }) => r.roundId === round.id)).toMatchObject({ name: round.name, signed: PROJECTS, started: 0, inProduction: 0 });
    const planChart = page.getByTestId('chart-plan-vs-actual');
    await planChart.locator('svg').waitFor();
    expect(await planChart.locator('svg path').count()).toBeGreaterThan(0);
    // No project of the round started: no durations, said so instead of an empty chart.
    await page.getByTestId('durations-empty').waitFor();

    // The 签约一批 list: a page of 10 on screen.
    const rows = page.locator('[data-testid="batch-list-signed"] tbody tr.ant-table-row');
    await until('a page of the list', async () => (await rows.count()) === 10, 15_000, 200);
    const shown = (await rows.locator('td:first-child').allInnerTexts()).map((t) => t.trim());
    expect(shown.every((code) => codes.includes(code))).toBe(true);
    await shot(page, 'manager-figures-charts');

    // 导出表格: the whole list as an Excel workbook, named after the round and the batch.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-batch-signed').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^三个一批-${round.name}-签约一批-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(headers.slice(0, 8)).toEqual(['项目代码', '项目名称', '企业', '统一社会信用代码', '开发区', '阶段', '签约日期', '计划开工日期']);
    const exported = Array.from({ length: sheet.rowCount - 2 }, (_, i) => sheet.getRow(i + 3).getCell(1).text);
    expect(exported.sort()).toEqual([...codes].sort());
    for (const code of shown) expect(exported).toContain(code);

    // 打印: every row of each batch, then the browser's print (counted here instead of a dialog).
    await page.evaluate(() => {
      const w = globalThis as unknown as { print: () => void; printed: number }; // in the browser
      w.printed = 0;
      w.print = () => void w.printed++;
    });
    await page.getByTestId('figures-print').click();
    await until('window.print() called', async () => (await page.evaluate(() => (globalThis as unknown as { printed: number }).printed)) === 1, 15_000, 200);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-header').isVisible()).toBe(false);
    expect(await page.getByRole('menu', { name: '主菜单' }).isVisible()).toBe(false);
    expect(await page.getByTestId('figures-print').isVisible()).toBe(false);
    const printed = page.locator('[data-testid="batch-print-signed"] tbody tr.ant-table-row');
    expect(await printed.count()).toBe(PROJECTS);
    expect((await printed.locator('td:first-child').allInnerTexts()).map((t) => t.trim()).sort()).toEqual([...codes].sort());
    expect(await page.locator('.ant-pagination:visible').count()).toBe(0);
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('figures-print-exit').click();
    await rows.first().waitFor();
    await page.context().close();
  });
});
