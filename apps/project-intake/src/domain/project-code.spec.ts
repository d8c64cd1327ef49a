import { buildProjectCode, isValidProjectCode, mod11_2 } from './project-code';

describe('project code (项目代码)', () => {
  it('computes MOD 11-2 like GB 11643 identity numbers (known valid examples)', () => {
    // The example number of GB 11643-1999; the others checked with an independent
    // implementation (weights 2^(18-i) mod 11, as printed in GB 11643).
    expect(mod11_2('11010519491231002')).toBe('X');
    expect(mod11_2('44052418800101001')).toBe('4');
    expect(mod11_2('11010119900307001')).toBe('1');
  });

  it('builds YYMM-region-dept-type-serial+check, 24 characters', () => {
    const code = buildProjectCode({ issuedOn: '2026-11-27', regionCode: '140100', departmentCode: '04', projectType: 'capital-construction', serial: 123 });
    expect(code).toMatch(/^2611-140100-04-01-00123[0-9X]$/);
    expect(code).toHaveLength(24);
    expect(isValidProjectCode(code)).toBe(true);
  });

  it.each([
    ['2611-140100-04-01-00123X', 'check of 2611140100040100123 is X (independent computation)'],
    ['2012-140400-99-02-543211', 'check of 2012140400990254321 is 1 (independent computation)'],
  ])('accepts %s (%s)', (code) => {
    expect(isValidProjectCode(code)).toBe(true);
  });

  it.each([
    ['2611-140100-04-01-001231', 'wrong check character'],
    ['2611-140100-04-01-00132X', 'adjacent digits swapped'],
    ['2611-140100-04-01-01123X', 'one digit changed'],
    ['2613-140100-04-01-00123X', 'month 13'],
    ['2611140100-04-01-00123X0', 'hyphen misplaced'],
    ['2611-140100-04-01-00123', 'too short'],
    ['2611-140100-04-01-00123x', 'lower-case x'],
  ])('refuses %s (%s)', (code) => {
    expect(isValidProjectCode(code)).toBe(false);
  });

  it('detects every single-digit change of a code', () => {
    const code = buildProjectCode({ issuedOn: '2027-01-05', regionCode: '140500', departmentCode: '04', projectType: 'technical-renovation', serial: 98765 });
    for (let i = 0; i < code.length - 1; i++) {
      if (code[i] === '-') continue;
      for (let d = 0; d <= 9; d++) {
        if (String(d) === code[i]) continue;
        expect(isValidProjectCode(code.slice(0, i) + d + code.slice(i + 1))).toBe(false);
      }
    }
  });
});
