import { ROLES, type Role } from '@devzone/auth';

/**
 * The commands on one inbox entry, each named by its route's last path segment
 * (`POST /me/inbox/:notificationId/read`). An entry's `actions` lists those the
 * caller may take on it now, so the console shows a button exactly when its
 * action is listed.
 */
export const INBOX_ACTIONS = ['read'] as const;
export type InboxAction = (typeof INBOX_ACTIONS)[number];

/**
 * Who may call each inbox command: the one place its roles are named, read both
 * by the route's `@Roles(...)` (api/inbox.http.controller.ts) and by
 * `inboxActions`. Every signed-in person has an inbox; which entries they reach
 * is decided by `inboxActions`' scope (their own recipients only).
 */
export const INBOX_COMMAND_ROLES: Record<InboxAction, readonly Role[]> = {
  read: ROLES,
};

/** What an action needs to know of an inbox entry. */
export interface InboxEntryState {
  recipientId: string;
  readAt: Date | string | null;
}

/** What an action needs to know of the caller: their role and the recipients they read (those carrying their subject). */
export interface InboxCaller {
  role: Role;
  recipients: readonly string[];
}

/**
 * The actions the caller may take on an inbox entry now: `read` while it is
 * unread, for a role the command admits, on an entry of one of the caller's own
 * recipients (an entry of anybody else's is not found, admins included).
 */
export function inboxActions(entry: InboxEntryState, caller: InboxCaller): InboxAction[] {
  if (!caller.recipients.includes(entry.recipientId)) return [];
  const allowed = (action: InboxAction) => INBOX_COMMAND_ROLES[action].includes(caller.role);
  const actions: InboxAction[] = [];
  if (entry.readAt === null && allowed('read')) actions.push('read');
  return actions;
}
