import { creditCodeFrom } from '@devzone/shared-kernel';
import { buildProjectCode } from './project-code';
import { cellDate, duplicateKeys, LEDGER_COLUMNS, parseLedgerRow, type LedgerCells, type LedgerContext, type LedgerProblem } from './ledger';

const ctx: LedgerContext = { knownZones: new Set(['SX-ZGQ', 'CZ-GXQ']), importerZones: new Set(['SX-ZGQ']), today: '2026-11-30' };
const CREDIT = creditCodeFrom('91140100MA0K12345');

/** A project in production, as a zone's ledger would hold it. */
const row = (overrides: Partial<LedgerCells> = {}): Partial<LedgerCells> => ({
  projectCode: '',
  name: '年产5万吨新型建材项目',
  enterpriseName: '山西示例建材有限公司',
  creditCode: CREDIT,
  zoneCode: 'SX-ZGQ',
  industryCode: 'C3021',
  projectType: '基本建设项目',
  totalInvestment: 52000,
  fixedAssetInvestment: 41000,
  projectedAnnualOutput: 80000,
  landAreaMu: 120,
  landPath: '标准地',
  landDocument: '晋(2024)太原市出让合同第0012号',
  wantsFullAgency: '是',
  signedOn: '2024-03-01',
  plannedStart: '2024-06-01',
  plannedCompletion: '2025-06-30',
  plannedProduction: '2025-09-01',
  stage: '投产',
  approvalState: '已办结',
  approvalDocument: '晋综改施字〔2024〕18号',
  startedOn: new Date('2024-06-15T00:00:00Z'),
  completedOn: '2025/7/1',
  productionOn: '2025年9月20日',
  fullProductionOn: '',
  contactName: '张伟',
  contactMobile: '13800000000',
  ...overrides,
});

const problems = (cells: Partial<LedgerCells>): LedgerProblem[] => {
  const parsed = parseLedgerRow(cells, ctx);
  return parsed.ok ? [] : parsed.problems;
};
const messages = (cells: Partial<LedgerCells>) => problems(cells).map((p) => `${p.header}：${p.message}`);

