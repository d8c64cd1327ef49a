import { TASK_STATUS_NAMES_ZH, type TaskStatus } from '@devzone/contracts';
import type { Message } from '@devzone/shared-kernel';

/**
 * A delegated task (domain.md §2.3):
 *   PLANNED → COLLECTING_MATERIALS → SUBMITTED → ACCEPTED (受理) → IN_REVIEW
 *     → CORRECTIONS_REQUESTED → SUBMITTED …   → APPROVED → DELIVERED   | REFUSED
 * The agent moves it step by step. Facts from the approving service move it
 * directly: an item granted there completes the task (DELIVERED), corrections or a
 * rejection there show here.
 */
export const TASK_TRIGGERS = ['START', 'SUBMIT', 'ACCEPT', 'REVIEW', 'REQUEST_CORRECTIONS', 'APPROVE', 'REFUSE', 'DELIVER', 'COMPLETE'] as const;
export type TaskTrigger = (typeof TASK_TRIGGERS)[number];

/** What an agent may ask by hand (`POST /tasks/:id/actions`): every trigger but COMPLETE, which comes only from the approving service. */
export type AgentAction = Exclude<TaskTrigger, 'COMPLETE'>;
export const AGENT_ACTIONS: readonly AgentAction[] = TASK_TRIGGERS.filter((t): t is AgentAction => t !== 'COMPLETE');

/** The statuses' Chinese names: the contracts' (the timeline and the console read the same). */
export const TASK_STATUS_ZH: Record<TaskStatus, string> = TASK_STATUS_NAMES_ZH;

/** The statuses of a task not yet done (DELIVERED) or refused (REFUSED): what a worklist holds. */
export const OPEN_TASK_STATUSES = ['PLANNED', 'COLLECTING_MATERIALS', 'SUBMITTED', 'ACCEPTED', 'IN_REVIEW', 'CORRECTIONS_REQUESTED', 'APPROVED'] as const satisfies readonly TaskStatus[];
export type OpenTaskStatus = (typeof OPEN_TASK_STATUSES)[number];
const OPEN: TaskStatus[] = [...OPEN_TASK_STATUSES];

/** trigger → the statuses it may come from → the status it leads to. */
export const TASK_TRANSITIONS: Record<TaskTrigger, { from: TaskStatus[]; to: TaskStatus }> = {
  START: { from: ['PLANNED'], to: 'COLLECTING_MATERIALS' },
  SUBMIT: { from: ['PLANNED', 'COLLECTING_MATERIALS', 'CORRECTIONS_REQUESTED'], to: 'SUBMITTED' },
  ACCEPT: { from: ['SUBMITTED'], to: 'ACCEPTED' },
  REVIEW: { from: ['ACCEPTED'], to: 'IN_REVIEW' },
  REQUEST_CORRECTIONS: { from: ['SUBMITTED', 'ACCEPTED', 'IN_REVIEW'], to: 'CORRECTIONS_REQUESTED' },
  APPROVE: { from: ['ACCEPTED', 'IN_REVIEW'], to: 'APPROVED' },
  REFUSE: { from: ['SUBMITTED', 'ACCEPTED', 'IN_REVIEW', 'CORRECTIONS_REQUESTED'], to: 'REFUSED' },
  DELIVER: { from: ['APPROVED'], to: 'DELIVERED' },
  /** The approving service granted it: done, from wherever the agent's record had it. */
  COMPLETE: { from: OPEN, to: 'DELIVERED' },
};

export type TaskDecision = { allowed: true; status: TaskStatus } | { allowed: false; reason: Message };

export function decideTask(status: TaskStatus, trigger: TaskTrigger): TaskDecision {
  const rule = TASK_TRANSITIONS[trigger];
  if (rule.from.includes(status)) return { allowed: true, status: rule.to };
  if (status === 'DELIVERED' || status === 'REFUSED') return { allowed: false, reason: { zh: `事项已${TASK_STATUS_ZH[status]}，不能再变更`, en: `the task is ${status}` } };
  return {
    allowed: false,
    reason: {
      zh: `事项当前为“${TASK_STATUS_ZH[status]}”，不能${TRIGGER_ZH[trigger]}`,
      en: `cannot ${trigger} a task that is ${status}`,
    },
  };
}

const TRIGGER_ZH: Record<TaskTrigger, string> = {
  START: '开始收集材料',
  SUBMIT: '提交',
  ACCEPT: '登记受理',
  REVIEW: '进入审查',
  REQUEST_CORRECTIONS: '登记补正',
  APPROVE: '登记批准',
  REFUSE: '登记不予批准',
  DELIVER: '送达',
  COMPLETE: '办结',
};

export const taskFinal = (s: TaskStatus) => s === 'DELIVERED' || s === 'REFUSED';
/** Waiting on the enterprise: materials to collect, corrections to make. */
export const waitingOnEnterprise = (s: TaskStatus) => s === 'COLLECTING_MATERIALS' || s === 'CORRECTIONS_REQUESTED';
