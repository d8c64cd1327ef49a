import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, In, IsNull } from 'typeorm';
import { CurrentPrincipal, Roles, type Principal } from '@devzone/auth';
import { PageOf, pageOf, type Page } from '@devzone/platform';
import { DomainError } from '@devzone/shared-kernel';
import { INBOX_COMMAND_ROLES } from '../domain/inbox.permissions';
import { NotificationOrm, RecipientOrm } from '../infrastructure/orm-entities';
import { ownRecipient, recipientsOf } from '../application/recipients';
import { InboxEntryView, inboxEntryView, PreferencesView, preferencesView, UnreadCountView } from './inbox.views';
import { InboxQuery, PreferencesRequest } from './requests.dto';

/**
 * The caller's own messages and preferences: a person is the recipients that
 * carry their subject (the identity provider's), so no id of a person appears
 * in these addresses. Every signed-in role has an inbox.
 */
@ApiTags('inbox 站内信与偏好')
@Controller('me')
export class MeController {
  constructor(private readonly dataSource: DataSource) {}

  private async mine(p: Principal): Promise<string[]> {
    return (await recipientsOf(this.dataSource.manager, p.sub)).map((r) => r.id);
  }

  @Get('preferences')
  @ApiOperation({ summary: '我的接收偏好（首次查看时登记为接收人）(my preferences; registers me as a recipient the first time)' })
  @ApiOkResponse({ type: PreferencesView })
  async preferences(@CurrentPrincipal() p: Principal): Promise<PreferencesView> {
    return preferencesView(await ownRecipient(this.dataSource.manager, p));
  }

  @Put('preferences')
  @ApiOperation({ summary: '修改接收偏好：渠道、邮箱、Webhook、免打扰、语言 (change my preferences)' })
  @ApiOkResponse({ type: PreferencesView, description: '修改后的偏好 (the preferences as changed)' })
  async setPreferences(@Body() body: PreferencesRequest, @CurrentPrincipal() p: Principal): Promise<PreferencesView> {
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
    return preferencesView(next);
  }

  @Get('inbox')
  @ApiOperation({ summary: '我的站内信，新的在前；未读数见 GET /me/inbox/unread-count (my inbox, newest first; the unread count is GET /me/inbox/unread-count)' })
  @ApiOkResponse({ type: PageOf(InboxEntryView) })
  async inbox(@CurrentPrincipal() p: Principal, @Query() q: InboxQuery): Promise<Page<InboxEntryView>> {
    const ids = await this.mine(p);
    const { page, pageSize, skip, take } = pageOf(q);
    const [rows, total] = await this.dataSource.getRepository(NotificationOrm).findAndCount({
      where: { recipientId: In(ids), channel: 'inbox', ...(q.unread ? { readAt: IsNull() } : {}) },
      select: { id: true, eventId: true, eventType: true, projectId: true, recipientId: true, subject: true, text: true, urgent: true, createdAt: true, readAt: true },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip,
      take,
    });
    const caller = { role: p.role, recipients: ids };
    return { items: rows.map((n) => inboxEntryView(n, caller)), total, page, pageSize };
  }

  @Get('inbox/unread-count')
  @ApiOperation({ summary: '我的未读消息数 (how many of my messages are unread)' })
  @ApiOkResponse({ type: UnreadCountView })
  async unread(@CurrentPrincipal() p: Principal): Promise<UnreadCountView> {
    return { unread: await this.unreadCount(await this.mine(p)) };
  }

  private unreadCount(ids: string[]) {
    return this.dataSource.getRepository(NotificationOrm).countBy({ recipientId: In(ids), channel: 'inbox', readAt: IsNull() });
  }

  @Post('inbox/:notificationId/read')
  @HttpCode(200)
  @Roles(...INBOX_COMMAND_ROLES.read)
  @ApiOperation({ summary: '标记已读（站内信的 actions 含 read 时可用）(mark read; offered while the entry’s actions include read)' })
  @ApiOkResponse({ type: UnreadCountView, description: '标记后的未读数 (the unread count afterwards)' })
  @ApiNotFoundResponse({ description: '站内信不存在或不是我的 (no such inbox entry of mine)' })
  async read(@CurrentPrincipal() p: Principal, @Param('notificationId', new ParseUUIDPipe()) notificationId: string): Promise<UnreadCountView> {
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
  @ApiOkResponse({ type: UnreadCountView, description: '未读数，此后为 0 (the unread count: 0)' })
  async readAll(@CurrentPrincipal() p: Principal): Promise<UnreadCountView> {
    await this.dataSource.getRepository(NotificationOrm).update({ recipientId: In(await this.mine(p)), channel: 'inbox', readAt: IsNull() }, { readAt: new Date() });
    return { unread: 0 };
  }
}
