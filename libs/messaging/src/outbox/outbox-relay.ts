import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import type { PoolClient, Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { messagingMetrics } from '../metrics';
import type { RelayOptions } from '../messaging.options';
import { backoff } from '../retry';

interface OutboxRow {
  id: string;
  seq: string;
  topic: string;
  key: string;
  event_type: string;
  event: { version: number };
}

/**
 * Publishes the outbox to Kafka. Each round claims a batch of unsent rows
 * (FOR UPDATE SKIP LOCKED plus a lease, so a relay that dies loses its claim),
 * sends it in one call per round (idempotent producer, acks=all, key = projectId),
 * and marks it sent. A crash between publishing and marking means the batch is
 * published again later: at-least-once, never lost; consumers dedupe by event id.
 *
 * Rounds are woken by NOTIFY on commit (see the migration's trigger), with a
 * polling interval beside it. Failures (broker down, database down) back off
 * and retry forever.
 *
 * Per-project order: rows are claimed in seq order, and a row is not claimed
 * while an earlier row of the same key is held by another relay (see the
 * claim function in the migration).
 */
export class OutboxRelay {
  private readonly logger: Logger;
  private readonly relayId = randomUUID();
  private producer?: Producer;
  private listener?: PoolClient;
  private running = false;
  private loop?: Promise<void>;
  private wake?: (reason: 'notify' | 'stop') => void;
  private notified = false;
  private lastCleanup = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    private readonly service: string,
    private readonly options: RelayOptions,
  ) {
    this.logger = new Logger(`OutboxRelay:${service}`);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  /** Stops the loop, publishes what is still pending (up to `flushTimeoutMs`), disconnects. */
  async stop(flushTimeoutMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.('stop');
    await this.loop;
    const deadline = Date.now() + flushTimeoutMs;
    try {
      while (Date.now() < deadline && (await this.relayOnce()) > 0) {
        /* drain */
      }
    } catch (error) {
      this.logger.warn(`flush on shutdown stopped: ${(error as Error).message}; unsent rows stay in the outbox`);
    }
    await this.unlisten();
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = undefined;
  }

  /** One round: claim, publish, mark sent. Returns how many events were published. */
  async relayOnce(): Promise<number> {
    const rows = await this.claim();
    if (!rows.length) return 0;
    try {
      await this.publish(rows);
    } catch (error) {
      await this.release(rows, error as Error).catch(() => undefined);
      throw error;
    }
    await this.options.afterPublish?.(rows.map((r) => r.id));
    await this.dataSource.query(
      `UPDATE messaging_outbox SET sent_at = now(), locked_until = NULL, last_error = NULL WHERE id = ANY($1::uuid[])`,
      [rows.map((r) => r.id)],
    );
    messagingMetrics.published.inc({ service: this.service }, rows.length);
    return rows.length;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const published = await this.relayOnce();
        if (failures) this.logger.log(`publishing again after ${failures} failed round(s)`);
        failures = 0;
        await this.cleanup();
        if (published < this.options.batchSize) await this.idle(this.options.pollIntervalMs);
      } catch (error) {
        failures++;
        messagingMetrics.publishFailures.inc({ service: this.service });
        const delay = backoff(failures, 200, 5_000);
        this.logger.warn(`relay round failed (${failures}), retrying in ${delay} ms: ${(error as Error).message}`);
        await this.resetProducer();
        await this.idle(delay, false);
      }
    }
  }

  private async claim(): Promise<OutboxRow[]> {
    // One round trip: see messaging_outbox_claim() in the migration.
    const rows: OutboxRow[] = await this.dataSource.query(`SELECT * FROM messaging_outbox_claim($1, $2, $3)`, [
      this.options.batchSize,
      this.options.leaseMs / 1000,
      this.relayId,
    ]);
    return rows.sort((a, b) => Number(BigInt(a.seq) - BigInt(b.seq)));
  }

  private async publish(rows: OutboxRow[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const row of rows) {
      const messages = byTopic.get(row.topic) ?? [];
      messages.push({
        key: row.key,
        value: JSON.stringify(row.event),
        headers: { 'event-id': row.id, 'event-type': row.event_type, 'event-version': String(row.event.version), 'content-type': 'application/json' },
      });
      byTopic.set(row.topic, messages);
    }
    const producer = await this.connectedProducer();
    await producer.sendBatch({ acks: -1, timeout: 30_000, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
  }

  private async release(rows: OutboxRow[], error: Error): Promise<void> {
    await this.dataSource.query(
      `UPDATE messaging_outbox SET locked_until = NULL, locked_by = NULL, last_error = $2 WHERE id = ANY($1::uuid[]) AND locked_by = $3`,
      [rows.map((r) => r.id), error.message.slice(0, 1000), this.relayId],
    );
  }

  private async cleanup(): Promise<void> {
    if (Date.now() - this.lastCleanup < 60_000) return;
    this.lastCleanup = Date.now();
    const [{ pending }] = await this.dataSource.query(`SELECT count(*)::int AS pending FROM messaging_outbox WHERE sent_at IS NULL`);
    messagingMetrics.pending.set({ service: this.service }, pending);
    await this.dataSource.query(`DELETE FROM messaging_outbox WHERE sent_at < now() - make_interval(secs => $1)`, [this.options.retainSentMs / 1000]);
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  /** A producer that failed may hold a broken connection or sequence state: start afresh. */
  private async resetProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  /** Waits for the timeout, stop(), or (when wakeOnNotify) a NOTIFY; one that came while busy ends it at once. */
  private async idle(ms: number, wakeOnNotify = true): Promise<void> {
    if (!this.running) return;
    if (wakeOnNotify && this.notified) {
      this.notified = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = (reason) => {
        if (reason === 'stop' || wakeOnNotify) finish();
      };
    });
    this.notified = false;
  }

  private async listen(): Promise<void> {
    try {
      const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
      const client = await pool.connect();
      client.on('notification', () => {
        this.notified = true;
        this.wake?.('notify');
      });
      client.on('error', (error) => {
        this.logger.warn(`LISTEN connection lost (${error.message}); polling until it is back`);
        this.dropListener(true);
      });
      await client.query('LISTEN messaging_outbox');
      this.listener = client;
    } catch (error) {
      this.logger.warn(`cannot LISTEN (${(error as Error).message}); polling every ${this.options.pollIntervalMs} ms meanwhile`);
      this.scheduleRelisten();
    }
  }

  private dropListener(broken: boolean): void {
    const client = this.listener;
    this.listener = undefined;
    client?.release(broken ? new Error('listener connection lost') : undefined);
    if (broken) this.scheduleRelisten();
  }

  private scheduleRelisten(): void {
    if (!this.running) return;
    setTimeout(() => this.running && !this.listener && this.listen(), 2_000).unref();
  }

  private async unlisten(): Promise<void> {
    const client = this.listener;
    if (!client) return;
    this.listener = undefined;
    await client.query('UNLISTEN messaging_outbox').catch(() => undefined);
    client.release();
  }
}
