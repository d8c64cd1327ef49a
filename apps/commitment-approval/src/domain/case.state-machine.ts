import type { Message } from '@devzone/shared-kernel';

/**
 * A 承诺制 case:
 *   OPENED ─ISSUE_NOTICE→ NOTIFIED ─SUBMIT_COMMITMENT→ COMMITTED ─PASS_PRECHECK→ IN_PUBLICITY ─END_PUBLICITY→ DECIDING ─GRANT→ GRANTED
 *   NOTIFIED ─CHOOSE_ORDINARY→ DECIDING (no commitment: every item by 一般程序, nothing to pre-check or publish)
 *   COMMITTED ─FAIL_PRECHECK→ NOTIFIED (the enterprise commits again)
 *   GRANTED ─REOPEN→ DECIDING (a grant obtained by a false commitment revoked before construction)
 *   GRANTED ─REQUEST_ACCEPTANCE→ ACCEPTANCE_REQUESTED ─PASS_ACCEPTANCE→ ACCEPTED
 *                                                   ─FAIL_ACCEPTANCE→ RECTIFYING (整改) ─REQUEST_ACCEPTANCE→ ACCEPTANCE_REQUESTED (re-inspection)
 *   any open status ─REVOKE→ REVOKED (project terminated)
 */
export const CASE_STATUSES = [
  'OPENED',
  'NOTIFIED',
  'COMMITTED',
  'IN_PUBLICITY',
  'DECIDING',
  'GRANTED',
  'ACCEPTANCE_REQUESTED',
  'RECTIFYING',
  'ACCEPTED',
  'REVOKED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_TRIGGERS = [
  'ISSUE_NOTICE',
  'SUBMIT_COMMITMENT',
  'CHOOSE_ORDINARY',
  'PASS_PRECHECK',
  'FAIL_PRECHECK',
  'END_PUBLICITY',
  'GRANT',
  'REQUEST_ACCEPTANCE',
  'PASS_ACCEPTANCE',
  'FAIL_ACCEPTANCE',
  'REOPEN',
  'REVOKE',
] as const;
export type CaseTrigger = (typeof CASE_TRIGGERS)[number];

export const CASE_STATUS_ZH: Record<CaseStatus, string> = {
  OPENED: '已立案',
  NOTIFIED: '已告知',
  COMMITTED: '已承诺，待预审',
  IN_PUBLICITY: '公示中',
  DECIDING: '待批复',
  GRANTED: '已批复',
  ACCEPTANCE_REQUESTED: '待对标验收',
  RECTIFYING: '验收未通过，限期整改',
  ACCEPTED: '验收通过',
  REVOKED: '已撤销',
};

export type CaseDecision = { allowed: true; status: CaseStatus } | { allowed: false; reason: Message };

const go = (status: CaseStatus) => (): CaseDecision => ({ allowed: true, status });
const no = (zh: string, en: string) => (): CaseDecision => ({ allowed: false, reason: { zh, en } });

const needNotice = no('尚未发放告知书', 'the requirement notice has not been issued');
const needCommitment = no('尚未提交承诺书', 'no commitment letter has been submitted');
const needPrecheck = no('承诺书尚未预审', 'the commitment has not been pre-checked');
const notInPublicity = no('案件不在公示期', 'the case is not in publicity');
const notDeciding = no('案件尚未进入批复环节', 'the case is not awaiting its decision');
const notGranted = no('案件尚未批复，不能验收', 'the case is not granted: no acceptance yet');
const notRequested = no('尚未申请对标验收', 'no acceptance has been requested');
const noticeIssued = no('告知书已发放', 'the notice has already been issued');
const committed = no('承诺书已提交', 'the commitment has already been submitted');
const granted = no('案件已批复', 'the case is already granted');
const closed = no('案件已办结（验收通过）', 'the case is closed (accepted)');
const revoked = no('案件已撤销', 'the case is revoked');
const revoke = go('REVOKED');

type Row = Record<CaseTrigger, () => CaseDecision>;

const notReopenable = no('只有已批复、尚未开工的案件可以重新审查', 'only a granted case before construction can be reopened');
const ordinaryChosen = no('只能在告知后、承诺前选择全部按一般程序办理', 'the ordinary procedure is chosen after the notice, instead of a commitment');

