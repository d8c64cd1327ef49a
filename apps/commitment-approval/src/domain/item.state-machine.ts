import type { Message } from '@devzone/shared-kernel';

/**
 * One approval item of a case (行政许可法 第三十二条、第四十二条、第四十五条):
 *
 *   PENDING ─COMMIT→ COMMITTED ─GRANT→ GRANTED ─REVOKE→ REVOKED ─APPLY→ APPLIED …      (承诺制: granted with the 批复; 撤销 for a false commitment)
 *   PENDING ─APPLY→ APPLIED ─ACCEPT→ ACCEPTED (受理: the clock starts)                   (一般程序 or an item that must be approved)
 *           APPLIED ─REJECT→ REJECTED                                                   (不予受理)
 *   ACCEPTED ─PAUSE→ PAUSED ─RESUME→ ACCEPTED                                           (听证、检验检测、专家评审、公示: the clock stops)
 *   ACCEPTED ─REQUEST_CORRECTIONS→ CORRECTIONS_REQUESTED ─RESUBMIT→ ACCEPTED              (补正: the clock stops)
 *            CORRECTIONS_REQUESTED ─REJECT→ REJECTED
 *   ACCEPTED ─GRANT→ GRANTED | ─GRANT_WITH_MISSING_DOCUMENTS→ GRANTED_PENDING_DOCUMENTS ─SUPPLY_DOCUMENTS→ GRANTED (容缺) | ─REJECT→ REJECTED
 *
 * The clock runs only while ACCEPTED. Whether COMMIT is allowed (a committable
 * item, by the 承诺书), whether ACCEPT is allowed (its prerequisites granted),
 * 容缺 (not under 一般程序) and REVOKE (only a grant obtained by commitment) are
 * the caller's checks: they need more than the status.
 */
