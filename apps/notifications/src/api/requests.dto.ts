import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '@devzone/contracts';
import { PageQuery } from '@devzone/platform';
import { LOCALES, type Locale } from '../domain/templates';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Recipient ids are opaque: ent:<uuid>, agent:<agent id>, officer:<subject>. */
export const RECIPIENT_ID = /^(ent|agent|officer):[A-Za-z0-9._-]{1,80}$/;

export class QuietHoursRequest {
  @ApiProperty({ type: String, example: '22:00' }) @Matches(HHMM, { message: 'quietHours.start 应为 HH:MM（00:00–23:59）' }) start!: string;
  @ApiProperty({ type: String, example: '07:30' }) @Matches(HHMM, { message: 'quietHours.end 应为 HH:MM（00:00–23:59）' }) end!: string;
}

/** 接收偏好 */
export class PreferencesRequest {
  @ApiPropertyOptional({ enum: NOTIFICATION_CHANNELS, enumName: 'NotificationChannel', isArray: true, description: '接收渠道（站内信始终开启）(channels; the inbox always works)' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @IsIn(NOTIFICATION_CHANNELS, { each: true, message: `channels 应为 ${NOTIFICATION_CHANNELS.join(' / ')}` })
  channels?: NotificationChannel[];

  @ApiPropertyOptional({ type: String, example: 'zhangwei@example.cn', nullable: true })
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsEmail({}, { message: '邮箱格式不正确 (email is not a valid address)' })
  email?: string | null;

  @ApiPropertyOptional({ type: String, example: 'https://erp.example.cn/hooks/devzone', nullable: true })
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'webhookUrl 应为 http(s) 地址' })
  webhookUrl?: string | null;

  @ApiPropertyOptional({ type: String, description: '签名密钥（至少16个字符）(webhook secret, at least 16 characters)', nullable: true })
  @IsOptional() @ValidateIf((_o, v) => v !== null) @IsString() @MinLength(16, { message: 'webhookSecret 至少16个字符 (at least 16 characters)' }) @MaxLength(200)
  webhookSecret?: string | null;

  @ApiPropertyOptional({ type: QuietHoursRequest, nullable: true, description: '免打扰时段（非紧急消息顺延），中国时间 (quiet hours, China time: non-urgent messages wait)' })
  @IsOptional() @ValidateIf((_o, v) => v !== null) @ValidateNested() @Type(() => QuietHoursRequest)
  quietHours?: QuietHoursRequest | null;

  @ApiPropertyOptional({ enum: LOCALES, enumName: 'Locale' }) @IsOptional() @IsIn(LOCALES, { message: `locale 应为 ${LOCALES.join(' / ')}` }) locale?: Locale;
}

const booleanQuery = Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
/** An event type: approval.item-granted. */
export const EVENT_TYPE = /^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$/;

/** 站内信筛选：紧急且未读的在前，其余新的在前 (inbox filters; urgent unread first, then newest first). */
export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ type: Boolean, description: '只看未读 (unread only)' }) @IsOptional() @booleanQuery @IsBoolean({ message: 'unread 应为 true/false' }) unread?: boolean;
  @ApiPropertyOptional({ type: Boolean, description: 'true 只看紧急，false 只看非紧急 (true: urgent only; false: routine only)' }) @IsOptional() @booleanQuery @IsBoolean({ message: 'urgent 应为 true/false' }) urgent?: boolean;
  @ApiPropertyOptional({ type: String, format: 'uuid', description: '只看这个项目的 (one project only)' }) @IsOptional() @IsUUID('all', { message: 'projectId 应为项目编号（UUID）' }) projectId?: string;
  @ApiPropertyOptional({ type: String, example: 'approval.item-granted', description: '只看这一类（事件类型，见 GET /rules）(one kind only: the event type, as GET /rules lists them)' })
  @IsOptional()
  @Matches(EVENT_TYPE, { message: 'eventType 应为事件类型，如 approval.item-granted' })
  eventType?: string;
}

export class NotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ type: String, description: '按事件（管理员）(by event; an admin)' }) @IsOptional() @IsString() @IsNotEmpty() eventId?: string;
  @ApiPropertyOptional({ type: String, description: '按接收人（管理员；其他人只看自己的）(by recipient; an admin)' }) @IsOptional() @Matches(RECIPIENT_ID) recipientId?: string;
}
