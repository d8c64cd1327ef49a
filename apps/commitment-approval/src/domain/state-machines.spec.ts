import { CASE_STATUSES, CASE_TRANSITIONS, CASE_TRIGGERS, caseTakesItemWork, decideCase, type CaseStatus, type CaseTrigger } from './case.state-machine';
import { clockRunning, decideItem, ITEM_STATUSES, ITEM_TRANSITIONS, ITEM_TRIGGERS, itemOpen, itemSatisfied, type ItemStatus, type ItemTrigger } from './item.state-machine';

// Expected outcome of every pair: the next status, or '✗' for refused.
type Row<S extends string, T extends string> = Record<T, S | '✗'>;
const item = (
  commit: ItemStatus | '✗', apply: ItemStatus | '✗', accept: ItemStatus | '✗', pause: ItemStatus | '✗', resume: ItemStatus | '✗', corrections: ItemStatus | '✗',
  resubmit: ItemStatus | '✗', grant: ItemStatus | '✗', grantMissing: ItemStatus | '✗', supply: ItemStatus | '✗', reject: ItemStatus | '✗', revoke: ItemStatus | '✗',
): Row<ItemStatus, ItemTrigger> => ({
  COMMIT: commit, APPLY: apply, ACCEPT: accept, PAUSE: pause, RESUME: resume, REQUEST_CORRECTIONS: corrections,
  RESUBMIT: resubmit, GRANT: grant, GRANT_WITH_MISSING_DOCUMENTS: grantMissing, SUPPLY_DOCUMENTS: supply, REJECT: reject, REVOKE: revoke,
});

