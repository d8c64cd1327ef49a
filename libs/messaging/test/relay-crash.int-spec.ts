import type { INestApplication } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase, dropTestDatabase, eventually, readTopic, testKafka, TEST_TOPIC, uniqueName, waitForGroupStable, WORKSPACE_ROOT } from '@devzone/testing';
import { OutboxRelay } from '../src';
import { effects, startTestService, Writer } from './counter-services';

const LEASE_MS = 2_000;

function runChildRelay(databaseUrl: string): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'relay-crash.child.ts'), databaseUrl, process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092', String(LEASE_MS)], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: join(WORKSPACE_ROOT, 'tsconfig.base.json') },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(signal ?? code));
  });
}

describe('relay killed between publish and mark-sent', () => {
  const name = uniqueName('rc');
  const prefix = `${name}.`;
  const topic = `${prefix}${TEST_TOPIC}`;
  let writer: INestApplication;
  let counter: INestApplication;
  let writerDb: string;

  beforeAll(async () => {
    [writerDb] = await Promise.all([createTestDatabase(`${name}_a`), createTestDatabase(`${name}_b`)]);
    // The writer's own relay stays off: the child process is the relay that dies.
    writer = await startTestService({ service: 'writer', role: 'writer', databaseUrl: writerDb, topicPrefix: prefix, relay: { enabled: false, leaseMs: LEASE_MS } });
    counter = await startTestService({ service: 'counter', role: 'counter', databaseUrl: `${writerDb.replace(/_a$/, '_b')}`, topicPrefix: prefix });
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

  it('delivers the event again and the consumer applies it exactly once', async () => {
    const counterId = randomUUID();
    const event = await writer.get(Writer).step(counterId, 1);

    expect(await runChildRelay(writerDb)).toBe('SIGKILL');

    // The child published but never marked: the row is still pending, under its (dead) lease.
    const [pending] = await writer.get(DataSource).query(`SELECT sent_at, locked_until IS NOT NULL AS leased FROM messaging_outbox WHERE id = $1`, [event.id]);
    expect(pending).toEqual({ sent_at: null, leased: true });
    await eventually(async () => expect((await effects(counter)).filter((e) => e.event_id === event.id)).toHaveLength(1));

    // A healthy relay takes the row over once the lease has run out, and publishes it again.
    const relay = writer.get(OutboxRelay);
    await relay.start();
    try {
      await eventually(
        async () => {
          const [row] = await writer.get(DataSource).query(`SELECT sent_at FROM messaging_outbox WHERE id = $1`, [event.id]);
          expect(row.sent_at).not.toBeNull();
        },
        { timeoutMs: LEASE_MS + 10_000 },
      );
    } finally {
      await relay.stop();
    }

    const copies = (await readTopic(topic, 2)).filter((m) => JSON.parse(m.value!).id === event.id);
    expect(copies).toHaveLength(2);
    // The consumer has read past the second copy (its offset is committed after it)…
    const admin = testKafka().admin();
    await admin.connect();
    const last = copies.reduce((max, m) => (BigInt(m.offset) > BigInt(max.offset) ? m : max));
    await eventually(async () => {
      const [{ partitions }] = await admin.fetchOffsets({ groupId: `${prefix}counter`, topics: [topic] });
      const committed = partitions.find((p) => p.partition === last.partition)!.offset;
      expect(BigInt(committed)).toBeGreaterThan(BigInt(last.offset));
    });
    await admin.disconnect();
    // …and its effect happened once.
    expect((await effects(counter)).filter((e) => e.event_id === event.id)).toHaveLength(1);
  });
});
