import { describe, expect, it } from '@jest/globals';
import type { TimelineEntryView } from '../../views';
import { actorText, foldTimeline } from './timeline';

let n = 0;
const entry = (over: Partial<TimelineEntryView> = {}): TimelineEntryView => ({
  eventId: `e${++n}`,
  type: 'agency.task-updated',
  source: 'agency',
  sourceName: '代办',
  occurredAt: '2026-11-30T08:00:00.000Z',
  actor: null,
  summary: '—',
  kind: 'agency',
  object: null,
  objectName: null,
  group: null,
  ...over,
});

describe('who did it', () => {
  it('the role and the name; the role alone without one; never the login id', () => {
    expect(actorText({ id: 'sx-officer', role: 'department-officer', name: '王敏' })).toBe('部门审批人员 王敏');
    expect(actorText({ id: 'agent-zhaojing', role: 'agency-agent' })).toBe('代办员');
    expect(actorText({ id: 'sx-officer', role: 'zone-officer', name: 'sx-officer' })).toBe('审批专员');
    expect(actorText({ id: 'deadline-checker', role: 'system' })).toBe('系统');
    expect(actorText(null)).toBe('系统');
  });
});

describe('folding a task’s progress', () => {
  it('folds consecutive entries of one task into one line, and nothing else', () => {
    const water = (s: string) => entry({ group: 't-water', objectName: '供水报装', summary: s });
    const lines = foldTimeline([water('3'), water('2'), entry({ kind: 'approval', summary: 'A' }), water('1'), entry({ group: 't-power' }), entry({ kind: 'land' }), entry({ kind: 'land' })]);
    expect(lines.map((l) => l.entries.length)).toEqual([2, 1, 1, 1, 1, 1]);
    expect(lines[0].entries.map((e) => e.summary)).toEqual(['3', '2']);
    expect(foldTimeline([])).toEqual([]);
  });
});
