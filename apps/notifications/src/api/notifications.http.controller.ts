import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, In, IsNull } from 'typeorm';
import { CurrentPrincipal, isAdmin, type Principal } from '@devzone/auth';
import { pageOf } from '@devzone/platform';
import { DomainError } from '@devzone/shared-kernel';
import { DeliveryAttemptOrm, NotificationOrm, RecipientOrm, RuleOrm } from '../infrastructure/orm-entities';
import { ownRecipient, recipientsOf } from '../application/recipients';
import { InboxQuery, NotificationsQuery, PreferencesRequest } from './requests.dto';

/** The caller's recipients' ids (admins: undefined, meaning anyone's). */
async function readable(dataSource: DataSource, p: Principal): Promise<string[] | undefined> {
  return isAdmin(p) ? undefined : (await recipientsOf(dataSource.manager, p.sub)).map((r) => r.id);
}

/**
 * The caller's own messages and preferences: a person is the recipients that
 * carry their subject (the identity provider's), so no id of a person appears
 * in these addresses.
 */
@ApiTags('inbox 站内信与偏好')
@Controller('me')
export class MeController {
  constructor(private readonly dataSource: DataSource) {}

  private async mine(p: Principal): Promise<string[]> {
    return (await recipientsOf(this.dataSource.manager, p.sub)).map((r) => r.id);
  }

  private preferencesOf(r: RecipientOrm) {
    return { name: r.name, channels: r.channels, email: r.email, webhookUrl: r.webhookUrl, webhookSecretSet: !!r.webhookSecret, quietHours: r.quietStart ? { start: r.quietStart, end: r.quietEnd } : null, locale: r.locale };
  }

  @Get('preferences')
  @ApiOperation({ summary: '我的接收偏好（首次查看时登记为接收人）(my preferences; registers me as a recipient the first time)' })
  async preferences(@CurrentPrincipal() p: Principal) {
    return this.preferencesOf(await ownRecipient(this.dataSource.manager, p));
  }

  @Put('preferences')
  @ApiOperation({ summary: '修改接收偏好：渠道、邮箱、Webhook、免打扰、语言 (change my preferences)' })
  async setPreferences(@Body() body: PreferencesRequest, @CurrentPrincipal() p: Principal) {
    const r = await ownRecipient(this.dataSource.manager, p);
    const next = { ...r };
    if (body.channels) next.channels = body.channels;
    if (body.email !== undefined) next.email = body.email;
    if (body.webhookUrl !== undefined) next.webhookUrl = body.webhookUrl;
    if (body.webhookSecret !== undefined) next.webhookSecret = body.webhookSecret;
    if (body.quietHours !== undefined) [next.quietStart, next.quietEnd] = body.quietHours ? [body.quietHours.start, body.quietHours.end] : [null, null];
    if (body.locale) next.locale = body.locale;
    if (next.channels.includes('webhook') && next.webhookUrl && !next.webhookSecret) throw DomainError.invalid('webhookSecret', { zh: '启用 Webhook 须设置签名密钥', en: 'a webhook needs a secret' });
    await this.dataSource.getRepository(RecipientOrm).save(next);
    return this.preferencesOf(next);
  }

  @Get('inbox')
  @ApiOperation({ summary: '我的站内信 (my inbox, newest first)' })
  async inbox(@CurrentPrincipal() p: Principal, @Query() q: InboxQuery) {
    const ids = await this.mine(p);
    const { page, pageSize, skip, take } = pageOf(q);
    const [items, total] = await this.dataSource.getRepository(NotificationOrm).findAndCount({
      where: { recipientId: In(ids), channel: 'inbox', ...(q.unread ? { readAt: IsNull() } : {}) },
      select: { id: true, eventId: true, eventType: true, projectId: true, subject: true, text: true, urgent: true, createdAt: true, readAt: true },
      order: { createdAt: 'DESC' },
      skip,
      take,
    });
    return { items, total, page, pageSize, unread: await this.unreadCount(ids) };
  }

