import { CHECK_STAGE_NAMES_ZH, STAGE_NAMES_ZH } from '@devzone/contracts/names';

/**
 * The words several features show. Stage and check-stage names come from
 * @devzone/contracts/names; the others have no browser-safe shared copy yet
 * (LAND_PATH_ZH lives in libs/contracts' land events, which the browser cannot load).
 */
const nameIn = (names: Record<string, string>) => (code: string) => names[code] ?? code;
/** 签约, 审批中 … as the services name the stages. */
export const stageName = nameIn(STAGE_NAMES_ZH);
/** 竣工验收 / 达产复核. */
export const checkStageName = nameIn(CHECK_STAGE_NAMES_ZH);

/** A project's milestones. */
export const MILESTONE_ZH: Record<string, string> = { start: '开工', completion: '竣工', production: '投产' };

/** standard-land's land paths (libs/contracts LAND_PATH_ZH). */
export const LAND_PATH_ZH: Record<string, string> = { 'standard-land': '标准地', grant: '招拍挂出让', 'own-land': '自有用地', lease: '租赁厂房', none: '无新增用地' };

/** 标准地 indicators (apps/standard-land/src/domain/indicators.ts). */
export const INDICATOR_ZH: Record<string, string> = {
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
};
export const indicatorName = nameIn(INDICATOR_ZH);
/** Units as shown ("ratio" is a plain number). */
export const unitName = (unit: string) => (unit === 'ratio' ? '' : unit);
