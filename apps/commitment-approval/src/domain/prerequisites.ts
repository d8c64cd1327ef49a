import { itemSatisfied, type ItemStatus } from './item.state-machine';

/**
 * The order of approvals: an item may name items that must be granted (or
 * covered by the commitment) before it can be accepted — 备案 before everything,
 * 用地规划许可 → 工程规划许可 → 施工许可, 环评 before 施工许可. A prerequisite the
 * project does not need (not in its case) does not hold anything up.
 */
export interface OrderedItem {
  itemCode: string;
  name: string;
  status: ItemStatus;
  prerequisites: string[];
}

/** The prerequisites of `item` in its case that are not yet satisfied. */
export function unmetPrerequisites(item: Pick<OrderedItem, 'prerequisites'>, caseItems: OrderedItem[]): { itemCode: string; name: string }[] {
  return item.prerequisites
    .map((code) => caseItems.find((i) => i.itemCode === code))
    .filter((i): i is OrderedItem => !!i && !itemSatisfied(i.status))
    .map((i) => ({ itemCode: i.itemCode, name: i.name }));
}

/**
 * What is wrong with a catalogue's prerequisites, if anything: a prerequisite
 * that is not an item of the catalogue, an item its own prerequisite, or a cycle
 * (which would block every item on it forever).
 */
export function prerequisiteProblems(items: { code: string; prerequisites?: string[] }[]): string[] {
  const codes = new Set(items.map((i) => i.code));
  const problems: string[] = [];
  for (const i of items) {
    for (const p of i.prerequisites ?? []) {
      if (p === i.code) problems.push(`${i.code} 不能以自身为前置事项`);
      else if (!codes.has(p)) problems.push(`${i.code} 的前置事项 ${p} 不在清单中`);
    }
  }
  const next = new Map(items.map((i) => [i.code, (i.prerequisites ?? []).filter((p) => codes.has(p) && p !== i.code)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (code: string, path: string[]): void => {
    if (state.get(code) === 'done') return;
    if (state.get(code) === 'visiting') {
      problems.push(`前置事项形成循环：${[...path.slice(path.indexOf(code)), code].join(' → ')}`);
      return;
    }
    state.set(code, 'visiting');
    for (const p of next.get(code) ?? []) visit(p, [...path, code]);
    state.set(code, 'done');
  };
  for (const i of items) visit(i.code, []);
  return problems;
}
