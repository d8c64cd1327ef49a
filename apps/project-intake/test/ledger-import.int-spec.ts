import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { parseEvent, ProjectImported, type ProjectImportedV1 } from '@devzone/contracts';
import type { Principal } from '@devzone/auth';
import { startService, XLSX_TYPE, type RunningService } from '@devzone/platform';
import { as, createTestDatabase, dropTestDatabase, get, post, readTopic, uniqueName, type Json } from '@devzone/testing';
import { AppModule } from '../src/app.module';
import { LEDGER_COLUMNS } from '../src/domain/ledger';
import { LEDGER_SHEET } from '../src/application/ledger-workbook';
import { ledgerRow, ledgerWorkbook } from './ledger.fixtures';

const ZONE = 'JC-JKQ';
const officer: Principal = { sub: 'jc-officer-import', name: '晋城经开区审批专员', role: 'zone-officer', zones: [ZONE] };
const manager: Principal = { sub: 'jc-manager-import', name: '晋城经开区管理者', role: 'zone-manager', zones: [ZONE] };
const otherOfficer: Principal = { sub: 'cz-officer-import', name: '长治高新区审批专员', role: 'zone-officer', zones: ['CZ-GXQ'] };

/**
 * 项目台账 import (issue 18) over real PostgreSQL and Kafka: the template, the dry
 * run (nothing written), its report, the commit (projects at their stages, one
 * project.imported each), figures counting them, a second import of the same
 * file changing nothing.
 */
