import type { Message } from '@devzone/shared-kernel';

/**
 * One approval item of a case.
 *   PENDING ─COMMIT→ COMMITTED ─GRANT→ GRANTED                 (committable item covered by the 承诺书)
 *   PENDING ─SUBMIT→ UNDER_REVIEW ─GRANT→ GRANTED
 *                                 ─GRANT_WITH_MISSING_DOCUMENTS→ GRANTED_PENDING_DOCUMENTS ─SUPPLY_DOCUMENTS→ GRANTED (容缺)
 *                                 ─REQUEST_CORRECTIONS→ CORRECTIONS_REQUESTED ─SUBMIT→ UNDER_REVIEW
 *                                 ─REJECT→ REJECTED
 */
export const ITEM_STATUSES = ['PENDING', 'COMMITTED', 'UNDER_REVIEW', 'CORRECTIONS_REQUESTED', 'GRANTED', 'GRANTED_PENDING_DOCUMENTS', 'REJECTED'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_TRIGGERS = ['COMMIT', 'SUBMIT', 'GRANT', 'GRANT_WITH_MISSING_DOCUMENTS', 'SUPPLY_DOCUMENTS', 'REQUEST_CORRECTIONS', 'REJECT'] as const;
export type ItemTrigger = (typeof ITEM_TRIGGERS)[number];

export const ITEM_STATUS_ZH: Record<ItemStatus, string> = {
  PENDING: '待办理',
  COMMITTED: '已承诺',
  UNDER_REVIEW: '审查中',
  CORRECTIONS_REQUESTED: '待补正',
  GRANTED: '已准予',
  GRANTED_PENDING_DOCUMENTS: '容缺准予，待补交材料',
  REJECTED: '不予许可',
};

export type ItemDecision = { allowed: true; status: ItemStatus } | { allowed: false; reason: Message };

const go = (status: ItemStatus) => (): ItemDecision => ({ allowed: true, status });
const no = (zh: string, en: string) => (): ItemDecision => ({ allowed: false, reason: { zh, en } });

const decided = no('该事项已作出决定', 'the item has already been decided');
const notUnderReview = no('该事项不在审查中', 'the item is not under review');
const noMissingDocs = no('该事项没有待补交的材料', 'the item has no missing documents to supply');
const cannotCommit = no('该事项不能纳入承诺', 'the item cannot be covered by a commitment now');
const alreadySubmitted = no('该事项已在审查中', 'the item is already under review');
const committedOnlyGranted = no('已承诺事项随承诺制批复一并准予', 'a committed item is granted with the case decision');

/** Every (status, trigger) pair. COMMIT is allowed only for committable items (checked by the caller, which knows the regime). */
export const ITEM_TRANSITIONS: Record<ItemStatus, Record<ItemTrigger, () => ItemDecision>> = {
  PENDING: {
    COMMIT: go('COMMITTED'),
    SUBMIT: go('UNDER_REVIEW'),
    GRANT: notUnderReview,
    GRANT_WITH_MISSING_DOCUMENTS: notUnderReview,
    SUPPLY_DOCUMENTS: noMissingDocs,
    REQUEST_CORRECTIONS: notUnderReview,
    REJECT: notUnderReview,
  },
  COMMITTED: {
    COMMIT: no('该事项已承诺', 'the item is already committed'),
    SUBMIT: no('已承诺事项无需审查', 'a committed item is not reviewed'),
    GRANT: go('GRANTED'),
    GRANT_WITH_MISSING_DOCUMENTS: committedOnlyGranted,
    SUPPLY_DOCUMENTS: noMissingDocs,
    REQUEST_CORRECTIONS: committedOnlyGranted,
    REJECT: committedOnlyGranted,
  },
  UNDER_REVIEW: {
    COMMIT: cannotCommit,
    SUBMIT: alreadySubmitted,
    GRANT: go('GRANTED'),
    GRANT_WITH_MISSING_DOCUMENTS: go('GRANTED_PENDING_DOCUMENTS'),
    SUPPLY_DOCUMENTS: noMissingDocs,
    REQUEST_CORRECTIONS: go('CORRECTIONS_REQUESTED'),
    REJECT: go('REJECTED'),
  },
  CORRECTIONS_REQUESTED: {
    COMMIT: cannotCommit,
    SUBMIT: go('UNDER_REVIEW'),
    GRANT: no('请先补正材料', 'corrections are outstanding'),
    GRANT_WITH_MISSING_DOCUMENTS: no('请先补正材料', 'corrections are outstanding'),
    SUPPLY_DOCUMENTS: noMissingDocs,
    REQUEST_CORRECTIONS: no('已要求补正', 'corrections are already requested'),
    REJECT: go('REJECTED'),
  },
  GRANTED: {
    COMMIT: decided,
    SUBMIT: decided,
    GRANT: decided,
    GRANT_WITH_MISSING_DOCUMENTS: decided,
    SUPPLY_DOCUMENTS: noMissingDocs,
    REQUEST_CORRECTIONS: decided,
    REJECT: decided,
  },
  GRANTED_PENDING_DOCUMENTS: {
    COMMIT: decided,
    SUBMIT: decided,
    GRANT: decided,
    GRANT_WITH_MISSING_DOCUMENTS: decided,
    SUPPLY_DOCUMENTS: go('GRANTED'),
    REQUEST_CORRECTIONS: decided,
    REJECT: decided,
  },
  REJECTED: {
    COMMIT: decided,
    SUBMIT: decided,
    GRANT: decided,
    GRANT_WITH_MISSING_DOCUMENTS: decided,
    SUPPLY_DOCUMENTS: noMissingDocs,
    REQUEST_CORRECTIONS: decided,
    REJECT: decided,
  },
};

export const decideItem = (status: ItemStatus, trigger: ItemTrigger): ItemDecision => ITEM_TRANSITIONS[status][trigger]();

/** Done, as far as granting the case goes: granted (even 容缺) or covered by the commitment. */
export const itemSatisfied = (status: ItemStatus) => status === 'GRANTED' || status === 'GRANTED_PENDING_DOCUMENTS' || status === 'COMMITTED';

/** Still running against its time limit. */
export const itemOpen = (status: ItemStatus) => status === 'PENDING' || status === 'COMMITTED' || status === 'UNDER_REVIEW' || status === 'CORRECTIONS_REQUESTED';
