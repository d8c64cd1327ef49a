import { CHECK_STAGE_NAMES_ZH, INDICATOR_NAMES_ZH, industryName as industryNameShared, LAND_PATH_ZH as LAND_PATHS_ZH_SHARED, MILESTONE_NAMES_ZH, SERVICE_NAMES_ZH, STAGE_NAMES_ZH } from '@devzone/contracts/names';

/** The words several features show, from @devzone/contracts/names (the services use the same). */
const nameIn = (names: Record<string, string>) => (code: string) => names[code] ?? code;
/** 签约, 审批中 … as the services name the stages. */
export const stageName = nameIn(STAGE_NAMES_ZH);
/** 竣工验收 / 达产复核. */
export const checkStageName = nameIn(CHECK_STAGE_NAMES_ZH);

/** A project's milestones; land paths; 标准地 indicators (all from @devzone/contracts/names). */
export const MILESTONE_ZH: Record<string, string> = MILESTONE_NAMES_ZH;
export const LAND_PATH_ZH: Record<string, string> = LAND_PATHS_ZH_SHARED;
export const INDICATOR_ZH: Record<string, string> = INDICATOR_NAMES_ZH;
export const indicatorName = nameIn(INDICATOR_ZH);
/** Units as shown ("ratio" is a plain number). */
export const unitName = (unit: string) => (unit === 'ratio' ? '' : unit);

/** An industry code with its GB/T 4754-2017 name: 'C3021 水泥制品制造' (else its 大类: 'C30 非金属矿物制品业'). */
export const industryName = (code: string | null | undefined) => industryNameShared(code) || '—';
/** A service in Chinese (项目 / 审批 / 土地 / 代办 / 通知); never its id on a screen. */
export const serviceName = (service: string) => SERVICE_NAMES_ZH[service] ?? '其他';
