export const SEVERITY: Record<string, [string, string]> = { serious: ['严重', 'magenta'], major: ['重大', 'red'], general: ['一般', 'orange'] };

/** 统一社会信用代码: 18 characters of 0-9 and A-Y without I, O, S, V, Z (GB 32100-2015). */
export const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
