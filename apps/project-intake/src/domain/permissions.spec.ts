import { ROLES, type Principal, type Role } from '@devzone/auth';
import { LIFECYCLE_STAGES } from '@devzone/contracts';
import { decide, initialState, type LifecycleState } from './lifecycle.state-machine';
import { PROJECT_ACTIONS, PROJECT_COMMANDS, projectActions, type ProjectAction } from './permissions';

const ZONE = 'SX-ZGQ';
const CREDIT = '91350100M000100Y43';
const project = { zoneCode: ZONE, creditCode: CREDIT };

const who = (role: Role, patch: Partial<Principal> = {}): Principal => ({
  sub: `${role}-1`,
  name: role,
  role,
  zones: role === 'enterprise' || role === 'admin' || role === 'province-manager' ? [] : [ZONE],
  ...(role === 'enterprise' ? { creditCode: CREDIT } : {}),
  ...(role === 'department-officer' ? { department: '住房和城乡建设局' } : {}),
  ...patch,
});
const enterprise = who('enterprise');
const officer = who('zone-officer');
const admin = who('admin');

/** A project in `stage` with the facts that stage implies (land needed), then `patch`. */
const state = (stage: LifecycleState['stage'], patch: Partial<LifecycleState> = {}): LifecycleState => ({
  ...initialState(true),
  stage,
  approvalsGranted: !['SIGNED', 'APPROVING'].includes(stage),
  landSecured: !['SIGNED', 'APPROVING'].includes(stage),
  acceptance: ['IN_PRODUCTION', 'FULL_PRODUCTION'].includes(stage) ? 'passed' : 'pending',
  stageBeforeSuspension: stage === 'SUSPENDED' ? 'UNDER_CONSTRUCTION' : null,
  ...patch,
});

describe('the actions a caller may take on a project (ProjectView.actions)', () => {
  it.each<[string, LifecycleState, ProjectAction[], ProjectAction[]]>([
    //  name, state, the enterprise's, a zone officer's
    ['签约: nothing to report yet; officers may suspend or terminate', state('SIGNED'), [], ['suspend', 'terminate']],
    ['审批中 with approvals but no land: not ready to start', state('APPROVING', { approvalsGranted: true }), [], ['suspend', 'terminate']],
    ['具备开工条件: start', state('READY_TO_START'), ['start'], ['start', 'suspend', 'terminate']],
    ['在建: completion', state('UNDER_CONSTRUCTION'), ['completion'], ['completion', 'suspend', 'terminate']],
    ['竣工, 对标验收 pending: no production', state('COMPLETED'), [], ['suspend', 'terminate']],
    ['竣工, 对标验收 failed: no production', state('COMPLETED', { acceptance: 'failed' }), [], ['suspend', 'terminate']],
    ['竣工, 对标验收 passed: production', state('COMPLETED', { acceptance: 'passed' }), ['production'], ['production', 'suspend', 'terminate']],
    ['投产 off 标准地: full production', state('IN_PRODUCTION'), ['full-production'], ['full-production', 'suspend', 'terminate']],
    ['投产 on 标准地, review pending: no full production', state('IN_PRODUCTION', { landReview: 'pending' }), [], ['suspend', 'terminate']],
    ['投产 on 标准地, review decided: full production', state('IN_PRODUCTION', { landReview: 'decided' }), ['full-production'], ['full-production', 'suspend', 'terminate']],
    ['暂停: officers resume or terminate', state('SUSPENDED'), [], ['resume', 'terminate']],
    ['达产: the lifecycle is complete', state('FULL_PRODUCTION'), [], []],
    ['终止: nothing', state('TERMINATED'), [], []],
  ])('%s', (_name, s, ofEnterprise, ofOfficer) => {
    expect(projectActions(s, project, enterprise)).toEqual(ofEnterprise);
    expect(projectActions(s, project, officer)).toEqual(ofOfficer);
    // An administrator may call every route: what the lifecycle allows.
    expect(projectActions(s, project, admin)).toEqual(PROJECT_ACTIONS.filter((a) => decide(s, PROJECT_COMMANDS[a].trigger).allowed));
  });

  it('gives agents and team leads of the zone the reports, not suspend/resume/terminate', () => {
    for (const role of ['agency-agent', 'agency-supervisor'] as const) {
      expect(projectActions(state('READY_TO_START'), project, who(role))).toEqual(['start']);
      expect(projectActions(state('SUSPENDED'), project, who(role))).toEqual([]);
    }
  });

  it('gives read-only roles nothing, in any state', () => {
    for (const role of ['zone-manager', 'province-manager', 'department-officer'] as const) {
      for (const stage of LIFECYCLE_STAGES) expect(projectActions(state(stage, { landReview: 'not-needed' }), project, who(role))).toEqual([]);
    }
  });

  it('gives nothing on a project the caller does not reach: another enterprise’s, another zone’s', () => {
    const ready = state('READY_TO_START');
    expect(projectActions(ready, project, who('enterprise', { creditCode: '91110000100000000X' }))).toEqual([]);
    expect(projectActions(ready, project, who('enterprise', { creditCode: undefined }))).toEqual([]);
    expect(projectActions(ready, project, who('zone-officer', { zones: ['CZ-GXQ'] }))).toEqual([]);
    expect(projectActions(ready, project, who('agency-agent', { zones: ['CZ-GXQ'] }))).toEqual([]);
    expect(projectActions(ready, { ...project, zoneCode: 'CZ-GXQ' }, admin)).toEqual(['start', 'suspend', 'terminate']);
  });

  it('lists an action exactly when its route admits the role and the lifecycle allows the command (every role, stage and condition)', () => {
    const states = LIFECYCLE_STAGES.flatMap((stage) =>
      (['pending', 'passed', 'failed'] as const).flatMap((acceptance) => (['not-needed', 'pending'] as const).map((landReview) => state(stage, { acceptance, landReview }))),
    );
    for (const role of ROLES) {
      for (const s of states) {
        const actions = projectActions(s, project, who(role));
        for (const action of PROJECT_ACTIONS) {
          const expected = PROJECT_COMMANDS[action].roles.includes(role) && decide(s, PROJECT_COMMANDS[action].trigger).allowed;
          expect(`${role} ${s.stage} ${action}: ${actions.includes(action)}`).toBe(`${role} ${s.stage} ${action}: ${expected}`);
        }
      }
    }
  });
});
