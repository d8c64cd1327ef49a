import type { LifecycleStage, LifecycleTrigger } from '@devzone/contracts';
import type { Message } from '@devzone/shared-kernel';

/**
 * The project lifecycle (architecture §5): 签约 → 审批中 → 具备开工条件 → 在建 →
 * 竣工 → 投产 → 达产, with 暂停 and 终止 off to the side.
 *
 * A project's state is its stage plus the facts the stage depends on: whether
 * its approvals are granted, whether its land is secured (or not needed) and how
 * its 对标验收 went. Triggers come from people (reports, suspend, resume,
 * terminate) and from other services' events (the facts). `decide` looks the
 * (stage, trigger) pair up in TRANSITIONS, the one explicit table.
 */
export interface LifecycleState {
  stage: LifecycleStage;
  /** Where RESUME returns to. */
  stageBeforeSuspension: LifecycleStage | null;
  /** False when the project uses existing premises (用地 0 亩). */
  landNeeded: boolean;
  approvalsGranted: boolean;
  landSecured: boolean;
  acceptance: 'pending' | 'passed' | 'failed';
  /**
   * The 标准地 达产 review (standard-land's full-production check): a 标准地
   * project reaches 达产 only once it passed, or its consequence was decided (the
   * penalty after a failed re-check or a lapsed rectification). 'not-needed' off 标准地.
   */
  landReview: 'not-needed' | 'pending' | 'passed' | 'decided';
}

export type Decision =
  | { allowed: true; state: LifecycleState; stageChanged: boolean }
  | { allowed: false; reason: Message };

type Rule = (state: LifecycleState) => Decision;

const ready = (s: LifecycleState) => s.approvalsGranted && (s.landSecured || !s.landNeeded);

const to = (stage: LifecycleStage, s: LifecycleState, patch: Partial<LifecycleState> = {}): Decision => {
  const state = { ...s, ...patch, stage };
  return { allowed: true, state, stageChanged: stage !== s.stage };
};
const refuse = (zh: string, en: string): Rule => () => ({ allowed: false, reason: { zh, en } });

// Facts from other services.
const approvalStarted: Rule = (s) => to(s.stage === 'SIGNED' ? 'APPROVING' : s.stage, s);
/** Before construction, a fact may make the project ready to start. */
const beforeStart = (patch: Partial<LifecycleState>): Rule => (s) => {
  const next = { ...s, ...patch };
  return to(ready(next) ? 'READY_TO_START' : 'APPROVING', s, patch);
};
/** Later, or while suspended, a fact is recorded and the stage stays. */
const record = (patch: Partial<LifecycleState>): Rule => (s) => to(s.stage, s, patch);
const granted = { approvalsGranted: true };
/** A grant obtained by a false commitment was revoked before construction (approval.grant-revoked): back to 审批中. */
const revoked = { approvalsGranted: false };
const secured = { landSecured: true };
const passed = { acceptance: 'passed' as const };
const failed = { acceptance: 'failed' as const };
const reviewPassed = { landReview: 'passed' as const };
const reviewDecided = { landReview: 'decided' as const };

// People's triggers.
const suspend: Rule = (s) => to('SUSPENDED', s, { stageBeforeSuspension: s.stage });
const terminate: Rule = (s) => to('TERMINATED', s, { stageBeforeSuspension: null });
const resume: Rule = (s) => {
  const back = s.stageBeforeSuspension ?? 'SIGNED';
  // Facts that arrived while suspended count now (approvals granted, or revoked).
  const before = back === 'SIGNED' || back === 'APPROVING' || back === 'READY_TO_START';
  const stage = before ? (ready(s) ? 'READY_TO_START' : back === 'SIGNED' ? 'SIGNED' : 'APPROVING') : back;
  return to(stage, s, { stageBeforeSuspension: null });
};
const notReady: Rule = (s) => {
  const missing = [
    ...(s.approvalsGranted ? [] : [{ zh: '审批尚未办结', en: 'approvals are not granted' }]),
    ...(s.landSecured || !s.landNeeded ? [] : [{ zh: '用地尚未落实', en: 'land is not secured' }]),
  ];
  return {
    allowed: false,
    reason: {
      zh: `尚不具备开工条件：${missing.map((m) => m.zh).join('，')}`,
      en: `not ready to start construction: ${missing.map((m) => m.en).join(', ')}`,
    },
  };
};
const production: Rule = (s) => {
  if (s.acceptance === 'passed') return to('IN_PRODUCTION', s);
  return s.acceptance === 'failed'
    ? { allowed: false, reason: { zh: '对标验收未通过，整改并通过验收前不得投产', en: 'benchmark acceptance failed: no production before rectification passes acceptance' } }
    : { allowed: false, reason: { zh: '尚未通过对标验收，不得投产', en: 'benchmark acceptance has not passed yet: no production before it does' } };
};

