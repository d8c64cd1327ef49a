import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { fillLedgerTemplate, ledgerRecord, until, zoneUsers } from '@devzone/demo';
import { CONSOLE, launchBrowser, shot, signIn } from './support/browser';
import { stackApi } from './support/stack';

/**
 * 项目台账导入 (issue 18) in the browser: a zone officer downloads the template, fills
 * it (14 projects at every stage, 2 rows with mistakes), uploads it, reads the dry
 * run's report, commits, and finds the projects at their stages.
 */
describe('web console: importing a zone’s project ledger (browser)', () => {
  const api = stackApi();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('template → filled upload → dry-run report → commit → the projects at their stages', async () => {
    const zone = 'SX-ZGQ';
    const officer = zoneUsers(zone).officer;
    const tag = `浏览器${Date.now() % 100_000}`;
    const page = await signIn(browser, officer.username);
    await page.goto(`${CONSOLE}/imports`);
    await page.getByTestId('import-template').waitFor();
    await shot(page, 'import-start');

    // The template, as the officer's browser saves it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    expect(download.suggestedFilename()).toBe('项目台账导入模板.xlsx');
    const template = readFileSync((await download.path())!);
    // 14 projects, two at each stage; row 4 (the 3rd record) with a credit code one character off, row 9 dated in the future.
    const records = Array.from({ length: 14 }, (_, i) => ledgerRecord(i, zone, tag));
    records[2] = { ...records[2], 统一社会信用代码: `${String(records[2]['统一社会信用代码']).slice(0, 17)}${String(records[2]['统一社会信用代码']).endsWith('0') ? '1' : '0'}` };
    records[7] = { ...records[7], 签约日期: '2099-01-01' };
    const filled = await fillLedgerTemplate(template, records);

    await page.locator('input[type="file"]').first().setInputFiles({ name: `${tag}项目台账.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: filled });
    await page.getByTestId('import-batch').waitFor();
    await until('the dry run shown', async () => (await page.getByTestId('import-status').innerText()) === '已校验，待导入', 20_000, 300);
    expect(await page.getByTestId('import-error-rows').innerText()).toContain('2');
    await page.getByTestId('import-row-4').getByText('统一社会信用代码：统一社会信用代码校验码不正确').waitFor();
    await page.getByTestId('import-row-9').getByText(/签约日期：签约日期不能晚于今天/).waitFor();
    await shot(page, 'import-dry-run');
    // Nothing was written by the dry run.
    const before = await api.get(officer, 'project-intake', `/projects?q=${encodeURIComponent(tag)}&pageSize=100`);
    expect(before.total).toBe(0);

    // The marked workbook downloads too.
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-report').click()]);
    expect(report.suggestedFilename()).toMatch(/^校验报告-.*\.xlsx$/);

    await page.getByTestId('import-commit').click();
    await page.getByRole('button', { name: '确认导入', exact: true }).click();
    await until('the batch committed', async () => (await page.getByTestId('import-status').innerText()) === '已导入', 60_000, 500);
    await shot(page, 'import-committed');
    const imported = await api.get(officer, 'project-intake', `/projects?q=${encodeURIComponent(tag)}&pageSize=100`);
    expect(imported.total).toBe(12);

    // In the register, found by name, each at its stage (a project signed by a ledger opens its approvals as any other).
    await page.goto(`${CONSOLE}/projects`);
    const search = page.getByPlaceholder(/项目名称/).first();
    await search.fill(`${tag}导入项目5号`);
    await search.press('Enter');
    const row = page.locator('[data-testid^="project-row-"]').filter({ hasText: `${tag}导入项目5号` });
    await row.waitFor();
    await row.getByText('投产').first().waitFor();
  });
});
