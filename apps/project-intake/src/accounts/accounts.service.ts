import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { ProjectAccountInvited, type Actor, type Contact } from '@devzone/contracts';
import { Outbox } from '@devzone/messaging';
import { DomainError } from '@devzone/shared-kernel';
import { AccountOrm, InvitationOrm } from '../infrastructure/orm-entities';
import { recordTimeline } from '../application/timeline';
import { IdentityProvider, type Account, type StaffAccountInput } from './identity-provider';
import type { AcceptedInvitationView, InvitationView, StaffAccountView } from './accounts.views';

export const ACCOUNTS_CONFIG = Symbol('ACCOUNTS_CONFIG');
export interface AccountsConfig {
  /** Where people open the console: the invitation link points there (CONSOLE_PUBLIC_URL). */
  consoleUrl: string;
  /** How long an invitation link works (INVITATION_TTL_HOURS, 72). */
  invitationTtlHours: number;
}

export const accountsConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): AccountsConfig => ({
  consoleUrl: (env['CONSOLE_PUBLIC_URL'] || 'http://127.0.0.1:3000').replace(/\/$/, ''),
  invitationTtlHours: Number(env['INVITATION_TTL_HOURS'] || 72),
});

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Invitee {
  userId: string;
  username: string;
  name: string;
  email: string;
  role: string;
  enterpriseName?: string;
}

