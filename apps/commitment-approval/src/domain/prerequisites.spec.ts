import { DEFAULT_CATALOGUE } from './catalogue';
import { prerequisiteProblems, unmetPrerequisites, type OrderedItem } from './prerequisites';

const item = (itemCode: string, status: OrderedItem['status'], prerequisites: string[] = []): OrderedItem => ({ itemCode, name: `事项${itemCode}`, status, prerequisites });

describe('the order of approvals', () => {
  it('holds an item until its prerequisites in the case are granted, committed or 容缺-granted', () => {
    const a06 = item('A06', 'APPLIED', ['A01', 'C01', 'A03', 'C05']);
    const caseItems = [item('A01', 'GRANTED'), item('C01', 'ACCEPTED', ['A01', 'A02']), item('C05', 'COMMITTED'), a06];
    // A03 (the EIA report) is not in this case: it does not hold anything up.
    expect(unmetPrerequisites(a06, caseItems)).toEqual([{ itemCode: 'C01', name: '事项C01' }]);
    expect(unmetPrerequisites(a06, caseItems.map((i) => (i.itemCode === 'C01' ? { ...i, status: 'GRANTED_PENDING_DOCUMENTS' as const } : i)))).toEqual([]);
  });

  it('puts 备案 before everything, and 用地规划 → 工程规划 → 施工许可 with the EIA before the permit, in the default catalogue', () => {
    const of = (code: string) => DEFAULT_CATALOGUE.find((i) => i.code === code)?.prerequisites ?? [];
    for (const i of DEFAULT_CATALOGUE.filter((x) => (x.regime === 'approval' || x.regime === 'committable') && x.code !== 'A01')) expect(of(i.code)).toContain('A01');
    expect(of('A01')).toEqual([]);
    expect(of('C01')).toContain('A02');
    expect(of('A06')).toEqual(expect.arrayContaining(['C01', 'A03', 'C05']));
    expect(prerequisiteProblems(DEFAULT_CATALOGUE)).toEqual([]);
  });

  it('finds unknown prerequisites, self-references and cycles in a catalogue', () => {
    expect(prerequisiteProblems([{ code: 'A', prerequisites: ['B'] }, { code: 'B', prerequisites: ['C'] }, { code: 'C', prerequisites: ['A'] }])).toEqual(['前置事项形成循环：A → B → C → A']);
    expect(prerequisiteProblems([{ code: 'A', prerequisites: ['A', 'Z'] }])).toEqual(['A 不能以自身为前置事项', 'A 的前置事项 Z 不在清单中']);
  });
});
