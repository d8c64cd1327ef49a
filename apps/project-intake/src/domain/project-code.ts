import { PROJECT_TYPES, type ProjectType } from '@devzone/contracts';

/**
 * 项目代码, the 24-character national project code (GB/T 40058-2021 structure):
 *   YYMM-RRRRRR-DD-TT-NNNNNC
 *   YYMM    时间代码: year and month the code is issued
 *   RRRRRR  地区代码: administrative division of the zone
 *   DD      中央业务指导部门代码 (set per zone)
 *   TT      项目类型代码 (01 基本建设 … 99 其他)
 *   NNNNN   随机码
 *   C       校验码
 * The standard's own text for the check character was not available to us; we
 * use ISO/IEC 7064 MOD 11-2 over the 19 digits (the scheme of GB 11643 ID
 * numbers: 0–9 or X), which catches every single-digit error and every
 * transposition of adjacent digits.
 */
export const PROJECT_CODE_FORMAT = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{5})([0-9X])$/;

/** ISO/IEC 7064 MOD 11-2 check character of a string of digits. */
export function mod11_2(digits: string): string {
  let p = 0;
  for (const ch of digits) {
    const d = ch.charCodeAt(0) - 48;
    if (d < 0 || d > 9) throw new Error(`not a digit: ${ch}`);
    p = ((p + d) * 2) % 11;
  }
  const check = (12 - p) % 11;
  return check === 10 ? 'X' : String(check);
}

export interface ProjectCodeParts {
  issuedOn: string; // YYYY-MM-DD
  regionCode: string; // 6 digits
  departmentCode: string; // 2 digits
  projectType: ProjectType;
  serial: number; // 0 … 99999
}

export function buildProjectCode(parts: ProjectCodeParts): string {
  const yymm = parts.issuedOn.slice(2, 4) + parts.issuedOn.slice(5, 7);
  if (!/^\d{6}$/.test(parts.regionCode)) throw new Error(`region code must be 6 digits: ${parts.regionCode}`);
  if (!/^\d{2}$/.test(parts.departmentCode)) throw new Error(`department code must be 2 digits: ${parts.departmentCode}`);
  if (!Number.isInteger(parts.serial) || parts.serial < 0 || parts.serial > 99_999) throw new Error(`serial out of range: ${parts.serial}`);
  const serial = String(parts.serial).padStart(5, '0');
  const type = PROJECT_TYPES[parts.projectType];
  const digits = `${yymm}${parts.regionCode}${parts.departmentCode}${type}${serial}`;
  return `${yymm}-${parts.regionCode}-${parts.departmentCode}-${type}-${serial}${mod11_2(digits)}`;
}

export function isValidProjectCode(code: string): boolean {
  const m = PROJECT_CODE_FORMAT.exec(code);
  if (!m) return false;
  const month = Number(m[1].slice(2));
  if (month < 1 || month > 12) return false;
  return mod11_2(m.slice(1, 6).join('')) === m[6];
}
