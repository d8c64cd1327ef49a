/**
 * The approval item catalogue (审批事项清单): versioned data per zone. Each item
 * has a regime — committable (企业承诺事项, replaced by the commitment), approval
 * (仍需审批), unified-service (政府统一服务事项, done by the government before land
 * transfer) or cancelled — its legal and promised time limits in working days,
 * the documents it needs (those that may be missing at acceptance are 容缺), and
 * the projects it applies to.
 */
export type Regime = 'committable' | 'approval' | 'unified-service' | 'cancelled';

export interface CatalogueDocument {
  code: string;
  name: string;
  /** 容缺: may be missing at acceptance and supplied later. */
  tolerable: boolean;
}

export interface Applicability {
  /** Only when the project needs land (用地 > 0 亩). */
  requiresLand?: boolean;
  /** Not on 标准地 (the regional assessment replaces it). */
  notOnStandardLand?: boolean;
  /** Only for these industries (GB/T 4754 prefixes). */
  industries?: string[];
  /** Not for these industries. */
  exceptIndustries?: string[];
  /** Only at or above this total investment, 万元. */
  minInvestment?: number;
}

export interface CatalogueItem {
  code: string;
  name: string;
  department: string;
  regime: Regime;
  legalLimitDays: number;
  promisedLimitDays: number;
  documents: CatalogueDocument[];
  applies: Applicability;
  /** Items that must be granted (or committed) before this one can be accepted (domain/prerequisites.ts). */
  prerequisites?: string[];
}

export interface ProjectProfile {
  industryCode: string;
  totalInvestment: number;
  landAreaMu: number;
  usesStandardLand: boolean;
}

export function applies(item: CatalogueItem, p: ProjectProfile): boolean {
  const a = item.applies;
  if (item.regime === 'unified-service' || item.regime === 'cancelled') return false;
  if (a.requiresLand && p.landAreaMu <= 0) return false;
  if (a.notOnStandardLand && p.usesStandardLand) return false;
  if (a.industries && !a.industries.some((prefix) => p.industryCode.startsWith(prefix))) return false;
  if (a.exceptIndustries?.some((prefix) => p.industryCode.startsWith(prefix))) return false;
  if (a.minInvestment !== undefined && p.totalInvestment < a.minInvestment) return false;
  return true;
}

/** Industries whose projects need an EIA report (报告书) rather than a form (报告表): 石化, 化工, 建材, 冶金, 有色, 制药, 造纸. */
export const HEAVY_INDUSTRIES = ['C22', 'C25', 'C26', 'C27', 'C30', 'C31', 'C32'];
/** Industries that draw water on a scale needing a 取水许可. */
export const WATER_INTENSIVE = ['C13', 'C15', 'C17', 'C22', 'C26', 'C31'];

const doc = (code: string, name: string, tolerable = false): CatalogueDocument => ({ code, name, tolerable });

/**
 * The order of approvals (version 2 of the default catalogue): 备案/核准 is the
 * precondition of every other item (企业投资项目核准和备案管理条例); 用地规划许可 →
 * 工程规划许可 → 施工许可 (城乡规划法 第三十七、四十条; 建筑法 第八条); the EIA, the
 * fire design review and the construction drawing review before the construction
 * permit (环境影响评价法 第二十五条; 建设工程消防设计审查验收管理暂行规定).
 */
export const DEFAULT_PREREQUISITES: Record<string, string[]> = {
  A02: ['A01'],
  A03: ['A01'],
  A04: ['A01'],
  A05: ['A01'],
  A06: ['A01', 'C01', 'A03', 'C05', 'A05', 'C02'],
  C01: ['A01', 'A02'],
  ...Object.fromEntries(['C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11', 'C12'].map((code) => [code, ['A01']])),
};

/**
 * The default catalogue (for every zone without its own; version 2 adds the
 * prerequisites), modelled on 晋城开发区 2017: 28 pre-start items became 6 still
 * approved, 12 committable and 10 unified services or cancelled (domain.md §2.1).
 */
