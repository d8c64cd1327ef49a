import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '@devzone/contracts';
import { INBOX_ACTIONS, inboxActions, type InboxAction, type InboxCaller } from '../domain/inbox.permissions';
import { kindName } from '../domain/rules';
import { LOCALES, type Locale } from '../domain/templates';
import type { NotificationOrm, RecipientOrm } from '../infrastructure/orm-entities';

/** 免打扰时段 (quiet hours, China time). */
export class QuietHoursView {
  @ApiProperty({ type: String, example: '22:00', description: '开始 HH:MM (start)' }) start!: string;
  @ApiProperty({ type: String, example: '07:30', description: '结束 HH:MM (end)' }) end!: string;
}

/** 我的接收偏好 (my preferences): GET and PUT /me/preferences. */
export class PreferencesView {
  @ApiProperty({ type: String, description: '姓名（随身份认证服务）(name, from the identity provider)' }) name!: string;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, enumName: 'NotificationChannel', isArray: true, description: '接收渠道 (channels)' }) channels!: NotificationChannel[];
  @ApiProperty({ type: String, nullable: true, example: 'zhangwei@example.cn' }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'https://erp.example.cn/hooks/devzone' }) webhookUrl!: string | null;
  @ApiProperty({ type: Boolean, description: '是否已设置签名密钥（密钥本身从不返回）(whether a webhook secret is set; never the secret)' }) webhookSecretSet!: boolean;
  @ApiProperty({ type: QuietHoursView, nullable: true, description: '免打扰时段，中国时间 (quiet hours, China time)' }) quietHours!: QuietHoursView | null;
  @ApiProperty({ enum: LOCALES, enumName: 'Locale' }) locale!: Locale;
}

export function preferencesView(r: RecipientOrm): PreferencesView {
  return {
    name: r.name,
    channels: r.channels,
    email: r.email,
    webhookUrl: r.webhookUrl,
    webhookSecretSet: !!r.webhookSecret,
    quietHours: r.quietStart && r.quietEnd ? { start: r.quietStart, end: r.quietEnd } : null,
    locale: r.locale,
  };
}

/** 站内信一条 (one message of my inbox): GET /me/inbox. */
export class InboxEntryView {
  @ApiProperty({ type: String, format: 'uuid', description: '通知编号（标记已读时使用）(notification id)' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', description: '来源事件 (the event)' }) eventId!: string;
  @ApiProperty({ type: String, example: 'approval.case-granted', description: '类别（事件类型；按类筛选时使用）(the kind: the event type, as the filter takes it)' }) eventType!: string;
  @ApiProperty({ type: String, example: '审批通过（承诺制批复）', description: '类别名称 (the kind, in Chinese)' }) kindName!: string;
  @ApiProperty({ type: String, format: 'uuid', description: '项目（账号邀请：被邀请人）(the project)' }) projectId!: string;
  @ApiProperty({ type: String, nullable: true, example: '年产5万吨新型建材项目', description: '项目名称；本服务不知道的项目为 null (the project’s name; null when unknown here)' }) projectName!: string | null;
  @ApiProperty({ type: String, example: '承诺制审批已批复：年产5万吨新型建材项目' }) subject!: string;
  @ApiProperty({ type: String }) text!: string;
  @ApiProperty({ type: Boolean, description: '紧急（不受免打扰限制）(urgent: ignores quiet hours)' }) urgent!: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '已读时间，未读为 null (when read; null while unread)' }) readAt!: Date | null;
  @ApiProperty({ enum: INBOX_ACTIONS, enumName: 'InboxAction', isArray: true, description: '当前用户现在可执行的操作：未读时可标记已读 (what the caller may do now: read while unread)' })
  actions!: InboxAction[];
}

/** The fields of an inbox entry the list reads (api/inbox.http.controller.ts selects them). */
export type InboxEntryRow = Pick<NotificationOrm, 'id' | 'eventId' | 'eventType' | 'projectId' | 'recipientId' | 'subject' | 'text' | 'urgent' | 'createdAt' | 'readAt'>;

export function inboxEntryView(n: InboxEntryRow, caller: InboxCaller, projectName: string | null): InboxEntryView {
  return {
    id: n.id,
    eventId: n.eventId,
    eventType: n.eventType,
    kindName: kindName(n.eventType),
    projectId: n.projectId,
    projectName,
    subject: n.subject,
    text: n.text,
    urgent: n.urgent,
    createdAt: n.createdAt,
    readAt: n.readAt,
    actions: inboxActions(n, caller),
  };
}

/** 未读数 (how many of my messages are unread): the unread count, and the answer of read and read-all. */
export class UnreadCountView {
  @ApiProperty({ type: Number, minimum: 0, description: '未读消息数 (unread messages)' }) unread!: number;
  @ApiProperty({ type: Number, minimum: 0, description: '其中紧急的 (of which urgent)' }) urgent!: number;
}
