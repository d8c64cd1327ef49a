import { Inject, Injectable, Logger, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createKafka } from './kafka.factory';
import { KafkaInboxTransport } from './inbox/kafka-inbox.transport';
import { KafkaHealth } from './kafka.health';
import { resolveMessagingOptions, topicName, type MessagingConfig, type MessagingOptions } from './messaging.options';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { provisionTopics } from './topic-provisioning';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');

/**
 * Starts and stops the pieces in the order that loses nothing: topics are
 * provisioned and the relay started once the app is up; on shutdown the
 * consumer stops first (its batch in hand finishes), then the relay flushes
 * what is still pending, and only then (onApplicationShutdown, in
 * PersistenceModule) is the DataSource closed.
 */
@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly relay: OutboxRelay,
    private readonly transport: KafkaInboxTransport,
    private readonly health: KafkaHealth,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topics = [...this.options.publishes, ...this.options.subscribes].map((t) => topicName(this.options, t));
    const missing = await provisionTopics(this.kafka, topics, this.options);
    if (missing.length) this.logger.log(`provisioned topics ${missing.join(', ')}`);
    if (this.options.relay.enabled) await this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.transport.close();
    await this.relay.stop();
    await this.health.close();
  }
}

@Module({})
export class MessagingModule {
  /**
   * `MessagingModule.forRoot({ service: 'agency', publishes: [Topics.agency], subscribes: [Topics.project] })`.
   * Needs the service's DataSource (PersistenceModule). main.ts connects the
   * transport: `app.connectMicroservice({ strategy: app.get(KafkaInboxTransport) })`
   * (libs/platform's bootstrapService does it).
   */
  static forRoot(config: MessagingConfig): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        // Resolved when the app is created, not when the module is imported, so the environment can be set late (tests).
        { provide: MESSAGING_OPTIONS, useFactory: () => resolveMessagingOptions(config) },
        { provide: KAFKA, inject: [MESSAGING_OPTIONS], useFactory: (options: MessagingOptions) => createKafka(options) },
        { provide: Outbox, inject: [MESSAGING_OPTIONS], useFactory: (options: MessagingOptions) => new Outbox(options) },
        {
          provide: OutboxRelay,
          inject: [DataSource, KAFKA, MESSAGING_OPTIONS],
          useFactory: (ds: DataSource, kafka: Kafka, options: MessagingOptions) => new OutboxRelay(ds, kafka, options.service, options.relay),
        },
        {
          provide: KafkaInboxTransport,
          inject: [DataSource, KAFKA, MESSAGING_OPTIONS, Outbox],
          useFactory: (ds: DataSource, kafka: Kafka, options: MessagingOptions, outbox: Outbox) => new KafkaInboxTransport(ds, kafka, options, outbox),
        },
        { provide: KafkaHealth, inject: [KAFKA], useFactory: (kafka: Kafka) => new KafkaHealth(kafka) },
        MessagingLifecycle,
      ],
      exports: [MESSAGING_OPTIONS, KAFKA, Outbox, OutboxRelay, KafkaInboxTransport, KafkaHealth],
    };
  }
}
