import { Logger } from '@nestjs/common';
import { KeycloakAdmin, KeycloakAdminError, type Role } from '@devzone/auth';
import { DomainError } from '@devzone/shared-kernel';

/** An account at the identity provider: its subject, what it signs in with, and whether it has a password yet. */
export interface Account {
  userId: string;
  username: string;
  hasPassword: boolean;
}

export interface StaffAccountInput {
  username: string;
  name: string;
  email: string;
  role: Exclude<Role, 'enterprise'>;
  zones: string[];
  department?: string;
}

/**
 * The accounts people sign in with live at the identity provider (Keycloak by
 * default: its admin REST API with the realm's `devzone-admin` service account).
 * An enterprise contact's account is found by its mobile and credit code, or
 * created with the mobile as its sign-in name; a staff account is created by an
 * administrator. Passwords are set by the people themselves, from an invitation.
 */
export abstract class IdentityProvider {
  abstract readonly enabled: boolean;
  abstract enterpriseAccount(contact: { name: string; mobile: string; email?: string }, creditCode: string): Promise<Account>;
  abstract createStaffAccount(input: StaffAccountInput): Promise<Account>;
  abstract hasPassword(userId: string): Promise<boolean>;
  abstract setPassword(userId: string, password: string): Promise<void>;
}

/** Accounts are not provisioned (IDP_ADMIN_URL unset: tests of other things, or a province platform that provisions its own). */
export class NoIdentityProvider extends IdentityProvider {
  readonly enabled = false;
  private refuse(): never {
    throw DomainError.refused({ zh: '未配置统一身份认证的账号管理，无法开通账号', en: 'accounts are not provisioned here (IDP_ADMIN_URL is not set)' }, 'accounts-disabled');
  }
  enterpriseAccount(): Promise<Account> {
    return this.refuse();
  }
  createStaffAccount(): Promise<Account> {
    return this.refuse();
  }
  hasPassword(): Promise<boolean> {
    return this.refuse();
  }
  setPassword(): Promise<void> {
    return this.refuse();
  }
}

/** Keycloak's messages for a refused password, in Chinese. */
const PASSWORD_RULES: Record<string, string> = {
  invalidPasswordMinLengthMessage: '密码长度至少 8 位',
  invalidPasswordMaxLengthMessage: '密码长度不能超过 64 位',
  invalidPasswordNotUsernameMessage: '密码不能与登录名相同',
  invalidPasswordHistoryMessage: '不能使用最近用过的密码',
};

export class KeycloakIdentityProvider extends IdentityProvider {
  readonly enabled = true;
  private readonly logger = new Logger(KeycloakIdentityProvider.name);

  constructor(
    private readonly admin: KeycloakAdmin,
    private readonly realm: string,
  ) {
    super();
  }

  async enterpriseAccount(contact: { name: string; mobile: string; email?: string }, creditCode: string): Promise<Account> {
    const match = { mobile: contact.mobile, credit_code: creditCode };
    const found = (await this.admin.findUsersByAttributes(this.realm, match))[0];
    if (found) return { userId: found.id, username: found.username, hasPassword: await this.admin.hasPassword(this.realm, found.id) };
    // The mobile is the sign-in name; one person may be the contact of two enterprises: the second account gets a suffix.
    const taken = await this.admin.findUserByUsername(this.realm, contact.mobile);
    const username = taken ? `${contact.mobile}-${creditCode.slice(-6).toLowerCase()}` : contact.mobile;
    try {
      const userId = await this.admin.createUser(
        this.realm,
        { username, firstName: contact.name, ...(contact.email ? { email: contact.email } : {}), attributes: { mobile: [contact.mobile], credit_code: [creditCode] } },
        'enterprise',
      );
      this.logger.log(`created the enterprise account ${username} (${userId}) for ${creditCode}`);
      return { userId, username, hasPassword: false };
    } catch (error) {
      // Two registrations for the same new contact at once: the other one created it.
      const again = error instanceof KeycloakAdminError && error.status === 409 ? (await this.admin.findUsersByAttributes(this.realm, match))[0] : undefined;
      if (again) return { userId: again.id, username: again.username, hasPassword: false };
      throw error;
    }
  }

  async createStaffAccount(input: StaffAccountInput): Promise<Account> {
    if (await this.admin.findUserByUsername(this.realm, input.username)) {
      throw DomainError.refused({ zh: `登录名已被使用：${input.username}`, en: `the username ${input.username} is taken` }, 'username-taken');
    }
    const attributes: Record<string, string[]> = { zones: input.zones };
    if (input.department) attributes['department'] = [input.department];
    const userId = await this.admin.createUser(this.realm, { username: input.username, firstName: input.name, email: input.email, attributes }, input.role);
    return { userId, username: input.username, hasPassword: false };
  }

  hasPassword(userId: string): Promise<boolean> {
    return this.admin.hasPassword(this.realm, userId);
  }

  async setPassword(userId: string, password: string): Promise<void> {
    try {
      await this.admin.setPassword(this.realm, userId, password);
    } catch (error) {
      if (error instanceof KeycloakAdminError && error.status === 400) {
        const key = String((error.body as { error?: string; errorMessage?: string } | null)?.errorMessage ?? (error.body as { error?: string } | null)?.error ?? '');
        throw DomainError.invalid('password', { zh: PASSWORD_RULES[key] ?? '密码不符合要求', en: `the identity provider refused the password: ${key}` });
      }
      if (error instanceof KeycloakAdminError && error.status === 404) {
        throw DomainError.notFound({ zh: '账号已不存在，请联系开发区工作人员', en: `no account ${userId} at the identity provider` }, 'account-not-found');
      }
      throw error;
    }
  }
}

/** IDP_ADMIN_URL (Keycloak's address), IDP_REALM, IDP_ADMIN_CLIENT_ID and IDP_ADMIN_CLIENT_SECRET; none: accounts are not provisioned. */
export function identityProviderFromEnv(env: NodeJS.ProcessEnv = process.env): IdentityProvider {
  const url = env['IDP_ADMIN_URL'];
  if (!url) return new NoIdentityProvider();
  const realm = env['IDP_REALM'] || 'devzone';
  const clientSecret = env['IDP_ADMIN_CLIENT_SECRET'];
  if (!clientSecret) throw new Error('IDP_ADMIN_URL is set but IDP_ADMIN_CLIENT_SECRET is not: the devzone-admin client’s secret is needed to create accounts');
  return new KeycloakIdentityProvider(new KeycloakAdmin(url.replace(/\/$/, ''), { realm, clientId: env['IDP_ADMIN_CLIENT_ID'] || 'devzone-admin', clientSecret }), realm);
}
