import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationFailed, type Actor } from '@devzone/contracts';
import { commandUnit, Outbox } from '@devzone/messaging';
import { ScheduledCheck } from '@devzone/platform';
import { retryDelay } from '../domain/delivery';
import { DeliveryAttemptOrm, NotificationOrm, RecipientOrm } from '../infrastructure/orm-entities';
import { EmailChannel, WebhookChannel, type SendResult } from './channels';

const SYSTEM: Actor = { id: 'notifications-dispatcher', role: 'system' };

/**
 * Sends pending e-mails and webhooks. Rows are claimed with a lease (FOR UPDATE
 * SKIP LOCKED), sent outside any transaction, and the outcome recorded: sent; or
 * another attempt after an exponential back-off with jitter; or, after the last
 * attempt, failed with notification.failed published. A dispatcher that dies
 * mid-send leaves the lease to expire and the row is sent again (at least once).
 */
@Injectable()
export class Dispatcher extends ScheduledCheck {
  private readonly maxAttempts = Number(process.env['NOTIFICATIONS_MAX_ATTEMPTS'] ?? 5);
  private readonly baseMs = Number(process.env['NOTIFICATIONS_RETRY_BASE_MS'] ?? 2_000);
  private readonly maxMs = Number(process.env['NOTIFICATIONS_RETRY_MAX_MS'] ?? 300_000);

  constructor(
    dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly email: EmailChannel,
    private readonly webhook: WebhookChannel,
  ) {
    super(dataSource, 'notifications-dispatch', 'NOTIFICATIONS_DISPATCH_INTERVAL_MS', 1_000);
  }

  async run(): Promise<{ sent: number; retried: number; failed: number }> {
    const report = { sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const claimed: NotificationOrm[] = await this.dataSource.getRepository(NotificationOrm).query(
        `WITH due AS (
           SELECT id FROM notifications
            WHERE (status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until < now())
            ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED),
         claimed AS (
           UPDATE notifications n SET status = 'sending', lease_until = now() + interval '60 seconds'
             FROM due WHERE n.id = due.id RETURNING n.id)
         SELECT id FROM claimed`,
      );
      if (!claimed.length) return report;
      const rows = await this.dataSource.getRepository(NotificationOrm).findBy(claimed.map((c) => ({ id: c.id })));
      await Promise.all(rows.map(async (n) => report[await this.deliver(n)]++));
    }
  }

  private async deliver(n: NotificationOrm): Promise<'sent' | 'retried' | 'failed'> {
    const recipient = await this.dataSource.getRepository(RecipientOrm).findOneBy({ id: n.recipientId });
    const started = Date.now();
    const result: SendResult = !recipient
      ? { ok: false, responseCode: null, error: `unknown recipient ${n.recipientId}` }
      : n.channel === 'email'
        ? await this.email.send(n, recipient)
        : await this.webhook.send(n, recipient);
    const attempt = n.attempts + 1;
    return this.dataSource.transaction(async (manager) => {
      await manager.insert(DeliveryAttemptOrm, { notificationId: n.id, attempt, ok: result.ok, responseCode: result.responseCode, error: result.error, durationMs: Date.now() - started });
      if (result.ok) {
        await manager.update(NotificationOrm, { id: n.id }, { status: 'sent', attempts: attempt, sentAt: new Date(), leaseUntil: null, lastError: null });
        return 'sent';
      }
      if (attempt < this.maxAttempts) {
        const next = new Date(Date.now() + retryDelay(attempt, this.baseMs, this.maxMs));
        await manager.update(NotificationOrm, { id: n.id }, { status: 'pending', attempts: attempt, nextAttemptAt: next, leaseUntil: null, lastError: result.error });
        return 'retried';
      }
      await manager.update(NotificationOrm, { id: n.id }, { status: 'failed', attempts: attempt, leaseUntil: null, lastError: result.error });
      await commandUnit(this.outbox, manager, SYSTEM).publish(NotificationFailed, {
        projectId: n.projectId,
        payload: { notificationId: n.id, eventId: n.eventId, eventType: n.eventType, recipientId: n.recipientId, channel: n.channel, attempts: attempt, lastError: result.error ?? 'unknown' },
      });
      this.logger.warn(`notification ${n.id} (${n.channel} to ${n.recipientId}) failed after ${attempt} attempts: ${result.error}`);
      return 'failed';
    });
  }
}
