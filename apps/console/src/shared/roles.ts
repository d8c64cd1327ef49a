import type { Role, Session } from '../api';

/** The officers (approval officer, administrator): they see the officers' cards and links. */
export const OFFICER_ROLES: Role[] = ['zone-officer', 'admin'];
export const isOfficer = (s: Session) => OFFICER_ROLES.includes(s.user.role);
