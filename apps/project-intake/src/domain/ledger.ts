import { LAND_PATH_ZH, LAND_PATHS, PROJECT_TYPES, STAGE_NAMES_ZH, type LandPath, type LifecycleStage, type ProjectType } from '@devzone/contracts';
import { CREDIT_CODE_PROBLEMS_ZH, creditCodeProblem, isIsoDate, type IsoDate } from '@devzone/shared-kernel';
import { PROJECT_CODE_FORMAT } from './project-code';

/**
 * 项目台账 (a zone's project ledger) as a workbook imports it (issue 18): one row
 * per project, at whatever stage the zone follows it today. This module is the
 * rules only — what each column holds, what a row must satisfy, what a valid row
 * means — so that the dry run, the commit and the template all read one table.
 */

/** The stages a ledger may bring a project in at (暂停 and 终止 are acts on a project the product follows, not a starting point). */
export const IMPORTABLE_STAGES = ['SIGNED', 'APPROVING', 'READY_TO_START', 'UNDER_CONSTRUCTION', 'COMPLETED', 'IN_PRODUCTION', 'FULL_PRODUCTION'] as const satisfies readonly LifecycleStage[];
export type ImportableStage = (typeof IMPORTABLE_STAGES)[number];

/** 审批状态 as a ledger records it. */
export const APPROVAL_STATES = { 'not-started': '未申报', 'in-progress': '办理中', granted: '已办结' } as const;
export type ApprovalState = keyof typeof APPROVAL_STATES;

export const PROJECT_TYPE_ZH: Record<ProjectType, string> = {
  'capital-construction': '基本建设项目',
  'technical-renovation': '技术改造项目',
  'equipment-purchase': '单纯购置项目',
  information: '信息化项目',
  other: '其他项目',
};

/** One column of the ledger: its key, its zh header (the template's, matched on upload) and whether a row must fill it. */
export interface LedgerColumn {
  key: keyof LedgerCells;
  header: string;
  required: boolean;
  /** What the template's second row explains. */
  hint: string;
}

/** A row's cells as read (text, numbers, dates: whatever the sheet held; normalised by parseLedgerRow). */
export type LedgerCells = Record<
  | 'projectCode'
  | 'name'
  | 'enterpriseName'
  | 'creditCode'
  | 'zoneCode'
  | 'industryCode'
  | 'projectType'
  | 'totalInvestment'
  | 'fixedAssetInvestment'
  | 'projectedAnnualOutput'
  | 'landAreaMu'
  | 'landPath'
  | 'landDocument'
  | 'wantsFullAgency'
  | 'signedOn'
  | 'plannedStart'
  | 'plannedCompletion'
  | 'plannedProduction'
  | 'stage'
  | 'approvalState'
  | 'approvalDocument'
  | 'startedOn'
  | 'completedOn'
  | 'productionOn'
  | 'fullProductionOn'
  | 'contactName'
  | 'contactMobile',
  unknown
>;

