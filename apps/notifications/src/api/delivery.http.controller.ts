import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, In } from 'typeorm';
import { CurrentPrincipal, isAdmin, type Principal } from '@devzone/auth';
import { PageOf, pageOf, PageQuery, type Page } from '@devzone/platform';
import { DomainError } from '@devzone/shared-kernel';
import { DeliveryAttemptOrm, EmailDigestOrm, NotificationOrm, RuleOrm } from '../infrastructure/orm-entities';
import { recipientsOf } from '../application/recipients';
import { digestRefView, type DigestRefView, NotificationItemView, notificationItemView, NotificationRuleView, notificationRuleView, NotificationView, notificationView } from './delivery.views';
import { NotificationsQuery } from './requests.dto';

/** The caller's recipients' ids (admins: undefined, meaning anyone's). */
async function readable(dataSource: DataSource, p: Principal): Promise<string[] | undefined> {
  return isAdmin(p) ? undefined : (await recipientsOf(dataSource.manager, p.sub)).map((r) => r.id);
}

/** The rules, and the delivery log: every signed-in role reads its own; an admin reads anyone's. */
@ApiTags('delivery 投递记录')
@Controller()
export class DeliveryController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('rules')
  @ApiOperation({ summary: '通知规则：事件 → 接收人 → 渠道，按事件类型排序 (the rules, by event type)' })
  @ApiOkResponse({ type: PageOf(NotificationRuleView) })
  async rules(@Query() q: PageQuery): Promise<Page<NotificationRuleView>> {
    const { page, pageSize, skip, take } = pageOf(q);
    const [rows, total] = await this.dataSource.getRepository(RuleOrm).findAndCount({ order: { eventType: 'ASC' }, skip, take });
    return { items: rows.map(notificationRuleView), total, page, pageSize };
  }

  @Get('notifications')
  @ApiOperation({ summary: '通知及其投递状态：本人的；管理员按事件或接收人 (notifications and their delivery state: mine; an admin by event or recipient)' })
  @ApiOkResponse({ type: PageOf(NotificationItemView) })
  async list(@Query() q: NotificationsQuery, @CurrentPrincipal() p: Principal): Promise<Page<NotificationItemView>> {
    // Not an admin: only the caller's own notifications, whatever was asked; an admin names an event or a recipient.
    const own = (await readable(this.dataSource, p))?.filter((r) => !q.recipientId || r === q.recipientId);
    if (!own && !q.eventId && !q.recipientId) throw DomainError.invalid('eventId', { zh: '请按事件或接收人查询', en: 'give eventId or recipientId' });
    const recipient = own ? In(own) : q.recipientId;
    const { page, pageSize, skip, take } = pageOf(q);
    const [rows, total] = await this.dataSource.getRepository(NotificationOrm).findAndCount({
      where: { ...(q.eventId ? { eventId: q.eventId } : {}), ...(recipient ? { recipientId: recipient } : {}) },
      select: { id: true, eventId: true, eventType: true, recipientId: true, channel: true, status: true, attempts: true, lastError: true, sentAt: true, createdAt: true, subject: true, digestId: true },
      order: { createdAt: 'ASC', channel: 'ASC' },
      skip,
      take,
    });
    const digests = await this.digests(rows.flatMap((n) => (n.digestId ? [n.digestId] : [])));
    return { items: rows.map((n) => notificationItemView(n, (n.digestId && digests.get(n.digestId)) || null)), total, page, pageSize };
  }

  /** The digests of a page of notifications, in one query. */
  private async digests(ids: string[]): Promise<Map<string, DigestRefView>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.getRepository(EmailDigestOrm).find({ where: { id: In([...new Set(ids)]) }, select: { id: true, subject: true, size: true, status: true } });
    return new Map(rows.map((d) => [d.id, digestRefView(d)]));
  }

  @Get('notifications/:id')
  @ApiOperation({ summary: '一条通知及其投递日志 (one notification with its delivery log)' })
  @ApiOkResponse({ type: NotificationView })
  @ApiNotFoundResponse({ description: '通知不存在，或不是我的（管理员可看任何一条）(no such notification of mine; an admin sees any)' })
  async one(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() p: Principal): Promise<NotificationView> {
    const n = await this.dataSource.getRepository(NotificationOrm).findOneBy({ id });
    const own = await readable(this.dataSource, p);
    if (!n || (own && !own.includes(n.recipientId))) throw DomainError.notFound({ zh: '通知不存在', en: `no notification ${id}` }, 'notification-not-found');
    const log = await this.dataSource.getRepository(DeliveryAttemptOrm).find({ where: { notificationId: id }, order: { attempt: 'ASC' } });
    const digest = n.digestId ? ((await this.digests([n.digestId])).get(n.digestId) ?? null) : null;
    return notificationView(n, log, digest);
  }
}
