import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@devzone/contracts';
import { describeEvent } from './timeline.describe';
import { timelineFacets, timelineObjectOf } from './timeline.objects';

const event = (type: string, payload: Record<string, unknown>, version = 1): EventEnvelope =>
  ({ id: randomUUID(), type, version, occurredAt: '2026-11-30T08:00:00.000Z', projectId: randomUUID(), source: 'x', correlationId: randomUUID(), causationId: null, payload }) as EventEnvelope;

describe('the timeline names what each entry is about', () => {
  const taskId = randomUUID();

  it('an approval item by its code and name', () => {
    expect(timelineObjectOf('approval.item-granted', { itemCode: 'A05', itemName: '消防设计审查' })).toEqual({ key: 'A05', name: 'A05 消防设计审查' });
    expect(timelineObjectOf('approval.item-overdue', { itemCode: 'A05' })).toEqual({ key: 'A05', name: 'A05' });
  });

  it('a 标准地 check by its stage, a plot by its code', () => {
    expect(timelineObjectOf('land.check-passed', { plotCode: 'SX-2025-012', stage: 'completion' })).toEqual({ key: 'completion', name: '竣工验收' });
    expect(timelineObjectOf('land.check-failed', { plotCode: 'SX-2025-012', stage: 'full-production' })).toEqual({ key: 'full-production', name: '达产复核' });
    expect(timelineObjectOf('land.plot-reserved', { plotCode: 'SX-2025-012', areaMu: 50 })).toEqual({ key: 'SX-2025-012', name: '地块 SX-2025-012' });
  });

  it('a 全代办 task by its title, grouped by its id', () => {
    expect(timelineFacets('agency.task-updated', { taskId, title: '供水报装', from: 'PLANNED', to: 'COLLECTING_MATERIALS' })).toEqual({
      kind: 'agency',
      object: { key: taskId, name: '供水报装' },
      group: taskId,
    });
    expect(timelineFacets('agency.delegation-opened', { delegationId: randomUUID() })).toEqual({ kind: 'agency', object: null, group: null });
  });

  it('nothing for events about the whole project', () => {
    expect(timelineFacets('project.stage-changed', { from: 'SIGNED', to: 'APPROVING' })).toEqual({ kind: 'lifecycle', object: null, group: null });
    expect(timelineFacets('approval.case-granted', { decisionNumber: '晋批〔2026〕1号' })).toEqual({ kind: 'approval', object: null, group: null });
  });
});

describe('the timeline’s one line says what happened, without ids of services or events', () => {
  it('a task’s progress: its name and statuses in Chinese', () => {
    expect(describeEvent(event('agency.task-updated', { delegationId: randomUUID(), taskId: randomUUID(), title: '供水报装', from: 'SUBMITTED', to: 'ACCEPTED', note: '供水公司已受理' }))).toBe(
      '供水报装：已提交 → 已受理（供水公司已受理）',
    );
  });

  it('an item’s grant names the item and the department', () => {
    const text = describeEvent(event('approval.item-granted', { caseId: randomUUID(), itemCode: 'A05', itemName: '消防设计审查', department: '住房和城乡建设局', grantedOn: '2026-11-30', by: 'decision' }));
    expect(text).toBe('住房和城乡建设局准予消防设计审查（审查决定）');
  });

  it('a check names its stage and plot', () => {
    expect(describeEvent(event('land.check-passed', { plotCode: 'SX-2025-012', stage: 'completion', checkedOn: '2026-11-30', results: [] }))).toBe('标准地竣工验收通过（地块 SX-2025-012）');
  });

  it('an event it does not know: a Chinese fallback, never its type', () => {
    expect(describeEvent(event('approval.something-new', {}))).toBe('其他事项');
    expect(describeEvent(event('agency.task-updated', {}))).not.toMatch(/[a-z]{3,}/);
  });
});
