import { TASK_STATUSES, type TaskStatus } from '@devzone/contracts';
import { chinaCalendar } from '@devzone/shared-kernel';
import { chooseAgent, reassignReasonProblem, type AgentLoad } from './assignment';
import { deadlineState } from './deadlines';
import { decideTask, TASK_TRIGGERS, type TaskTrigger } from './task.state-machine';

const agent = (id: string, patch: Partial<AgentLoad> = {}): AgentLoad => ({ id, zoneCode: 'SX-ZGQ', specialities: ['approval'], active: true, capacity: 10, openTasks: 0, openDelegations: 0, ...patch });

describe('automatic assignment', () => {
  it('picks the least loaded agent of the zone with the speciality', () => {
    const agents = [agent('a', { openTasks: 5 }), agent('b', { openTasks: 2 }), agent('c', { openTasks: 1, specialities: ['utilities'] }), agent('d', { openTasks: 0, zoneCode: 'CZ-GXQ' })];
    expect(chooseAgent(agents, 'SX-ZGQ', 'approval')?.id).toBe('b');
  });

  it('prefers agents under capacity, even busier ones', () => {
    expect(chooseAgent([agent('a', { openTasks: 3, capacity: 3 }), agent('b', { openTasks: 8, capacity: 10 })], 'SX-ZGQ', 'approval')?.id).toBe('b');
    // all full: still the least loaded
    expect(chooseAgent([agent('a', { openTasks: 4, capacity: 3 }), agent('b', { openTasks: 12, capacity: 10 })], 'SX-ZGQ', 'approval')?.id).toBe('a');
  });

  it('breaks ties by open delegations, then by id, deterministically', () => {
    expect(chooseAgent([agent('m', { openTasks: 2, openDelegations: 3 }), agent('z', { openTasks: 2, openDelegations: 1 })], 'SX-ZGQ', 'approval')?.id).toBe('z');
    expect(chooseAgent([agent('m', { openTasks: 2 }), agent('k', { openTasks: 2 })], 'SX-ZGQ', 'approval')?.id).toBe('k');
    expect(chooseAgent([agent('k', { openTasks: 2 }), agent('m', { openTasks: 2 })], 'SX-ZGQ', 'approval')?.id).toBe('k');
  });

  it('skips inactive agents and finds nobody when nobody fits', () => {
    expect(chooseAgent([agent('a', { active: false })], 'SX-ZGQ', 'approval')).toBeNull();
    expect(chooseAgent([agent('a')], 'SX-ZGQ', 'post-production')).toBeNull();
  });
});

describe('the reason of a reassignment (改派原因)', () => {
  it('asks for one when there is none, or only spaces', () => {
    for (const missing of [undefined, null, 42, '', '   ']) expect(reassignReasonProblem(missing)?.zh).toBe('须填写改派原因（2–200 个字）');
  });

  it('takes 2 to 200 characters, counted as characters and without the surrounding spaces', () => {
    expect(reassignReasonProblem('休假')).toBeNull();
    expect(reassignReasonProblem(' 休 ')).toEqual({ zh: '改派原因至少 2 个字', en: 'reason must have at least 2 characters' });
    expect(reassignReasonProblem('改'.repeat(200))).toBeNull();
    expect(reassignReasonProblem('改'.repeat(201))?.zh).toBe('改派原因不超过 200 个字（现为 201 个字）');
    // a character outside the basic plane is one character, not two UTF-16 units
    expect(reassignReasonProblem('𠀀'.repeat(200))).toBeNull();
  });
});