const BASE_CATALOGUE: CatalogueItem[] = [
  // 仍需审批 (6)
  { code: 'A01', name: '企业投资项目备案', department: '发展和改革局', regime: 'approval', legalLimitDays: 3, promisedLimitDays: 1, documents: [doc('D01', '项目备案申请表')], applies: {} },
  { code: 'A02', name: '建设用地规划许可证', department: '自然资源和规划局', regime: 'approval', legalLimitDays: 20, promisedLimitDays: 5, documents: [doc('D02', '建设用地申请表'), doc('D03', '土地出让合同'), doc('D04', '宗地图', true)], applies: { requiresLand: true } },
  { code: 'A03', name: '环境影响评价审批（报告书）', department: '生态环境局', regime: 'approval', legalLimitDays: 60, promisedLimitDays: 20, documents: [doc('D05', '环境影响报告书'), doc('D06', '公众参与说明', true)], applies: { industries: HEAVY_INDUSTRIES } },
  { code: 'A04', name: '固定资产投资项目节能审查', department: '发展和改革局', regime: 'approval', legalLimitDays: 20, promisedLimitDays: 10, documents: [doc('D07', '节能报告')], applies: { minInvestment: 5000, notOnStandardLand: true } },
  { code: 'A05', name: '消防设计审查', department: '住房和城乡建设局', regime: 'approval', legalLimitDays: 15, promisedLimitDays: 7, documents: [doc('D08', '消防设计文件'), doc('D09', '设计单位资质证明', true)], applies: { requiresLand: true } },
  { code: 'A06', name: '建筑工程施工许可证', department: '住房和城乡建设局', regime: 'approval', legalLimitDays: 7, promisedLimitDays: 3, documents: [doc('D10', '施工合同'), doc('D11', '监理合同', true), doc('D12', '资金到位证明', true)], applies: { requiresLand: true } },
  // 企业承诺事项 (12)
  { code: 'C01', name: '建设工程规划许可证', department: '自然资源和规划局', regime: 'committable', legalLimitDays: 20, promisedLimitDays: 5, documents: [doc('D13', '设计方案')], applies: { requiresLand: true } },
  { code: 'C02', name: '施工图设计文件审查（告知承诺）', department: '住房和城乡建设局', regime: 'committable', legalLimitDays: 20, promisedLimitDays: 5, documents: [doc('D14', '施工图设计文件')], applies: { requiresLand: true } },
  { code: 'C03', name: '人防工程设计审查', department: '人民防空办公室', regime: 'committable', legalLimitDays: 20, promisedLimitDays: 5, documents: [doc('D15', '人防设计文件')], applies: { requiresLand: true } },
  { code: 'C04', name: '防雷装置设计审核', department: '气象局', regime: 'committable', legalLimitDays: 20, promisedLimitDays: 5, documents: [doc('D16', '防雷装置设计文件')], applies: { requiresLand: true } },
  { code: 'C05', name: '环境影响评价审批（报告表）', department: '生态环境局', regime: 'committable', legalLimitDays: 30, promisedLimitDays: 10, documents: [doc('D17', '环境影响报告表')], applies: { exceptIndustries: HEAVY_INDUSTRIES } },
  { code: 'C06', name: '水土保持方案审批', department: '水利局', regime: 'committable', legalLimitDays: 20, promisedLimitDays: 10, documents: [doc('D18', '水土保持方案')], applies: { requiresLand: true, notOnStandardLand: true } },
  { code: 'C07', name: '取水许可', department: '水利局', regime: 'committable', legalLimitDays: 45, promisedLimitDays: 15, documents: [doc('D19', '水资源论证报告')], applies: { industries: WATER_INTENSIVE } },
  { code: 'C08', name: '城镇污水排入排水管网许可', department: '住房和城乡建设局', regime: 'committable', legalLimitDays: 20, promisedLimitDays: 5, documents: [doc('D20', '排水方案')], applies: {} },
  { code: 'C09', name: '建设工程质量安全监督登记', department: '住房和城乡建设局', regime: 'committable', legalLimitDays: 5, promisedLimitDays: 2, documents: [doc('D21', '监督登记表')], applies: { requiresLand: true } },
  { code: 'C10', name: '园林绿化工程方案审查', department: '住房和城乡建设局', regime: 'committable', legalLimitDays: 20, promisedLimitDays: 5, documents: [doc('D22', '绿化方案')], applies: { requiresLand: true } },
  { code: 'C11', name: '城市道路挖掘、占用许可', department: '住房和城乡建设局', regime: 'committable', legalLimitDays: 20, promisedLimitDays: 5, documents: [doc('D23', '施工方案')], applies: { requiresLand: true } },
  { code: 'C12', name: '特种设备安装改造维修告知', department: '市场监督管理局', regime: 'committable', legalLimitDays: 5, promisedLimitDays: 1, documents: [doc('D24', '告知书')], applies: {} },
  // 政府统一服务事项 (8) and 取消 (2): done before land transfer or no longer required
  ...(
    [
      ['U01', '区域环境影响评价', '生态环境局'],
      ['U02', '区域节能评价', '发展和改革局'],
      ['U03', '压覆重要矿产资源评估', '自然资源和规划局'],
      ['U04', '地质灾害危险性评估', '自然资源和规划局'],
      ['U05', '地震安全性评价', '应急管理局'],
      ['U06', '洪水影响评价', '水利局'],
      ['U07', '水资源论证（区域）', '水利局'],
      ['U08', '文物考古调查勘探', '文化和旅游局'],
    ] as const
  ).map(([code, name, department]): CatalogueItem => ({ code, name, department, regime: 'unified-service', legalLimitDays: 0, promisedLimitDays: 0, documents: [], applies: {} })),
  { code: 'X01', name: '雷电灾害风险评估', department: '气象局', regime: 'cancelled', legalLimitDays: 0, promisedLimitDays: 0, documents: [], applies: {} },
  { code: 'X02', name: '建设项目交通影响评价', department: '公安局', regime: 'cancelled', legalLimitDays: 0, promisedLimitDays: 0, documents: [], applies: {} },
];

export const DEFAULT_CATALOGUE: CatalogueItem[] = BASE_CATALOGUE.map((i) => ({ ...i, prerequisites: DEFAULT_PREREQUISITES[i.code] ?? [] }));
