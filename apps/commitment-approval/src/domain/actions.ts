import type { Principal } from '@devzone/auth';
import type { IsoDate } from '@devzone/shared-kernel';
import { decideCase, projectCompleted, publicityRunning, type CaseStatus, type CaseTrigger } from './case.state-machine';
import { endsByItself, openPause, type Pause, type Procedure } from './item-clock';
import { decideItem, type ItemStatus, type ItemTrigger } from './item.state-machine';
import { actsForItemDepartment, CASE_ACTIONS, CASE_COMMAND_ROLES, caseTakesItemCommand, ITEM_ACTIONS, ITEM_COMMANDS, roleAdmitted, type CaseAction, type ItemAction } from './permissions';
import { unmetPrerequisites, type OrderedItem } from './prerequisites';

/**
 * The commands the calling person may take now on a case or an item, as the
 * console shows them: the route admits the role (domain/permissions.ts), the
 * state machine allows the step, and the service's own checks that need no I/O
 * pass (the item's department, the case taking item work, prerequisites, the
 * publicity period, the project completed). What needs the database (the
 * enterprise's blacklist) is checked by the command itself. The case is one the
 * caller may see: the views are built only for those.
 */
export type Caller = Pick<Principal, 'role' | 'department'>;

export interface CaseState {
  status: CaseStatus;
  projectStage: string;
  publicityEndsOn: IsoDate | null;
}

const caseAllows = (status: CaseStatus, ...triggers: CaseTrigger[]) => triggers.some((t) => decideCase(status, t).allowed);

const CASE_RULES: Record<CaseAction, (c: CaseState, today: IsoDate) => boolean> = {
  notice: (c) => caseAllows(c.status, 'ISSUE_NOTICE'),
  // A 承诺书, or 一般程序 for the whole case (a blacklisted enterprise may only do the latter).
  commitment: (c) => caseAllows(c.status, 'SUBMIT_COMMITMENT', 'CHOOSE_ORDINARY'),
  precheck: (c) => caseAllows(c.status, 'PASS_PRECHECK', 'FAIL_PRECHECK'),
  'publicity-end': (c, today) => caseAllows(c.status, 'END_PUBLICITY') && !publicityRunning(c, today),
  'acceptance-request': (c) => caseAllows(c.status, 'REQUEST_ACCEPTANCE') && projectCompleted(c.projectStage),
  acceptance: (c) => caseAllows(c.status, 'PASS_ACCEPTANCE', 'FAIL_ACCEPTANCE'),
};

export function caseActions(c: CaseState, caller: Caller, today: IsoDate): CaseAction[] {
  return CASE_ACTIONS.filter((action) => roleAdmitted(CASE_COMMAND_ROLES[action], caller) && CASE_RULES[action](c, today));
}

export interface ItemState extends OrderedItem {
  department: string;
  procedure: Procedure | null;
  pauses: Pick<Pause, 'reason' | 'to'>[];
}

const itemAllows = (status: ItemStatus, ...triggers: ItemTrigger[]) => triggers.some((t) => decideItem(status, t).allowed);

const ITEM_RULES: Record<ItemAction, (item: ItemState, caseItems: OrderedItem[]) => boolean> = {
  // A committable item once the 承诺书 chose its procedure; a revoked one again, by 一般程序.
  application: (i) => itemAllows(i.status, 'APPLY') && (i.procedure !== null || i.status === 'REVOKED'),
  acceptance: (i, caseItems) => itemAllows(i.status, 'ACCEPT') && unmetPrerequisites(i, caseItems).length === 0,
  pause: (i) => itemAllows(i.status, 'PAUSE'),
  resume: (i) => {
    const open = openPause(i.pauses);
    return itemAllows(i.status, 'RESUME') && !!open && !endsByItself(open.reason);
  },
  // A committed item is granted with the 批复, not decided.
  decision: (i) => i.status !== 'COMMITTED' && itemAllows(i.status, 'GRANT', 'GRANT_WITH_MISSING_DOCUMENTS', 'REQUEST_CORRECTIONS', 'REJECT'),
  resubmit: (i) => itemAllows(i.status, 'RESUBMIT') && !!openPause(i.pauses),
  'documents-supplied': (i) => itemAllows(i.status, 'SUPPLY_DOCUMENTS'),
  // Only a grant obtained by commitment (虚假承诺).
  revocation: (i) => itemAllows(i.status, 'REVOKE') && i.procedure === 'commitment',
};

export function itemActions(item: ItemState, caseItems: OrderedItem[], caseStatus: CaseStatus, caller: Caller): ItemAction[] {
  return ITEM_ACTIONS.filter((action) => {
    const rule = ITEM_COMMANDS[action];
    return roleAdmitted(rule.roles, caller) && actsForItemDepartment(caller, rule.side, item.department) && caseTakesItemCommand(caseStatus, rule) && ITEM_RULES[action](item, caseItems);
  });
}
