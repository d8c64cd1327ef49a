import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, In, IsNull } from 'typeorm';
import { CurrentPrincipal, isAdmin, recipientIdsOf, type Principal } from '@devzone/auth';
import { pageOf } from '@devzone/platform';
import { DomainError } from '@devzone/shared-kernel';
import { DeliveryAttemptOrm, NotificationOrm, RecipientOrm, RuleOrm } from '../infrastructure/orm-entities';
import { InboxQuery, NotificationsQuery, PreferencesRequest, RECIPIENT_ID, RecipientRequest } from './requests.dto';

function recipientId(id: string): string {
  if (!RECIPIENT_ID.test(id)) throw DomainError.invalid('recipientId', { zh: '接收人标识应为 ent:/agent:/officer: 加标识', en: 'a recipient id is ent:…, agent:… or officer:…' });
  return id;
}

/** Admins read every recipient; everyone else only the recipient ids their token stands for. */
const mayRead = (p: Principal, recipient: string) => isAdmin(p) || recipientIdsOf(p).includes(recipient);

@ApiTags('inbox 站内信与偏好')
@Controller('recipients')
export class RecipientsController {
  constructor(private readonly dataSource: DataSource) {}

  /** The recipient, if it is the caller (or the caller is an admin): anyone else's is 404. */
  private async recipient(id: string, p: Principal): Promise<RecipientOrm> {
    const r = mayRead(p, recipientId(id)) ? await this.dataSource.getRepository(RecipientOrm).findOneBy({ id }) : null;
    if (!r) throw DomainError.notFound({ zh: `接收人不存在：${id}`, en: `no recipient ${id}` }, 'recipient-not-found');
    return r;
  }

  @Post()
  @ApiOperation({ summary: '登记接收人（如开发区审批官员）(register a recipient, e.g. a zone officer)' })
  async register(@Body() body: RecipientRequest, @CurrentPrincipal() p: Principal) {
    if (!mayRead(p, body.id)) throw DomainError.forbidden({ zh: '只能登记本人为接收人（管理员除外）', en: 'you may register only yourself as a recipient' }, 'not-yourself');
    const repo = this.dataSource.getRepository(RecipientOrm);
    if (await repo.existsBy({ id: body.id })) throw DomainError.refused({ zh: `接收人 ${body.id} 已存在`, en: `recipient ${body.id} exists` }, 'recipient-exists');
    const kind = body.id.split(':')[0] === 'ent' ? 'enterprise' : (body.id.split(':')[0] as 'agent' | 'officer');
    return repo.save(
      repo.create({
        id: body.id,
        kind,
        name: body.name,
        zoneCode: body.zoneCode ?? null,
        email: body.email ?? null,
        webhookUrl: body.webhookUrl ?? null,
        webhookSecret: body.webhookSecret ?? null,
        channels: body.channels ?? ['inbox', 'email', 'webhook'],
        quietStart: body.quietHours?.start ?? null,
        quietEnd: body.quietHours?.end ?? null,
        locale: body.locale ?? 'zh-CN',
      }),
    );
  }

  @Get(':id/preferences')
  async preferences(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    const r = await this.recipient(id, p);
    return { id: r.id, name: r.name, channels: r.channels, email: r.email, webhookUrl: r.webhookUrl, webhookSecretSet: !!r.webhookSecret, quietHours: r.quietStart ? { start: r.quietStart, end: r.quietEnd } : null, locale: r.locale };
  }

  @Put(':id/preferences')
  @ApiOperation({ summary: '修改接收偏好：渠道、邮箱、Webhook、免打扰、语言 (change preferences)' })
  async setPreferences(@Param('id') id: string, @Body() body: PreferencesRequest, @CurrentPrincipal() p: Principal) {
    const r = await this.recipient(id, p);
    const next = { ...r };
    if (body.channels) next.channels = body.channels;
    if (body.email !== undefined) next.email = body.email;
    if (body.webhookUrl !== undefined) next.webhookUrl = body.webhookUrl;
    if (body.webhookSecret !== undefined) next.webhookSecret = body.webhookSecret;
    if (body.quietHours !== undefined) [next.quietStart, next.quietEnd] = body.quietHours ? [body.quietHours.start, body.quietHours.end] : [null, null];
    if (body.locale) next.locale = body.locale;
    if (next.channels.includes('webhook') && next.webhookUrl && !next.webhookSecret) throw DomainError.invalid('webhookSecret', { zh: '启用 Webhook 须设置签名密钥', en: 'a webhook needs a secret' });
    await this.dataSource.getRepository(RecipientOrm).save(next);
    return this.preferences(id, p);
  }

  @Get(':id/inbox')
  @ApiOperation({ summary: '站内信 (the inbox, newest first)' })
  async inbox(@Param('id') id: string, @CurrentPrincipal() p: Principal, @Query() q: InboxQuery) {
    await this.recipient(id, p);
    const { page, pageSize, skip, take } = pageOf(q);
    const [items, total] = await this.dataSource.getRepository(NotificationOrm).findAndCount({
      where: { recipientId: id, channel: 'inbox', ...(q.unread ? { readAt: IsNull() } : {}) },
      select: { id: true, eventId: true, eventType: true, projectId: true, subject: true, text: true, urgent: true, createdAt: true, readAt: true },
      order: { createdAt: 'DESC' },
      skip,
      take,
    });
    return { items, total, page, pageSize, unread: await this.unreadCount(id) };
  }

  @Get(':id/inbox/unread-count')
  async unread(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    await this.recipient(id, p);
    return { unread: await this.unreadCount(id) };
  }

  private unreadCount(id: string) {
    return this.dataSource.getRepository(NotificationOrm).countBy({ recipientId: id, channel: 'inbox', readAt: IsNull() });
  }

  @Post(':id/inbox/:notificationId/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标记已读 (mark read)' })
  async read(@Param('id') id: string, @CurrentPrincipal() p: Principal, @Param('notificationId', new ParseUUIDPipe()) notificationId: string) {
    await this.recipient(id, p);
    const repo = this.dataSource.getRepository(NotificationOrm);
    const n = await repo.findOneBy({ id: notificationId, recipientId: id, channel: 'inbox' });
    if (!n) throw DomainError.notFound({ zh: '站内信不存在', en: 'no such inbox entry' }, 'entry-not-found');
    if (!n.readAt) await repo.update({ id: n.id }, { readAt: new Date() });
    return { unread: await this.unreadCount(id) };
  }

  @Post(':id/inbox/read-all')
  @HttpCode(200)
  async readAll(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    await this.recipient(id, p);
    await this.dataSource.getRepository(NotificationOrm).update({ recipientId: id, channel: 'inbox', readAt: IsNull() }, { readAt: new Date() });
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
  @ApiOperation({ summary: '通知及其投递状态 (notifications and their delivery state)' })
  async list(@Query() q: NotificationsQuery, @CurrentPrincipal() p: Principal) {
    if (!q.eventId && !q.recipientId) throw DomainError.invalid('eventId', { zh: '请按事件或接收人查询', en: 'give eventId or recipientId' });
    // Not an admin: only the caller's own notifications, whatever was asked.
    const own = isAdmin(p) ? undefined : recipientIdsOf(p).filter((r) => !q.recipientId || r === q.recipientId);
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
    if (!n || !mayRead(p, n.recipientId)) throw DomainError.notFound({ zh: '通知不存在', en: `no notification ${id}` }, 'notification-not-found');
    const deliveryLog = await this.dataSource.getRepository(DeliveryAttemptOrm).find({ where: { notificationId: id }, order: { attempt: 'ASC' } });
    return { ...n, deliveryLog };
  }
}
