import { LIFECYCLE_STAGES, LIFECYCLE_TRIGGERS, type LifecycleStage, type LifecycleTrigger } from '@devzone/contracts';
import { decide, initialState, TRANSITIONS, type LifecycleState } from './lifecycle.state-machine';

const base = (stage: LifecycleStage, patch: Partial<LifecycleState> = {}): LifecycleState => ({
  ...initialState(true),
  stage,
  // The facts that hold by the time a project is in each stage.
  approvalsGranted: !['SIGNED', 'APPROVING'].includes(stage),
  landSecured: !['SIGNED', 'APPROVING'].includes(stage),
  acceptance: ['IN_PRODUCTION', 'FULL_PRODUCTION'].includes(stage) ? 'passed' : 'pending',
  stageBeforeSuspension: stage === 'SUSPENDED' ? 'UNDER_CONSTRUCTION' : null,
  ...patch,
});

// The expected outcome of every (stage, trigger) pair from the base state above:
// a stage name = allowed, moves (or stays) there; '✗' = refused.
type Row = Record<LifecycleTrigger, LifecycleStage | '✗'>;
const EXPECTED: Record<LifecycleStage, Row> = {
  //            APPROVAL_STARTED  APPROVALS_GRANTED   LAND_SECURED  REPORT_START  REPORT_COMPLETION  ACCEPTANCE_PASSED  ACCEPTANCE_FAILED  REPORT_PRODUCTION  REPORT_FULL_PRODUCTION  SUSPEND  RESUME  TERMINATE
  SIGNED: { APPROVAL_STARTED: 'APPROVING', APPROVALS_GRANTED: 'APPROVING', APPROVALS_REVOKED: 'APPROVING', LAND_SECURED: 'APPROVING', REPORT_START: '✗', REPORT_COMPLETION: '✗', ACCEPTANCE_PASSED: '✗', ACCEPTANCE_FAILED: '✗', LAND_REVIEW_PASSED: 'SIGNED', LAND_REVIEW_DECIDED: 'SIGNED', REPORT_PRODUCTION: '✗', REPORT_FULL_PRODUCTION: '✗', SUSPEND: 'SUSPENDED', RESUME: '✗', TERMINATE: 'TERMINATED' },
  APPROVING: { APPROVAL_STARTED: 'APPROVING', APPROVALS_GRANTED: 'APPROVING', APPROVALS_REVOKED: 'APPROVING', LAND_SECURED: 'APPROVING', REPORT_START: '✗', REPORT_COMPLETION: '✗', ACCEPTANCE_PASSED: '✗', ACCEPTANCE_FAILED: '✗', LAND_REVIEW_PASSED: 'APPROVING', LAND_REVIEW_DECIDED: 'APPROVING', REPORT_PRODUCTION: '✗', REPORT_FULL_PRODUCTION: '✗', SUSPEND: 'SUSPENDED', RESUME: '✗', TERMINATE: 'TERMINATED' },
  READY_TO_START: { APPROVAL_STARTED: 'READY_TO_START', APPROVALS_GRANTED: 'READY_TO_START', APPROVALS_REVOKED: 'APPROVING', LAND_SECURED: 'READY_TO_START', REPORT_START: 'UNDER_CONSTRUCTION', REPORT_COMPLETION: '✗', ACCEPTANCE_PASSED: '✗', ACCEPTANCE_FAILED: '✗', LAND_REVIEW_PASSED: 'READY_TO_START', LAND_REVIEW_DECIDED: 'READY_TO_START', REPORT_PRODUCTION: '✗', REPORT_FULL_PRODUCTION: '✗', SUSPEND: 'SUSPENDED', RESUME: '✗', TERMINATE: 'TERMINATED' },
  UNDER_CONSTRUCTION: { APPROVAL_STARTED: 'UNDER_CONSTRUCTION', APPROVALS_GRANTED: 'UNDER_CONSTRUCTION', APPROVALS_REVOKED: 'UNDER_CONSTRUCTION', LAND_SECURED: 'UNDER_CONSTRUCTION', REPORT_START: '✗', REPORT_COMPLETION: 'COMPLETED', ACCEPTANCE_PASSED: 'UNDER_CONSTRUCTION', ACCEPTANCE_FAILED: 'UNDER_CONSTRUCTION', LAND_REVIEW_PASSED: 'UNDER_CONSTRUCTION', LAND_REVIEW_DECIDED: 'UNDER_CONSTRUCTION', REPORT_PRODUCTION: '✗', REPORT_FULL_PRODUCTION: '✗', SUSPEND: 'SUSPENDED', RESUME: '✗', TERMINATE: 'TERMINATED' },
  COMPLETED: { APPROVAL_STARTED: 'COMPLETED', APPROVALS_GRANTED: 'COMPLETED', APPROVALS_REVOKED: 'COMPLETED', LAND_SECURED: 'COMPLETED', REPORT_START: '✗', REPORT_COMPLETION: '✗', ACCEPTANCE_PASSED: 'COMPLETED', ACCEPTANCE_FAILED: 'COMPLETED', LAND_REVIEW_PASSED: 'COMPLETED', LAND_REVIEW_DECIDED: 'COMPLETED', REPORT_PRODUCTION: '✗', REPORT_FULL_PRODUCTION: '✗', SUSPEND: 'SUSPENDED', RESUME: '✗', TERMINATE: 'TERMINATED' },
  IN_PRODUCTION: { APPROVAL_STARTED: 'IN_PRODUCTION', APPROVALS_GRANTED: 'IN_PRODUCTION', APPROVALS_REVOKED: 'IN_PRODUCTION', LAND_SECURED: 'IN_PRODUCTION', REPORT_START: '✗', REPORT_COMPLETION: '✗', ACCEPTANCE_PASSED: 'IN_PRODUCTION', ACCEPTANCE_FAILED: 'IN_PRODUCTION', LAND_REVIEW_PASSED: 'IN_PRODUCTION', LAND_REVIEW_DECIDED: 'IN_PRODUCTION', REPORT_PRODUCTION: '✗', REPORT_FULL_PRODUCTION: 'FULL_PRODUCTION', SUSPEND: 'SUSPENDED', RESUME: '✗', TERMINATE: 'TERMINATED' },
  FULL_PRODUCTION: { APPROVAL_STARTED: 'FULL_PRODUCTION', APPROVALS_GRANTED: 'FULL_PRODUCTION', APPROVALS_REVOKED: 'FULL_PRODUCTION', LAND_SECURED: 'FULL_PRODUCTION', REPORT_START: '✗', REPORT_COMPLETION: '✗', ACCEPTANCE_PASSED: 'FULL_PRODUCTION', ACCEPTANCE_FAILED: 'FULL_PRODUCTION', LAND_REVIEW_PASSED: 'FULL_PRODUCTION', LAND_REVIEW_DECIDED: 'FULL_PRODUCTION', REPORT_PRODUCTION: '✗', REPORT_FULL_PRODUCTION: '✗', SUSPEND: '✗', RESUME: '✗', TERMINATE: '✗' },
  SUSPENDED: { APPROVAL_STARTED: 'SUSPENDED', APPROVALS_GRANTED: 'SUSPENDED', APPROVALS_REVOKED: 'SUSPENDED', LAND_SECURED: 'SUSPENDED', REPORT_START: '✗', REPORT_COMPLETION: '✗', ACCEPTANCE_PASSED: 'SUSPENDED', ACCEPTANCE_FAILED: 'SUSPENDED', LAND_REVIEW_PASSED: 'SUSPENDED', LAND_REVIEW_DECIDED: 'SUSPENDED', REPORT_PRODUCTION: '✗', REPORT_FULL_PRODUCTION: '✗', SUSPEND: '✗', RESUME: 'UNDER_CONSTRUCTION', TERMINATE: 'TERMINATED' },
  TERMINATED: { APPROVAL_STARTED: '✗', APPROVALS_GRANTED: '✗', APPROVALS_REVOKED: '✗', LAND_SECURED: '✗', REPORT_START: '✗', REPORT_COMPLETION: '✗', ACCEPTANCE_PASSED: '✗', ACCEPTANCE_FAILED: '✗', LAND_REVIEW_PASSED: '✗', LAND_REVIEW_DECIDED: '✗', REPORT_PRODUCTION: '✗', REPORT_FULL_PRODUCTION: '✗', SUSPEND: '✗', RESUME: '✗', TERMINATE: '✗' },
};

