import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, dropTestDatabase, eventually, localBroker, testKafka, uniqueName, waitForGroupStable } from '@devzone/testing';
import { effects, startTestService, Writer } from './counter-services';

describe('broker stopped and started while events are written', () => {
  const name = uniqueName('br');
  const prefix = `${name}.`;
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
    await localBroker.start(); // whatever happened above, leave a broker up for the next test file
    await writer?.close();
    await counter?.close();
    await Promise.all([dropTestDatabase(`${name}_a`), dropTestDatabase(`${name}_b`)]);
  }, 120_000);

  it('applies all 1,000 events, each exactly once', async () => {
    const counters = Array.from({ length: 20 }, () => randomUUID() as string);
    const items = Array.from({ length: 1000 }, (_, i) => ({ counterId: counters[i % 20], step: Math.floor(i / 20) + 1 }));
    const mine = new Set(counters);
    const appliedCount = async () => (await effects(counter)).filter((e) => mine.has(e.counter_id)).length;

    // 100 transactions of 10 events; the broker goes down after the 20th and comes back after the 70th.
    let outage: Promise<void> = Promise.resolve();
    let restart: Promise<void> = Promise.resolve();
    let appliedDuringOutage = -1;
    for (let t = 0; t < 100; t++) {
      await writer.get(Writer).steps(items.slice(t * 10, t * 10 + 10), 10);
      if (t === 20) outage = localBroker.stop();
      if (t === 70) {
        restart = outage.then(async () => {
          appliedDuringOutage = await appliedCount();
          await localBroker.start();
        });
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await restart;

    const rows = await eventually(
      async () => {
        const applied = (await effects(counter)).filter((e) => mine.has(e.counter_id));
        expect(applied).toHaveLength(1000);
        return applied;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    // The outage really held events back: at least the 500 written while it lasted were not applied then.
    expect(appliedDuringOutage).toBeGreaterThanOrEqual(0);
    expect(appliedDuringOutage).toBeLessThanOrEqual(500);
    const perEvent = new Map<string, number>();
    for (const row of rows) perEvent.set(row.event_id, (perEvent.get(row.event_id) ?? 0) + 1);
    expect(perEvent.size).toBe(1000);
    expect([...perEvent.values()].every((n) => n === 1)).toBe(true);
    // and in each project's order
    for (const id of counters) {
      expect(rows.filter((e) => e.counter_id === id).map((e) => e.step)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    }
  }, 240_000);
});
