import { BREACH_SEVERITY_ZH, type BreachSeverity } from '@devzone/contracts';
import type { IsoDate, Message } from '@devzone/shared-kernel';

/**
 * Credit consequences of broken commitments, in the order practice applies them
 * (企业投资项目事中事后监管办法 on 一般/重大 异常信用记录; 失信行为纠正后的信用信息修复管理办法,
 * NDRC 2023, on the minimum publicity before repair):
 * - 容缺 documents not supplied by their deadline, or a committed start, completion
 *   or production date missed past the zone's periods → 一般 (general);
 * - a failed 对标验收 first gets a rectification order; only a failed re-inspection,
 *   or the rectification deadline passing, → 重大 (major), with a deadline to rectify;
 * - a false commitment (虚假承诺) → 严重 (serious), and the grant it obtained is revoked.
 *
 * Blacklist (黑名单): a serious record not yet repaired; a major record left
 * unrectified past its deadline; or as many general records not yet repaired as
 * the zone says. A record stops counting when it is repaired (信用修复), and it can
 * be repaired only once its rectification is recorded and its minimum publicity
 * has passed (一般 3 months, 重大 and 严重 1 year by default; the zone may set longer).
 */
export interface CreditRecord {
  severity: BreachSeverity;
  recordedOn: IsoDate;
  rectifyBy: IsoDate | null;
  rectifiedOn: IsoDate | null;
  repairedOn: IsoDate | null;
}

export interface CreditPolicy {
  /** Unrepaired general records that put an enterprise on the blacklist. */
  generalRecordsToBlacklist: number;
  repairGeneralMonths: number;
  repairMajorMonths: number;
  repairSeriousMonths: number;
}

export const SEVERITY_ZH = BREACH_SEVERITY_ZH;

export function blacklistReason(records: CreditRecord[], policy: Pick<CreditPolicy, 'generalRecordsToBlacklist'>, today: IsoDate): Message | null {
  const open = records.filter((r) => !r.repairedOn);
  const serious = open.filter((r) => r.severity === 'serious');
  if (serious.length) return { zh: `严重失信记录未修复（${serious[0].recordedOn} 记录）`, en: `a serious record of ${serious[0].recordedOn} not repaired` };
  const lapsedMajor = open.filter((r) => r.severity === 'major' && !r.rectifiedOn && r.rectifyBy !== null && r.rectifyBy < today);
  if (lapsedMajor.length) {
    return { zh: `重大失信记录逾期未整改（整改期限 ${lapsedMajor[0].rectifyBy}）`, en: `a major record unrectified past ${lapsedMajor[0].rectifyBy}` };
  }
  const general = open.filter((r) => r.severity === 'general').length;
  if (general >= policy.generalRecordsToBlacklist) {
    return { zh: `一般失信记录 ${general} 条未修复（达到 ${policy.generalRecordsToBlacklist} 条列入黑名单）`, en: `${general} general records not repaired (blacklist at ${policy.generalRecordsToBlacklist})` };
  }
  return null;
}

/** The calendar date `months` months after `date` (the 31st becomes the month's last day). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The first day the record may be repaired (its minimum publicity over). */
export function repairableFrom(record: Pick<CreditRecord, 'severity' | 'recordedOn'>, policy: CreditPolicy): IsoDate {
  const months = { general: policy.repairGeneralMonths, major: policy.repairMajorMonths, serious: policy.repairSeriousMonths }[record.severity];
  return addMonths(record.recordedOn, months);
}

/** Why the record cannot be repaired today, or null when it can. */
export function repairRefusal(record: CreditRecord, policy: CreditPolicy, today: IsoDate): Message | null {
  if (record.repairedOn) return { zh: `该记录已于 ${record.repairedOn} 修复`, en: `already repaired on ${record.repairedOn}` };
  if (!record.rectifiedOn) return { zh: '须先登记整改完成情况，才能申请信用修复', en: 'the rectification must be recorded before the credit can be repaired' };
  const from = repairableFrom(record, policy);
  if (today < from) return { zh: `${SEVERITY_ZH[record.severity]}失信记录最短公示期未满，${from} 起可修复`, en: `the minimum publicity of a ${record.severity} record runs until ${from}` };
  return null;
}