describe('lifecycle state machine', () => {
  it('has a rule for every (stage, trigger) pair, and this test an expectation for each', () => {
    for (const stage of LIFECYCLE_STAGES) {
      expect(Object.keys(TRANSITIONS[stage]).sort()).toEqual([...LIFECYCLE_TRIGGERS].sort());
      expect(Object.keys(EXPECTED[stage]).sort()).toEqual([...LIFECYCLE_TRIGGERS].sort());
    }
  });

  const pairs = LIFECYCLE_STAGES.flatMap((stage) => LIFECYCLE_TRIGGERS.map((trigger) => [stage, trigger, EXPECTED[stage][trigger]] as const));

  it.each(pairs)('%s + %s → %s', (stage, trigger, expected) => {
    const decision = decide(base(stage), trigger);
    if (expected === '✗') {
      expect(decision.allowed).toBe(false);
      if (!decision.allowed) {
        expect(decision.reason.zh).toMatch(/\p{Script=Han}/u);
        expect(decision.reason.en).toMatch(/[a-z]/);
      }
    } else {
      expect(decision).toMatchObject({ allowed: true, state: { stage: expected }, stageChanged: expected !== stage });
    }
  });

  describe('ready to start once approvals are granted and land is secured', () => {
    it.each([
      ['approvals, then land', ['APPROVALS_GRANTED', 'LAND_SECURED']],
      ['land, then approvals', ['LAND_SECURED', 'APPROVALS_GRANTED']],
      ['each twice, interleaved', ['LAND_SECURED', 'LAND_SECURED', 'APPROVALS_GRANTED', 'APPROVALS_GRANTED']],
    ] as const)('%s', (_name, triggers) => {
      let state = initialState(true);
      const changes: LifecycleStage[] = [];
      for (const trigger of triggers) {
        const d = decide(state, trigger);
        if (!d.allowed) throw new Error(d.reason.en);
        if (d.stageChanged) changes.push(d.state.stage);
        state = d.state;
      }
      expect(state.stage).toBe('READY_TO_START');
      expect(changes).toEqual(['APPROVING', 'READY_TO_START']);
    });

    it('needs only the approvals when the project uses existing premises', () => {
      const d = decide(initialState(false), 'APPROVALS_GRANTED');
      expect(d).toMatchObject({ allowed: true, state: { stage: 'READY_TO_START' } });
    });

    it('says what is missing when construction is reported too early', () => {
      const d = decide({ ...initialState(true), stage: 'APPROVING', approvalsGranted: true }, 'REPORT_START');
      expect(d).toEqual({ allowed: false, reason: { zh: '尚不具备开工条件：用地尚未落实', en: 'not ready to start construction: land is not secured' } });
    });
  });

  describe('production needs a passed benchmark acceptance', () => {
    it.each([
      ['pending', false, /尚未通过对标验收/],
      ['failed', false, /对标验收未通过/],
      ['passed', true, null],
    ] as const)('acceptance %s', (acceptance, allowed, reason) => {
      const d = decide(base('COMPLETED', { acceptance }), 'REPORT_PRODUCTION');
      expect(d.allowed).toBe(allowed);
      if (!d.allowed && reason) expect(d.reason.zh).toMatch(reason);
      if (d.allowed) expect(d.state.stage).toBe('IN_PRODUCTION');
    });

    it('takes a failed acceptance back when a later one passes', () => {
      let state = base('COMPLETED', { acceptance: 'failed' });
      const d = decide(state, 'ACCEPTANCE_PASSED');
      if (!d.allowed) throw new Error();
      state = d.state;
      expect(decide(state, 'REPORT_PRODUCTION')).toMatchObject({ allowed: true, state: { stage: 'IN_PRODUCTION' } });
    });
  });

  describe('达产 of a 标准地 project needs its 达产 review passed or decided', () => {
    it.each([
      ['not-needed', true],
      ['pending', false],
      ['passed', true],
      ['decided', true],
    ] as const)('review %s', (landReview, allowed) => {
      const d = decide(base('IN_PRODUCTION', { landReview }), 'REPORT_FULL_PRODUCTION');
      expect(d.allowed).toBe(allowed);
      if (!d.allowed) expect(d.reason.zh).toMatch(/^标准地达产复核尚未通过/);
    });

    it('takes the review result at any stage before, and lets 达产 follow', () => {
      let state = base('COMPLETED', { landReview: 'pending', acceptance: 'passed' });
      for (const trigger of ['LAND_REVIEW_DECIDED', 'REPORT_PRODUCTION', 'REPORT_FULL_PRODUCTION'] as const) {
        const d = decide(state, trigger);
        if (!d.allowed) throw new Error(d.reason.en);
        state = d.state;
      }
      expect(state).toMatchObject({ stage: 'FULL_PRODUCTION', landReview: 'decided' });
      expect(initialState(true, true).landReview).toBe('pending');
      expect(initialState(true, false).landReview).toBe('not-needed');
    });
  });

  describe('suspension', () => {
    it('resumes to the stage it left, keeping facts that arrived meanwhile', () => {
      let state = base('APPROVING', { approvalsGranted: true });
      for (const trigger of ['SUSPEND', 'LAND_SECURED', 'RESUME'] as const) {
        const d = decide(state, trigger);
        if (!d.allowed) throw new Error(d.reason.en);
        state = d.state;
      }
      expect(state).toMatchObject({ stage: 'READY_TO_START', landSecured: true, stageBeforeSuspension: null });
    });

    it('resumes a suspended construction site to construction', () => {
      const s = decide(base('UNDER_CONSTRUCTION'), 'SUSPEND');
      if (!s.allowed) throw new Error();
      expect(s.state.stageBeforeSuspension).toBe('UNDER_CONSTRUCTION');
      expect(decide(s.state, 'RESUME')).toMatchObject({ allowed: true, state: { stage: 'UNDER_CONSTRUCTION' } });
    });
  });

  it('records facts without moving a project that is past them', () => {
    const d = decide(base('COMPLETED', { acceptance: 'pending' }), 'ACCEPTANCE_FAILED');
    expect(d).toMatchObject({ allowed: true, stageChanged: false, state: { stage: 'COMPLETED', acceptance: 'failed' } });
  });
});
