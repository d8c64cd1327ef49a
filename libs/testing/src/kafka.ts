import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Admin, type IHeaders, type KafkaMessage } from 'kafkajs';
import { eventually } from './eventually';

export const testBrokers = () => (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

export const testKafka = (clientId = 'test') => new Kafka({ clientId, brokers: testBrokers(), logLevel: logLevel.NOTHING });

/** A name no other test file (or earlier run) uses: topics, groups, databases. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** Resolves when the group is Stable with at least `members` members (produce only after this). */
export async function waitForGroupStable(admin: Admin, groupId: string, { members = 1, timeoutMs = 30_000 } = {}): Promise<void> {
  await eventually(
    async () => {
      const { groups } = await admin.describeGroups([groupId]);
      const group = groups[0];
      if (group?.state !== 'Stable' || group.members.length < members) {
        throw new Error(`group ${groupId} is ${group?.state ?? 'unknown'} with ${group?.members.length ?? 0} member(s)`);
      }
    },
    { timeoutMs, intervalMs: 100 },
  );
}

export interface ReadMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

const headersToStrings = (headers: IHeaders | undefined) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map(String).join(',') : String(v ?? '')]));

/**
 * Reads a topic from the beginning until `count` messages have arrived, or until
 * `until(messages)` holds (or the deadline passes). Messages of other partitions
 * may still be on their way when it returns: to look for one message, pass `until`.
 */
export async function readTopic(topic: string, count: number | ((messages: ReadMessage[]) => boolean), timeoutMs = 30_000): Promise<ReadMessage[]> {
  const done = typeof count === 'number' ? (m: ReadMessage[]) => m.length >= count : count;
  const consumer = testKafka().consumer({ groupId: uniqueName('reader'), maxWaitTimeInMs: 200 });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }: { partition: number; message: KafkaMessage }) => {
        messages.push({ key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers: headersToStrings(message.headers), partition, offset: message.offset });
      },
    });
    await eventually(() => {
      if (!done(messages)) throw new Error(`read ${messages.length} messages from ${topic}, not yet what was expected`);
    }, { timeoutMs });
    return messages;
  } finally {
    await consumer.disconnect();
  }
}
