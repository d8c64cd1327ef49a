import { LAND_PATH_ZH, type LandPath, type SecuredLandPath } from '@devzone/contracts';
import type { IsoDate, Message } from '@devzone/shared-kernel';

/**
 * How a project secures its land (domain.md §7 "Land paths"). 标准地 goes through the
 * plot library (reserve → transfer with the performance agreement). A project not on
 * 标准地 records one of: an ordinary 招拍挂 出让 grant, its own land (不动产权证), a lease
 * of (standard) factory buildings, or no new land (recorded when it is signed with
 * landAreaMu = 0). One path per project.
 */
export type OfficerPath = Exclude<SecuredLandPath, 'none'>;

export interface ProjectForPath {
  usesStandardLand: boolean;
  landAreaMu: number;
}

export interface Refusal {
  code: 'standard-land-project' | 'no-land-needed' | 'land-secured';
  message: Message;
}

const LABEL: Record<OfficerPath, Message> = {
  grant: { zh: '招拍挂出让合同', en: 'a land grant' },
  'own-land': { zh: '自有用地', en: 'own land' },
  lease: { zh: '租赁厂房', en: 'a lease' },
};

/**
 * Why an officer may not record this path for the project, or null. In order:
 * a 标准地 project takes its land through the plot transfer; a project that needs no
 * new land (landAreaMu = 0) neither buys land nor declares own land, though it may
 * lease premises; land is secured once — except that a lease may replace 'no new
 * land' (the project occupies leased premises instead of new land).
 */
export function pathRefusal(path: OfficerPath, project: ProjectForPath, current: LandPath | null): Refusal | null {
  if (project.usesStandardLand) {
    return { code: 'standard-land-project', message: { zh: `项目采用标准地，须通过地块出让落实用地，不能登记${LABEL[path].zh}`, en: `the project is on standard land: its land comes from a plot transfer, not ${LABEL[path].en}` } };
  }
  if (path !== 'lease' && !(project.landAreaMu > 0)) {
    return { code: 'no-land-needed', message: { zh: `项目签约时无新增用地需求（0 亩），不能登记${LABEL[path].zh}`, en: `the project was signed without a land need (0 mu): no ${LABEL[path].en}` } };
  }
  if (current && !(path === 'lease' && current === 'none')) {
    return { code: 'land-secured', message: { zh: `项目用地已落实（${LAND_PATH_ZH[current]}）`, en: `the project's land is already secured (${current})` } };
  }
  return null;
}

/** 不动产权证 number, checked loosely: e.g. 晋(2026)太原市不动产权第0012345号. */
export function certificateProblem(number: string): Message | null {
  const n = number.trim();
  if (!n) return { zh: '不动产权证号不能为空', en: 'the certificate number is required' };
  if (n.length > 100) return { zh: '不动产权证号不能超过 100 个字符', en: 'the certificate number has at most 100 characters' };
  if (!n.includes('不动产权')) return { zh: '不动产权证号应含“不动产权”，如 晋(2026)太原市不动产权第0012345号', en: 'a real-estate title number contains 不动产权, e.g. 晋(2026)太原市不动产权第0012345号' };
  return null;
}

/** A contract or lease signed in the future is an error of the form (400), not a refusal. */
export function futureDateProblem(date: IsoDate, today: IsoDate): Message | null {
  return date > today ? { zh: `日期 ${date} 不能晚于今天（${today}）`, en: `${date} is after today (${today})` } : null;
}

export const NO_NEW_LAND_REFERENCE = '无新增用地';