  @Get('inbox/unread-count')
  @ApiOperation({ summary: '我的未读消息数 (how many of my messages are unread)' })
  async unread(@CurrentPrincipal() p: Principal) {
    return { unread: await this.unreadCount(await this.mine(p)) };
  }

  private unreadCount(ids: string[]) {
    return this.dataSource.getRepository(NotificationOrm).countBy({ recipientId: In(ids), channel: 'inbox', readAt: IsNull() });
  }

  @Post('inbox/:notificationId/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标记已读 (mark read)' })
  async read(@CurrentPrincipal() p: Principal, @Param('notificationId', new ParseUUIDPipe()) notificationId: string) {
    const ids = await this.mine(p);
    const repo = this.dataSource.getRepository(NotificationOrm);
    const n = await repo.findOneBy({ id: notificationId, recipientId: In(ids), channel: 'inbox' });
    if (!n) throw DomainError.notFound({ zh: '站内信不存在', en: 'no such inbox entry' }, 'entry-not-found');
    if (!n.readAt) await repo.update({ id: n.id }, { readAt: new Date() });
    return { unread: await this.unreadCount(ids) };
  }

  @Post('inbox/read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '全部标记已读 (mark all read)' })
  async readAll(@CurrentPrincipal() p: Principal) {
    await this.dataSource.getRepository(NotificationOrm).update({ recipientId: In(await this.mine(p)), channel: 'inbox', readAt: IsNull() }, { readAt: new Date() });
    return { unread: 0 };
  }
}

@ApiTags('delivery 投递记录')
@Controller()
export class DeliveryController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('rules')
  @ApiOperation({ summary: '通知规则：事件 → 接收人 → 渠道 (the rules)' })
  rules() {
    return this.dataSource.getRepository(RuleOrm).find({ order: { eventType: 'ASC' } });
  }

  @Get('notifications')
  @ApiOperation({ summary: '通知及其投递状态：本人的；管理员按事件或接收人 (notifications and their delivery state: mine; an admin by event or recipient)' })
  async list(@Query() q: NotificationsQuery, @CurrentPrincipal() p: Principal) {
    // Not an admin: only the caller's own notifications, whatever was asked; an admin names an event or a recipient.
    const own = (await readable(this.dataSource, p))?.filter((r) => !q.recipientId || r === q.recipientId);
    if (!own && !q.eventId && !q.recipientId) throw DomainError.invalid('eventId', { zh: '请按事件或接收人查询', en: 'give eventId or recipientId' });
    const recipient = own ? In(own) : q.recipientId;
    const { page, pageSize, skip, take } = pageOf(q);
    const [items, total] = await this.dataSource.getRepository(NotificationOrm).findAndCount({
      where: { ...(q.eventId ? { eventId: q.eventId } : {}), ...(recipient ? { recipientId: recipient } : {}) },
      select: { id: true, eventId: true, eventType: true, recipientId: true, channel: true, status: true, attempts: true, lastError: true, sentAt: true, createdAt: true, subject: true },
      order: { createdAt: 'ASC', channel: 'ASC' },
      skip,
      take,
    });
    return { items, total, page, pageSize };
  }

  @Get('notifications/:id')
  @ApiOperation({ summary: '一条通知及其投递日志 (one notification with its delivery log)' })
  async one(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal) {
    const n = await this.dataSource.getRepository(NotificationOrm).findOneBy({ id });
    const own = await readable(this.dataSource, p);
    if (!n || (own && !own.includes(n.recipientId))) throw DomainError.notFound({ zh: '通知不存在', en: `no notification ${id}` }, 'notification-not-found');
    const deliveryLog = await this.dataSource.getRepository(DeliveryAttemptOrm).find({ where: { notificationId: id }, order: { attempt: 'ASC' } });
    return { ...n, deliveryLog };
  }
}
