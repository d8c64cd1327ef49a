import type { Kafka } from 'kafkajs';
import { dlqTopic } from '@devzone/contracts';

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
}

const DLQ_RETENTION_MS = String(30 * 24 * 3600_000);

/**
 * Creates each topic and its `<topic>.dlq` twin if missing (the broker never
 * auto-creates). Safe to run from several services at once.
 */
export async function provisionTopics(kafka: Kafka, topics: string[], settings: TopicSettings): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = [...new Set(topics.flatMap((t) => [t, dlqTopic(t)]))];
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (missing.length) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: settings.partitions,
          replicationFactor: settings.replicationFactor,
          configEntries: topic.endsWith('.dlq') ? [{ name: 'retention.ms', value: DLQ_RETENTION_MS }] : [],
        })),
      });
      // Another service may have created some of them meanwhile; what matters is that all exist now.
      const now = new Set(await admin.listTopics());
      const absent = wanted.filter((t) => !now.has(t));
      if (absent.length) throw new Error(`topics still missing after provisioning: ${absent.join(', ')}`);
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
