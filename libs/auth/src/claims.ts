import type { Message } from '@devzone/shared-kernel';
import { ROLES, type Principal, type Role } from './principal';

/**
 * Where a token carries what the services need to know of a person. The names
 * are configuration (OIDC_CLAIM_*), so a province's own identity platform can
 * be used instead of the local Keycloak; a dotted name is a path into the
 * claims (`realm_access.roles`). The defaults are what the realm in
 * deploy/keycloak/realm.json puts into its access tokens.
 */
export interface ClaimNames {
  /** A role name, or a list of role names of which exactly one is a product role. */
  role: string;
  /** The zone codes (a list, or one code). */
  zones: string;
  department: string;
  creditCode: string;
  name: string;
  email: string;
}

export const DEFAULT_CLAIMS: ClaimNames = {
  role: 'realm_access.roles',
  zones: 'zones',
  department: 'department',
  creditCode: 'credit_code',
  name: 'name',
  email: 'email',
};

export function claimNamesFromEnv(env: NodeJS.ProcessEnv = process.env): ClaimNames {
  return {
    role: env['OIDC_CLAIM_ROLE'] || DEFAULT_CLAIMS.role,
    zones: env['OIDC_CLAIM_ZONES'] || DEFAULT_CLAIMS.zones,
    department: env['OIDC_CLAIM_DEPARTMENT'] || DEFAULT_CLAIMS.department,
    creditCode: env['OIDC_CLAIM_CREDIT_CODE'] || DEFAULT_CLAIMS.creditCode,
    name: env['OIDC_CLAIM_NAME'] || DEFAULT_CLAIMS.name,
    email: env['OIDC_CLAIM_EMAIL'] || DEFAULT_CLAIMS.email,
  };
}

/** A token whose claims do not describe a person the product knows: 401. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(readonly text: Message) {
    super(`${text.zh} (${text.en})`);
  }
}

type Claims = Record<string, unknown>;

const at = (claims: Claims, path: string): unknown => path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Claims)[key] : undefined), claims);

function put(claims: Claims, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = claims;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Claims;
  node[keys[keys.length - 1]] = value;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function roleOf(value: unknown): Role {
  const named = (Array.isArray(value) ? value : [value]).filter((r): r is Role => ROLES.includes(r as Role));
  if (named.length === 1) return named[0];
  if (named.length > 1) throw new AuthError({ zh: '身份凭证含多个业务角色，无法确定', en: `the token names several product roles: ${named.join(', ')}` });
  throw new AuthError({ zh: '身份凭证角色无效', en: `no product role in the token (${JSON.stringify(value ?? null)})` });
}

/** The person a verified token stands for. */
export function principalFromClaims(claims: Claims, names: ClaimNames = DEFAULT_CLAIMS): Principal {
  const sub = text(claims['sub']);
  if (!sub) throw new AuthError({ zh: '身份凭证缺少用户', en: 'the token has no subject' });
  const role = roleOf(at(claims, names.role));
  const rawZones = at(claims, names.zones) ?? [];
  const zones = typeof rawZones === 'string' ? [rawZones] : rawZones;
  if (!Array.isArray(zones) || !zones.every((z) => typeof z === 'string')) throw new AuthError({ zh: '身份凭证开发区无效', en: 'zones must be a list of zone codes' });
  const creditCode = text(at(claims, names.creditCode));
  if (role === 'enterprise' && !creditCode) throw new AuthError({ zh: '企业身份凭证缺少统一社会信用代码', en: `an enterprise token needs ${names.creditCode}` });
  const department = text(at(claims, names.department));
  const email = text(at(claims, names.email));
  return {
    sub,
    name: text(at(claims, names.name)) ?? text(claims['preferred_username']) ?? sub,
    role,
    zones,
    ...(creditCode ? { creditCode } : {}),
    ...(department ? { department } : {}),
    ...(email ? { email } : {}),
  };
}

/** The claims a token for this principal carries (tests and tools that mint tokens). */
export function claimsOf(principal: Principal, names: ClaimNames = DEFAULT_CLAIMS): Claims {
  const claims: Claims = {};
  put(claims, names.role, names.role === DEFAULT_CLAIMS.role ? [principal.role, 'default-roles-devzone'] : principal.role);
  put(claims, names.zones, principal.zones);
  put(claims, names.name, principal.name);
  if (principal.creditCode) put(claims, names.creditCode, principal.creditCode);
  if (principal.department) put(claims, names.department, principal.department);
  if (principal.email) put(claims, names.email, principal.email);
  return claims;
}