const fullProduction: Rule = (s) =>
  s.landReview === 'pending'
    ? { allowed: false, reason: { zh: '标准地达产复核尚未通过，也未作出违约处理，暂不能确认达产', en: 'the standard-land full-production review has neither passed nor been decided' } }
    : to('FULL_PRODUCTION', s);

const notStarted = refuse('项目尚未开工', 'construction has not started');
const notCompleted = refuse('项目尚未竣工', 'the project is not completed');
const notInProduction = refuse('项目尚未投产', 'the project is not in production');
const acceptanceTooEarly = refuse('项目尚未开工建设，无从验收', 'no acceptance before construction');
const alreadyStarted = refuse('项目已开工', 'construction has already started');
const alreadyCompleted = refuse('项目已竣工', 'the project is already completed');
const alreadyProducing = refuse('项目已投产', 'the project is already in production');
const notSuspended = refuse('项目未暂停，无需恢复', 'the project is not suspended');
const suspended = refuse('项目已暂停，请先恢复', 'the project is suspended; resume it first');
const alreadySuspended = refuse('项目已暂停', 'the project is already suspended');
const finished = refuse('项目已达产，全生命周期跟踪已完成', 'the project is in full production; its lifecycle is complete');
const ended = refuse('项目已终止', 'the project is terminated');

/** 签约 and 审批中 answer alike: approvals and land are gathered, nothing is reported yet. */
const BEFORE_READY: Record<LifecycleTrigger, Rule> = {
  APPROVAL_STARTED: approvalStarted,
  APPROVALS_GRANTED: beforeStart(granted),
  APPROVALS_REVOKED: beforeStart(revoked),
  LAND_SECURED: beforeStart(secured),
  REPORT_START: notReady,
  REPORT_COMPLETION: notStarted,
  ACCEPTANCE_PASSED: acceptanceTooEarly,
  ACCEPTANCE_FAILED: acceptanceTooEarly,
  LAND_REVIEW_PASSED: record(reviewPassed),
  LAND_REVIEW_DECIDED: record(reviewDecided),
  REPORT_PRODUCTION: notStarted,
  REPORT_FULL_PRODUCTION: notStarted,
  SUSPEND: suspend,
  RESUME: notSuspended,
  TERMINATE: terminate,
};

