import type { Kafka } from 'kafkajs';
import { dlqTopic } from '@devzone/contracts';

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
}

const DLQ_RETENTION_MS = String(30 * 24 * 3600_000);

/**
 * Creates each topic and its `<topic>.dlq` twin if missing (the broker never
 * auto-creates). Safe to run from several services at once: a topic another
 * service is creating meanwhile may answer "already exists" before it shows in
 * the metadata, so this waits (up to `timeoutMs`) until every topic is listed.
 * Returns the topics that were missing when it started.
 */
export async function provisionTopics(kafka: Kafka, topics: string[], settings: TopicSettings, timeoutMs = 30_000): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = [...new Set(topics.flatMap((t) => [t, dlqTopic(t)]))];
    let initiallyMissing: string[] | undefined;
    let lastError: Error | undefined;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((t) => !existing.has(t));
      initiallyMissing ??= missing;
      if (!missing.length) return initiallyMissing;
      if (Date.now() > deadline) {
        throw new Error(`topics still missing after ${timeoutMs} ms of provisioning: ${missing.join(', ')}${lastError ? ` (last error: ${lastError.message})` : ''}`);
      }
      try {
        const createdNow = await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: settings.partitions,
            replicationFactor: settings.replicationFactor,
            configEntries: topic.endsWith('.dlq') ? [{ name: 'retention.ms', value: DLQ_RETENTION_MS }] : [],
          })),
        });
        if (createdNow) continue;
        // false: some already existed, i.e. another service is creating them.
      } catch (error) {
        // Racing creators can see "unknown topic" while waiting for leaders; a real
        // problem shows again on every round and ends at the deadline with its message.
        lastError = error as Error;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await admin.disconnect();
  }
}
