/**
 * Two small services for the messaging tests, built the way the product's
 * apps are: PersistenceModule + MessagingModule + `@EventPattern` handlers.
 * - the writer (app A) stores a note and a CounterStepped event in one transaction;
 * - the counter (app B) applies each event by inserting an effect row; it
 *   never dedupes on its own, so every duplicate effect would show.
 */
import { Controller, Injectable, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { buildEvent, type EventEnvelope } from '@devzone/contracts';
import { PersistenceModule } from '@devzone/persistence';
import { CounterStepped, TEST_TOPIC, type CounterSteppedV1 } from '@devzone/testing';
import {
  ANY_EVENT,
  connectInbox,
  InboxContext,
  MessagingModule,
  MessagingTables1764201600000,
  Outbox,
  type ConsumerOptions,
  type RelayOptions,
} from '../src';

export class CounterTables1800000000000 implements MigrationInterface {
  name = 'CounterTables1800000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE test_notes (id uuid PRIMARY KEY, counter_id uuid NOT NULL, step int NOT NULL)`);
    await q.query(`CREATE TABLE test_seen (event_id uuid NOT NULL, type text NOT NULL)`);
    // applied_by: the replica whose connection applied it (its application_name).
    await q.query(
      `CREATE TABLE test_effects (seq bigserial PRIMARY KEY, event_id uuid NOT NULL, counter_id uuid NOT NULL, step int NOT NULL, applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),
                                  applied_by text NOT NULL DEFAULT current_setting('application_name'))`,
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE test_effects; DROP TABLE test_notes; DROP TABLE test_seen`);
  }
}

@Injectable()
export class Writer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** One transaction: a note row and its event. `fail` rolls it back after both were written. */
  async step(counterId: string, step: number, options: { poison?: boolean; fail?: boolean } = {}): Promise<EventEnvelope<CounterSteppedV1>> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO test_notes (id, counter_id, step) VALUES ($1, $2, $3)`, [randomUUID(), counterId, step]);
      const event = await this.outbox.publish(manager, CounterStepped, {
        projectId: counterId,
        payload: { counterId, step, ...(options.poison ? { poison: true } : {}) },
      });
      if (options.fail) throw new Error('rolled back on purpose');
      return event;
    });
  }

  /** Many events in few transactions (one outbox insert each), for volume tests. */
  async steps(items: { counterId: string; step: number }[], perTransaction = 50): Promise<void> {
    for (let i = 0; i < items.length; i += perTransaction) {
      const events = items
        .slice(i, i + perTransaction)
        .map(({ counterId, step }) => buildEvent(CounterStepped, { projectId: counterId, source: 'writer', payload: { counterId, step } }));
      await this.dataSource.transaction((manager) => this.outbox.add(manager, events));
    }
  }
}

@Controller()
export class CounterHandler {
  @EventPattern(CounterStepped.type)
  async onStepped(@Payload() event: EventEnvelope<CounterSteppedV1>, @Ctx() ctx: InboxContext): Promise<void> {
    if (event.payload.poison) throw new Error(`poison event for counter ${event.payload.counterId}`);
    await ctx.manager.query(`INSERT INTO test_effects (event_id, counter_id, step) VALUES ($1, $2, $3)`, [
      event.id,
      event.payload.counterId,
      event.payload.step,
    ]);
  }

  /** Every event whose contract is known, like a timeline. */
  @EventPattern(ANY_EVENT)
  async onAny(@Payload() event: EventEnvelope, @Ctx() ctx: InboxContext): Promise<void> {
    await ctx.manager.query(`INSERT INTO test_seen (event_id, type) VALUES ($1, $2)`, [event.id, event.type]);
  }
}

export interface TestServiceOptions {
  service: string;
  databaseUrl: string;
  topicPrefix: string;
  role: 'writer' | 'counter';
  /** Names this replica's database connections (default: the service); replicas of one service share its group and database. */
  replica?: string;
  partitions?: number;
  relay?: Partial<RelayOptions>;
  consumer?: Partial<ConsumerOptions>;
}

export async function startTestService(options: TestServiceOptions): Promise<INestApplication> {
  @Module({
    imports: [
      PersistenceModule.forRoot({
        url: options.databaseUrl,
        applicationName: options.replica ?? options.service,
        entities: [],
        migrations: [MessagingTables1764201600000, CounterTables1800000000000],
      }),
      MessagingModule.forRoot({
        service: options.service,
        brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
        topicPrefix: options.topicPrefix,
        publishes: options.role === 'writer' ? [TEST_TOPIC] : [],
        subscribes: options.role === 'counter' ? [TEST_TOPIC] : [],
        partitions: options.partitions ?? 3,
        relay: { pollIntervalMs: 250, ...options.relay },
        consumer: { retryBackoffMs: 20, maxAttempts: 3, sessionTimeoutMs: 10_000, heartbeatIntervalMs: 1_000, ...options.consumer },
      }),
    ],
    controllers: options.role === 'counter' ? [CounterHandler] : [],
    providers: options.role === 'writer' ? [Writer] : [],
  })
  class TestServiceModule {}

  const app = await NestFactory.create(TestServiceModule, { logger: ['error', 'warn'] });
  connectInbox(app);
  await app.init();
  await app.startAllMicroservices();
  return app;
}

export async function effects(app: INestApplication): Promise<{ event_id: string; counter_id: string; step: number; seq: string; applied_by: string }[]> {
  return app.get(DataSource).query(`SELECT event_id, counter_id, step, seq, applied_by FROM test_effects ORDER BY seq`);
}