export const ITEM_STATUSES = ['PENDING', 'APPLIED', 'ACCEPTED', 'PAUSED', 'CORRECTIONS_REQUESTED', 'COMMITTED', 'GRANTED', 'GRANTED_PENDING_DOCUMENTS', 'REJECTED', 'REVOKED'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_TRIGGERS = ['COMMIT', 'APPLY', 'ACCEPT', 'PAUSE', 'RESUME', 'REQUEST_CORRECTIONS', 'RESUBMIT', 'GRANT', 'GRANT_WITH_MISSING_DOCUMENTS', 'SUPPLY_DOCUMENTS', 'REJECT', 'REVOKE'] as const;
export type ItemTrigger = (typeof ITEM_TRIGGERS)[number];

export const ITEM_STATUS_ZH: Record<ItemStatus, string> = {
  PENDING: '待申请',
  APPLIED: '已申请，待受理',
  ACCEPTED: '已受理，审查中',
  PAUSED: '暂停计时',
  CORRECTIONS_REQUESTED: '待补正（暂停计时）',
  COMMITTED: '已承诺',
  GRANTED: '已准予',
  GRANTED_PENDING_DOCUMENTS: '容缺准予，待补交材料',
  REJECTED: '不予许可',
  REVOKED: '已撤销',
};

export type ItemDecision = { allowed: true; status: ItemStatus } | { allowed: false; reason: Message };

const go = (status: ItemStatus) => (): ItemDecision => ({ allowed: true, status });
const no = (zh: string, en: string) => (): ItemDecision => ({ allowed: false, reason: { zh, en } });

const notApplied = no('尚未申请', 'the item has not been applied for');
const notAccepted = no('尚未受理', 'the item has not been accepted (受理)');
const running = no('该事项正在审查中', 'the item is under review');
const paused = no('该事项暂停计时中，请先恢复计时', 'the item is paused: resume it first');
const corrections = no('待企业补正材料', 'corrections are outstanding');
const committedOnly = no('已承诺事项随承诺制批复一并准予', 'a committed item is granted with the case decision');
const decided = no('该事项已作出决定', 'the item has already been decided');
const noMissingDocs = no('该事项没有待补交的材料', 'the item has no missing documents to supply');
const notPausedNow = no('该事项未暂停计时', 'the item is not paused');
const notAwaitingCorrections = no('该事项未要求补正', 'no corrections were requested');
const cannotCommit = no('该事项不能纳入承诺', 'the item cannot be covered by a commitment now');
const onlyGranted = no('只有已准予的事项可以撤销', 'only a granted item can be revoked');
const revoked = no('该事项已撤销，可按一般程序重新申请', 'the item was revoked: apply again under the ordinary procedure');

/** Every (status, trigger) pair. */
export const ITEM_TRANSITIONS: Record<ItemStatus, Record<ItemTrigger, () => ItemDecision>> = {
  PENDING: {
    COMMIT: go('COMMITTED'), APPLY: go('APPLIED'), ACCEPT: notApplied, PAUSE: notAccepted, RESUME: notPausedNow, REQUEST_CORRECTIONS: notAccepted,
    RESUBMIT: notAwaitingCorrections, GRANT: notAccepted, GRANT_WITH_MISSING_DOCUMENTS: notAccepted, SUPPLY_DOCUMENTS: noMissingDocs, REJECT: notApplied, REVOKE: onlyGranted,
  },
  APPLIED: {
    COMMIT: cannotCommit, APPLY: no('已申请，待受理', 'already applied for'), ACCEPT: go('ACCEPTED'), PAUSE: notAccepted, RESUME: notPausedNow, REQUEST_CORRECTIONS: notAccepted,
    RESUBMIT: notAwaitingCorrections, GRANT: notAccepted, GRANT_WITH_MISSING_DOCUMENTS: notAccepted, SUPPLY_DOCUMENTS: noMissingDocs, REJECT: go('REJECTED'), REVOKE: onlyGranted,
  },
  ACCEPTED: {
    COMMIT: cannotCommit, APPLY: running, ACCEPT: no('已受理', 'already accepted'), PAUSE: go('PAUSED'), RESUME: notPausedNow, REQUEST_CORRECTIONS: go('CORRECTIONS_REQUESTED'),
    RESUBMIT: notAwaitingCorrections, GRANT: go('GRANTED'), GRANT_WITH_MISSING_DOCUMENTS: go('GRANTED_PENDING_DOCUMENTS'), SUPPLY_DOCUMENTS: noMissingDocs, REJECT: go('REJECTED'), REVOKE: onlyGranted,
  },
  PAUSED: {
    COMMIT: cannotCommit, APPLY: paused, ACCEPT: paused, PAUSE: no('已暂停计时', 'already paused'), RESUME: go('ACCEPTED'), REQUEST_CORRECTIONS: paused,
    RESUBMIT: notAwaitingCorrections, GRANT: paused, GRANT_WITH_MISSING_DOCUMENTS: paused, SUPPLY_DOCUMENTS: noMissingDocs, REJECT: paused, REVOKE: onlyGranted,
  },
  CORRECTIONS_REQUESTED: {
    COMMIT: cannotCommit, APPLY: corrections, ACCEPT: corrections, PAUSE: corrections, RESUME: notPausedNow, REQUEST_CORRECTIONS: no('已要求补正', 'corrections are already requested'),
    RESUBMIT: go('ACCEPTED'), GRANT: corrections, GRANT_WITH_MISSING_DOCUMENTS: corrections, SUPPLY_DOCUMENTS: noMissingDocs, REJECT: go('REJECTED'), REVOKE: onlyGranted,
  },
  COMMITTED: {
    COMMIT: no('该事项已承诺', 'the item is already committed'), APPLY: no('已承诺事项无需申请审批', 'a committed item is not applied for'), ACCEPT: committedOnly, PAUSE: committedOnly, RESUME: notPausedNow,
    REQUEST_CORRECTIONS: committedOnly, RESUBMIT: notAwaitingCorrections, GRANT: go('GRANTED'), GRANT_WITH_MISSING_DOCUMENTS: committedOnly, SUPPLY_DOCUMENTS: noMissingDocs, REJECT: committedOnly, REVOKE: onlyGranted,
  },
  GRANTED: {
    COMMIT: decided, APPLY: decided, ACCEPT: decided, PAUSE: decided, RESUME: decided, REQUEST_CORRECTIONS: decided,
    RESUBMIT: decided, GRANT: decided, GRANT_WITH_MISSING_DOCUMENTS: decided, SUPPLY_DOCUMENTS: noMissingDocs, REJECT: decided, REVOKE: go('REVOKED'),
  },
  GRANTED_PENDING_DOCUMENTS: {
    COMMIT: decided, APPLY: decided, ACCEPT: decided, PAUSE: decided, RESUME: decided, REQUEST_CORRECTIONS: decided,
    RESUBMIT: decided, GRANT: decided, GRANT_WITH_MISSING_DOCUMENTS: decided, SUPPLY_DOCUMENTS: go('GRANTED'), REJECT: decided, REVOKE: no('容缺准予的事项不是依承诺准予的', 'a 容缺 grant was not obtained by commitment'),
  },
  REJECTED: {
    COMMIT: decided, APPLY: decided, ACCEPT: decided, PAUSE: decided, RESUME: decided, REQUEST_CORRECTIONS: decided,
    RESUBMIT: decided, GRANT: decided, GRANT_WITH_MISSING_DOCUMENTS: decided, SUPPLY_DOCUMENTS: noMissingDocs, REJECT: decided, REVOKE: onlyGranted,
  },
  REVOKED: {
    COMMIT: revoked, APPLY: go('APPLIED'), ACCEPT: revoked, PAUSE: revoked, RESUME: revoked, REQUEST_CORRECTIONS: revoked,
    RESUBMIT: revoked, GRANT: revoked, GRANT_WITH_MISSING_DOCUMENTS: revoked, SUPPLY_DOCUMENTS: noMissingDocs, REJECT: revoked, REVOKE: no('该事项已撤销', 'already revoked'),
  },
};

export const decideItem = (status: ItemStatus, trigger: ItemTrigger): ItemDecision => ITEM_TRANSITIONS[status][trigger]();

/** Done, as far as granting the case and other items' prerequisites go: granted (even 容缺) or covered by the commitment. */
export const itemSatisfied = (status: ItemStatus) => status === 'GRANTED' || status === 'GRANTED_PENDING_DOCUMENTS' || status === 'COMMITTED';

/** With the department, or waiting on the enterprise within the procedure: what the queue lists. */
export const itemOpen = (status: ItemStatus) => status === 'APPLIED' || status === 'ACCEPTED' || status === 'PAUSED' || status === 'CORRECTIONS_REQUESTED';

/** Whether the item's time limit is counting. */
export const clockRunning = (status: ItemStatus) => status === 'ACCEPTED';
