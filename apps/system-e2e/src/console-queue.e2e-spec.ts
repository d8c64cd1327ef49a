import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { DEMO_ENTERPRISES, ProjectJourney, until, zoneUsers, type DemoEnterprise } from '@devzone/demo';
import { creditCodeFrom } from '@devzone/shared-kernel';
import { CONSOLE, DESKTOP, launchBrowser, shot, signIn, testPlans } from './support/browser';
import { enterpriseAccount, stackApi } from './support/stack';

/**
 * Search in the console (issue 17): a department officer finds a case in its queue by part of the
 * project's name and grants an item through the confirmation with an opinion, which the case then
 * records; a zone officer finds an enterprise's credit records by part of its name.
 */
describe('console: searching the approval queue and the credit records (browser)', () => {
  const api = stackApi();
  let browser: Browser;
  const serial = String(randomInt(1_000_000)).padStart(6, '0');
  const plan = testPlans(`队列检索${serial}号园区`);

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a department officer types part of a project name in its queue, sees that project’s rows only, opens the case and grants an item with an opinion', async () => {
    const enterprise = DEMO_ENTERPRISES[1];
    const people = zoneUsers(enterprise.zoneCode);
    const officer = people.departmentOfficer('住房和城乡建设局');
    // On land: 消防设计审查 (A05, 住建) and 施工许可 (A06, after A05) applied for.
    const journey = await new ProjectJourney(api, plan(enterprise, { landAreaMu: 30 })).runTo('committed');
    await api.post(people.officer, 'commitment-approval', `/cases/${journey.caseId}/precheck`, { passed: true, opinion: '承诺内容完整，预审通过。' });
    for (const code of ['A05', 'A06']) await api.post(enterprise, 'commitment-approval', `/cases/${journey.caseId}/items/${code}/application`);
    // The service answers the search, and counts the same queue.
    const part = `检索${serial}号`;
    const found = await api.get(officer, 'commitment-approval', `/queue?zone=${enterprise.zoneCode}&q=${encodeURIComponent(part)}&pageSize=100`);
    expect(found.items.map((e: { caseId: string; itemCode: string }) => `${e.caseId}:${e.itemCode}`).sort()).toEqual([`${journey.caseId}:A05`, `${journey.caseId}:A06`]);
    expect(await api.get(officer, 'commitment-approval', `/queue/summary?zone=${enterprise.zoneCode}&q=${encodeURIComponent(part)}`)).toMatchObject({ count: 2, blocked: 1 });

    const page = await signIn(browser, officer.username, { viewport: DESKTOP });
    await page.goto(`${CONSOLE}/queue`);
    await page.getByTestId('queue-summary').waitFor();
    await page.getByTestId('queue-search').locator('input').fill(part);
    await page.getByTestId('queue-search').locator('input').press('Enter');
    const rows = page.locator('[data-testid^="queue-row-"]');
    await until(
      'the queue filtered to the project',
      async () => {
        const ids = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
        return ids.length === 2 && ids.every((id) => id?.startsWith(`queue-row-${journey.caseId}-`));
      },
      20_000,
    );
    expect(new URL(page.url()).searchParams.get('q')).toBe(part); // a link keeps the search
    await page.getByTestId('queue-count-total').getByText('共 2 项').waitFor(); // the counts of the whole filtered queue
    await page.getByTestId('queue-count-blocked').getByText('待前置事项 1').waitFor(); // A06 waits for A05
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    await shot(page, 'queue-search');
    // 导出 Excel: the filtered queue, every row, with the zh headers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('queue-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^审批队列-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0];
    expect((sheet.getRow(2).values as unknown[]).slice(1, 10)).toEqual(['项目代码', '项目名称', '企业', '事项代码', '事项', '部门', '程序', '状态', '到期日']);
    expect(Array.from({ length: sheet.rowCount - 2 }, (_, i) => `${sheet.getRow(i + 3).getCell(2).text}:${sheet.getRow(i + 3).getCell(4).text}`).sort()).toEqual([`${journey.plan.name}:A05`, `${journey.plan.name}:A06`]);

    // A reload keeps the filter.
    await page.reload();
    await page.getByTestId(`queue-row-${journey.caseId}-A05`).waitFor();
    expect(await rows.count()).toBe(2);

    // Opened from its row: 受理, then 准予, each confirmed with the 审查意见, which the case's record shows.
    await page.getByTestId(`queue-row-${journey.caseId}-A05`).click();
    await page.waitForURL(`**/cases/${journey.caseId}`);
    await page.getByTestId('accept-A05').click();
    await page.getByTestId('act-opinion').fill('消防设计审查申请材料齐全，予以受理。');
    await page.getByTestId('confirm-act').click();
    await page.getByTestId('act-opinion').waitFor({ state: 'detached' });
    await until('A05 accepted', async () => (await api.get(officer, 'commitment-approval', `/cases/${journey.caseId}`)).items.find((i: { itemCode: string }) => i.itemCode === 'A05').status === 'ACCEPTED');
    await page.getByTestId('grant-A05').click();
    await page.getByTestId('act-opinion').fill(`检索测试${serial}：消防设计符合规范，准予。`);
    await page.getByTestId('confirm-act').click();
    await page.getByTestId('act-opinion').waitFor({ state: 'detached' });
    await until('A05 granted', async () => (await api.get(officer, 'commitment-approval', `/cases/${journey.caseId}`)).items.find((i: { itemCode: string }) => i.itemCode === 'A05').status === 'GRANTED');
    await page.getByTestId('case-record').getByText(`检索测试${serial}：消防设计符合规范，准予。`).waitFor();

    // Back in the queue with the same search: the granted A05 is gone, A06 remains.
    await page.goto(`${CONSOLE}/queue?q=${encodeURIComponent(part)}`);
    await page.getByTestId(`queue-row-${journey.caseId}-A06`).waitFor();
    await until('A05 gone from the queue', async () => (await page.getByTestId(`queue-row-${journey.caseId}-A05`).count()) === 0, 20_000);
    await page.context().close();
  });

  it('a zone officer finds an enterprise’s credit records by part of its name, another zone’s officer does not, and the enterprise’s credit opens from the result', async () => {
    const enterpriseName = `晋中检索${serial}精工有限公司`;
    const enterprise: DemoEnterprise = await enterpriseAccount({
      name: '检索测试联系人',
      role: 'enterprise',
      zones: [],
      creditCode: creditCodeFrom(`91140100MC${serial}`.padEnd(17, '3')),
      mobile: `1380${serial}`.padEnd(11, '7'),
      email: `search-${serial}@enterprise.example.cn`,
      title: '项目联系人',
      zoneCode: 'SX-ZGQ',
      enterpriseName,
      industryCode: 'C3021',
    });
    const people = zoneUsers(enterprise.zoneCode!);
    // A grant obtained by a false commitment, revoked (撤销): a 严重 credit record.
    const journey = await new ProjectJourney(api, testPlans(`信用检索${serial}`)(enterprise)).runTo('approved');
    const c = await api.get(people.officer, 'commitment-approval', `/cases/${journey.caseId}`);
    const committed = c.items.find((i: { procedure: string; status: string }) => i.procedure === 'commitment' && i.status === 'GRANTED');
    await api.post(people.officer, 'commitment-approval', `/cases/${journey.caseId}/items/${committed.itemCode}/revocation`, { reason: '核查发现与承诺不符（检索测试）', opinion: '经核查承诺不实，依法撤销。' });
    const part = `检索${serial}精工`;
    const records = await until('the credit record', async () => {
      const page = await api.get(people.officer, 'commitment-approval', `/credit-records?q=${encodeURIComponent(part)}`);
      return page.total > 0 ? page : undefined;
    });
    expect(records.items.every((r: { enterpriseName: string }) => r.enterpriseName === enterpriseName)).toBe(true);
    expect(await api.get(zoneUsers('CZ-GXQ').officer, 'commitment-approval', `/credit-records?q=${encodeURIComponent(part)}`)).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });

    const page = await signIn(browser, people.officer.username, { viewport: DESKTOP });
    await page.goto(`${CONSOLE}/credit`);
    await page.getByTestId('credit-search').locator('input').fill(part);
    await page.getByTestId('credit-search').locator('input').press('Enter');
    await page.getByTestId(`credit-result-${records.items[0].id}`).waitFor();
    await page.getByTestId('credit-search-card').locator('.ant-spin-spinning').first().waitFor({ state: 'detached' }); // loaded, not fading
    await shot(page, 'credit-search');
    await page.getByTestId(`credit-enterprise-${enterprise.creditCode}`).first().click();
    await page.getByTestId('credit-detail').getByText(enterpriseName).first().waitFor();
    await page.getByTestId(`credit-record-${records.items[0].id}`).waitFor();
    expect(new URL(page.url()).searchParams.get('creditCode')).toBe(enterprise.creditCode);
    await page.context().close();
  });
});
