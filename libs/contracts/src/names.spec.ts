import { INDUSTRY_DIVISIONS_ZH, INDUSTRY_SECTIONS_ZH, industryName, timelineKindOf } from './names';

describe('industries by name (GB/T 4754-2017)', () => {
  it('has the 20 sections and the 97 divisions, 01 to 97, each under its section', () => {
    expect(Object.keys(INDUSTRY_SECTIONS_ZH)).toHaveLength(20);
    const divisions = Object.keys(INDUSTRY_DIVISIONS_ZH);
    expect(divisions).toHaveLength(97);
    expect(divisions.map((d) => Number(d.slice(1))).sort((a, b) => a - b)).toEqual(Array.from({ length: 97 }, (_, i) => i + 1));
    expect(INDUSTRY_DIVISIONS_ZH['C13']).toBe('农副食品加工业');
    expect(INDUSTRY_DIVISIONS_ZH['C43']).toBe('金属制品、机械和设备修理业');
    expect(INDUSTRY_DIVISIONS_ZH['I65']).toBe('软件和信息技术服务业');
    expect(INDUSTRY_DIVISIONS_ZH['T97']).toBe('国际组织');
  });

  it('names a class it knows, else its division, else its section; anything else as it is', () => {
    expect(industryName('C3021')).toBe('C3021 水泥制品制造');
    expect(industryName('C3981')).toBe('C3981 电阻电容电感元件制造');
    expect(industryName('C3484')).toBe('C3484 机械零部件加工');
    expect(industryName('C3099')).toBe('C30 非金属矿物制品业');
    expect(industryName('c30')).toBe('C30 非金属矿物制品业');
    expect(industryName('I6510')).toBe('I65 软件和信息技术服务业');
    expect(industryName('C')).toBe('C 制造业');
    expect(industryName('A30')).toBe('A30'); // 30 is a division of C, not of A
    expect(industryName('')).toBe('');
    expect(industryName(null)).toBe('');
  });

  it('every class the demo uses has its own name', () => {
    for (const code of ['C3021', 'C3499', 'C3981', 'C2720', 'C3451', 'C3976', 'C3841', 'C2614', 'C3484']) expect(industryName(code)).toMatch(new RegExp(`^${code} \\S+$`));
  });
});

describe('timeline kinds', () => {
  it('come from the event type’s context', () => {
    expect(timelineKindOf('approval.item-granted')).toBe('approval');
    expect(timelineKindOf('land.check-passed')).toBe('land');
    expect(timelineKindOf('agency.task-updated')).toBe('agency');
    expect(timelineKindOf('project.stage-changed')).toBe('lifecycle');
    expect(timelineKindOf('notification.failed')).toBe('notice');
  });
});
