import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, dropTestDatabase, eventually, readTopic, testKafka, TEST_TOPIC, uniqueName, waitForGroupStable } from '@devzone/testing';
import { Partitioners } from 'kafkajs';
import { buildEvent, ProjectSigned, type ProjectSignedV1 } from '@devzone/contracts';
import { createKafka, OutboxRelay } from '../src';
import { effects, startTestService, Writer } from './counter-services';

const projectSignedPayload = (): ProjectSignedV1 => ({
  projectCode: '2611-140100-04-01-000017',
  name: '测试项目',
  enterprise: { name: '测试企业', creditCode: '91140100MA0L00001A' },
  zoneCode: 'SX-ZGQ',
  industryCode: 'C3021',
  totalInvestment: 1000,
  fixedAssetInvestment: 800,
  projectedAnnualOutput: 2000,
  landAreaMu: 50,
  usesStandardLand: true,
  wantsFullAgency: false,
  projectType: 'capital-construction',
  plannedDates: { start: '2027-03-01', completion: '2028-06-30', production: '2028-09-01' },
  signedOn: '2026-11-20',
  contacts: [{ name: '张伟', mobile: '13800000000' }],
});

describe('outbox → Kafka → inbox between two services', () => {
  const name = uniqueName('ob');
  const prefix = `${name}.`;
  let writer: INestApplication;
  let counter: INestApplication;
  let quietWriter: INestApplication; // its relay is off; the test runs relays of its own

  beforeAll(async () => {
    const [dbA, dbB] = await Promise.all([createTestDatabase(`${name}_a`), createTestDatabase(`${name}_b`)]);
    writer = await startTestService({ service: 'writer', role: 'writer', databaseUrl: dbA, topicPrefix: prefix });
    counter = await startTestService({ service: 'counter', role: 'counter', databaseUrl: dbB, topicPrefix: prefix });
    quietWriter = await startTestService({ service: 'writer', role: 'writer', databaseUrl: await createTestDatabase(`${name}_c`), topicPrefix: prefix, relay: { enabled: false } });
    const admin = testKafka().admin();
    await admin.connect();
    await waitForGroupStable(admin, `${prefix}counter`);
    await admin.disconnect();
  });

  afterAll(async () => {
    await writer?.close();
    await quietWriter?.close();
    await counter?.close();
    await Promise.all([dropTestDatabase(`${name}_a`), dropTestDatabase(`${name}_b`), dropTestDatabase(`${name}_c`)]);
  });

  it('applies in app B an event that app A wrote in one transaction with its domain row', async () => {
    const counterId = randomUUID();
    const event = await writer.get(Writer).step(counterId, 1);

    const [note] = await writer.get(DataSource).query(`SELECT count(*)::int AS n FROM test_notes WHERE counter_id = $1`, [counterId]);
    expect(note.n).toBe(1);
    await eventually(async () => {
      expect((await effects(counter)).filter((e) => e.event_id === event.id)).toEqual([
        expect.objectContaining({ counter_id: counterId, step: 1 }),
      ]);
    });
    const [row] = await writer.get(DataSource).query(`SELECT sent_at FROM messaging_outbox WHERE id = $1`, [event.id]);
    expect(row.sent_at).not.toBeNull();
  });

  it('gives a catch-all handler every event it can validate, after the specific handler, and skips the rest', async () => {
    const counterId = randomUUID();
    const stepped = await writer.get(Writer).step(counterId, 1);
    // Another known contract on the same topic (no specific handler here), and a type nobody knows.
    const signed = buildEvent(ProjectSigned, { projectId: counterId, source: 'test', payload: projectSignedPayload() });
    const unknown = { ...stepped, id: randomUUID(), type: 'test.never-defined' };
    const producer = testKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: `${prefix}${TEST_TOPIC}`, messages: [signed, unknown].map((e) => ({ key: counterId, value: JSON.stringify(e) })) });
    await producer.disconnect();
    const marker = await writer.get(Writer).step(counterId, 2);

    const seen = async () =>
      (await counter.get(DataSource).query(`SELECT event_id, type FROM test_seen WHERE event_id = ANY($1::uuid[])`, [[stepped.id, signed.id, unknown.id, marker.id]])) as {
        event_id: string;
        type: string;
      }[];
    await eventually(async () => expect((await seen()).map((r) => r.event_id)).toContain(marker.id));
    expect((await seen()).map((r) => r.type).sort()).toEqual(['project.signed', 'test.counter-stepped', 'test.counter-stepped']);
    expect((await effects(counter)).filter((e) => e.counter_id === counterId).map((e) => e.step)).toEqual([1, 2]);
  });

  it('publishes nothing when the transaction rolls back', async () => {
    const counterId = randomUUID();
    await expect(writer.get(Writer).step(counterId, 1, { fail: true })).rejects.toThrow('rolled back on purpose');
    // A later event of the same project travels the same partition after where the first would have been.
    const marker = await writer.get(Writer).step(counterId, 2);

    await eventually(async () => expect((await effects(counter)).some((e) => e.event_id === marker.id)).toBe(true));
    expect((await effects(counter)).filter((e) => e.counter_id === counterId).map((e) => e.step)).toEqual([2]);
    const outbox = await writer.get(DataSource).query(`SELECT event FROM messaging_outbox WHERE key = $1`, [counterId]);
    expect(outbox.map((r: { event: { id: string } }) => r.event.id)).toEqual([marker.id]);
    const notes = await writer.get(DataSource).query(`SELECT step FROM test_notes WHERE counter_id = $1`, [counterId]);
    expect(notes).toEqual([{ step: 2 }]);
    const onTopic = (await readTopic(`${prefix}${TEST_TOPIC}`, (all) => all.some((m) => m.value?.includes(marker.id) ?? false))).filter((m) => m.key === counterId);
    expect(onTopic.map((m) => JSON.parse(m.value!).id)).toEqual([marker.id]);
  });

  // 1,000 events over 50 projects, interleaved at random; within a project, steps 1…20 in order.
  function interleaved(): { counters: string[]; items: { counterId: string; step: number }[] } {
    const counters: string[] = Array.from({ length: 50 }, () => randomUUID());
    const next = new Map(counters.map((c) => [c, 1]));
    const items: { counterId: string; step: number }[] = [];
    while (items.length < 1000) {
      const open = counters.filter((c) => next.get(c)! <= 20);
      const counterId = open[Math.floor(Math.random() * open.length)];
      items.push({ counterId, step: next.get(counterId)! });
      next.set(counterId, next.get(counterId)! + 1);
    }
    return { counters, items };
  }

  async function expectAppliedInOrder(counters: string[]): Promise<void> {
    const mine = new Set(counters);
    const applied = await eventually(
      async () => {
        const rows = (await effects(counter)).filter((e) => mine.has(e.counter_id));
        expect(rows).toHaveLength(1000);
        return rows;
      },
      { timeoutMs: 60_000 },
    );
    expect(new Set(applied.map((e) => e.event_id)).size).toBe(1000);
    for (const counterId of counters) {
      expect(applied.filter((e) => e.counter_id === counterId).map((e) => e.step)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    }
  }

  it("applies 1,000 events over 50 projects in each project's order", async () => {
    const { counters, items } = interleaved();
    await writer.get(Writer).steps(items, 50);
    await expectAppliedInOrder(counters);
  });

  it("keeps each project's order when two relays publish the same outbox at once", async () => {
    const { counters, items } = interleaved();
    await quietWriter.get(Writer).steps(items, 50);
    const dataSource = quietWriter.get(DataSource);
    const relays = [1, 2].map(
      (n) =>
        new OutboxRelay(dataSource, createKafka({ service: `relay-${n}`, brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',') }), `relay-${n}`, {
          enabled: true,
          batchSize: 25, // small claims, so the two relays interleave
          leaseMs: 30_000,
          pollIntervalMs: 50,
          retainSentMs: 3600_000,
        }),
    );
    await Promise.all(relays.map((r) => r.start()));
    try {
      await expectAppliedInOrder(counters);
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
    }
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM messaging_outbox WHERE sent_at IS NULL`);
    expect(n).toBe(0);
  });
});
