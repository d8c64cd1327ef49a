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
