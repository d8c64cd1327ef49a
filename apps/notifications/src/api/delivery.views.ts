import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '@devzone/contracts';
import { kindName, RECIPIENT_KINDS, type RecipientKind } from '../domain/rules';
import { LOCALES, type Locale } from '../domain/templates';
import { NOTIFICATION_STATUSES, type DeliveryAttemptOrm, type EmailDigestOrm, type NotificationOrm, type NotificationStatus, type RuleOrm } from '../infrastructure/orm-entities';

const CHANNEL = { enum: NOTIFICATION_CHANNELS, enumName: 'NotificationChannel' } as const;
const STATUS = { enum: NOTIFICATION_STATUSES, enumName: 'NotificationStatus', description: '站内信创建即 delivered；邮件、Webhook：pending → sending → sent | failed (inbox: delivered at once; e-mail, webhook: pending → sending → sent | failed)' } as const;

/** 通知规则一条 (one rule): event type → recipients → channels. GET /rules. */
export class NotificationRuleView {
  @ApiProperty({ type: String, example: 'approval.case-granted' }) eventType!: string;
  @ApiProperty({ type: String, example: '审批通过（承诺制批复）', description: '类别名称（站内信按类筛选的选项）(the kind, in Chinese: the inbox’s kind filter offers these)' }) name!: string;
  @ApiProperty({ enum: RECIPIENT_KINDS, enumName: 'RecipientKind', isArray: true, description: '接收人 (recipients)' }) recipients!: RecipientKind[];
  @ApiProperty({ ...CHANNEL, isArray: true, description: '渠道 (channels)' }) channels!: NotificationChannel[];
  @ApiProperty({ type: Boolean, description: '紧急（不受免打扰限制）(urgent: ignores quiet hours)' }) urgent!: boolean;
}

export const notificationRuleView = (r: RuleOrm): NotificationRuleView => ({ eventType: r.eventType, name: kindName(r.eventType), recipients: r.recipients, channels: r.channels, urgent: r.urgent });

/** 汇总邮件 (the e-mail a notification went out in): one per recipient, project and digest window, listing its notifications. */
export class DigestRefView {
  @ApiProperty({ type: String, format: 'uuid', description: '汇总邮件编号（邮件的 Message-ID 与 X-Devzone-Digest-Id 含此编号）(the digest; its Message-ID and X-Devzone-Digest-Id carry it)' }) id!: string;
  @ApiProperty({ type: String, example: '【年产5万吨新型建材项目】14 项审批事项已准予', description: '邮件主题 (the e-mail’s subject)' }) subject!: string;
  @ApiProperty({ type: Number, minimum: 1, description: '邮件列出的通知数 (how many notifications it lists)' }) size!: number;
  @ApiProperty(STATUS) status!: NotificationStatus;
}

export const digestRefView = (d: Pick<EmailDigestOrm, 'id' | 'subject' | 'size' | 'status'>): DigestRefView => ({ id: d.id, subject: d.subject, size: d.size, status: d.status });
const DIGEST = { type: DigestRefView, nullable: true, description: '邮件：所在的汇总邮件（尚未汇总或其他渠道为 null）(e-mail: the digest it goes out in; null before it is made, and for other channels)' } as const;

/** 通知一条及其投递状态 (one notification and its delivery state): GET /notifications. */
export class NotificationItemView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) eventId!: string;
  @ApiProperty({ type: String, example: 'approval.case-granted' }) eventType!: string;
  @ApiProperty({ type: String, example: 'ent:6f1c0d52-2b7e-4c1a-9f3e-5a4b3c2d1e0f', description: '接收人（不透明编号）(recipient, an opaque id)' }) recipientId!: string;
  @ApiProperty(CHANNEL) channel!: NotificationChannel;
  @ApiProperty(STATUS) status!: NotificationStatus;
  @ApiProperty({ type: Number, description: '已尝试投递次数 (delivery attempts so far)' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: '最近一次失败原因 (the last failure)' }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String }) subject!: string;
  @ApiProperty(DIGEST) digest!: DigestRefView | null;
}

