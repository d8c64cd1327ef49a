import { IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../../registry';
import { Topics } from '../../topics';

export const NOTIFICATION_CHANNELS = ['inbox', 'email', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** A notification could not be delivered on its channel after its last attempt. */
export class NotificationFailedV1 {
  @IsUUID() notificationId!: string;
  @IsUUID() eventId!: string;
  @IsString() @IsNotEmpty() eventType!: string;
  @IsString() @IsNotEmpty() recipientId!: string;
  @IsIn(NOTIFICATION_CHANNELS) channel!: NotificationChannel;
  @IsInt() @Min(1) attempts!: number;
  @IsString() lastError!: string;
}

export const NotificationFailed = defineEvent({ type: 'notification.failed', version: 1, topic: Topics.notification, payload: NotificationFailedV1, title: '通知发送失败' });
