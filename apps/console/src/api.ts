import { zhText } from './zh';

/** The services' APIs through the console server (/api/<service>/…), with the signed-in user's token. */
export type Service = 'project-intake' | 'commitment-approval' | 'standard-land' | 'agency' | 'notifications';

export interface Issue {
  field: string;
  reason: string;
}

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
            issues: Array.isArray(body.issues) ? body.issues.map((i: Issue) => ({ field: i.field, reason: zhText(i.reason) })) : [],
          }
        : { message: failed, issues: [] };
    super(zh.message);
    this.body = zh;
  }
  get issues(): Issue[] {
    return Array.isArray(this.body?.issues) ? this.body.issues : [];
  }
}

export interface Session {
  token: string;
  user: { sub: string; name: string; role: Role; zones: string[]; creditCode?: string; mobile?: string; title: string };
}
export type Role = 'zone-officer' | 'agency-agent' | 'agency-supervisor' | 'enterprise' | 'zone-manager' | 'province-manager' | 'admin';

export const ROLE_ZH: Record<Role, string> = {
  'zone-officer': '审批专员',
  'agency-agent': '代办员',
  'agency-supervisor': '代办专班负责人',
  enterprise: '企业',
  'zone-manager': '开发区管理者',
  'province-manager': '省级管理者',
  admin: '系统管理员',
};

const KEY = 'devzone.session';
export const session = (): Session | null => {
  const raw = sessionStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
};
export const signIn = (s: Session) => sessionStorage.setItem(KEY, JSON.stringify(s));
export const signOut = () => sessionStorage.removeItem(KEY);
/** Fired on window when a request finds the session no longer valid. */
export const SIGNED_OUT = 'devzone:signed-out';

export async function api<T = Json>(service: Service, path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  const s = session();
  const response = await fetch(`/api/${service}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...(s ? { authorization: `Bearer ${s.token}` } : {}) },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (response.status === 401 && s) {
    // The token expired (12 h) or the keys changed: back to the sign-in page.
    signOut();
    window.dispatchEvent(new Event(SIGNED_OUT));
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body as T;
}

/** The recipient id the signed-in user reads the inbox of (as the notifications service names it). */
export function myRecipientId(s: Session): string {
  if (s.user.role === 'enterprise') return `ent:${s.user.mobile ?? ''}`;
  if (s.user.role === 'agency-agent' || s.user.role === 'agency-supervisor') return `agent:${s.user.sub}`;
  return `officer:${s.user.sub}`;
}
