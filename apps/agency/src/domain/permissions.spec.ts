import type { Principal, Role } from '@devzone/auth';
import { TASK_STATUSES, type TaskStatus } from '@devzone/contracts';
import { COMMAND_ROLES, delegationActions, taskActions, type DelegationFacts, type TaskAction } from './permissions';
import { AGENT_ACTIONS, TASK_TRANSITIONS } from './task.state-machine';

const CREDIT = '91350100M000100Y43';
const who = (role: Role, patch: Partial<Principal> = {}): Principal => ({ sub: `${role}-1`, name: role, role, zones: ['CZ-GXQ'], ...patch });
const AGENT = who('agency-agent', { sub: 'agent-a' });
const OTHER_AGENT = who('agency-agent', { sub: 'agent-b' });
const LEAD = who('agency-supervisor');
const FOREIGN_LEAD = who('agency-supervisor', { zones: ['SX-ZGQ'] });
const ADMIN = who('admin', { zones: [] });
const ENTERPRISE = who('enterprise', { zones: [], creditCode: CREDIT });
const OTHER_ENTERPRISE = who('enterprise', { zones: [], creditCode: '91140400MA0000000X' });
const OFFICER = who('zone-officer');
const MANAGER = who('province-manager', { zones: [] });

const open: DelegationFacts = { status: 'OPEN', zoneCode: 'CZ-GXQ', agentId: 'agent-a', rating: null };
const closed: DelegationFacts = { ...open, status: 'CLOSED' };
const rated: DelegationFacts = { ...closed, rating: 4 };

describe('delegation actions', () => {
  it('offers assign to a team lead of the zone, or an admin, while the delegation is open', () => {
    expect(delegationActions(LEAD, open, null)).toEqual(['assign']);
    expect(delegationActions(ADMIN, open, null)).toEqual(['assign']);
    expect(delegationActions(LEAD, closed, null)).toEqual([]);
  });

  it('offers nothing to a team lead of another zone (the delegation is not found for it)', () => {
    expect(delegationActions(FOREIGN_LEAD, open, null)).toEqual([]);
  });

  it('offers rating to the project’s enterprise once the delegation is closed, and only until it rated', () => {
    expect(delegationActions(ENTERPRISE, open, CREDIT)).toEqual([]);
    expect(delegationActions(ENTERPRISE, closed, CREDIT)).toEqual(['rating']);
    expect(delegationActions(ENTERPRISE, rated, CREDIT)).toEqual([]);
    expect(delegationActions(OTHER_ENTERPRISE, closed, CREDIT)).toEqual([]);
    expect(delegationActions(ENTERPRISE, closed, null)).toEqual([]); // the project's enterprise unknown
  });

  it('offers nothing to agents, officers and managers, who only read a delegation', () => {
    for (const p of [AGENT, OFFICER, MANAGER]) {
      expect(delegationActions(p, open, null)).toEqual([]);
      expect(delegationActions(p, closed, null)).toEqual([]);
    }
    // An admin may assign but not rate: the rating route admits the enterprise only.
    expect(delegationActions(ADMIN, closed, null)).toEqual([]);
  });

  it('derives each action from the route’s roles', () => {
    for (const role of ['zone-officer', 'department-officer', 'agency-agent', 'agency-supervisor', 'enterprise', 'zone-manager', 'province-manager', 'admin'] as const) {
      const p = who(role, { creditCode: CREDIT, zones: ['CZ-GXQ'] });
      expect(delegationActions(p, open, CREDIT).includes('assign')).toBe((COMMAND_ROLES.assign as readonly Role[]).includes(role));
      expect(delegationActions(p, closed, CREDIT).includes('rating')).toBe((COMMAND_ROLES.rating as readonly Role[]).includes(role));
    }
  });
});

describe('task actions', () => {
  const d = { zoneCode: 'CZ-GXQ', agentId: 'agent-a' };
  const task = (status: TaskStatus) => ({ status });

  it.each<[TaskStatus, TaskAction[]]>([
    ['PLANNED', ['START', 'SUBMIT', 'notes']],
    ['COLLECTING_MATERIALS', ['SUBMIT', 'notes']],
    ['SUBMITTED', ['ACCEPT', 'REQUEST_CORRECTIONS', 'REFUSE', 'notes']],
    ['ACCEPTED', ['REVIEW', 'REQUEST_CORRECTIONS', 'APPROVE', 'REFUSE', 'notes']],
    ['IN_REVIEW', ['REQUEST_CORRECTIONS', 'APPROVE', 'REFUSE', 'notes']],
    ['CORRECTIONS_REQUESTED', ['SUBMIT', 'REFUSE', 'notes']],
    ['APPROVED', ['DELIVER', 'notes']],
    ['DELIVERED', ['notes']],
    ['REFUSED', ['notes']],
  ])('the delegation’s agent, on a %s task: %j', (status, expected) => {
    expect(taskActions(AGENT, task(status), d)).toEqual(expected);
  });

  it('lists exactly the moves the state machine allows, never COMPLETE (which only the approving service makes)', () => {
    for (const status of TASK_STATUSES) {
      const moves = taskActions(LEAD, task(status), d).filter((a) => a !== 'notes');
      expect(moves).toEqual(AGENT_ACTIONS.filter((a) => TASK_TRANSITIONS[a].from.includes(status)));
      expect(moves).not.toContain('COMPLETE');
    }
  });

  it('gives a team lead of the zone and an admin the same as the agent', () => {
    expect(taskActions(LEAD, task('SUBMITTED'), d)).toEqual(taskActions(AGENT, task('SUBMITTED'), d));
    expect(taskActions(ADMIN, task('SUBMITTED'), d)).toEqual(taskActions(AGENT, task('SUBMITTED'), d));
  });

  it('gives nothing to another agent, a lead of another zone, the enterprise, officers or managers', () => {
    for (const p of [OTHER_AGENT, FOREIGN_LEAD, ENTERPRISE, OFFICER, MANAGER]) expect(taskActions(p, task('PLANNED'), d)).toEqual([]);
    // a delegation nobody is assigned to yet: no agent works on it, a lead does
    expect(taskActions(AGENT, task('PLANNED'), { ...d, agentId: null })).toEqual([]);
    expect(taskActions(LEAD, task('PLANNED'), { ...d, agentId: null })).toEqual(['START', 'SUBMIT', 'notes']);
  });
});
