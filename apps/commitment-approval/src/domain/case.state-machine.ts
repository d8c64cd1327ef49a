import type { Message } from '@devzone/shared-kernel';

/**
 * A 承诺制 case:
 *   OPENED ─ISSUE_NOTICE→ NOTIFIED ─SUBMIT_COMMITMENT→ COMMITTED ─PASS_PRECHECK→ IN_PUBLICITY ─END_PUBLICITY→ DECIDING ─GRANT→ GRANTED
 *   COMMITTED ─FAIL_PRECHECK→ NOTIFIED (the enterprise commits again)
 *   GRANTED ─REQUEST_ACCEPTANCE→ ACCEPTANCE_REQUESTED ─PASS_ACCEPTANCE→ ACCEPTED
 *                                                   ─FAIL_ACCEPTANCE→ RECTIFYING ─REQUEST_ACCEPTANCE→ ACCEPTANCE_REQUESTED
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
  'PASS_PRECHECK',
  'FAIL_PRECHECK',
  'END_PUBLICITY',
  'GRANT',
  'REQUEST_ACCEPTANCE',
  'PASS_ACCEPTANCE',
  'FAIL_ACCEPTANCE',
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
  RECTIFYING: '验收未通过，整改中',
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

export const CASE_TRANSITIONS: Record<CaseStatus, Row> = {
  OPENED: { ISSUE_NOTICE: go('NOTIFIED'), SUBMIT_COMMITMENT: needNotice, PASS_PRECHECK: needCommitment, FAIL_PRECHECK: needCommitment, END_PUBLICITY: notInPublicity, GRANT: notDeciding, REQUEST_ACCEPTANCE: notGranted, PASS_ACCEPTANCE: notRequested, FAIL_ACCEPTANCE: notRequested, REVOKE: revoke },
  NOTIFIED: { ISSUE_NOTICE: noticeIssued, SUBMIT_COMMITMENT: go('COMMITTED'), PASS_PRECHECK: needCommitment, FAIL_PRECHECK: needCommitment, END_PUBLICITY: notInPublicity, GRANT: notDeciding, REQUEST_ACCEPTANCE: notGranted, PASS_ACCEPTANCE: notRequested, FAIL_ACCEPTANCE: notRequested, REVOKE: revoke },
  COMMITTED: { ISSUE_NOTICE: noticeIssued, SUBMIT_COMMITMENT: committed, PASS_PRECHECK: go('IN_PUBLICITY'), FAIL_PRECHECK: go('NOTIFIED'), END_PUBLICITY: notInPublicity, GRANT: needPrecheck, REQUEST_ACCEPTANCE: notGranted, PASS_ACCEPTANCE: notRequested, FAIL_ACCEPTANCE: notRequested, REVOKE: revoke },
  IN_PUBLICITY: { ISSUE_NOTICE: noticeIssued, SUBMIT_COMMITMENT: committed, PASS_PRECHECK: no('已通过预审', 'already pre-checked'), FAIL_PRECHECK: no('已通过预审', 'already pre-checked'), END_PUBLICITY: go('DECIDING'), GRANT: no('公示期未满', 'the publicity period has not ended'), REQUEST_ACCEPTANCE: notGranted, PASS_ACCEPTANCE: notRequested, FAIL_ACCEPTANCE: notRequested, REVOKE: revoke },
  DECIDING: { ISSUE_NOTICE: noticeIssued, SUBMIT_COMMITMENT: committed, PASS_PRECHECK: no('已通过预审', 'already pre-checked'), FAIL_PRECHECK: no('已通过预审', 'already pre-checked'), END_PUBLICITY: no('公示已结束', 'publicity has already ended'), GRANT: go('GRANTED'), REQUEST_ACCEPTANCE: notGranted, PASS_ACCEPTANCE: notRequested, FAIL_ACCEPTANCE: notRequested, REVOKE: revoke },
  GRANTED: { ISSUE_NOTICE: granted, SUBMIT_COMMITMENT: granted, PASS_PRECHECK: granted, FAIL_PRECHECK: granted, END_PUBLICITY: granted, GRANT: granted, REQUEST_ACCEPTANCE: go('ACCEPTANCE_REQUESTED'), PASS_ACCEPTANCE: notRequested, FAIL_ACCEPTANCE: notRequested, REVOKE: revoke },
  ACCEPTANCE_REQUESTED: { ISSUE_NOTICE: granted, SUBMIT_COMMITMENT: granted, PASS_PRECHECK: granted, FAIL_PRECHECK: granted, END_PUBLICITY: granted, GRANT: granted, REQUEST_ACCEPTANCE: no('已申请验收', 'acceptance is already requested'), PASS_ACCEPTANCE: go('ACCEPTED'), FAIL_ACCEPTANCE: go('RECTIFYING'), REVOKE: revoke },
  RECTIFYING: { ISSUE_NOTICE: granted, SUBMIT_COMMITMENT: granted, PASS_PRECHECK: granted, FAIL_PRECHECK: granted, END_PUBLICITY: granted, GRANT: granted, REQUEST_ACCEPTANCE: go('ACCEPTANCE_REQUESTED'), PASS_ACCEPTANCE: no('请在整改后重新申请验收', 'request acceptance again after rectifying'), FAIL_ACCEPTANCE: no('请在整改后重新申请验收', 'request acceptance again after rectifying'), REVOKE: revoke },
  ACCEPTED: { ISSUE_NOTICE: closed, SUBMIT_COMMITMENT: closed, PASS_PRECHECK: closed, FAIL_PRECHECK: closed, END_PUBLICITY: closed, GRANT: closed, REQUEST_ACCEPTANCE: closed, PASS_ACCEPTANCE: closed, FAIL_ACCEPTANCE: closed, REVOKE: closed },
  REVOKED: { ISSUE_NOTICE: revoked, SUBMIT_COMMITMENT: revoked, PASS_PRECHECK: revoked, FAIL_PRECHECK: revoked, END_PUBLICITY: revoked, GRANT: revoked, REQUEST_ACCEPTANCE: revoked, PASS_ACCEPTANCE: revoked, FAIL_ACCEPTANCE: revoked, REVOKE: revoked },
};

export const decideCase = (status: CaseStatus, trigger: CaseTrigger): CaseDecision => CASE_TRANSITIONS[status][trigger]();

/** Officers decide items once the commitment is in, until the case is granted. */
export const acceptsItemDecisions = (status: CaseStatus) => status === 'COMMITTED' || status === 'IN_PUBLICITY' || status === 'DECIDING';