describe('项目台账 import (issue 18)', () => {
  const name = uniqueName('intake_import');
  let service: RunningService;
  let db: DataSource;
  const count = async (sql: string) => (await db.query(sql))[0].n as number;
  const projects = () => count(`SELECT count(*)::int AS n FROM projects`);
  const outbox = () => count(`SELECT count(*)::int AS n FROM messaging_outbox`);

  beforeAll(async () => {
    service = await startService(AppModule, { service: 'project-intake', databaseUrl: await createTestDatabase(name), topicPrefix: `${name}.` });
    db = service.app.get(DataSource);
  });
  afterAll(async () => {
    await service?.close();
    await dropTestDatabase(name);
  });

  const upload = async (file: Buffer, who: Principal = officer, fileName = '晋城经开区项目台账.xlsx') => {
    const response = await fetch(`${service.url}/imports?fileName=${encodeURIComponent(fileName)}`, { method: 'POST', headers: { 'content-type': XLSX_TYPE, ...as(who) }, body: new Uint8Array(file) });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const rowsOf = async (id: string, status?: string) => {
    const all: { row: number; status: string; problems: { header: string; message: string }[]; projectId: string | null }[] = [];
    for (let page = 1; ; page++) {
      const { body } = await get(`${service.url}/imports/${id}/rows?pageSize=100&page=${page}${status ? `&status=${status}` : ''}`, as(officer));
      all.push(...body['items']);
      if (all.length >= body['total'] || !body['items'].length) return all;
    }
  };

  it('the template: the ledger sheet with every column and the zones the caller may import into', async () => {
    const response = await fetch(`${service.url}/imports/template`, { headers: as(officer) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as never);
    expect(book.getWorksheet(LEDGER_SHEET)!.getRow(1).values).toEqual([undefined, ...LEDGER_COLUMNS.map((c) => c.header)]);
    expect(book.getWorksheet('开发区')!.getColumn(1).values.slice(2)).toEqual([ZONE]);
    // Enterprises and department officers do not import.
    expect((await fetch(`${service.url}/imports/template`, { headers: as({ sub: 'e', name: '企业', role: 'enterprise', zones: [], creditCode: '91350100M000100Y43' }) })).status).toBe(403);
  });

  it('a file with 20 bad rows: the dry run reports exactly those rows, by column, in Chinese, and writes nothing', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => ledgerRow(i, ZONE, '坏行'));
    const bad = new Map<number, string>();
    const spoil = (i: number, patch: Partial<(typeof rows)[number]>, header: string) => {
      rows[i] = { ...rows[i], ...patch };
      bad.set(i + 2, header); // the header is row 1
    };
    for (let k = 0; k < 20; k++) {
      const i = k * 3;
      if (k % 5 === 0) spoil(i, { creditCode: '91140100MA0000000X' }, '统一社会信用代码');
      else if (k % 5 === 1) spoil(i, { zoneCode: 'CZ-GXQ' }, '开发区代码');
      else if (k % 5 === 2) spoil(i, { signedOn: '2099-01-01' }, '签约日期');
      else if (k % 5 === 3) spoil(i, { stage: '达产', fullProductionOn: '' }, '达产日期');
      else spoil(i, { name: rows[i - 1].name, enterpriseName: rows[i - 1].enterpriseName, creditCode: rows[i - 1].creditCode }, '项目名称'); // the row before, again
    }
    const [projectsBefore, outboxBefore] = [await projects(), await outbox()];
    const { status, body } = await upload(await ledgerWorkbook(rows), officer, '有错误的台账.xlsx');
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: 'checked', statusName: '已校验，待导入', totalRows: 60, errorRows: 20, validRows: 40, unchangedRows: 0, importedRows: 0, actions: ['commit'] });
    const errors = await rowsOf(body.id, 'error');
    expect(errors.map((r) => r.row)).toEqual([...bad.keys()]);
    for (const r of errors) expect(r.problems.map((p) => p.header)).toContain(bad.get(r.row));
    expect(errors.find((r) => r.row === 2)!.problems).toEqual([{ column: 'creditCode', header: '统一社会信用代码', message: '统一社会信用代码校验码不正确' }]);
    expect(errors.find((r) => r.row === 5)!.problems[0].message).toBe('您不负责开发区 CZ-GXQ，不能导入该开发区的项目');
    expect(errors.find((r) => r.row === 14)!.problems[0].message).toMatch(/^与第13行是同一项目/);
    expect([await projects(), await outbox()]).toEqual([projectsBefore, outboxBefore]);

    // The upload given back: the 错误 column says it per row, the cell is marked.
    const report = await fetch(`${service.url}/imports/${body.id}/report`, { headers: as(officer) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await report.arrayBuffer()) as never);
    const sheet = book.getWorksheet(LEDGER_SHEET)!;
    const errorColumn = LEDGER_COLUMNS.length + 1;
    const marked = [];
    for (let r = 2; r <= 61; r++) if (String(sheet.getRow(r).getCell(errorColumn).value ?? '')) marked.push(r);
    expect(marked).toEqual([...bad.keys()]);
    expect(sheet.getRow(2).getCell(errorColumn).value).toBe('统一社会信用代码：统一社会信用代码校验码不正确');

    // Another zone's officer does not see the batch.
    expect((await get(`${service.url}/imports/${body.id}`, as(otherOfficer))).status).toBe(404);
  });

  it('a 500-row ledger at every stage imports: projects at their stages, one project.imported each; figures count them; importing it again changes nothing', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => ledgerRow(i, ZONE, '五百'));
    const file = await ledgerWorkbook(rows);
    const checked = await upload(file, manager);
    expect(checked.body).toMatchObject({ totalRows: 500, validRows: 500, errorRows: 0 });
    const outboxBefore = await outbox();
    const committed = await post(`${service.url}/imports/${checked.body.id}/commit`, {}, as(manager));
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ status: 'committed', statusName: '已导入', importedRows: 500, validRows: 0, actions: [] });
    expect((await outbox()) - outboxBefore).toBe(500);

    // Each at its stage, with its dates and facts.
    const stages = (await db.query(`SELECT stage, count(*)::int AS n FROM projects WHERE name LIKE '五百导入项目%' GROUP BY stage ORDER BY stage`)) as { stage: string; n: number }[];
    expect(Object.fromEntries(stages.map((s) => [s.stage, s.n]))).toEqual({ SIGNED: 72, APPROVING: 72, READY_TO_START: 72, UNDER_CONSTRUCTION: 71, COMPLETED: 71, IN_PRODUCTION: 71, FULL_PRODUCTION: 71 });
    const [inProduction] = (await rowsOf(checked.body.id)).filter((r) => r.row === 2 + 5); // row index 5: 投产
    const project = (await get(`${service.url}/projects/${inProduction.projectId}`, as(manager))).body;
    expect(project).toMatchObject({ stage: 'IN_PRODUCTION', zoneCode: ZONE, conditions: { approvalsGranted: true, landSecured: true } });
    expect(project['milestones'].start.actual).toBe(rows[5].startedOn);
    // Its timeline says 导入, with the file and the row.
    const timeline = (await get(`${service.url}/projects/${inProduction.projectId}/timeline`, as(manager))).body;
    expect(timeline['items']).toEqual([expect.objectContaining({ type: 'project.imported', summary: expect.stringMatching(/^导入：据项目台账（晋城经开区项目台账\.xlsx 第7行）带入，阶段 投产/) })]);
    // The event carries the stage and the historic facts.
    const messages = (await readTopic(`${name}.project.events`, 500)).filter((m) => m.key === inProduction.projectId);
    const event = parseEvent<ProjectImportedV1>(messages[0].value);
    expect(event).toMatchObject({
      type: ProjectImported.type,
      actor: { id: manager.sub, role: 'zone-manager' },
      payload: { stage: 'IN_PRODUCTION', approval: { state: 'granted', document: rows[5].approvalDocument }, land: { path: 'grant' }, actualDates: { start: rows[5].startedOn, production: rows[5].productionOn }, source: { batchId: checked.body.id, fileName: '晋城经开区项目台账.xlsx', row: 7 } },
    });

    // 三个一批 counts them (no window: every project signed in the zone; 500 imported, 8 of every 14 in production or 达产…).
    const figures = (await get(`${service.url}/figures/three-batches?zone=${ZONE}`, as(manager))).body;
    const inZone = (sql: string) => count(`SELECT count(*)::int AS n FROM projects WHERE zone_code = '${ZONE}' AND ${sql}`);
    expect(figures['signed'].count).toBe(await inZone('true'));
    expect(figures['signed'].count).toBeGreaterThanOrEqual(500);
    expect(figures['started'].count).toBe(await inZone(`actual_start IS NOT NULL`));
    expect(figures['started'].count).toBeGreaterThanOrEqual(71 * 4);
    expect(figures['inProduction'].count).toBe(await inZone(`actual_production IS NOT NULL`));
    expect(figures['inProduction'].count).toBeGreaterThanOrEqual(71 * 2);

    // The same file again: every row unchanged; committing it writes nothing.
    const [projectsBefore, outboxAgain] = [await projects(), await outbox()];
    const again = await upload(file, officer);
    expect(again.body).toMatchObject({ totalRows: 500, validRows: 0, unchangedRows: 500, errorRows: 0, actions: [] });
    const recommitted = await post(`${service.url}/imports/${again.body.id}/commit`, {}, as(officer));
    expect(recommitted.body).toMatchObject({ status: 'committed', importedRows: 0 });
    // And committing the first batch again changes nothing either.
    expect((await post(`${service.url}/imports/${checked.body.id}/commit`, {}, as(manager))).body).toMatchObject({ status: 'committed', importedRows: 500 });
    expect([await projects(), await outbox()]).toEqual([projectsBefore, outboxAgain]);

    // A changed row of an imported project is not imported twice: it is reported.
    const changed = await upload(await ledgerWorkbook([{ ...rows[0], totalInvestment: 99_999 }]), officer);
    expect(changed.body).toMatchObject({ errorRows: 1 });
    expect((await rowsOf(changed.body.id))[0].problems[0].message).toMatch(/^与已有项目重复：.*台账内容已有变化/);
  });

  it('refuses what is not a ledger: 400 with the reason, nothing written', async () => {
    const before = await count(`SELECT count(*)::int AS n FROM import_batches`);
    const notXlsx = await upload(Buffer.from('项目名称,企业名称\n'));
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body).toMatchObject({ code: 'ledger-file' });
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Sheet1').addRow(['项目名称']);
    const wrong = await upload(Buffer.from(await book.xlsx.writeBuffer()));
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('表格缺少必填列');
    const json = await post(`${service.url}/imports`, { rows: [] }, as(officer));
    expect(json.status).toBe(400);
    expect(await count(`SELECT count(*)::int AS n FROM import_batches`)).toBe(before);
  });
});