export const LEDGER_COLUMNS: LedgerColumn[] = [
  { key: 'projectCode', header: '项目代码', required: false, hint: '24位全国投资项目代码；未赋码的留空，导入时生成' },
  { key: 'name', header: '项目名称', required: true, hint: '' },
  { key: 'enterpriseName', header: '企业名称', required: true, hint: '' },
  { key: 'creditCode', header: '统一社会信用代码', required: true, hint: '18位' },
  { key: 'zoneCode', header: '开发区代码', required: true, hint: '见“开发区”表' },
  { key: 'industryCode', header: '行业代码', required: true, hint: 'GB/T 4754，如 C3021' },
  { key: 'projectType', header: '项目类型', required: false, hint: '见“代码”表；默认基本建设项目' },
  { key: 'totalInvestment', header: '总投资（万元）', required: true, hint: '' },
  { key: 'fixedAssetInvestment', header: '固定资产投资（万元）', required: true, hint: '不大于总投资' },
  { key: 'projectedAnnualOutput', header: '预计年产值（万元）', required: true, hint: '' },
  { key: 'landAreaMu', header: '用地面积（亩）', required: true, hint: '使用现有厂房填 0' },
  { key: 'landPath', header: '用地方式', required: true, hint: '标准地 / 招拍挂出让 / 自有用地 / 租赁厂房 / 无新增用地' },
  { key: 'landDocument', header: '用地文件号', required: false, hint: '出让合同号、不动产权证号或租赁合同号；开工及以后必填（无新增用地除外）' },
  { key: 'wantsFullAgency', header: '是否全代办', required: true, hint: '是 / 否' },
  { key: 'signedOn', header: '签约日期', required: true, hint: 'YYYY-MM-DD' },
  { key: 'plannedStart', header: '计划开工日期', required: true, hint: 'YYYY-MM-DD' },
  { key: 'plannedCompletion', header: '计划竣工日期', required: true, hint: 'YYYY-MM-DD' },
  { key: 'plannedProduction', header: '计划投产日期', required: true, hint: 'YYYY-MM-DD' },
  { key: 'stage', header: '当前阶段', required: true, hint: '签约 / 审批中 / 具备开工条件 / 在建 / 竣工 / 投产 / 达产' },
  { key: 'approvalState', header: '审批状态', required: true, hint: '未申报 / 办理中 / 已办结' },
  { key: 'approvalDocument', header: '施工许可或批复文号', required: false, hint: '审批已办结的必填' },
  { key: 'startedOn', header: '实际开工日期', required: false, hint: '在建及以后必填' },
  { key: 'completedOn', header: '竣工日期', required: false, hint: '竣工及以后必填' },
  { key: 'productionOn', header: '投产日期', required: false, hint: '投产及以后必填' },
  { key: 'fullProductionOn', header: '达产日期', required: false, hint: '达产必填' },
  { key: 'contactName', header: '联系人', required: true, hint: '' },
  { key: 'contactMobile', header: '联系电话', required: true, hint: '11位手机号' },
];

/** A valid row, normalised: what the commit turns into a project at its stage. */
export interface LedgerProject {
  projectCode: string | null;
  name: string;
  enterpriseName: string;
  creditCode: string;
  zoneCode: string;
  industryCode: string;
  projectType: ProjectType;
  totalInvestment: number;
  fixedAssetInvestment: number;
  projectedAnnualOutput: number;
  landAreaMu: number;
  landPath: LandPath;
  landDocument: string | null;
  wantsFullAgency: boolean;
  signedOn: IsoDate;
  plannedDates: { start: IsoDate; completion: IsoDate; production: IsoDate };
  stage: ImportableStage;
  approvalState: ApprovalState;
  approvalDocument: string | null;
  actualDates: { start: IsoDate | null; completion: IsoDate | null; production: IsoDate | null; fullProduction: IsoDate | null };
  contact: { name: string; mobile: string };
}

/** One problem of a row: the column (its key and zh header) and the reason in Chinese. */
export interface LedgerProblem {
  column: keyof LedgerCells | null;
  header: string | null;
  message: string;
}

export type ParsedRow = { ok: true; project: LedgerProject } | { ok: false; problems: LedgerProblem[] };

/** What a row is checked against besides itself: the zones the importer may import into, and today. */
export interface LedgerContext {
  /** Zone codes that exist. */
  knownZones: ReadonlySet<string>;
  /** The zones the importing officer or manager works in (null: every zone). */
  importerZones: ReadonlySet<string> | null;
  today: IsoDate;
}

const HEADER = new Map(LEDGER_COLUMNS.map((c) => [c.key, c.header]));
const problem = (column: keyof LedgerCells | null, message: string): LedgerProblem => ({ column, header: column ? (HEADER.get(column) ?? null) : null, message });