/** Every (stage, trigger) pair, allowed or refused with the reason. */
export const TRANSITIONS: Record<LifecycleStage, Record<LifecycleTrigger, Rule>> = {
  SIGNED: BEFORE_READY,
  APPROVING: BEFORE_READY,
  READY_TO_START: {
    APPROVAL_STARTED: approvalStarted,
    APPROVALS_GRANTED: record(granted),
    APPROVALS_REVOKED: beforeStart(revoked),
    LAND_SECURED: record(secured),
    REPORT_START: (s) => to('UNDER_CONSTRUCTION', s),
    REPORT_COMPLETION: notStarted,
    ACCEPTANCE_PASSED: acceptanceTooEarly,
    ACCEPTANCE_FAILED: acceptanceTooEarly,
    LAND_REVIEW_PASSED: record(reviewPassed),
    LAND_REVIEW_DECIDED: record(reviewDecided),
    REPORT_PRODUCTION: notStarted,
    REPORT_FULL_PRODUCTION: notStarted,
    SUSPEND: suspend,
    RESUME: notSuspended,
    TERMINATE: terminate,
  },
  UNDER_CONSTRUCTION: {
    APPROVAL_STARTED: approvalStarted,
    APPROVALS_GRANTED: record(granted),
    APPROVALS_REVOKED: record(revoked),
    LAND_SECURED: record(secured),
    REPORT_START: alreadyStarted,
    REPORT_COMPLETION: (s) => to('COMPLETED', s),
    // The acceptance may be recorded before the completion report reaches us.
    ACCEPTANCE_PASSED: record(passed),
    ACCEPTANCE_FAILED: record(failed),
    LAND_REVIEW_PASSED: record(reviewPassed),
    LAND_REVIEW_DECIDED: record(reviewDecided),
    REPORT_PRODUCTION: notCompleted,
    REPORT_FULL_PRODUCTION: notCompleted,
    SUSPEND: suspend,
    RESUME: notSuspended,
    TERMINATE: terminate,
  },
  COMPLETED: {
    APPROVAL_STARTED: approvalStarted,
    APPROVALS_GRANTED: record(granted),
    APPROVALS_REVOKED: record(revoked),
    LAND_SECURED: record(secured),
    REPORT_START: alreadyStarted,
    REPORT_COMPLETION: alreadyCompleted,
    ACCEPTANCE_PASSED: record(passed),
    ACCEPTANCE_FAILED: record(failed),
    LAND_REVIEW_PASSED: record(reviewPassed),
    LAND_REVIEW_DECIDED: record(reviewDecided),
    REPORT_PRODUCTION: production,
    REPORT_FULL_PRODUCTION: notInProduction,
    SUSPEND: suspend,
    RESUME: notSuspended,
    TERMINATE: terminate,
  },
  IN_PRODUCTION: {
    APPROVAL_STARTED: approvalStarted,
    APPROVALS_GRANTED: record(granted),
    APPROVALS_REVOKED: record(revoked),
    LAND_SECURED: record(secured),
    REPORT_START: alreadyStarted,
    REPORT_COMPLETION: alreadyCompleted,
    ACCEPTANCE_PASSED: record(passed),
    ACCEPTANCE_FAILED: record(failed),
    LAND_REVIEW_PASSED: record(reviewPassed),
    LAND_REVIEW_DECIDED: record(reviewDecided),
    REPORT_PRODUCTION: alreadyProducing,
    REPORT_FULL_PRODUCTION: fullProduction,
    SUSPEND: suspend,
    RESUME: notSuspended,
    TERMINATE: terminate,
  },
  FULL_PRODUCTION: {
    APPROVAL_STARTED: approvalStarted,
    APPROVALS_GRANTED: record(granted),
    APPROVALS_REVOKED: record(revoked),
    LAND_SECURED: record(secured),
    REPORT_START: finished,
    REPORT_COMPLETION: finished,
    ACCEPTANCE_PASSED: record(passed),
    ACCEPTANCE_FAILED: record(failed),
    LAND_REVIEW_PASSED: record(reviewPassed),
    LAND_REVIEW_DECIDED: record(reviewDecided),
    REPORT_PRODUCTION: finished,
    REPORT_FULL_PRODUCTION: finished,
    SUSPEND: finished,
    RESUME: notSuspended,
    TERMINATE: finished,
  },
  SUSPENDED: {
    APPROVAL_STARTED: record({}),
    APPROVALS_GRANTED: record(granted),
    APPROVALS_REVOKED: record(revoked),
    LAND_SECURED: record(secured),
    REPORT_START: suspended,
    REPORT_COMPLETION: suspended,
    ACCEPTANCE_PASSED: record(passed),
    ACCEPTANCE_FAILED: record(failed),
    LAND_REVIEW_PASSED: record(reviewPassed),
    LAND_REVIEW_DECIDED: record(reviewDecided),
    REPORT_PRODUCTION: suspended,
    REPORT_FULL_PRODUCTION: suspended,
    SUSPEND: alreadySuspended,
    RESUME: resume,
    TERMINATE: terminate,
  },
  TERMINATED: {
    APPROVAL_STARTED: ended,
    APPROVALS_GRANTED: ended,
    APPROVALS_REVOKED: ended,
    LAND_SECURED: ended,
    REPORT_START: ended,
    REPORT_COMPLETION: ended,
    ACCEPTANCE_PASSED: ended,
    ACCEPTANCE_FAILED: ended,
    LAND_REVIEW_PASSED: ended,
    LAND_REVIEW_DECIDED: ended,
    REPORT_PRODUCTION: ended,
    REPORT_FULL_PRODUCTION: ended,
    SUSPEND: ended,
    RESUME: ended,
    TERMINATE: ended,
  },
};

export function decide(state: LifecycleState, trigger: LifecycleTrigger): Decision {
  return TRANSITIONS[state.stage][trigger](state);
}

/** Triggers that are facts reported by other services (never refused with an HTTP error). */
export const FACT_TRIGGERS: ReadonlySet<LifecycleTrigger> = new Set([
  'APPROVAL_STARTED',
  'APPROVALS_GRANTED',
  'APPROVALS_REVOKED',
  'LAND_SECURED',
  'ACCEPTANCE_PASSED',
  'ACCEPTANCE_FAILED',
  'LAND_REVIEW_PASSED',
  'LAND_REVIEW_DECIDED',
]);

export function initialState(landNeeded: boolean, usesStandardLand = false): LifecycleState {
  return { stage: 'SIGNED', stageBeforeSuspension: null, landNeeded, approvalsGranted: false, landSecured: false, acceptance: 'pending', landReview: usesStandardLand ? 'pending' : 'not-needed' };
}