export const CASE_TRANSITIONS: Record<CaseStatus, Row> = {
  OPENED: { ISSUE_NOTICE: go('NOTIFIED'), SUBMIT_COMMITMENT: needNotice, CHOOSE_ORDINARY: needNotice, PASS_PRECHECK: needCommitment, FAIL_PRECHECK: needCommitment, END_PUBLICITY: notInPublicity, GRANT: notDeciding, REQUEST_ACCEPTANCE: notGranted, PASS_ACCEPTANCE: notRequested, FAIL_ACCEPTANCE: notRequested, REOPEN: notReopenable, REVOKE: revoke },
  NOTIFIED: { ISSUE_NOTICE: noticeIssued, SUBMIT_COMMITMENT: go('COMMITTED'), CHOOSE_ORDINARY: go('DECIDING'), PASS_PRECHECK: needCommitment, FAIL_PRECHECK: needCommitment, END_PUBLICITY: notInPublicity, GRANT: notDeciding, REQUEST_ACCEPTANCE: notGranted, PASS_ACCEPTANCE: notRequested, FAIL_ACCEPTANCE: notRequested, REOPEN: notReopenable, REVOKE: revoke },
  COMMITTED: { ISSUE_NOTICE: noticeIssued, SUBMIT_COMMITMENT: committed, CHOOSE_ORDINARY: ordinaryChosen, PASS_PRECHECK: go('IN_PUBLICITY'), FAIL_PRECHECK: go('NOTIFIED'), END_PUBLICITY: notInPublicity, GRANT: needPrecheck, REQUEST_ACCEPTANCE: notGranted, PASS_ACCEPTANCE: notRequested, FAIL_ACCEPTANCE: notRequested, REOPEN: notReopenable, REVOKE: revoke },
  IN_PUBLICITY: { ISSUE_NOTICE: noticeIssued, SUBMIT_COMMITMENT: committed, CHOOSE_ORDINARY: ordinaryChosen, PASS_PRECHECK: no('已通过预审', 'already pre-checked'), FAIL_PRECHECK: no('已通过预审', 'already pre-checked'), END_PUBLICITY: go('DECIDING'), GRANT: no('公示期未满', 'the publicity period has not ended'), REQUEST_ACCEPTANCE: notGranted, PASS_ACCEPTANCE: notRequested, FAIL_ACCEPTANCE: notRequested, REOPEN: notReopenable, REVOKE: revoke },
  DECIDING: { ISSUE_NOTICE: noticeIssued, SUBMIT_COMMITMENT: committed, CHOOSE_ORDINARY: ordinaryChosen, PASS_PRECHECK: no('已通过预审', 'already pre-checked'), FAIL_PRECHECK: no('已通过预审', 'already pre-checked'), END_PUBLICITY: no('公示已结束', 'publicity has already ended'), GRANT: go('GRANTED'), REQUEST_ACCEPTANCE: notGranted, PASS_ACCEPTANCE: notRequested, FAIL_ACCEPTANCE: notRequested, REOPEN: notReopenable, REVOKE: revoke },
  GRANTED: { ISSUE_NOTICE: granted, SUBMIT_COMMITMENT: granted, CHOOSE_ORDINARY: granted, PASS_PRECHECK: granted, FAIL_PRECHECK: granted, END_PUBLICITY: granted, GRANT: granted, REQUEST_ACCEPTANCE: go('ACCEPTANCE_REQUESTED'), PASS_ACCEPTANCE: notRequested, FAIL_ACCEPTANCE: notRequested, REOPEN: go('DECIDING'), REVOKE: revoke },
  ACCEPTANCE_REQUESTED: { ISSUE_NOTICE: granted, SUBMIT_COMMITMENT: granted, CHOOSE_ORDINARY: granted, PASS_PRECHECK: granted, FAIL_PRECHECK: granted, END_PUBLICITY: granted, GRANT: granted, REQUEST_ACCEPTANCE: no('已申请验收', 'acceptance is already requested'), PASS_ACCEPTANCE: go('ACCEPTED'), FAIL_ACCEPTANCE: go('RECTIFYING'), REOPEN: notReopenable, REVOKE: revoke },
  RECTIFYING: { ISSUE_NOTICE: granted, SUBMIT_COMMITMENT: granted, CHOOSE_ORDINARY: granted, PASS_PRECHECK: granted, FAIL_PRECHECK: granted, END_PUBLICITY: granted, GRANT: granted, REQUEST_ACCEPTANCE: go('ACCEPTANCE_REQUESTED'), PASS_ACCEPTANCE: no('请在整改后重新申请验收', 'request acceptance again after rectifying'), FAIL_ACCEPTANCE: no('请在整改后重新申请验收', 'request acceptance again after rectifying'), REOPEN: notReopenable, REVOKE: revoke },
  ACCEPTED: { ISSUE_NOTICE: closed, SUBMIT_COMMITMENT: closed, CHOOSE_ORDINARY: closed, PASS_PRECHECK: closed, FAIL_PRECHECK: closed, END_PUBLICITY: closed, GRANT: closed, REQUEST_ACCEPTANCE: closed, PASS_ACCEPTANCE: closed, FAIL_ACCEPTANCE: closed, REOPEN: closed, REVOKE: closed },
  REVOKED: { ISSUE_NOTICE: revoked, SUBMIT_COMMITMENT: revoked, CHOOSE_ORDINARY: revoked, PASS_PRECHECK: revoked, FAIL_PRECHECK: revoked, END_PUBLICITY: revoked, GRANT: revoked, REQUEST_ACCEPTANCE: revoked, PASS_ACCEPTANCE: revoked, FAIL_ACCEPTANCE: revoked, REOPEN: revoked, REVOKE: revoked },
};

export const decideCase = (status: CaseStatus, trigger: CaseTrigger): CaseDecision => CASE_TRANSITIONS[status][trigger]();

/**
 * Items are applied for, accepted and decided while the case runs, until it is
 * granted: an item that must be approved from the start (备案 first), a
 * committable one once the 承诺书 chose 一般程序 for it. During publicity the
 * clocks of accepted items stand still and nothing is decided.
 */
export const caseTakesItemWork = (status: CaseStatus) => status === 'OPENED' || status === 'NOTIFIED' || status === 'COMMITTED' || status === 'DECIDING';

/** The project stages (project-intake's) from which 对标验收 may be requested: completed or later. */
export const COMPLETED_STAGES = ['COMPLETED', 'IN_PRODUCTION', 'FULL_PRODUCTION'];
export const projectCompleted = (projectStage: string) => COMPLETED_STAGES.includes(projectStage);

/** The publicity period is still running: it may not be ended before `publicityEndsOn`. */
export const publicityRunning = (c: { status: CaseStatus; publicityEndsOn: string | null }, today: string) => c.status === 'IN_PUBLICITY' && !!c.publicityEndsOn && today < c.publicityEndsOn;