/** A cell as trimmed text ('' when empty). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'text' in value) return cellText((value as { text: unknown }).text); // rich text or hyperlink cells
  if (typeof value === 'object' && 'result' in value) return cellText((value as { result: unknown }).result); // formula cells
  return String(value).trim();
}

/** A date cell: a date the sheet typed as a date (read as a Date, or as Excel's serial day number when read without styles), or text as YYYY-MM-DD / YYYY/M/D / YYYY年M月D日. */
export function cellDate(value: unknown): IsoDate | null | 'invalid' {
  // Excel's day numbers (1900 date system, day 1 = 1900-01-01, counting the non-existent 1900-02-29): 1990–2100.
  if (typeof value === 'number') return value >= 32_874 && value <= 73_415 && Number.isInteger(value) ? new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10) : 'invalid';
  const text = cellText(value);
  if (!text) return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return 'invalid';
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : 'invalid';
}

const STAGE_BY_ZH = new Map<string, ImportableStage>(IMPORTABLE_STAGES.map((s) => [STAGE_NAMES_ZH[s], s]));
const LAND_PATH_BY_ZH = new Map<string, LandPath>(LAND_PATHS.map((p) => [LAND_PATH_ZH[p], p]));
const TYPE_BY_ZH = new Map<string, ProjectType>((Object.keys(PROJECT_TYPES) as ProjectType[]).map((t) => [PROJECT_TYPE_ZH[t], t]));
const APPROVAL_BY_ZH = new Map<string, ApprovalState>((Object.keys(APPROVAL_STATES) as ApprovalState[]).map((a) => [APPROVAL_STATES[a], a]));
const MILESTONE_ORDER: ImportableStage[] = [...IMPORTABLE_STAGES];
const atLeast = (stage: ImportableStage, than: ImportableStage) => MILESTONE_ORDER.indexOf(stage) >= MILESTONE_ORDER.indexOf(than);

/**
 * One row checked and normalised: every problem of the row at once (not the first), each naming its column.
 * The rules: required cells; the credit code (GB 32100 check character); the zone known and the importer's;
 * numbers; dates valid, not in the future where they record what happened, and in order (签约 ≤ 开工 ≤ 竣工 ≤
 * 投产 ≤ 达产; planned 开工 ≤ 竣工 ≤ 投产); the stage consistent with the dates and facts given.
 */
