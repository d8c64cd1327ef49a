import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import { dlqTopic } from '@devzone/contracts';
import { createTestDatabase, dropTestDatabase, eventually, readTopic, testKafka, TEST_TOPIC, uniqueName, waitForGroupStable } from '@devzone/testing';
import { DLQ_HEADERS } from '../src';
import { effects, startTestService, Writer } from './counter-services';

describe('dead letters', () => {
  const name = uniqueName('dl');
  const prefix = `${name}.`;
  const topic = `${prefix}${TEST_TOPIC}`;
  let writer: INestApplication;
  let counter: INestApplication;

  beforeAll(async () => {
    const [dbA, dbB] = await Promise.all([createTestDatabase(`${name}_a`), createTestDatabase(`${name}_b`)]);
    writer = await startTestService({ service: 'writer', role: 'writer', databaseUrl: dbA, topicPrefix: prefix });
    counter = await startTestService({ service: 'counter', role: 'counter', databaseUrl: dbB, topicPrefix: prefix });
    const admin = testKafka().admin();
    await admin.connect();
    await waitForGroupStable(admin, `${prefix}counter`);
    await admin.disconnect();
  });

  afterAll(async () => {
    await writer?.close();
    await counter?.close();
    await Promise.all([dropTestDatabase(`${name}_a`), dropTestDatabase(`${name}_b`)]);
  });

  it('sends a malformed message and an always-failing one to the DLQ with the error, and goes on applying the partition', async () => {
    const counterId = randomUUID();
    const producer = testKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    // All on one key, hence one partition, in this order.
    await producer.send({ topic, messages: [{ key: counterId, value: 'this is not JSON' }] });
    await producer.send({
      topic,
      messages: [{ key: counterId, value: JSON.stringify({ id: 'not-a-uuid', type: 'test.counter-stepped', version: 1, payload: {} }) }],
    });
    await producer.disconnect();
    const poison = await writer.get(Writer).step(counterId, 1, { poison: true });
    const after = await writer.get(Writer).step(counterId, 2);

    await eventually(async () => expect((await effects(counter)).filter((e) => e.counter_id === counterId).map((e) => e.event_id)).toEqual([after.id]), {
      timeoutMs: 30_000,
    });

    const letters = await readTopic(dlqTopic(topic), 3);
    expect(letters).toHaveLength(3);
    const [notJson, badEnvelope, failing] = letters.sort((a, b) => Number(a.headers[DLQ_HEADERS.originalOffset]) - Number(b.headers[DLQ_HEADERS.originalOffset]));

    expect(notJson.value).toBe('this is not JSON');
    expect(notJson.key).toBe(counterId);
    expect(notJson.headers).toMatchObject({ [DLQ_HEADERS.reason]: 'invalid-message', [DLQ_HEADERS.consumer]: `${prefix}counter`, [DLQ_HEADERS.originalTopic]: topic });
    expect(notJson.headers[DLQ_HEADERS.error]).toMatch(/not valid JSON/);

    expect(badEnvelope.headers[DLQ_HEADERS.reason]).toBe('invalid-message');
    expect(badEnvelope.headers[DLQ_HEADERS.error]).toMatch(/id: id must be a UUID/);

    expect(JSON.parse(failing.value!).id).toBe(poison.id);
    expect(failing.headers).toMatchObject({
      [DLQ_HEADERS.reason]: 'handler-failed',
      [DLQ_HEADERS.attempts]: '3',
      [DLQ_HEADERS.error]: `poison event for counter ${counterId}`,
      'event-id': poison.id,
    });
  });
});
