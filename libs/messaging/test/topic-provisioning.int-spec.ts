import { testKafka, uniqueName } from '@devzone/testing';
import { provisionTopics } from '../src';

describe('topic provisioning', () => {
  it('creates each topic with its .dlq twin, also when five services provision the same topics at once', async () => {
    const prefix = uniqueName('tp');
    const topics = ['project.events', 'approval.events', 'land.events', 'agency.events', 'notification.events'].map((t) => `${prefix}.${t}`);
    const kafka = testKafka();

    await Promise.all(
      Array.from({ length: 5 }, (_, i) => provisionTopics(kafka, [...topics.slice(i), ...topics.slice(0, i)], { partitions: 3, replicationFactor: 1 })),
    );

    const admin = kafka.admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [...topics, ...topics.map((t) => `${t}.dlq`)] });
      expect(metadata.topics.map((t) => [t.name, t.partitions.length]).sort()).toEqual(
        [...topics, ...topics.map((t) => `${t}.dlq`)].map((t) => [t, 3]).sort(),
      );
      expect(await provisionTopics(kafka, topics, { partitions: 3, replicationFactor: 1 })).toEqual([]); // idempotent
      await admin.deleteTopics({ topics: [...topics, ...topics.map((t) => `${t}.dlq`)] });
    } finally {
      await admin.disconnect();
    }
  });
});
