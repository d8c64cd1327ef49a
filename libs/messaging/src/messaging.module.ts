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
    const options = resolveMessagingOptions(config);
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: KAFKA, useFactory: () => createKafka(options) },
        { provide: Outbox, useFactory: () => new Outbox(options) },
        {
          provide: OutboxRelay,
          inject: [DataSource, KAFKA],
          useFactory: (ds: DataSource, kafka: Kafka) => new OutboxRelay(ds, kafka, options.service, options.relay),
        },
        {
          provide: KafkaInboxTransport,
          inject: [DataSource, KAFKA, Outbox],
          useFactory: (ds: DataSource, kafka: Kafka, outbox: Outbox) => new KafkaInboxTransport(ds, kafka, options, outbox),
        },
        { provide: KafkaHealth, inject: [KAFKA], useFactory: (kafka: Kafka) => new KafkaHealth(kafka) },
        MessagingLifecycle,
      ],
      exports: [MESSAGING_OPTIONS, KAFKA, Outbox, OutboxRelay, KafkaInboxTransport, KafkaHealth],
    };
  }
}
