import { Counter, Gauge, Histogram } from 'prom-client';

// Defined once per process on prom-client's default registry (served at /metrics).
export const messagingMetrics = {
  published: new Counter({ name: 'messaging_outbox_published_total', help: 'Events published from the outbox to Kafka', labelNames: ['service'] }),
  publishFailures: new Counter({ name: 'messaging_outbox_publish_failures_total', help: 'Relay rounds that failed to publish (retried)', labelNames: ['service'] }),
  pending: new Gauge({ name: 'messaging_outbox_pending', help: 'Outbox rows not yet sent, as of the last relay round', labelNames: ['service'] }),
  applied: new Counter({ name: 'messaging_inbox_applied_total', help: 'Events applied by a consumer', labelNames: ['consumer', 'type'] }),
  duplicates: new Counter({ name: 'messaging_inbox_duplicates_total', help: 'Events skipped because the inbox had seen them', labelNames: ['consumer'] }),
  ignored: new Counter({ name: 'messaging_inbox_ignored_total', help: 'Valid events with no handler in this consumer', labelNames: ['consumer', 'type'] }),
  retries: new Counter({ name: 'messaging_handler_retries_total', help: 'Handler attempts that failed and were retried', labelNames: ['consumer', 'type'] }),
  deadLettered: new Counter({ name: 'messaging_dead_lettered_total', help: 'Messages sent to a dead-letter topic', labelNames: ['consumer', 'topic', 'reason'] }),
  lag: new Histogram({
    name: 'messaging_occurred_to_applied_seconds',
    help: 'From an event occurring (its occurredAt) to its effects being committed by a consumer',
    labelNames: ['consumer'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  }),
};
