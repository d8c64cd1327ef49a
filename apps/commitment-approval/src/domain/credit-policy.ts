import type { BreachSeverity } from '@devzone/contracts';
import type { IsoDate } from '@devzone/shared-kernel';

/**
 * Credit consequences of broken commitments (domain.md §2.1, 异常信用记录 / 黑名单):
 * - documents accepted as missing (容缺) and not supplied by their deadline → 一般 (general);
 * - a failed 对标验收 → 重大 (major), with a rectification deadline.
 * An enterprise goes on the blacklist when it has several general records still
 * unrectified (the zone sets how many), or a major record left unrectified past
 * its deadline. Rectifying records (信用修复) takes it off when neither holds.
 */
export interface CreditRecord {
  severity: BreachSeverity;
  recordedOn: IsoDate;
  rectifyBy: IsoDate | null;
  rectifiedOn: IsoDate | null;
}

export interface CreditPolicy {
  /** Unrectified general records that put an enterprise on the blacklist. */
  generalRecordsToBlacklist: number;
}

export type BlacklistReason = { zh: string; en: string };

export function blacklistReason(records: CreditRecord[], policy: CreditPolicy, today: IsoDate): BlacklistReason | null {
  const open = records.filter((r) => !r.rectifiedOn);
  const lapsedMajor = open.filter((r) => r.severity === 'major' && r.rectifyBy !== null && r.rectifyBy < today);
  if (lapsedMajor.length) {
    return { zh: `重大失信记录逾期未整改（整改期限 ${lapsedMajor[0].rectifyBy}）`, en: `a major record unrectified past ${lapsedMajor[0].rectifyBy}` };
  }
  const general = open.filter((r) => r.severity === 'general').length;
  if (general >= policy.generalRecordsToBlacklist) {
    return { zh: `一般失信记录 ${general} 条未整改（达到 ${policy.generalRecordsToBlacklist} 条列入黑名单）`, en: `${general} general records unrectified (blacklist at ${policy.generalRecordsToBlacklist})` };
  }
  return null;
}
