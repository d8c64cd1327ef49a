import { certificateProblem, futureDateProblem, pathRefusal, type OfficerPath, type ProjectForPath } from './land-paths';

const needsLand: ProjectForPath = { usesStandardLand: false, landAreaMu: 40 };
const noLand: ProjectForPath = { usesStandardLand: false, landAreaMu: 0 };
const standard: ProjectForPath = { usesStandardLand: true, landAreaMu: 90 };

describe('land paths: who may record which path', () => {
  it.each([
    // path, project, current path → refusal code (null: recorded)
    ['grant', needsLand, null, null],
    ['own-land', needsLand, null, null],
    ['lease', needsLand, null, null],
    ['lease', noLand, null, null],
    ['lease', noLand, 'none', null], // premises leased instead of no new land
    ['grant', standard, null, 'standard-land-project'],
    ['own-land', standard, null, 'standard-land-project'],
    ['lease', standard, null, 'standard-land-project'],
    ['grant', noLand, null, 'no-land-needed'],
    ['own-land', noLand, 'none', 'no-land-needed'],
    ['grant', needsLand, 'grant', 'land-secured'],
    ['own-land', needsLand, 'grant', 'land-secured'],
    ['lease', needsLand, 'own-land', 'land-secured'],
    ['lease', noLand, 'lease', 'land-secured'],
  ] as const)('%s for %o with %s recorded → %s', (path, project, current, code) => {
    expect(pathRefusal(path as OfficerPath, project, current)?.code ?? null).toBe(code);
  });

  it('explains a refusal in Chinese first', () => {
    expect(pathRefusal('grant', needsLand, 'own-land')?.message).toEqual({ zh: '项目用地已落实（自有用地）', en: "the project's land is already secured (own-land)" });
    expect(pathRefusal('own-land', standard, null)?.message.zh).toBe('项目采用标准地，须通过地块出让落实用地，不能登记自有用地');
  });

  it('checks a 不动产权证 number loosely', () => {
    expect(certificateProblem('晋(2026)太原市不动产权第0012345号')).toBeNull();
    expect(certificateProblem('  ')?.en).toBe('the certificate number is required');
    expect(certificateProblem('不动产权' + '1'.repeat(97))?.en).toBe('the certificate number has at most 100 characters');
    expect(certificateProblem('晋(2026)太原市第0012345号')?.zh).toMatch(/^不动产权证号应含“不动产权”/);
  });

  it('refuses a contract signed after today', () => {
    expect(futureDateProblem('2026-11-24', '2026-11-24')).toBeNull();
    expect(futureDateProblem('2026-11-25', '2026-11-24')?.zh).toBe('日期 2026-11-25 不能晚于今天（2026-11-24）');
  });
});
