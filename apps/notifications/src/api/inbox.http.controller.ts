import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, In, IsNull } from 'typeorm';
import { CurrentPrincipal, Roles, type Principal } from '@devzone/auth';
import { PageOf, pageOf, type Page } from '@devzone/platform';
import { DomainError } from '@devzone/shared-kernel';
import { INBOX_COMMAND_ROLES } from '../domain/inbox.permissions';
import { NotificationOrm, ProjectOrm, RecipientOrm } from '../infrastructure/orm-entities';
import { ownRecipient, recipientsOf } from '../application/recipients';
import { InboxEntryView, inboxEntryView, type InboxEntryRow, PreferencesView, preferencesView, UnreadCountView } from './inbox.views';
import { InboxQuery, PreferencesRequest } from './requests.dto';

/** An inbox row as SQL answers it. */
interface RawEntry {
  id: string;
  event_id: string;
  event_type: string;
  project_id: string;
  recipient_id: string;
  subject: string;
  text: string;
  urgent: boolean;
  created_at: Date;
  read_at: Date | null;
}

const entryRow = (r: RawEntry): InboxEntryRow => ({
  id: r.id,
  eventId: r.event_id,
  eventType: r.event_type,
  projectId: r.project_id,
  recipientId: r.recipient_id,
  subject: r.subject,
  text: r.text,
  urgent: r.urgent,
  createdAt: r.created_at,
  readAt: r.read_at,
});

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
  @ApiOperation({
    summary:
      '我的站内信：可按项目、类别、紧急、未读筛选；紧急且未读的在前，其余新的在前；未读数见 GET /me/inbox/unread-count (my inbox, filtered by project, kind, urgent, unread; urgent unread first, then newest first)',
  })
  @ApiOkResponse({ type: PageOf(InboxEntryView) })
  async inbox(@CurrentPrincipal() p: Principal, @Query() q: InboxQuery): Promise<Page<InboxEntryView>> {
    const ids = await this.mine(p);
    const { page, pageSize, skip, take } = pageOf(q);
    const params: unknown[] = [ids];
    const where = [`recipient_id = ANY($1)`, `channel = 'inbox'`];
    const filter = (sql: (n: number) => string, value: unknown) => where.push(sql(params.push(value)));
    if (q.unread) where.push('read_at IS NULL');
    if (q.urgent !== undefined) filter((n) => `urgent = $${n}`, q.urgent);
    if (q.projectId) filter((n) => `project_id = $${n}`, q.projectId);
    if (q.eventType) filter((n) => `event_type = $${n}`, q.eventType);
    const sql = where.join(' AND ');
    // Urgent and unread on top: once read, an urgent entry takes its place among the rest by date.
    const rows: RawEntry[] = await this.dataSource.query(
      `SELECT id, event_id, event_type, project_id, recipient_id, subject, text, urgent, created_at, read_at FROM notifications
        WHERE ${sql} ORDER BY (urgent AND read_at IS NULL) DESC, created_at DESC, seq DESC NULLS LAST, id ASC LIMIT ${take} OFFSET ${skip}`,
      params,
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM notifications WHERE ${sql}`, params);
    const projectIds = [...new Set(rows.map((r) => r.project_id))];
    const names = new Map(projectIds.length ? (await this.dataSource.getRepository(ProjectOrm).findBy({ projectId: In(projectIds) })).map((x) => [x.projectId, x.name]) : []);
    const caller = { role: p.role, recipients: ids };
    return { items: rows.map((r) => inboxEntryView(entryRow(r), caller, names.get(r.project_id) ?? null)), total, page, pageSize };
  }

  @Get('inbox/unread-count')
  @ApiOperation({ summary: '我的未读消息数，及其中紧急的 (how many of my messages are unread, and how many of those are urgent)' })
  @ApiOkResponse({ type: UnreadCountView })
  async unread(@CurrentPrincipal() p: Principal): Promise<UnreadCountView> {
    return this.unreadCount(await this.mine(p));
  }

  private async unreadCount(ids: string[]): Promise<UnreadCountView> {
    const [counts]: UnreadCountView[] = await this.dataSource.query(
      `SELECT count(*)::int AS unread, (count(*) FILTER (WHERE urgent))::int AS urgent FROM notifications WHERE recipient_id = ANY($1) AND channel = 'inbox' AND read_at IS NULL`,
      [ids],
    );
    return { unread: counts?.unread ?? 0, urgent: counts?.urgent ?? 0 };
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
    return this.unreadCount(ids);
  }

  @Post('inbox/read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '全部标记已读 (mark all read)' })
  @ApiOkResponse({ type: UnreadCountView, description: '未读数，此后为 0 (the unread count: 0)' })
  async readAll(@CurrentPrincipal() p: Principal): Promise<UnreadCountView> {
    await this.dataSource.getRepository(NotificationOrm).update({ recipientId: In(await this.mine(p)), channel: 'inbox', readAt: IsNull() }, { readAt: new Date() });
    return { unread: 0, urgent: 0 };
  }
}
