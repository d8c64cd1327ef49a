import { CASE_STATUSES, CASE_TRANSITIONS, CASE_TRIGGERS, decideCase, type CaseStatus, type CaseTrigger } from './case.state-machine';
import { decideItem, ITEM_STATUSES, ITEM_TRANSITIONS, ITEM_TRIGGERS, itemSatisfied, type ItemStatus, type ItemTrigger } from './item.state-machine';

// Expected outcome of every pair: the next status, or '✗' for refused.
const ITEM: Record<ItemStatus, Record<ItemTrigger, ItemStatus | '✗'>> = {
  PENDING: { COMMIT: 'COMMITTED', SUBMIT: 'UNDER_REVIEW', GRANT: '✗', GRANT_WITH_MISSING_DOCUMENTS: '✗', SUPPLY_DOCUMENTS: '✗', REQUEST_CORRECTIONS: '✗', REJECT: '✗' },
  COMMITTED: { COMMIT: '✗', SUBMIT: '✗', GRANT: 'GRANTED', GRANT_WITH_MISSING_DOCUMENTS: '✗', SUPPLY_DOCUMENTS: '✗', REQUEST_CORRECTIONS: '✗', REJECT: '✗' },
  UNDER_REVIEW: { COMMIT: '✗', SUBMIT: '✗', GRANT: 'GRANTED', GRANT_WITH_MISSING_DOCUMENTS: 'GRANTED_PENDING_DOCUMENTS', SUPPLY_DOCUMENTS: '✗', REQUEST_CORRECTIONS: 'CORRECTIONS_REQUESTED', REJECT: 'REJECTED' },
  CORRECTIONS_REQUESTED: { COMMIT: '✗', SUBMIT: 'UNDER_REVIEW', GRANT: '✗', GRANT_WITH_MISSING_DOCUMENTS: '✗', SUPPLY_DOCUMENTS: '✗', REQUEST_CORRECTIONS: '✗', REJECT: 'REJECTED' },
  GRANTED: { COMMIT: '✗', SUBMIT: '✗', GRANT: '✗', GRANT_WITH_MISSING_DOCUMENTS: '✗', SUPPLY_DOCUMENTS: '✗', REQUEST_CORRECTIONS: '✗', REJECT: '✗' },
  GRANTED_PENDING_DOCUMENTS: { COMMIT: '✗', SUBMIT: '✗', GRANT: '✗', GRANT_WITH_MISSING_DOCUMENTS: '✗', SUPPLY_DOCUMENTS: 'GRANTED', REQUEST_CORRECTIONS: '✗', REJECT: '✗' },
  REJECTED: { COMMIT: '✗', SUBMIT: '✗', GRANT: '✗', GRANT_WITH_MISSING_DOCUMENTS: '✗', SUPPLY_DOCUMENTS: '✗', REQUEST_CORRECTIONS: '✗', REJECT: '✗' },
};

const o = (notice: CaseStatus | '✗', commit: CaseStatus | '✗', pass: CaseStatus | '✗', fail: CaseStatus | '✗', end: CaseStatus | '✗', grant: CaseStatus | '✗', request: CaseStatus | '✗', accept: CaseStatus | '✗', reject: CaseStatus | '✗', revoke: CaseStatus | '✗') =>
  ({ ISSUE_NOTICE: notice, SUBMIT_COMMITMENT: commit, PASS_PRECHECK: pass, FAIL_PRECHECK: fail, END_PUBLICITY: end, GRANT: grant, REQUEST_ACCEPTANCE: request, PASS_ACCEPTANCE: accept, FAIL_ACCEPTANCE: reject, REVOKE: revoke }) as Record<CaseTrigger, CaseStatus | '✗'>;

const CASE: Record<CaseStatus, Record<CaseTrigger, CaseStatus | '✗'>> = {
  //                      notice      commit       pass precheck   fail precheck  end publicity grant      request acceptance      pass        fail          revoke
  OPENED: o('NOTIFIED', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', 'REVOKED'),
  NOTIFIED: o('✗', 'COMMITTED', '✗', '✗', '✗', '✗', '✗', '✗', '✗', 'REVOKED'),
  COMMITTED: o('✗', '✗', 'IN_PUBLICITY', 'NOTIFIED', '✗', '✗', '✗', '✗', '✗', 'REVOKED'),
  IN_PUBLICITY: o('✗', '✗', '✗', '✗', 'DECIDING', '✗', '✗', '✗', '✗', 'REVOKED'),
  DECIDING: o('✗', '✗', '✗', '✗', '✗', 'GRANTED', '✗', '✗', '✗', 'REVOKED'),
  GRANTED: o('✗', '✗', '✗', '✗', '✗', '✗', 'ACCEPTANCE_REQUESTED', '✗', '✗', 'REVOKED'),
  ACCEPTANCE_REQUESTED: o('✗', '✗', '✗', '✗', '✗', '✗', '✗', 'ACCEPTED', 'RECTIFYING', 'REVOKED'),
  RECTIFYING: o('✗', '✗', '✗', '✗', '✗', '✗', 'ACCEPTANCE_REQUESTED', '✗', '✗', 'REVOKED'),
  ACCEPTED: o('✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗'),
  REVOKED: o('✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗', '✗'),
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

  it('counts granted, 容缺-granted and committed items as satisfied for the case', () => {
    expect(ITEM_STATUSES.filter(itemSatisfied)).toEqual(['COMMITTED', 'GRANTED', 'GRANTED_PENDING_DOCUMENTS']);
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
});
