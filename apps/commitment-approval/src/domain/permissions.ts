import { ACTING_FOR_PROJECTS, DEPARTMENTS, MANAGERS, OFFICERS, type Principal, type Role } from '@devzone/auth';
import { caseTakesItemWork, type CaseStatus } from './case.state-machine';

/**
 * Who may call which command, declared once: the controllers' `@Roles(...)` and
 * the `actions` of the case and item views (domain/actions.ts) both read these
 * maps, so a button the console shows is a command the route admits.
 * Role groups are libs/auth's (principal.ts).
 */

/** The case commands, named by their route's last path segment (`publicity-end`: POST /cases/:id/publicity/end). */
export const CASE_ACTIONS = ['notice', 'commitment', 'precheck', 'publicity-end', 'acceptance-request', 'acceptance'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The item commands, named by their route's last path segment (POST /cases/:id/items/:itemCode/<action>). */
export const ITEM_ACTIONS = ['application', 'acceptance', 'pause', 'resume', 'decision', 'resubmit', 'documents-supplied', 'revocation'] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

/** The roles each case command's route admits. */
export const CASE_COMMAND_ROLES: Record<CaseAction, readonly Role[]> = {
  notice: OFFICERS,
  commitment: ACTING_FOR_PROJECTS,
  precheck: OFFICERS,
  'publicity-end': OFFICERS,
  'acceptance-request': ACTING_FOR_PROJECTS,
  acceptance: OFFICERS,
};

/**
 * Which side acts on an item: the applicant (the enterprise, its agent, an officer
 * acting for it), the item's department, or a supervisor (a zone officer, or the
 * item's department).
 */
export type ItemSide = 'applicant' | 'department' | 'supervisor';

export interface ItemCommandRule {
  roles: readonly Role[];
  side: ItemSide;
  /** Also when the case takes no item work (after the 批复, after a revocation of the case). */
  anyCaseStatus: boolean;
}

/** The roles each item command's route admits, the side it acts for, and whether the case's status matters. */
export const ITEM_COMMANDS: Record<ItemAction, ItemCommandRule> = {
  application: { roles: ACTING_FOR_PROJECTS, side: 'applicant', anyCaseStatus: false },
  acceptance: { roles: DEPARTMENTS, side: 'department', anyCaseStatus: false },
  pause: { roles: DEPARTMENTS, side: 'department', anyCaseStatus: false },
  resume: { roles: DEPARTMENTS, side: 'department', anyCaseStatus: false },
  decision: { roles: DEPARTMENTS, side: 'department', anyCaseStatus: false },
  resubmit: { roles: ACTING_FOR_PROJECTS, side: 'applicant', anyCaseStatus: false },
  'documents-supplied': { roles: ACTING_FOR_PROJECTS, side: 'applicant', anyCaseStatus: true },
  revocation: { roles: ['zone-officer', ...DEPARTMENTS], side: 'supervisor', anyCaseStatus: true },
};

/** GET /queue: the departments' work list. */
export const QUEUE_ROLES: readonly Role[] = ['zone-officer', 'department-officer', 'zone-manager', 'province-manager', 'admin'];
/** POST /settings/zones/:zone/versions (a zone manager: its own zones; `*`: admin only). */
export const RULES_PUBLISHERS: readonly Role[] = MANAGERS;
/** POST /credit-records/:id/rectify and /repair (an officer: its zones' records). */
export const CREDIT_OFFICERS: readonly Role[] = OFFICERS;

/** Does the route admit this role at all (403 `role` otherwise)? */
export const roleAdmitted = (roles: readonly Role[], principal: Pick<Principal, 'role'>) => roles.includes(principal.role);

/**
 * 部门职权: a department step (and a department officer's revocation) is taken only
 * by the item's own department — a department officer whose `department` equals
 * the item's, character for character — or by an administrator (403 `department`).
 */
export function actsForItemDepartment(principal: Pick<Principal, 'role' | 'department'>, side: ItemSide, itemDepartment: string): boolean {
  const departmentOfficer = principal.role === 'department-officer';
  if (side === 'applicant' || (side === 'supervisor' && !departmentOfficer)) return true;
  return principal.role === 'admin' || (departmentOfficer && principal.department === itemDepartment);
}

/**
 * Whether the case takes this item command now (409 `case-state` otherwise):
 * while the case runs (caseTakesItemWork); during publicity only the applicant's
 * steps; 容缺 documents and revocation in any case status.
 */
export function caseTakesItemCommand(caseStatus: CaseStatus, rule: Pick<ItemCommandRule, 'side' | 'anyCaseStatus'>): boolean {
  return rule.anyCaseStatus || caseTakesItemWork(caseStatus) || (caseStatus === 'IN_PUBLICITY' && rule.side === 'applicant');
}
