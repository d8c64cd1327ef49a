import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { NotificationFailed, type Actor } from '@devzone/contracts';
import { commandUnit, Outbox } from '@devzone/messaging';
import { ScheduledCheck } from '@devzone/platform';
import { retryDelay } from '../domain/delivery';
import { DeliveryAttemptOrm, EmailDigestOrm, NotificationOrm, RecipientOrm } from '../infrastructure/orm-entities';
import { EmailChannel, WebhookChannel, type SendResult } from './channels';
import { EmailDigests } from './email-digests';

const SYSTEM: Actor = { id: 'notifications-dispatcher', role: 'system' };
type Outcome = 'sent' | 'retried' | 'failed';

/**
 * Sends pending e-mails and webhooks. E-mails first become digests (one per
 * recipient and project and window, application/email-digests.ts); digests and
 * webhook rows are claimed with a lease (FOR UPDATE SKIP LOCKED), sent outside
 * any transaction, and the outcome recorded on every notification concerned:
 * sent; or another attempt after an exponential back-off with jitter; or, after
 * the last attempt, failed with notification.failed published for each. A
 * dispatcher that dies mid-send leaves the lease to expire and the same message
 * is sent again (at least once): for e-mail the same digest, with the same
 * Message-ID, subject, text and members, never a second digest.
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
    private readonly digests: EmailDigests,
  ) {
    super(dataSource, 'notifications-dispatch', 'NOTIFICATIONS_DISPATCH_INTERVAL_MS', 1_000);
  }

  /** Counts messages sent: an e-mail digest counts once, however many notifications it carries. */
  async run(): Promise<{ digests: number; sent: number; retried: number; failed: number }> {
    const report = { digests: await this.digests.gather(), sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const claimed = await this.digests.claim();
      if (!claimed.length) break;
      await Promise.all(claimed.map(async (d) => report[await this.deliverDigest(d)]++));
    }
    for (;;) {
      const claimed = await this.claimWebhooks();
      if (!claimed.length) break;
      await Promise.all(claimed.map(async (n) => report[await this.deliverWebhook(n)]++));
    }
    return report;
  }

  private async claimWebhooks(): Promise<NotificationOrm[]> {
    const claimed: { id: string }[] = await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM notifications
          WHERE channel = 'webhook' AND ((status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until < now()))
          ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE notifications n SET status = 'sending', lease_until = now() + interval '60 seconds'
           FROM due WHERE n.id = due.id RETURNING n.id)
       SELECT id FROM claimed`,
    );
    return claimed.length ? this.dataSource.getRepository(NotificationOrm).findBy({ id: In(claimed.map((c) => c.id)) }) : [];
  }

  private async recipient(id: string): Promise<RecipientOrm | null> {
    return this.dataSource.getRepository(RecipientOrm).findOneBy({ id });
  }

  private async deliverDigest(d: EmailDigestOrm): Promise<Outcome> {
    const members = await this.digests.members(d.id);
    const recipient = await this.recipient(d.recipientId);
    const started = Date.now();
    const result: SendResult = recipient
      ? await this.email.send({ digestId: d.id, subject: d.subject, text: d.text, html: d.html, notificationIds: members.map((m) => m.id), eventIds: members.map((m) => m.eventId) }, recipient)
      : { ok: false, responseCode: null, error: `unknown recipient ${d.recipientId}` };
    const attempt = d.attempts + 1;
    const outcome = this.outcome(result, attempt);
    const next = this.next(attempt);
    return this.dataSource.transaction(async (manager) => {
      await manager.update(EmailDigestOrm, { id: d.id }, this.changes(outcome, result, attempt, next));
      await this.record(manager, members, result, outcome, next, Date.now() - started);
      return outcome;
    });
  }

  private async deliverWebhook(n: NotificationOrm): Promise<Outcome> {
    const recipient = await this.recipient(n.recipientId);
    const started = Date.now();
    const result: SendResult = recipient ? await this.webhook.send(n, recipient) : { ok: false, responseCode: null, error: `unknown recipient ${n.recipientId}` };
    const outcome = this.outcome(result, n.attempts + 1);
    const next = this.next(n.attempts + 1);
    return this.dataSource.transaction(async (manager) => {
      await this.record(manager, [n], result, outcome, next, Date.now() - started);
      return outcome;
    });
  }

  private outcome(result: SendResult, attempt: number): Outcome {
    return result.ok ? 'sent' : attempt < this.maxAttempts ? 'retried' : 'failed';
  }

  /** When the next attempt is due, after `attempt` failed. */
  private next(attempt: number): Date {
    return new Date(Date.now() + retryDelay(attempt, this.baseMs, this.maxMs));
  }

  /** What an attempt changes on a digest or a notification. */
  private changes(outcome: Outcome, result: SendResult, attempt: number, next: Date) {
    if (outcome === 'sent') return { status: 'sent' as const, attempts: attempt, sentAt: new Date(), leaseUntil: null, lastError: null };
    if (outcome === 'retried') return { status: 'pending' as const, attempts: attempt, nextAttemptAt: next, leaseUntil: null, lastError: result.error };
    return { status: 'failed' as const, attempts: attempt, leaseUntil: null, lastError: result.error };
  }

  /** Each notification's own attempt and status (the log of one event stays per notification); a final failure is published for each. */
  private async record(manager: EntityManager, notifications: NotificationOrm[], result: SendResult, outcome: Outcome, next: Date, durationMs: number): Promise<void> {
    for (const n of notifications) {
      const attempt = n.attempts + 1;
      await manager.insert(DeliveryAttemptOrm, { notificationId: n.id, attempt, ok: result.ok, responseCode: result.responseCode, error: result.error, durationMs });
      await manager.update(NotificationOrm, { id: n.id }, this.changes(outcome, result, attempt, next));
      if (outcome !== 'failed') continue;
      await commandUnit(this.outbox, manager, SYSTEM).publish(NotificationFailed, {
        projectId: n.projectId,
        payload: { notificationId: n.id, eventId: n.eventId, eventType: n.eventType, recipientId: n.recipientId, channel: n.channel, attempts: attempt, lastError: result.error ?? 'unknown' },
      });
      this.logger.warn(`notification ${n.id} (${n.channel} to ${n.recipientId}) failed after ${attempt} attempts: ${result.error}`);
    }
  }
}
