/** The services answer "中文 (English)"; the console shows its users the Chinese. */

const CJK = /[\u3400-\u9fff]/;

/** English phrasing of the validation library, in Chinese. */
const VALIDATION_ZH: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/should not be empty/, () => '不能为空'],
  [/must be shorter than or equal to (\d+) characters/, (m) => `长度不能超过 ${m[1]} 个字符`],
  [/must be longer than or equal to (\d+) characters/, (m) => `长度不能少于 ${m[1]} 个字符`],
  [/must contain at least (\d+) elements/, (m) => `至少应有 ${m[1]} 项`],
  [/must not be less than (\S+)/, (m) => `不能小于 ${m[1]}`],
  [/must not be greater than (\S+)/, (m) => `不能大于 ${m[1]}`],
  [/must be an integer/, () => '应为整数'],
  [/must be a number/, () => '应为数字'],
  [/must be a string/, () => '应为文本'],
  [/must be an array/, () => '应为列表'],
  [/must be a UUID/, () => '应为有效的编号'],
  [/must be a boolean/, () => '应为是或否'],
  [/must be one of the following values/, () => '取值不在允许范围内'],
  [/should not exist/, () => '不应提交此项'],
];

/** Drops a trailing "(English …)" (which may itself hold parentheses) after Chinese text. */
function stripEnglish(s: string): string {
  if (!s.endsWith(')')) return s;
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === ')') depth++;
    else if (s[i] === '(' && --depth === 0) {
      const before = s.slice(0, i).trimEnd();
      const inside = s.slice(i + 1, -1);
      return CJK.test(before) && /^[A-Za-z0-9]/.test(inside) && /[A-Za-z]/.test(inside) ? before : s;
    }
  }
  return s;
}

/**
 * The services answer "中文 (English)": the console shows the Chinese only.
 * A leading field name ("landPriceFen 应为整数") is dropped, a date format spelled out,
 * and an English-only validation reason translated; other English-only text becomes `fallback`.
 */
export function zhText(text: string, fallback = '取值不合法'): string {
  let s = stripEnglish(text.trim());
  s = s.replace(/^[A-Za-z][\w.[\]]*\s+(?=\S*[\u3400-\u9fff])/, '');
  s = s.replace(/YYYY-MM-DD/g, '年-月-日格式');
  if (CJK.test(s)) return s;
  for (const [pattern, zh] of VALIDATION_ZH) {
    const m = s.match(pattern);
    if (m) return zh(m);
  }
  return fallback;
}
