import { resolveMessagingOptions, topicName } from './messaging.options';

describe('messaging options', () => {
  it('takes brokers, prefix and partitions from the environment when the service does not say', () => {
    const options = resolveMessagingOptions(
      { service: 'agency', publishes: ['agency.events'] },
      { KAFKA_BROKERS: 'a:9092, b:9092', KAFKA_TOPIC_PREFIX: 'staging.', KAFKA_TOPIC_PARTITIONS: '12' },
    );
    expect(options).toMatchObject({ brokers: ['a:9092', 'b:9092'], topicPrefix: 'staging.', partitions: 12, replicationFactor: 1, subscribes: [] });
    expect(options.consumer.groupId).toBe('staging.agency');
    expect(topicName(options, 'project.events')).toBe('staging.project.events');
  });

  it('defaults to the local broker with the relay on and bounded handler retries', () => {
    const options = resolveMessagingOptions({ service: 'agency', publishes: [] }, {});
    expect(options.brokers).toEqual(['127.0.0.1:9092']);
    expect(options.relay.enabled).toBe(true);
    expect(options.consumer.maxAttempts).toBe(5);
  });
});
