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