describe('项目台账 rows (issue 18)', () => {
  it('a complete row is a project at its stage, its dates normalised from date cells and Chinese date text', () => {
    const parsed = parseLedgerRow(row(), ctx);
    expect(parsed.ok && parsed.project).toMatchObject({
      stage: 'IN_PRODUCTION',
      landPath: 'standard-land',
      projectType: 'capital-construction',
      approvalState: 'granted',
      wantsFullAgency: true,
      actualDates: { start: '2024-06-15', completion: '2025-07-01', production: '2025-09-20', fullProduction: null },
      contact: { name: '张伟', mobile: '13800000000' },
    });
  });

  it('every required column, named', () => {
    const required = LEDGER_COLUMNS.filter((c) => c.required);
    const empty = Object.fromEntries(required.map((c) => [c.key, '']));
    expect(messages(row(empty))).toEqual(expect.arrayContaining(required.map((c) => `${c.header}：${c.header}不能为空`)));
  });

  it('the credit code: length, characters, check character', () => {
    expect(messages(row({ creditCode: '91140100MA0K1234' }))).toEqual(['统一社会信用代码：统一社会信用代码应为18位']);
    expect(messages(row({ creditCode: '91140100MA0K1234O5' }))).toEqual(['统一社会信用代码：统一社会信用代码含有不允许的字符（不用I、O、S、V、Z）']);
    const wrongCheck = CREDIT.slice(0, 17) + (CREDIT[17] === '0' ? '1' : '0');
    expect(messages(row({ creditCode: wrongCheck }))).toEqual(['统一社会信用代码：统一社会信用代码校验码不正确']);
    expect(messages(row({ creditCode: CREDIT.toLowerCase() }))).toEqual([]); // lower case is read as upper
  });

  it('the zone: known, and one the importer works in', () => {
    expect(messages(row({ zoneCode: 'XX-NONE' }))).toEqual(['开发区代码：开发区代码不存在：XX-NONE']);
    expect(messages(row({ zoneCode: 'CZ-GXQ' }))).toEqual(['开发区代码：您不负责开发区 CZ-GXQ，不能导入该开发区的项目']);
    expect(parseLedgerRow(row({ zoneCode: 'CZ-GXQ' }), { ...ctx, importerZones: null }).ok).toBe(true);
  });

  it('codes and numbers', () => {
    expect(messages(row({ projectCode: '2504-140100' }))).toEqual(['项目代码：项目代码应为24位全国投资项目代码，如 2504-140100-89-01-000123X']);
    const code = buildProjectCode({ issuedOn: '2024-03-01', regionCode: '140100', departmentCode: '89', projectType: 'capital-construction', serial: 123 });
    expect(messages(row({ projectCode: code }))).toEqual([]);
    expect(messages(row({ industryCode: '3021' }))).toEqual(['行业代码：行业代码应为国民经济行业分类代码，如 C3021']);
    expect(messages(row({ projectType: '新建' }))).toEqual(['项目类型：项目类型应为 基本建设项目 / 技术改造项目 / 单纯购置项目 / 信息化项目 / 其他项目']);
    expect(messages(row({ totalInvestment: '五亿' }))).toEqual(['总投资（万元）：总投资（万元）应为不小于0的数字', '固定资产投资（万元）：固定资产投资不能大于总投资']);
    expect(messages(row({ fixedAssetInvestment: 60000 }))).toEqual(['固定资产投资（万元）：固定资产投资不能大于总投资']);
    expect(messages(row({ totalInvestment: '52,000' }))).toEqual([]);
    expect(messages(row({ contactMobile: '0351-1234567' }))).toEqual(['联系电话：联系电话应为11位手机号']);
    expect(messages(row({ wantsFullAgency: 'Y' }))).toEqual(['是否全代办：是否全代办应填“是”或“否”']);
  });

  it('land: the path by name, an area when it needs land, a document once the land must be secured', () => {
    expect(messages(row({ landPath: '划拨' }))).toEqual(['用地方式：用地方式应为 标准地 / 招拍挂出让 / 自有用地 / 租赁厂房 / 无新增用地']);
    expect(messages(row({ landPath: '无新增用地' }))).toEqual(['用地方式：有用地需求的项目不能选“无新增用地”']);
    expect(messages(row({ landAreaMu: 0 }))).toEqual(['用地面积（亩）：用地方式为标准地时用地面积应大于0']);
    expect(messages(row({ landDocument: '' }))).toEqual(['用地文件号：当前阶段为投产，用地应已落实，请填写用地文件号']);
    expect(messages(row({ landPath: '无新增用地', landAreaMu: 0, landDocument: '' }))).toEqual([]);
  });

  it('dates: valid, not in the future where they record what happened, in order', () => {
    expect(messages(row({ signedOn: '2024-02-30' }))).toEqual(['签约日期：签约日期不是有效日期，应为 YYYY-MM-DD']);
    expect(messages(row({ productionOn: '2027-01-01' }))).toEqual(['投产日期：投产日期不能晚于今天（2026-11-30）']);
    expect(messages(row({ startedOn: '2024-01-01' }))).toEqual(['实际开工日期：实际开工日期不能早于签约日期（2024-03-01）']);
    expect(messages(row({ productionOn: '2025-06-01' }))).toEqual(['投产日期：投产日期不能早于竣工日期（2025-07-01）']);
    expect(messages(row({ plannedCompletion: '2024-05-01' }))).toEqual(['计划竣工日期：计划竣工日期不能早于计划开工日期（2024-06-01）']);
    // Planned dates may lie ahead.
    expect(messages(row({ plannedProduction: '2027-03-01' }))).toEqual([]);
  });

  it('the stage against the dates and facts given', () => {
    expect(messages(row({ stage: '达产' }))).toEqual(['达产日期：当前阶段为达产，应填写达产日期']);
    expect(messages(row({ stage: '在建' }))).toEqual(['竣工日期：当前阶段为在建，不应有竣工日期（请核对阶段）', '投产日期：当前阶段为在建，不应有投产日期（请核对阶段）']);
    expect(messages(row({ stage: '在建', completedOn: '', productionOn: '', approvalState: '办理中' }))).toEqual(['审批状态：当前阶段为在建，审批应已办结']);
    expect(messages(row({ stage: '签约', startedOn: '', completedOn: '', productionOn: '', approvalState: '办理中', approvalDocument: '', landDocument: '' }))).toEqual([
      '审批状态：签约阶段的项目审批状态应为“未申报”；已申报的请填“审批中”',
    ]);
    expect(messages(row({ stage: '审批中', startedOn: '', completedOn: '', productionOn: '' }))).toEqual(['当前阶段：审批已办结的项目应为“具备开工条件”或之后的阶段']);
    expect(messages(row({ approvalDocument: '' }))).toEqual(['施工许可或批复文号：审批已办结的项目应填写施工许可或批复文号']);
    expect(messages(row({ stage: '暂停' }))).toEqual(['当前阶段：暂停的项目请按其暂停或终止前的阶段导入，导入后再办理暂停']);
    expect(messages(row({ stage: '试生产' }))).toEqual(['当前阶段：当前阶段应为 签约 / 审批中 / 具备开工条件 / 在建 / 竣工 / 投产 / 达产']);
    expect(messages(row({ stage: '审批中', approvalState: '办理中', approvalDocument: '', startedOn: '', completedOn: '', productionOn: '', landDocument: '' }))).toEqual([]);
  });

  it('all of a row’s problems at once, each with its column', () => {
    const found = problems(row({ creditCode: 'X', zoneCode: 'XX', signedOn: 'yesterday' }));
    expect(found.map((p) => p.column)).toEqual(['creditCode', 'zoneCode', 'signedOn']);
  });

  it('duplicates: by project code, and by credit code with the name (spaces ignored)', () => {
    expect(duplicateKeys({ projectCode: null, creditCode: CREDIT, name: '年产 5万吨 项目' })).toEqual([`name:${CREDIT}:年产5万吨项目`]);
    expect(duplicateKeys({ projectCode: 'C', creditCode: CREDIT, name: 'n' })).toEqual(['code:C', `name:${CREDIT}:n`]);
  });

  it('date cells', () => {
    expect(cellDate('2025-1-5')).toBe('2025-01-05');
    expect(cellDate('')).toBeNull();
    expect(cellDate('2025-13-01')).toBe('invalid');
    expect(cellDate({ result: new Date('2025-03-04T00:00:00Z') })).toBe('2025-03-04');
    expect(cellDate(45352)).toBe('2024-03-01'); // Excel's day number
    expect(cellDate(12.5)).toBe('invalid');
  });
});
