import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { ContractViolation, findEventDefinition, parseEvent, type EventEnvelope } from '@devzone/contracts';
import { Partitioners, type Consumer, type EachBatchPayload, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import { messagingMetrics } from '../metrics';
import { topicName, type MessagingOptions } from '../messaging.options';
import type { Outbox } from '../outbox/outbox';
import { backoff, isTransientInfrastructureError, sleep } from '../retry';
import { sendToDeadLetter, type DeadLetterReason } from './dead-letter';
import { InboxContext } from './inbox-context';

interface Item {
  message: KafkaMessage;
  event: EventEnvelope;
}

type Outcome = 'applied' | 'dead-lettered' | 'aborted';

/**
 * `@EventPattern(ANY_EVENT)` receives every event whose contract (type and
 * version) this service knows, after the event's own handler if it has one, in
 * the same transaction (a timeline, an audit trail). Events it cannot validate
 * are skipped for it, not dead-lettered.
 */
export const ANY_EVENT = '*';

/**
 * A Nest microservice transport (custom strategy on kafkajs) whose handlers are
 * ordinary `@EventPattern('<event type>')` methods, with the guarantees of
 * architecture §4 that the built-in Kafka transport does not give:
 *
 * - effectively once: the handler's effects and the inbox row (consumer, event
 *   id) are committed in one transaction; an event seen before is skipped;
 * - a run of events is applied in one transaction when all succeed; if one
 *   fails, the run is redone one event per transaction, so only the failing
 *   event is retried;
 * - a failing handler is retried with back-off, then its message goes to
 *   `<topic>.dlq` with the error and the partition moves on; a message that
 *   breaks its contract goes there at once; database outages are retried
 *   without limit and never dead-letter anything;
 * - per-partition (hence per-project) order; offsets are committed only after
 *   the effects (or the dead letter) are durable.
 *
 * Handlers must write through `ctx.manager` (see InboxContext).
 */
export class KafkaInboxTransport extends Server implements CustomTransportStrategy {
  private consumer?: Consumer;
  private producer?: Producer;
  private readonly log: Logger;
  private readonly groupId: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    private readonly options: MessagingOptions,
    private readonly outbox: Outbox,
  ) {
    super();
    this.groupId = options.consumer.groupId;
    this.log = new Logger(`Inbox:${this.groupId}`);
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const topics = this.options.subscribes.map((t) => topicName(this.options, t));
      if (!topics.length) return callback();
      const c = this.options.consumer;
      // Locals: close() may run while this is still connecting (shutdown during start).
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      const consumer = this.kafka.consumer({
        groupId: this.groupId,
        sessionTimeout: c.sessionTimeoutMs,
        heartbeatInterval: c.heartbeatIntervalMs,
        allowAutoTopicCreation: false,
        maxWaitTimeInMs: 1_000,
      });
      this.producer = producer;
      this.consumer = consumer;
      await producer.connect();
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: c.fromBeginning });
      await consumer.run({
        eachBatchAutoResolve: false,
        // Resolved offsets are committed at most once a second, not after every
        // batch (a broker round trip before the next fetch). What a crash then
        // re-reads is skipped by the inbox.
        autoCommitInterval: 1_000,
        partitionsConsumedConcurrently: c.partitionsConsumedConcurrently,
        eachBatch: (payload) => this.handleBatch(payload),
      });
      this.log.log(`consuming ${topics.join(', ')} as group ${this.groupId}`);
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops fetching, lets the batch in hand finish its current run, then disconnects. Idempotent. */
  async close(): Promise<void> {
    const consumer = this.consumer;
    const producer = this.producer;
    this.consumer = undefined;
    this.producer = undefined;
    await consumer?.disconnect();
    await producer?.disconnect();
  }

  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  on(event: string, callback: Function) {
    if (!this.consumer) throw new Error('the consumer is not started');
    return this.consumer.on(event as never, callback as never);
  }

  // Handlers are registered under the event type (a string pattern) and looked up
  // in messageHandlers directly: Nest's getHandlerByPattern first tries JSON.parse
  // on the pattern, and the exception it throws for a plain string cost a third
  // of the consumer's CPU in the benchmark.

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    let run: Item[] = [];
    // Applies the pending run; returns false when the consumer is stopping mid-way.
    const flush = async (): Promise<boolean> => {
      const items = run;
      run = [];
      if (!items.length) return true;
      const done = await this.applyRun(topic, partition, items, heartbeat, isRunning);
      if (done > 0) resolveOffset(items[done - 1].message.offset);
      await heartbeat();
      return done === items.length;
    };

    for (const message of batch.messages) {
      if (isStale()) return;
      if (!isRunning()) break;
      const routed = this.route(message);
      if (routed.kind === 'ignore') {
        if (!(await flush())) return;
        resolveOffset(message.offset);
        continue;
      }
      if (routed.kind === 'invalid') {
        if (!(await flush())) return;
        await this.deadLetter(topic, partition, message, routed.error, 'invalid-message', 0);
        resolveOffset(message.offset);
        continue;
      }
      run.push({ message, event: routed.event });
      if (run.length >= this.options.consumer.chunkSize && !(await flush())) return;
    }
    await flush();
  }

  private route(message: KafkaMessage): { kind: 'apply'; event: EventEnvelope } | { kind: 'ignore' } | { kind: 'invalid'; error: Error } {
    let plain: unknown;
    try {
      plain = JSON.parse(message.value?.toString() ?? '');
    } catch {
      // parseEvent names the problem.
      plain = message.value;
    }
    const envelope = plain as { type?: unknown; version?: unknown } | null;
    const type = envelope?.type;
    if (typeof type === 'string' && !this.messageHandlers.has(type)) {
      // Only the catch-all is interested: it takes what it can validate, nothing else.
      const known = typeof envelope?.version === 'number' && findEventDefinition(type, envelope.version);
      if (!this.messageHandlers.has(ANY_EVENT) || !known) {
        messagingMetrics.ignored.inc({ consumer: this.groupId, type });
        return { kind: 'ignore' };
      }
    }
    try {
      return { kind: 'apply', event: parseEvent(plain as object) };
    } catch (error) {
      if (error instanceof ContractViolation) return { kind: 'invalid', error };
      throw error;
    }
  }

  /** Applies a run of events; returns how many (from the start) are done. */
  private async applyRun(topic: string, partition: number, items: Item[], heartbeat: () => Promise<void>, isRunning: () => boolean): Promise<number> {
    if (items.length > 1) {
      try {
        await this.applyInTransaction(topic, partition, items);
        return items.length;
      } catch (error) {
        this.log.debug(`run of ${items.length} failed (${(error as Error).message}); applying one by one`);
      }
    }
    let done = 0;
    for (const item of items) {
      const outcome = await this.applyWithRetries(topic, partition, item, heartbeat, isRunning);
      if (outcome === 'aborted') break;
      done++;
    }
    return done;
  }

  private async applyWithRetries(topic: string, partition: number, item: Item, heartbeat: () => Promise<void>, isRunning: () => boolean): Promise<Outcome> {
    const { maxAttempts, retryBackoffMs, maxBackoffMs } = this.options.consumer;
    let attempts = 0;
    let outages = 0;
    for (;;) {
      try {
        await this.applyInTransaction(topic, partition, [item]);
        return 'applied';
      } catch (error) {
        if (!isRunning()) return 'aborted';
        if (isTransientInfrastructureError(error)) {
          outages++;
          if (outages === 1 || outages % 20 === 0) this.log.warn(`database unavailable, retrying ${item.event.type} ${item.event.id}: ${(error as Error).message}`);
          await sleep(backoff(outages, retryBackoffMs, maxBackoffMs));
        } else {
          attempts++;
          if (attempts >= maxAttempts) {
            await this.deadLetter(topic, partition, item.message, error as Error, 'handler-failed', attempts);
            return 'dead-lettered';
          }
          messagingMetrics.retries.inc({ consumer: this.groupId, type: item.event.type });
          await sleep(backoff(attempts, retryBackoffMs, maxBackoffMs));
        }
        await heartbeat();
      }
    }
  }

  private async applyInTransaction(topic: string, partition: number, items: Item[]): Promise<void> {
    const applied: Item[] = [];
    await this.dataSource.transaction(async (manager) => {
      const inserted: { event_id: string }[] = await manager.query(
        `INSERT INTO messaging_inbox (consumer, event_id, event_type)
         SELECT $1, * FROM unnest($2::uuid[], $3::text[])
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.groupId, items.map((i) => i.event.id), items.map((i) => i.event.type)],
      );
      const fresh = new Set(inserted.map((r) => r.event_id));
      for (const item of items) {
        // `delete` also skips a second copy of the same event within the run.
        if (!fresh.delete(item.event.id)) continue;
        await this.invoke(item, manager, { topic, partition, offset: item.message.offset });
        applied.push(item);
      }
    });
    const now = Date.now();
    for (const item of applied) {
      messagingMetrics.applied.inc({ consumer: this.groupId, type: item.event.type });
      messagingMetrics.lag.observe({ consumer: this.groupId }, (now - Date.parse(item.event.occurredAt)) / 1000);
    }
    if (applied.length < items.length) messagingMetrics.duplicates.inc({ consumer: this.groupId }, items.length - applied.length);
  }

  private async invoke(item: Item, manager: EntityManager, ref: { topic: string; partition: number; offset: string }): Promise<void> {
    const context = new InboxContext([item.event, manager, this.outbox, ref]);
    for (const pattern of [item.event.type, ANY_EVENT]) {
      let handler: MessageHandler | undefined = this.messageHandlers.get(pattern);
      while (handler) {
        await lastValueFrom(this.transformToObservable(await handler(item.event, context)), { defaultValue: undefined });
        handler = handler.next;
      }
    }
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, error: Error, reason: DeadLetterReason, attempts: number): Promise<void> {
    if (!this.producer) throw new Error('the transport is closed');
    await sendToDeadLetter(this.producer, { topic, partition, message, error, reason, consumer: this.groupId, attempts });
    messagingMetrics.deadLettered.inc({ consumer: this.groupId, topic, reason });
    this.log.error(
      `dead-lettered ${topic}[${partition}]@${message.offset} to ${topic}.dlq after ${attempts} attempt(s) (${reason}): ${error.message}`,
    );
  }
}