/**
 * People's accounts: an enterprise contact gets one when its project is
 * registered (found at the identity provider by mobile and credit code, or
 * created), a staff member when an administrator creates it. Whoever has no
 * password yet is invited: a one-time link (only its hash is kept) goes out by
 * e-mail through the notifications service (`project.account-invited`), and the
 * person sets the password here, at the identity provider, from that link.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly idp: IdentityProvider,
    @Inject(ACCOUNTS_CONFIG) private readonly config: AccountsConfig,
  ) {}

  /**
   * Before a registration's transaction: each contact's account, by mobile
   * (the identity provider is asked only for contacts not known here with a
   * password). Empty when accounts are not provisioned.
   */
  async contactAccounts(contacts: Pick<Contact, 'name' | 'mobile' | 'email'>[], creditCode: string): Promise<Map<string, Account>> {
    const accounts = new Map<string, Account>();
    if (!this.idp.enabled) return accounts;
    for (const contact of contacts) {
      if (accounts.has(contact.mobile)) continue;
      const known = await this.dataSource.getRepository(AccountOrm).findOne({ where: { kind: 'enterprise', creditCode, mobile: contact.mobile }, order: { createdAt: 'DESC' } });
      accounts.set(contact.mobile, known?.passwordSet ? { userId: known.userId, username: known.username, hasPassword: true } : await this.idp.enterpriseAccount(contact, creditCode));
    }
    return accounts;
  }

  /** In the registration's transaction: remembers the contacts' accounts and invites those without a password (one open invitation at a time). */
  async inviteContacts(manager: EntityManager, project: { id: string; enterpriseName: string; creditCode: string }, contacts: Contact[], accounts: Map<string, Account>, actor: Actor): Promise<void> {
    for (const contact of contacts) {
      const account = accounts.get(contact.mobile);
      if (!account) continue;
      await manager.upsert(
        AccountOrm,
        { userId: account.userId, username: account.username, kind: 'enterprise', role: 'enterprise', creditCode: project.creditCode, mobile: contact.mobile, passwordSet: account.hasPassword },
        ['userId'],
      );
      if (account.hasPassword || !contact.email || (await this.openInvitation(manager, account.userId))) continue;
      await this.invite(manager, { userId: account.userId, username: account.username, name: contact.name, email: contact.email, role: 'enterprise', enterpriseName: project.enterpriseName }, project.id, actor);
    }
  }

  /** 开通工作人员账号 (admin): the account at the identity provider, and an invitation to set its password. */
  async createStaff(input: StaffAccountInput, actor: Actor): Promise<StaffAccountView> {
    // A department officer decides only its own department's items: without a department it could decide none.
    if (input.role === 'department-officer' && !input.department?.trim()) {
      throw DomainError.invalid('department', { zh: '部门审批人员须填写所属部门', en: 'a department-officer needs its department' });
    }
    const account = await this.idp.createStaffAccount(input);
    if (!UUID.test(account.userId)) throw new Error(`the identity provider gave the account ${account.username} the id ${account.userId}, which is not a UUID`);
    const expiresAt = await this.dataSource.transaction(async (manager) => {
      await manager.insert(AccountOrm, { userId: account.userId, username: account.username, kind: 'staff', role: input.role, creditCode: null, mobile: null, passwordSet: false });
      return this.invite(manager, { userId: account.userId, username: account.username, name: input.name, email: input.email, role: input.role }, null, actor);
    });
    return { userId: account.userId, username: account.username, role: input.role, invitationExpiresAt: expiresAt };
  }

  /** What an invitation link is for (the console's set-password page greets the person). */
  async check(token: string): Promise<InvitationView> {
    const { invitation, account } = await this.usable(this.dataSource.manager, token);
    return { username: account.username, name: invitation.name, expiresAt: invitation.expiresAt.toISOString() };
  }

  /** Sets the password from an invitation, once; the person then signs in at the identity provider. */
  async accept(token: string, password: string): Promise<AcceptedInvitationView> {
    return this.dataSource.transaction(async (manager) => {
      const { invitation, account } = await this.usable(manager, token, true);
      await this.idp.setPassword(invitation.userId, password);
      await manager.update(InvitationOrm, { id: invitation.id }, { usedAt: new Date() });
      await manager.update(AccountOrm, { userId: account.userId }, { passwordSet: true });
      return { username: account.username };
    });
  }

  private async usable(manager: EntityManager, token: string, lock = false): Promise<{ invitation: InvitationOrm; account: AccountOrm }> {
    const invitation = await manager.findOne(InvitationOrm, { where: { tokenHash: hashOf(token) }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    const account = invitation && (await manager.findOneBy(AccountOrm, { userId: invitation.userId }));
    if (!invitation || !account) throw DomainError.notFound({ zh: '邀请链接无效，请核对邮件中的链接', en: 'no such invitation' }, 'invitation-not-found');
    if (invitation.usedAt) throw DomainError.refused({ zh: '该邀请已使用过，请直接登录', en: 'the invitation was used already' }, 'invitation-used');
    if (invitation.expiresAt.getTime() <= Date.now()) throw DomainError.refused({ zh: '邀请链接已过期，请联系开发区工作人员重新邀请', en: 'the invitation has expired' }, 'invitation-expired');
    return { invitation, account };
  }

  private openInvitation(manager: EntityManager, userId: string): Promise<boolean> {
    return manager.existsBy(InvitationOrm, { userId, usedAt: IsNull(), expiresAt: MoreThan(new Date()) });
  }

  /** One invitation: its hash kept, its link in the event for the invitee's e-mail, and (for a project) a line on the timeline without the link. */
  private async invite(manager: EntityManager, invitee: Invitee, projectId: string | null, actor: Actor): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.invitationTtlHours * 3_600_000);
    await manager.insert(InvitationOrm, { id: randomUUID(), tokenHash: hashOf(token), userId: invitee.userId, projectId, name: invitee.name, email: invitee.email, expiresAt, usedAt: null });
    const event = await this.outbox.publish(manager, ProjectAccountInvited, {
      // A staff account has no project: its own id keys the event.
      projectId: projectId ?? invitee.userId,
      actor,
      payload: { ...invitee, setPasswordUrl: `${this.config.consoleUrl}/invite#token=${token}`, expiresAt: expiresAt.toISOString() },
    });
    if (projectId) await recordTimeline(manager, event);
    return expiresAt.toISOString();
  }
}
