import { creditCodeCheckCharacter, creditCodeProblem } from './credit-code';

describe('unified social credit code (统一社会信用代码, GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', 'the example printed in GB 32100-2015'],
    ['914403001922038216', '华为技术有限公司'],
    ['91330100716105852F', '阿里巴巴（中国）有限公司'],
    ['9144030071526726XG', '深圳市腾讯计算机系统有限公司'],
    ['91110000802100433B', '北京百度网讯科技有限公司'],
  ])('accepts %s (%s)', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
  });

  it.each([
    ['91350100M000100Y44', 'check', 'wrong check character'],
    ['91350100M000100Y4', 'length', '17 characters'],
    ['91350100M000100Y433', 'length', '19 characters'],
    ['91350100MO00100Y43', 'characters', 'letter O'],
    ['91350100m000100y43', 'characters', 'lower case'],
    ['913501A0M000100Y43', 'division', 'letter inside the division code'],
    ['91351000M000100Y43', 'check', 'adjacent digits swapped'],
  ])('refuses %s (%s: %s)', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });

  it('computes the check character that makes a code valid', () => {
    expect(creditCodeCheckCharacter('91140100MA0L00001')).toMatch(/^[0-9A-HJ-NPQRTUWXY]$/);
    const code = `91140100MA0L00001${creditCodeCheckCharacter('91140100MA0L00001')}`;
    expect(creditCodeProblem(code)).toBeNull();
  });
});