/** The fields of a notification the list reads (api/delivery.http.controller.ts selects them). */
export type NotificationItemRow = Pick<NotificationOrm, 'id' | 'eventId' | 'eventType' | 'recipientId' | 'channel' | 'status' | 'attempts' | 'lastError' | 'sentAt' | 'createdAt' | 'subject' | 'digestId'>;

export function notificationItemView(n: NotificationItemRow, digest: DigestRefView | null): NotificationItemView {
  return {
    id: n.id,
    eventId: n.eventId,
    eventType: n.eventType,
    recipientId: n.recipientId,
    channel: n.channel,
    status: n.status,
    attempts: n.attempts,
    lastError: n.lastError,
    sentAt: n.sentAt,
    createdAt: n.createdAt,
    subject: n.subject,
    digest,
  };
}

/** 一次投递尝试 (one delivery attempt). */
export class DeliveryAttemptView {
  @ApiProperty({ type: String, description: '序号（bigint，按字符串）(row id, a bigint as a string)' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) notificationId!: string;
  @ApiProperty({ type: Number, minimum: 1 }) attempt!: number;
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
  @ApiProperty({ type: Boolean }) ok!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'SMTP 或 HTTP 应答码 (SMTP or HTTP response code)' }) responseCode!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: Number, description: '耗时（毫秒）(duration, ms)' }) durationMs!: number;
}

export function deliveryAttemptView(a: DeliveryAttemptOrm): DeliveryAttemptView {
  return { id: a.id, notificationId: a.notificationId, attempt: a.attempt, at: a.at, ok: a.ok, responseCode: a.responseCode, error: a.error, durationMs: a.durationMs };
}

/** 一条通知及其投递日志 (one notification with its delivery log): GET /notifications/:id. */
export class NotificationView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) eventId!: string;
  @ApiProperty({ type: String, example: 'approval.case-granted' }) eventType!: string;
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String, description: '接收人（不透明编号）(recipient, an opaque id)' }) recipientId!: string;
  @ApiProperty(CHANNEL) channel!: NotificationChannel;
  @ApiProperty({ type: Boolean }) urgent!: boolean;
  @ApiProperty({ enum: LOCALES, enumName: 'Locale' }) locale!: Locale;
  @ApiProperty({ type: String }) subject!: string;
  @ApiProperty({ type: String }) text!: string;
  @ApiProperty({ type: String, description: '邮件 HTML 正文 (the e-mail HTML body)' }) html!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '事件内容 (the event payload)' }) payload!: Record<string, unknown>;
  @ApiProperty(STATUS) status!: NotificationStatus;
  @ApiProperty({ type: Number }) attempts!: number;
  @ApiProperty({ type: String, format: 'date-time', description: '下次投递时间 (next attempt due)' }) nextAttemptAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '投递租约到期 (dispatcher lease until)' }) leaseUntil!: Date | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '站内信已读时间 (inbox: when read)' }) readAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty(DIGEST) digest!: DigestRefView | null;
  @ApiProperty({ type: [DeliveryAttemptView], description: '投递日志，按尝试次序 (the delivery log, by attempt)' }) deliveryLog!: DeliveryAttemptView[];
}

export function notificationView(n: NotificationOrm, log: DeliveryAttemptOrm[], digest: DigestRefView | null): NotificationView {
  return {
    id: n.id,
    eventId: n.eventId,
    eventType: n.eventType,
    projectId: n.projectId,
    recipientId: n.recipientId,
    channel: n.channel,
    urgent: n.urgent,
    locale: n.locale,
    subject: n.subject,
    text: n.text,
    html: n.html,
    payload: n.payload,
    status: n.status,
    attempts: n.attempts,
    nextAttemptAt: n.nextAttemptAt,
    leaseUntil: n.leaseUntil,
    lastError: n.lastError,
    sentAt: n.sentAt,
    readAt: n.readAt,
    createdAt: n.createdAt,
    digest,
    deliveryLog: log.map(deliveryAttemptView),
  };
}
