/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters
 * from a 31-character alphabet (no I, O, S, V, Z):
 *   1     登记管理部门代码 (registration authority)
 *   2     机构类别代码 (organisation category)
 *   3–8   登记管理机关行政区划码 (administrative division, 6 digits)
 *   9–17  主体标识码 (organisation code, GB 11714)
 *   18    校验码 (check character)
 * The check character: with the weights 3^(i-1) mod 31 for positions 1–17,
 * C18 = 31 − (Σ value·weight mod 31), where 31 maps to 0.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new Error(`'${first17[i]}' is not allowed in a credit code`);
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'length' | 'characters' | 'division' | 'check';

/** Why a code is not a valid credit code, or null when it is. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if (![...code].every((c) => CREDIT_CODE_ALPHABET.includes(c))) return 'characters';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'division';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check';
}

export const CREDIT_CODE_PROBLEMS_ZH: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为18位 (a credit code has 18 characters)',
  characters: '统一社会信用代码含有不允许的字符（不用I、O、S、V、Z）(characters I, O, S, V, Z and lower case are not allowed)',
  division: '统一社会信用代码第3–8位应为行政区划码 (characters 3–8 must be a 6-digit division code)',
  check: '统一社会信用代码校验码不正确 (the check character does not match)',
};

/** A valid code from its first 17 characters (demo data, tests). */
export const creditCodeFrom = (first17: string): string => first17 + creditCodeCheckCharacter(first17);
