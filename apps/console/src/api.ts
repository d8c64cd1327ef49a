import type { IssueBody } from './views';
import { zhText } from './zh';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** A refused request; its message and field reasons are in Chinese (the services write "中文 (English)"). */
export class ApiError extends Error {
  readonly body: Json;
  constructor(
    readonly status: number,
    body: Json,
  ) {
    const failed = `请求失败（${status}）`;
    const zh =
      body && typeof body === 'object'
        ? {
            ...body,
            message: typeof body.message === 'string' ? zhText(body.message, failed) : failed,
            issues: Array.isArray(body.issues) ? body.issues.map((i: IssueBody) => ({ field: i.field, reason: zhText(i.reason) })) : [],
          }
        : { message: failed, issues: [] };
    super(zh.message);
    this.body = zh;
  }
  get issues(): IssueBody[] {
    return Array.isArray(this.body?.issues) ? this.body.issues : [];
  }
}

/**
 * Who is signed in (GET /auth/me of the console's server). The access token
 * never reaches the browser: the server keeps it and adds it to /api requests;
 * the browser holds an httpOnly cookie and sends the CSRF token on changes.
 */
export interface Session {
  user: { sub: string; username: string; name: string; role: Role; zones: string[]; creditCode?: string; department?: string; email?: string };
  csrfToken: string;
}
export type Role = 'zone-officer' | 'department-officer' | 'agency-agent' | 'agency-supervisor' | 'enterprise' | 'zone-manager' | 'province-manager' | 'admin';

export const ROLE_ZH: Record<Role, string> = {
  'zone-officer': '审批专员',
  'department-officer': '部门审批人员',
  'agency-agent': '代办员',
  'agency-supervisor': '代办专班负责人',
  enterprise: '企业',
  'zone-manager': '开发区管理者',
  'province-manager': '省级管理者',
  admin: '系统管理员',
};

let current: Session | null = null;
/** The signed-in person, or null (and the sign-in page). */
export async function loadSession(): Promise<Session | null> {
  const response = await fetch('/auth/me', { cache: 'no-store' });
  const body = (await response.json().catch(() => null)) as Session | null; // read it either way: an unread body keeps the request open
  current = response.ok ? body : null;
  return current;
}
/** Fired on window when a request finds the session no longer valid. */
export const SIGNED_OUT = 'devzone:signed-out';

/** Signs out here and at the identity provider (the browser goes there and comes back to the sign-in page). */
export async function signOut(): Promise<void> {
  const response = await fetch('/auth/logout', { method: 'POST', headers: current ? { 'x-csrf-token': current.csrfToken } : {} });
  current = null;
  const { redirect } = (await response.json().catch(() => ({ redirect: '/' }))) as { redirect?: string };
  window.location.assign(redirect ?? '/');
}

/** The CSRF token of the signed-in person, sent with every change (the console server checks it). */
export const csrfToken = (): string | null => current?.csrfToken ?? null;

/** A request found the session ended (signed out elsewhere, or idle at the identity provider): back to the sign-in page. */
export function sessionEnded(): void {
  if (!current) return;
  current = null;
  window.dispatchEvent(new Event(SIGNED_OUT));
}
