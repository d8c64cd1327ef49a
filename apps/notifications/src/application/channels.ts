import { Injectable } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { signWebhook } from '../domain/delivery';
import type { NotificationOrm, RecipientOrm } from '../infrastructure/orm-entities';

/** An e-mail as the dispatcher sends it: a digest of one or more notifications. */
export interface OutgoingEmail {
  digestId: string;
  subject: string;
  text: string;
  html: string;
  notificationIds: string[];
  eventIds: string[];
}

export interface SendResult {
  ok: boolean;
  responseCode: number | null;
  error: string | null;
}

/** E-mail over SMTP with nodemailer; settings from SMTP_* (see docs/notifications.md). */
@Injectable()
export class EmailChannel {
  // Configured when the service is created (the environment is read then).
  private readonly from = process.env['SMTP_FROM'] ?? '开发区项目服务平台 <noreply@devzone.local>';
  private readonly transporter: Transporter = EmailChannel.transport();

  private static transport(): Transporter {
    return createTransport({
      host: process.env['SMTP_HOST'] ?? '127.0.0.1',
      port: Number(process.env['SMTP_PORT'] ?? 1025),
      secure: process.env['SMTP_SECURE'] === 'true',
      ignoreTLS: process.env['SMTP_SECURE'] !== 'true' && process.env['SMTP_STARTTLS'] !== 'true',
      ...(process.env['SMTP_USER'] ? { auth: { user: process.env['SMTP_USER'], pass: process.env['SMTP_PASS'] ?? '' } } : {}),
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
    });
  }

  /**
   * One e-mail: a digest (one or more notifications). Its Message-ID is the
   * digest's: a retry after a crash is the same message, which receiving
   * systems and mail clients recognise as a copy of one they have.
   */
  async send(m: OutgoingEmail, to: RecipientOrm): Promise<SendResult> {
    if (!to.email) return { ok: false, responseCode: null, error: 'the recipient has no e-mail address' };
    try {
      const info = await this.transporter.sendMail({
        from: this.from,
        to: `${to.name} <${to.email}>`,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: `<digest-${m.digestId}@notifications.devzone.local>`,
        headers: { 'X-Devzone-Digest-Id': m.digestId, 'X-Devzone-Notification-Id': m.notificationIds.join(', '), 'X-Devzone-Event-Id': m.eventIds.join(', ') },
      });
      return { ok: true, responseCode: Number(String(info.response).slice(0, 3)) || 250, error: null };
    } catch (error) {
      const e = error as { responseCode?: number; message: string };
      return { ok: false, responseCode: e.responseCode ?? null, error: e.message };
    }
  }
}

/** An HTTP POST of the notification as JSON, signed: X-Devzone-Signature = sha256=HMAC(secret, `${timestamp}.${body}`). */
@Injectable()
export class WebhookChannel {
  private readonly timeoutMs = Number(process.env['NOTIFICATIONS_WEBHOOK_TIMEOUT_MS'] ?? 5_000);

  async send(n: NotificationOrm, to: RecipientOrm): Promise<SendResult> {
    if (!to.webhookUrl || !to.webhookSecret) return { ok: false, responseCode: null, error: 'the recipient has no webhook' };
    const body = JSON.stringify({
      notificationId: n.id,
      eventId: n.eventId,
      eventType: n.eventType,
      projectId: n.projectId,
      recipientId: n.recipientId,
      locale: n.locale,
      subject: n.subject,
      text: n.text,
      payload: n.payload,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      const response = await fetch(to.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-devzone-timestamp': timestamp,
          'x-devzone-signature': `sha256=${signWebhook(to.webhookSecret, timestamp, body)}`,
          'x-devzone-notification-id': n.id,
          'x-devzone-event-id': n.eventId,
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.ok ? { ok: true, responseCode: response.status, error: null } : { ok: false, responseCode: response.status, error: `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, responseCode: null, error: (error as Error).message };
    }
  }
}