export function parseLedgerRow(cells: Partial<LedgerCells>, ctx: LedgerContext): ParsedRow {
  const problems: LedgerProblem[] = [];
  const text = (key: keyof LedgerCells) => cellText(cells[key]);
  for (const c of LEDGER_COLUMNS) if (c.required && !text(c.key)) problems.push(problem(c.key, `${c.header}不能为空`));

  const projectCode = text('projectCode') || null;
  if (projectCode && !PROJECT_CODE_FORMAT.test(projectCode)) problems.push(problem('projectCode', '项目代码应为24位全国投资项目代码，如 2504-140100-89-01-000123X'));
  const creditCode = text('creditCode').toUpperCase();
  const codeProblem = creditCode ? creditCodeProblem(creditCode) : null;
  if (codeProblem) problems.push(problem('creditCode', CREDIT_CODE_PROBLEMS_ZH[codeProblem].replace(/ ?\([^)]*\)$/, '')));
  const zoneCode = text('zoneCode').toUpperCase();
  if (zoneCode && !ctx.knownZones.has(zoneCode)) problems.push(problem('zoneCode', `开发区代码不存在：${zoneCode}`));
  else if (zoneCode && ctx.importerZones && !ctx.importerZones.has(zoneCode)) problems.push(problem('zoneCode', `您不负责开发区 ${zoneCode}，不能导入该开发区的项目`));
  const industryCode = text('industryCode').toUpperCase();
  if (industryCode && !/^[A-T]\d{2,4}$/.test(industryCode)) problems.push(problem('industryCode', '行业代码应为国民经济行业分类代码，如 C3021'));
  const typeText = text('projectType');
  const projectType = typeText ? (TYPE_BY_ZH.get(typeText) ?? (typeText in PROJECT_TYPES ? (typeText as ProjectType) : undefined)) : 'capital-construction';
  if (!projectType) problems.push(problem('projectType', `项目类型应为 ${Object.values(PROJECT_TYPE_ZH).join(' / ')}`));

  const amount = (key: keyof LedgerCells): number => {
    const raw = text(key).replace(/,/g, '');
    if (!raw) return 0;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) problems.push(problem(key, `${HEADER.get(key)}应为不小于0的数字`));
    return Number.isFinite(n) ? n : 0;
  };
  const totalInvestment = amount('totalInvestment');
  const fixedAssetInvestment = amount('fixedAssetInvestment');
  const projectedAnnualOutput = amount('projectedAnnualOutput');
  const landAreaMu = amount('landAreaMu');
  if (fixedAssetInvestment > totalInvestment) problems.push(problem('fixedAssetInvestment', '固定资产投资不能大于总投资'));

  const pathText = text('landPath');
  const landPath = pathText ? (LAND_PATH_BY_ZH.get(pathText) ?? ((LAND_PATHS as readonly string[]).includes(pathText) ? (pathText as LandPath) : undefined)) : undefined;
  if (pathText && !landPath) problems.push(problem('landPath', `用地方式应为 ${Object.values(LAND_PATH_ZH).join(' / ')}`));
  if (landPath && landPath !== 'none' && landPath !== 'lease' && text('landAreaMu') && landAreaMu === 0) problems.push(problem('landAreaMu', `用地方式为${LAND_PATH_ZH[landPath]}时用地面积应大于0`));
  if (landPath === 'none' && landAreaMu > 0) problems.push(problem('landPath', '有用地需求的项目不能选“无新增用地”'));

  const agencyText = text('wantsFullAgency');
  const wantsFullAgency = agencyText === '是' ? true : agencyText === '否' ? false : undefined;
  if (agencyText && wantsFullAgency === undefined) problems.push(problem('wantsFullAgency', '是否全代办应填“是”或“否”'));

  const stageText = text('stage');
  const stage = stageText ? STAGE_BY_ZH.get(stageText) : undefined;
  if (stageText && !stage) problems.push(problem('stage', STAGE_BY_ZH.has(stageText) || !['暂停', '终止'].includes(stageText) ? `当前阶段应为 ${[...STAGE_BY_ZH.keys()].join(' / ')}` : `${stageText}的项目请按其暂停或终止前的阶段导入，导入后再办理${stageText}`));
  const approvalText = text('approvalState');
  const approvalState = approvalText ? APPROVAL_BY_ZH.get(approvalText) : undefined;
  if (approvalText && !approvalState) problems.push(problem('approvalState', `审批状态应为 ${Object.values(APPROVAL_STATES).join(' / ')}`));

  // Dates: each valid, then in order.
  const date = (key: keyof LedgerCells, past: boolean): IsoDate | null => {
    const d = cellDate(cells[key]);
    if (d === 'invalid') {
      problems.push(problem(key, `${HEADER.get(key)}不是有效日期，应为 YYYY-MM-DD`));
      return null;
    }
    if (d && past && d > ctx.today) problems.push(problem(key, `${HEADER.get(key)}不能晚于今天（${ctx.today}）`));
    return d;
  };
  const signedOn = date('signedOn', true);
  const planned = { start: date('plannedStart', false), completion: date('plannedCompletion', false), production: date('plannedProduction', false) };
  const actual = { start: date('startedOn', true), completion: date('completedOn', true), production: date('productionOn', true), fullProduction: date('fullProductionOn', true) };
  const inOrder = (pairs: [keyof LedgerCells, IsoDate | null][]) => {
    for (let i = 1; i < pairs.length; i++) {
      const [key, value] = pairs[i];
      const earlier = pairs.slice(0, i).filter(([, v]) => v !== null);
      const last = earlier.at(-1);
      if (value && last && last[1] !== null && value < last[1]) problems.push(problem(key, `${HEADER.get(key)}不能早于${HEADER.get(last[0])}（${last[1]}）`));
    }
  };
  inOrder([
    ['signedOn', signedOn],
    ['startedOn', actual.start],
    ['completedOn', actual.completion],
    ['productionOn', actual.production],
    ['fullProductionOn', actual.fullProduction],
  ]);
  inOrder([
    ['plannedStart', planned.start],
    ['plannedCompletion', planned.completion],
    ['plannedProduction', planned.production],
  ]);

  // The stage against the facts: what a stage needs, and what it cannot yet have.
  if (stage) {
    const needs: [ImportableStage, keyof LedgerCells, IsoDate | null][] = [
      ['UNDER_CONSTRUCTION', 'startedOn', actual.start],
      ['COMPLETED', 'completedOn', actual.completion],
      ['IN_PRODUCTION', 'productionOn', actual.production],
      ['FULL_PRODUCTION', 'fullProductionOn', actual.fullProduction],
    ];
    for (const [from, key, value] of needs) {
      if (atLeast(stage, from) && !value && !problems.some((p) => p.column === key)) problems.push(problem(key, `当前阶段为${STAGE_NAMES_ZH[stage]}，应填写${HEADER.get(key)}`));
      if (!atLeast(stage, from) && value) problems.push(problem(key, `当前阶段为${STAGE_NAMES_ZH[stage]}，不应有${HEADER.get(key)}（请核对阶段）`));
    }
    if (approvalState) {
      if (atLeast(stage, 'READY_TO_START') && approvalState !== 'granted') problems.push(problem('approvalState', `当前阶段为${STAGE_NAMES_ZH[stage]}，审批应已办结`));
      if (stage === 'SIGNED' && approvalState !== 'not-started') problems.push(problem('approvalState', '签约阶段的项目审批状态应为“未申报”；已申报的请填“审批中”'));
      if (stage === 'APPROVING' && approvalState === 'granted') problems.push(problem('stage', '审批已办结的项目应为“具备开工条件”或之后的阶段'));
      if (approvalState === 'granted' && !text('approvalDocument')) problems.push(problem('approvalDocument', '审批已办结的项目应填写施工许可或批复文号'));
    }
    if (landPath && landPath !== 'none' && atLeast(stage, 'READY_TO_START') && !text('landDocument')) problems.push(problem('landDocument', `当前阶段为${STAGE_NAMES_ZH[stage]}，用地应已落实，请填写用地文件号`));
  }

  const mobile = text('contactMobile');
  if (mobile && !/^1\d{10}$/.test(mobile)) problems.push(problem('contactMobile', '联系电话应为11位手机号'));

  if (problems.length || !projectType || !landPath || wantsFullAgency === undefined || !signedOn || !planned.start || !planned.completion || !planned.production || !stage || !approvalState) {
    return { ok: false, problems: problems.length ? problems : [problem(null, '行数据不完整，请使用导入模板')] };
  }
  return {
    ok: true,
    project: {
      projectCode,
      name: text('name'),
      enterpriseName: text('enterpriseName'),
      creditCode,
      zoneCode,
      industryCode,
      projectType,
      totalInvestment,
      fixedAssetInvestment,
      projectedAnnualOutput,
      landAreaMu,
      landPath,
      landDocument: text('landDocument') || null,
      wantsFullAgency,
      signedOn,
      plannedDates: { start: planned.start, completion: planned.completion, production: planned.production },
      stage,
      approvalState,
      approvalDocument: text('approvalDocument') || null,
      actualDates: actual,
      contact: { name: text('contactName'), mobile },
    },
  };
}

/** The key two rows or a row and an existing project share when they are the same project: the project code, else credit code + name. */
export function duplicateKeys(p: Pick<LedgerProject, 'projectCode' | 'creditCode' | 'name'>): string[] {
  return [...(p.projectCode ? [`code:${p.projectCode}`] : []), `name:${p.creditCode}:${p.name.replace(/\s/g, '')}`];
}