const ITEM: Record<ItemStatus, Row<ItemStatus, ItemTrigger>> = {
  //                          commit       apply      accept      pause     resume      corrections               resubmit    grant      grant 容缺                  supply     reject      revoke
  PENDING: item('COMMITTED', 'APPLIED', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗'),
  APPLIED: item('✗', '✗', 'ACCEPTED', '✗', '✗', '✗', '✗', '✗', '✗', '✗', 'REJECTED', '✗'),
  ACCEPTED: item('✗', '✗', '✗', 'PAUSED', '✗', 'CORRECTIONS_REQUESTED', '✗', 'GRANTED', 'GRANTED_PENDING_DOCUMENTS', '✗', 'REJECTED', '✗'),
  PAUSED: item('✗', '✗', '✗', '✗', 'ACCEPTED', '✗', '✗', '✗', '✗', '✗', '✗', '✗'),
  CORRECTIONS_REQUESTED: item('✗', '✗', '✗', '✗', '✗', '✗', 'ACCEPTED', '✗', '✗', '✗', 'REJECTED', '✗'),
  COMMITTED: item('✗', '✗', '✗', '✗', '✗', '✗', '✗', 'GRANTED', '✗', '✗', '✗', '✗'),
  GRANTED: item('✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', 'REVOKED'),
  GRANTED_PENDING_DOCUMENTS: item('✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', 'GRANTED', '✗', '✗'),
  REJECTED: item('✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗'),
  REVOKED: item('✗', 'APPLIED', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗'),
};

const kase = (
  notice: CaseStatus | '✗', commit: CaseStatus | '✗', ordinary: CaseStatus | '✗', pass: CaseStatus | '✗', fail: CaseStatus | '✗', end: CaseStatus | '✗',
  grant: CaseStatus | '✗', request: CaseStatus | '✗', accept: CaseStatus | '✗', reject: CaseStatus | '✗', reopen: CaseStatus | '✗', revoke: CaseStatus | '✗',
): Row<CaseStatus, CaseTrigger> => ({
  ISSUE_NOTICE: notice, SUBMIT_COMMITMENT: commit, CHOOSE_ORDINARY: ordinary, PASS_PRECHECK: pass, FAIL_PRECHECK: fail, END_PUBLICITY: end,
  GRANT: grant, REQUEST_ACCEPTANCE: request, PASS_ACCEPTANCE: accept, FAIL_ACCEPTANCE: reject, REOPEN: reopen, REVOKE: revoke,
});

const CASE: Record<CaseStatus, Row<CaseStatus, CaseTrigger>> = {
  //                       notice      commit       一般程序    pass precheck   fail precheck  end publicity grant      request acceptance      pass        fail          reopen      revoke
  OPENED: kase('NOTIFIED', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', 'REVOKED'),
  NOTIFIED: kase('✗', 'COMMITTED', 'DECIDING', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', 'REVOKED'),
  COMMITTED: kase('✗', '✗', '✗', 'IN_PUBLICITY', 'NOTIFIED', '✗', '✗', '✗', '✗', '✗', '✗', 'REVOKED'),
  IN_PUBLICITY: kase('✗', '✗', '✗', '✗', '✗', 'DECIDING', '✗', '✗', '✗', '✗', '✗', 'REVOKED'),
  DECIDING: kase('✗', '✗', '✗', '✗', '✗', '✗', 'GRANTED', '✗', '✗', '✗', '✗', 'REVOKED'),
  GRANTED: kase('✗', '✗', '✗', '✗', '✗', '✗', '✗', 'ACCEPTANCE_REQUESTED', '✗', '✗', 'DECIDING', 'REVOKED'),
  ACCEPTANCE_REQUESTED: kase('✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', 'ACCEPTED', 'RECTIFYING', '✗', 'REVOKED'),
  RECTIFYING: kase('✗', '✗', '✗', '✗', '✗', '✗', '✗', 'ACCEPTANCE_REQUESTED', '✗', '✗', '✗', 'REVOKED'),
  ACCEPTED: kase('✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗'),
  REVOKED: kase('✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗'),
};

describe('item state machine', () => {
  it('has a rule and an expectation for every (status, trigger) pair', () => {
    for (const s of ITEM_STATUSES) {
      expect(Object.keys(ITEM_TRANSITIONS[s]).sort()).toEqual([...ITEM_TRIGGERS].sort());
      expect(Object.keys(ITEM[s]).sort()).toEqual([...ITEM_TRIGGERS].sort());
    }
  });

  it.each(ITEM_STATUSES.flatMap((s) => ITEM_TRIGGERS.map((t) => [s, t, ITEM[s][t]] as const)))('%s + %s → %s', (status, trigger, expected) => {
    const d = decideItem(status, trigger);
    if (expected === '✗') {
      expect(d.allowed).toBe(false);
      if (!d.allowed) expect(d.reason.zh).toMatch(/\p{Script=Han}/u);
    } else expect(d).toEqual({ allowed: true, status: expected });
  });

  it('counts granted, 容缺-granted and committed items as satisfied; runs the clock only once accepted and not paused', () => {
    expect(ITEM_STATUSES.filter(itemSatisfied)).toEqual(['COMMITTED', 'GRANTED', 'GRANTED_PENDING_DOCUMENTS']);
    expect(ITEM_STATUSES.filter(clockRunning)).toEqual(['ACCEPTED']);
    expect(ITEM_STATUSES.filter(itemOpen)).toEqual(['APPLIED', 'ACCEPTED', 'PAUSED', 'CORRECTIONS_REQUESTED']);
  });
});

describe('case state machine', () => {
  it('has a rule and an expectation for every (status, trigger) pair', () => {
    for (const s of CASE_STATUSES) {
      expect(Object.keys(CASE_TRANSITIONS[s]).sort()).toEqual([...CASE_TRIGGERS].sort());
      expect(Object.keys(CASE[s]).sort()).toEqual([...CASE_TRIGGERS].sort());
    }
  });

  it.each(CASE_STATUSES.flatMap((s) => CASE_TRIGGERS.map((t) => [s, t, CASE[s][t]] as const)))('%s + %s → %s', (status, trigger, expected) => {
    const d = decideCase(status, trigger);
    if (expected === '✗') {
      expect(d.allowed).toBe(false);
      if (!d.allowed) expect(d.reason.en).toMatch(/[a-z]/);
    } else expect(d).toEqual({ allowed: true, status: expected });
  });

  it('takes item work from the opening until the grant, except during publicity', () => {
    expect(CASE_STATUSES.filter(caseTakesItemWork)).toEqual(['OPENED', 'NOTIFIED', 'COMMITTED', 'DECIDING']);
  });
});
