/**
 * The domain's shared words and their Chinese names, free of decorators and
 * imports so that the web console can load them too (`@devzone/contracts/names`).
 */

/** Lifecycle stages (architecture §5), in order, then the two off to the side. */
export const LIFECYCLE_STAGES = [
  'SIGNED',
  'APPROVING',
  'READY_TO_START',
  'UNDER_CONSTRUCTION',
  'COMPLETED',
  'IN_PRODUCTION',
  'FULL_PRODUCTION',
  'SUSPENDED',
  'TERMINATED',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const STAGE_NAMES_ZH: Record<LifecycleStage, string> = {
  SIGNED: '签约',
  APPROVING: '审批中',
  READY_TO_START: '具备开工条件',
  UNDER_CONSTRUCTION: '在建',
  COMPLETED: '竣工',
  IN_PRODUCTION: '投产',
  FULL_PRODUCTION: '达产',
  SUSPENDED: '暂停',
  TERMINATED: '终止',
};

/** The two checks of a 标准地 project's agreed indicators. */
export const CHECK_STAGES = ['completion', 'full-production'] as const;
export type LandCheckStage = (typeof CHECK_STAGES)[number];
export const CHECK_STAGE_NAMES_ZH: Record<LandCheckStage, string> = { completion: '竣工验收', 'full-production': '达产复核' };

/** 区域评估 (domain.md §2.2): the assessments a zone completes for its plots. */
export const REGIONAL_ASSESSMENTS = {
  energy: '区域节能评价',
  environment: '区域环境影响评价',
  flood: '洪水影响评价',
  'soil-water': '水土保持',
  'water-resource': '水资源论证',
  'mineral-overlay': '压覆矿产资源评估',
  geohazard: '地质灾害危险性评估',
  seismic: '地震安全性评价',
} as const;
export type RegionalAssessment = keyof typeof REGIONAL_ASSESSMENTS;
/** The assessments a plot needs before it can be offered as 标准地. */
export const REQUIRED_ASSESSMENTS: RegionalAssessment[] = ['energy', 'environment', 'flood', 'soil-water', 'water-resource', 'mineral-overlay', 'geohazard'];

/** A project's planned milestones (开工, 竣工, 投产). */
export const MILESTONE_NAMES_ZH = { start: '开工', completion: '竣工', production: '投产' } as const;

export const LAND_PATHS = ['standard-land', 'grant', 'own-land', 'lease', 'none'] as const;
/**
 * How a project secures its land. 'standard-land': a 标准地 plot transferred with its
 * performance agreement (land.contract-signed); 'grant': an ordinary 招拍挂 出让 contract;
 * 'own-land': land the enterprise already holds (不动产权证); 'lease': leased or standard
 * factory buildings; 'none': no new land needed.
 */
export type LandPath = (typeof LAND_PATHS)[number];
export const LAND_PATH_ZH: Record<LandPath, string> = {
  'standard-land': '标准地',
  grant: '招拍挂出让',
  'own-land': '自有用地',
  lease: '租赁厂房',
  none: '无新增用地',
};

/** 标准地 control indicators (domain.md §3) by code; their units and stages: apps/standard-land/src/domain/indicators.ts. */
export const INDICATOR_NAMES_ZH = {
  'investment-intensity': '固定资产投资强度',
  'floor-area-ratio': '容积率',
  'building-coverage': '建筑系数',
  'admin-land-share': '行政办公及生活服务设施用地所占比重',
  'green-ratio': '绿地率',
  'tax-per-mu': '亩均税收',
  'output-per-mu': '亩均产值',
  'value-added-per-energy': '单位能耗增加值',
  'value-added-per-emission': '单位排放增加值',
  'rd-intensity': '研发经费支出占营业收入比重',
} as const;

/** The services, as people call them (a timeline's or a notice's source; never the service's id on a screen). */
export const SERVICE_NAMES_ZH: Record<string, string> = {
  'project-intake': '项目',
  'commitment-approval': '审批',
  'standard-land': '土地',
  agency: '代办',
  notifications: '通知',
};

/**
 * What a timeline entry is about, from its event's type (`<context>.<event>`):
 * approval.* 审批, land.* 土地, agency.* 代办, project.* 项目 (the lifecycle), notification.* 通知.
 */
export const TIMELINE_KINDS = ['approval', 'land', 'agency', 'lifecycle', 'notice'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export const TIMELINE_KIND_ZH: Record<TimelineKind, string> = { approval: '审批', land: '土地', agency: '代办', lifecycle: '项目', notice: '通知' };
/** The event-type context (the part before the dot) of each kind. */
export const TIMELINE_KIND_CONTEXT: Record<TimelineKind, string> = { approval: 'approval', land: 'land', agency: 'agency', lifecycle: 'project', notice: 'notification' };
export function timelineKindOf(eventType: string): TimelineKind {
  const context = eventType.split('.')[0];
  return TIMELINE_KINDS.find((k) => TIMELINE_KIND_CONTEXT[k] === context) ?? 'lifecycle';
}

/** A 全代办 task's status (agency.task-updated's from/to). */
export const TASK_STATUS_NAMES_ZH: Record<string, string> = {
  PLANNED: '已计划',
  COLLECTING_MATERIALS: '收集材料',
  SUBMITTED: '已提交',
  ACCEPTED: '已受理',
  IN_REVIEW: '审查中',
  CORRECTIONS_REQUESTED: '待补正',
  APPROVED: '已批准',
  REFUSED: '未获批准',
  DELIVERED: '已送达',
};

/** 国民经济行业分类 (GB/T 4754-2017): the 20 门类 (sections, A–T). */
export const INDUSTRY_SECTIONS_ZH: Record<string, string> = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
};

/** GB/T 4754-2017's 97 大类 (divisions, two digits), each with its 门类. */
const DIVISIONS: [section: string, first: number, names: string[]][] = [
  ['A', 1, ['农业', '林业', '畜牧业', '渔业', '农、林、牧、渔专业及辅助性活动']],
  ['B', 6, ['煤炭开采和洗选业', '石油和天然气开采业', '黑色金属矿采选业', '有色金属矿采选业', '非金属矿采选业', '开采专业及辅助性活动', '其他采矿业']],
  [
    'C',
    13,
    [
      '农副食品加工业',
      '食品制造业',
      '酒、饮料和精制茶制造业',
      '烟草制品业',
      '纺织业',
      '纺织服装、服饰业',
      '皮革、毛皮、羽毛及其制品和制鞋业',
      '木材加工和木、竹、藤、棕、草制品业',
      '家具制造业',
      '造纸和纸制品业',
      '印刷和记录媒介复制业',
      '文教、工美、体育和娱乐用品制造业',
      '石油、煤炭及其他燃料加工业',
      '化学原料和化学制品制造业',
      '医药制造业',
      '化学纤维制造业',
      '橡胶和塑料制品业',
      '非金属矿物制品业',
      '黑色金属冶炼和压延加工业',
      '有色金属冶炼和压延加工业',
      '金属制品业',
      '通用设备制造业',
      '专用设备制造业',
      '汽车制造业',
      '铁路、船舶、航空航天和其他运输设备制造业',
      '电气机械和器材制造业',
      '计算机、通信和其他电子设备制造业',
      '仪器仪表制造业',
      '其他制造业',
      '废弃资源综合利用业',
      '金属制品、机械和设备修理业',
    ],
  ],
  ['D', 44, ['电力、热力生产和供应业', '燃气生产和供应业', '水的生产和供应业']],
  ['E', 47, ['房屋建筑业', '土木工程建筑业', '建筑安装业', '建筑装饰、装修和其他建筑业']],
  ['F', 51, ['批发业', '零售业']],
  ['G', 53, ['铁路运输业', '道路运输业', '水上运输业', '航空运输业', '管道运输业', '多式联运和运输代理业', '装卸搬运和仓储业', '邮政业']],
  ['H', 61, ['住宿业', '餐饮业']],
  ['I', 63, ['电信、广播电视和卫星传输服务', '互联网和相关服务', '软件和信息技术服务业']],
  ['J', 66, ['货币金融服务', '资本市场服务', '保险业', '其他金融业']],
  ['K', 70, ['房地产业']],
  ['L', 71, ['租赁业', '商务服务业']],
  ['M', 73, ['研究和试验发展', '专业技术服务业', '科技推广和应用服务业']],
  ['N', 76, ['水利管理业', '生态保护和环境治理业', '公共设施管理业', '土地管理业']],
  ['O', 80, ['居民服务业', '机动车、电子产品和日用产品修理业', '其他服务业']],
  ['P', 83, ['教育']],
  ['Q', 84, ['卫生', '社会工作']],
  ['R', 86, ['新闻和出版业', '广播、电视、电影和录音制作业', '文化艺术业', '体育', '娱乐业']],
  ['S', 91, ['中国共产党机关', '国家机构', '人民政协、民主党派', '社会保障', '群众团体、社会团体和其他成员组织', '基层群众自治组织及其他组织']],
  ['T', 97, ['国际组织']],
];

/** The 大类 by code with its 门类 letter: 'C30' → '非金属矿物制品业'. */
export const INDUSTRY_DIVISIONS_ZH: Record<string, string> = Object.fromEntries(
  DIVISIONS.flatMap(([section, first, names]) => names.map((name, i) => [`${section}${String(first + i).padStart(2, '0')}`, name])),
);

/** The 小类 (classes, four digits) the zones' projects use so far; any other class is named by its 大类. */
export const INDUSTRY_CLASSES_ZH: Record<string, string> = {
  C2614: '有机化学原料制造',
  C2720: '化学药品制剂制造',
  C3021: '水泥制品制造',
  C3451: '滚动轴承制造',
  C3484: '机械零部件加工',
  C3499: '其他未列明通用设备制造业',
  C3841: '锂离子电池制造',
  C3976: '光电子器件制造',
  C3981: '电阻电容电感元件制造',
};

/**
 * An industry code with its name: 'C3021' → 'C3021 水泥制品制造'; a class not in
 * the table → its 大类 ('C3099' → 'C30 非金属矿物制品业'); a 门类 → 'C 制造业';
 * anything else as it is.
 */
export function industryName(code: string | null | undefined): string {
  const c = (code ?? '').trim().toUpperCase();
  if (!c) return '';
  if (INDUSTRY_CLASSES_ZH[c]) return `${c} ${INDUSTRY_CLASSES_ZH[c]}`;
  const division = c.slice(0, 3);
  if (/^[A-T]\d{2}/.test(c) && INDUSTRY_DIVISIONS_ZH[division]) return `${division} ${INDUSTRY_DIVISIONS_ZH[division]}`;
  if (/^[A-T]$/.test(c)) return `${c} ${INDUSTRY_SECTIONS_ZH[c]}`;
  return c;
}
