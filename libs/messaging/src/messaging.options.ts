export interface RelayOptions {
  /** Off: the service writes its outbox but another process relays it (and tests drive the relay by hand). */
  enabled: boolean;
  /** Rows claimed and published per round trip. */
  batchSize: number;
  /** How long a claim is held; a relay that dies holding it loses it after this. */
  leaseMs: number;
  /** Polling beside LISTEN/NOTIFY, for rows whose lease expired and missed notifications. */
  pollIntervalMs: number;
  /** Sent rows are deleted after this long. */
  retainSentMs: number;
  /** Called after a batch is on Kafka and before it is marked sent (metrics, fault tests). */
  afterPublish?: (eventIds: string[]) => void | Promise<void>;
}

export interface ConsumerOptions {
  /** Consumer group; defaults to the (prefixed) service name. It is also the inbox's consumer name. */
  groupId: string;
  /** Attempts of a failing handler before its event goes to `<topic>.dlq`. */
  maxAttempts: number;
  /** First retry delay; doubles per attempt, capped at maxBackoffMs. */
  retryBackoffMs: number;
  maxBackoffMs: number;
  /** Events applied in one database transaction when they all succeed. */
  chunkSize: number;
  partitionsConsumedConcurrently: number;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** Read a new group's topics from the start, so nothing published before it first joined is missed. */
  fromBeginning: boolean;
}

export interface MessagingOptions {
  /** The service: `source` of what it publishes, client id, default group id. */
  service: string;
  brokers: string[];
  /** Prepended to every topic and group name (test isolation, shared clusters). */
  topicPrefix: string;
  /** Logical topics (libs/contracts Topics) this service publishes to. */
  publishes: string[];
  /** Logical topics this service consumes. */
  subscribes: string[];
  partitions: number;
  replicationFactor: number;
  relay: RelayOptions;
  consumer: ConsumerOptions;
}

export type MessagingConfig = Pick<MessagingOptions, 'service' | 'publishes'> &
  Partial<Omit<MessagingOptions, 'relay' | 'consumer'>> & {
    relay?: Partial<RelayOptions>;
    consumer?: Partial<ConsumerOptions>;
  };

const int = (value: string | undefined, fallback: number) => (value ? Number.parseInt(value, 10) : fallback);

/** Fills what a service did not say from the environment, then from defaults. */
export function resolveMessagingOptions(config: MessagingConfig, env: NodeJS.ProcessEnv = process.env): MessagingOptions {
  const topicPrefix = config.topicPrefix ?? env['KAFKA_TOPIC_PREFIX'] ?? '';
  return {
    service: config.service,
    brokers: config.brokers ?? (env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean),
    topicPrefix,
    publishes: config.publishes,
    subscribes: config.subscribes ?? [],
    partitions: config.partitions ?? int(env['KAFKA_TOPIC_PARTITIONS'], 6),
    replicationFactor: config.replicationFactor ?? int(env['KAFKA_REPLICATION_FACTOR'], 1),
    relay: {
      enabled: true,
      batchSize: 500,
      leaseMs: 30_000,
      pollIntervalMs: 1_000,
      retainSentMs: 24 * 3600_000,
      ...config.relay,
    },
    consumer: {
      groupId: `${topicPrefix}${config.service}`,
      maxAttempts: 5,
      retryBackoffMs: 100,
      maxBackoffMs: 5_000,
      chunkSize: 100,
      partitionsConsumedConcurrently: 3,
      sessionTimeoutMs: 30_000,
      heartbeatIntervalMs: 3_000,
      fromBeginning: true,
      ...config.consumer,
    },
  };
}

export const topicName = (options: Pick<MessagingOptions, 'topicPrefix'>, logical: string) => `${options.topicPrefix}${logical}`;
