/**
 * The words of a delegation (委托) and its tasks, as stored and as answered.
 * Plain values: the ORM entities, the response DTOs and the rules share them.
 */

/** OPEN while any task is open; CLOSED (办结) once every task is delivered or refused. */
export const DELEGATION_STATUSES = ['OPEN', 'CLOSED'] as const;
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number];

/** What the enterprise delegated: approval always; utilities when the project needs land; land when it takes 标准地. */
export const DELEGATION_SCOPES = ['approval', 'utilities', 'land'] as const;
export type DelegationScope = (typeof DELEGATION_SCOPES)[number];

/** Who made an assignment: the automatic choice, or a team lead. */
export const ASSIGNERS = ['auto', 'lead'] as const;
export type AssignedBy = (typeof ASSIGNERS)[number];

/** Where a task comes from: an item of the 承诺制 case, the 标准地 contract, a utility connection. */
export const TASK_SOURCES = ['approval', 'land', 'utility'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

/** An approval task's clock follows its item's: waiting for 受理, running, paused. Other tasks always run. */
export const TASK_CLOCKS = ['waiting', 'running', 'paused'] as const;
export type TaskClock = (typeof TASK_CLOCKS)[number];