// Expected status after each trigger from each status ('✗' = refused).
const X = '✗';
const EXPECTED: Record<TaskStatus, Record<TaskTrigger, TaskStatus | '✗'>> = {
  PLANNED: { START: 'COLLECTING_MATERIALS', SUBMIT: 'SUBMITTED', ACCEPT: X, REVIEW: X, REQUEST_CORRECTIONS: X, APPROVE: X, REFUSE: X, DELIVER: X, COMPLETE: 'DELIVERED' },
  COLLECTING_MATERIALS: { START: X, SUBMIT: 'SUBMITTED', ACCEPT: X, REVIEW: X, REQUEST_CORRECTIONS: X, APPROVE: X, REFUSE: X, DELIVER: X, COMPLETE: 'DELIVERED' },
  SUBMITTED: { START: X, SUBMIT: X, ACCEPT: 'ACCEPTED', REVIEW: X, REQUEST_CORRECTIONS: 'CORRECTIONS_REQUESTED', APPROVE: X, REFUSE: 'REFUSED', DELIVER: X, COMPLETE: 'DELIVERED' },
  ACCEPTED: { START: X, SUBMIT: X, ACCEPT: X, REVIEW: 'IN_REVIEW', REQUEST_CORRECTIONS: 'CORRECTIONS_REQUESTED', APPROVE: 'APPROVED', REFUSE: 'REFUSED', DELIVER: X, COMPLETE: 'DELIVERED' },
  IN_REVIEW: { START: X, SUBMIT: X, ACCEPT: X, REVIEW: X, REQUEST_CORRECTIONS: 'CORRECTIONS_REQUESTED', APPROVE: 'APPROVED', REFUSE: 'REFUSED', DELIVER: X, COMPLETE: 'DELIVERED' },
  CORRECTIONS_REQUESTED: { START: X, SUBMIT: 'SUBMITTED', ACCEPT: X, REVIEW: X, REQUEST_CORRECTIONS: X, APPROVE: X, REFUSE: 'REFUSED', DELIVER: X, COMPLETE: 'DELIVERED' },
  APPROVED: { START: X, SUBMIT: X, ACCEPT: X, REVIEW: X, REQUEST_CORRECTIONS: X, APPROVE: X, REFUSE: X, DELIVER: 'DELIVERED', COMPLETE: 'DELIVERED' },
  REFUSED: { START: X, SUBMIT: X, ACCEPT: X, REVIEW: X, REQUEST_CORRECTIONS: X, APPROVE: X, REFUSE: X, DELIVER: X, COMPLETE: X },
  DELIVERED: { START: X, SUBMIT: X, ACCEPT: X, REVIEW: X, REQUEST_CORRECTIONS: X, APPROVE: X, REFUSE: X, DELIVER: X, COMPLETE: X },
};

describe('task state machine', () => {
  it.each(TASK_STATUSES.flatMap((s) => TASK_TRIGGERS.map((t) => [s, t, EXPECTED[s][t]] as const)))('%s + %s → %s', (status, trigger, expected) => {
    const d = decideTask(status, trigger);
    if (expected === X) {
      expect(d.allowed).toBe(false);
      if (!d.allowed) expect(d.reason.zh).toMatch(/\p{Script=Han}/u);
    } else expect(d).toEqual({ allowed: true, status: expected });
  });
});

describe('task deadlines and escalation', () => {
  it('is green, amber, then red; escalates only past the threshold of working days late', () => {
    expect(deadlineState(chinaCalendar, '2026-12-04', '2026-11-27', 2, 3)).toMatchObject({ rag: 'green', overdue: false, escalate: false });
    expect(deadlineState(chinaCalendar, '2026-11-30', '2026-11-27', 2, 3)).toMatchObject({ rag: 'amber', workingDaysLeft: 1 });
    // due Friday 11-27: by Wednesday 12-02 three working days late — not yet past the threshold of 3
    expect(deadlineState(chinaCalendar, '2026-11-27', '2026-12-02', 2, 3)).toMatchObject({ rag: 'red', overdue: true, workingDaysLate: 3, escalate: false });
    expect(deadlineState(chinaCalendar, '2026-11-27', '2026-12-03', 2, 3)).toMatchObject({ workingDaysLate: 4, escalate: true });
  });

  it('does not count the National Day holiday as lateness', () => {
    // due 09-30: 10-01 … 10-07 are holidays; 10-08 is the first working day late
    expect(deadlineState(chinaCalendar, '2026-09-30', '2026-10-07', 2, 3)).toMatchObject({ overdue: true, workingDaysLate: 1, escalate: false });
    expect(deadlineState(chinaCalendar, '2026-09-30', '2026-10-12', 2, 3)).toMatchObject({ workingDaysLate: 4, escalate: true }); // 10-08, 10-09, 10-10 (Sat, worked), 10-12
  });
});
