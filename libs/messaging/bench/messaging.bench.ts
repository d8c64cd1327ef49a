/**
 * npm run bench:messaging
 *
 * Measures outbox → Kafka → inbox (two services, real PostgreSQL and Kafka)
 * beside a raw kafkajs produce → consume baseline, in the same run:
 *  1. throughput: (a) a backlog of N committed events drained by relay and consumer,
 *     (b) N events committed by 4 writers while relay and consumer run; events/s from
 *     the start to the last event applied (baseline: N messages sent in batches of
 *     500, from the first send to the last message consumed);
 *  2. latency at a steady 200 events/s for 10 s after 5 s of warm-up: commit → applied
 *     p50/p99 (baseline: send → consumed). "Applied" is the consumer's insert of the
 *     effect row (clock_timestamp() inside its transaction, just before its commit).
 * The consuming service runs in a child process; the writer and its relay in this one.
 * Env: BENCH_EVENTS (default 20000), BENCH_RATE (200), BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (5),
 * KAFKA_BROKERS / DATABASE_URL as for tests (else deploy/local is started).
 */
import type { INestApplication } from '@nestjs/common';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Partitioners } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createTestDatabase, dropTestDatabase, resolveInfrastructure, testKafka, uniqueName, waitForGroupStable } from '@devzone/testing';
import { OutboxRelay, provisionTopics } from '../src';
import { startTestService, Writer } from '../test/counter-services';

const N = Number(process.env['BENCH_EVENTS'] ?? 20_000);
const RATE = Number(process.env['BENCH_RATE'] ?? 200);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const WARMUP_SECONDS = Number(process.env['BENCH_WARMUP_SECONDS'] ?? 5);
const PARTITIONS = 6;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fmt = (n: number) => n.toFixed(1);

interface Result {
  throughput: number;
  p50: number;
  p99: number;
  samples: number;
}

async function paced(count: number, rate: number, send: (i: number) => Promise<void>): Promise<void> {
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(send(i));
  }
  await Promise.all(inFlight);
}

async function baseline(): Promise<Result> {
  const kafka = testKafka('bench-raw');
  const topic = uniqueName('bench_raw');
  await provisionTopics(kafka, [topic], { partitions: PARTITIONS, replicationFactor: 1 });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId: `${topic}-group`, maxWaitTimeInMs: 1_000 });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let consumed = 0;
  let lastAt = 0;
  const latencies: number[] = [];
  let measuring = false;
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachBatch: async ({ batch, resolveOffset }) => {
      const now = Date.now();
      for (const m of batch.messages) {
        if (measuring) latencies.push(now - Number(m.headers?.['sent-at']?.toString()));
        resolveOffset(m.offset);
      }
      consumed += batch.messages.length;
      lastAt = performance.now();
    },
  });
  const admin = kafka.admin();
  await admin.connect();
  await waitForGroupStable(admin, `${topic}-group`);

  const keys = Array.from({ length: 50 }, () => randomUUID());
  const t0 = performance.now();
  for (let i = 0; i < N; i += 500) {
    const messages = Array.from({ length: Math.min(500, N - i) }, (_, j) => ({ key: keys[(i + j) % 50], value: JSON.stringify({ i: i + j, pad: 'x'.repeat(400) }) }));
    await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
  }
  while (consumed < N) await sleep(5);
  const throughput = N / ((lastAt - t0) / 1000);

  measuring = true;
  const before = consumed;
  const total = RATE * SECONDS;
  await paced(total, RATE, async (i) => {
    await producer.send({ topic, acks: -1, messages: [{ key: keys[i % 50], value: JSON.stringify({ i, pad: 'x'.repeat(400) }), headers: { 'sent-at': String(Date.now()) } }] });
  });
  while (consumed < before + total) await sleep(5);
  await consumer.disconnect();
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic, `${topic}.dlq`] }).catch(() => undefined);
  await admin.disconnect();
  const sorted = latencies.sort((a, b) => a - b);
  return { throughput, p50: pct(sorted, 50), p99: pct(sorted, 99), samples: sorted.length };
}

async function pipeline(): Promise<Omit<Result, 'throughput'> & { drain: number; endToEnd: number; commits: number }> {
  const name = uniqueName('bench');
  const [dbA, dbB] = await Promise.all([createTestDatabase(`${name}_a`), createTestDatabase(`${name}_b`)]);
  let writer: INestApplication | undefined;
  // The consuming service runs in a process of its own, as deployed services do.
  const counter = fork(join(__dirname, 'counter.process.ts'), [dbB, `${name}.`, String(PARTITIONS)], { execArgv: ['-r', '@swc-node/register', ...(process.env['BENCH_CHILD_NODE_OPTIONS'] ?? '').split(' ').filter(Boolean)] });
  const applied = new DataSource({ type: 'postgres', url: dbB });
  try {
    await new Promise((resolve, reject) => {
      counter.once('message', resolve);
      counter.once('exit', (code) => reject(new Error(`the counter process exited (${code})`)));
    });
    await applied.initialize();
    // The writer's relay is started and stopped by the phases below.
    writer = await startTestService({ service: 'writer', role: 'writer', databaseUrl: dbA, topicPrefix: `${name}.`, partitions: PARTITIONS, relay: { enabled: false } });
    const admin = testKafka().admin();
    await admin.connect();
    await waitForGroupStable(admin, `${name}.counter`);
    await admin.disconnect();
    const w = writer.get(Writer);
    const count = async () => (await applied.query(`SELECT count(*)::int AS n FROM test_effects`))[0].n as number;

    const keys = Array.from({ length: 50 }, () => randomUUID() as string);
    const items = (offset: number) => Array.from({ length: N }, (_, i) => ({ counterId: keys[i % 50], step: offset + Math.floor(i / 50) + 1 }));
    const chunks = 4;
    const per = Math.ceil(N / chunks);
    const write = (list: { counterId: string; step: number }[]) => Promise.all(Array.from({ length: chunks }, (_, c) => w.steps(list.slice(c * per, (c + 1) * per), 10)));

    // 1. Latency at a steady rate, one event per transaction, after a warm-up at that
    //    rate (discarded): the first seconds of a process (JIT, pools filling) are not its steady state.
    await writer.get(OutboxRelay).start();
    const committedAt = new Map<string, number>();
    const warmup = RATE * WARMUP_SECONDS;
    const total = RATE * SECONDS;
    await paced(warmup + total, RATE, async (i) => {
      const event = await w.step(keys[i % 50], 1_000_000 + i);
      if (i >= warmup) committedAt.set(event.id, Date.now());
    });
    while ((await count()) < warmup + total) await sleep(20);
    const rows: { event_id: string; applied_ms: string }[] = await applied.query(
      `SELECT event_id, (extract(epoch from applied_at) * 1000)::bigint AS applied_ms FROM test_effects WHERE step > 1000000`,
    );
    const latencies = rows.filter((r) => committedAt.has(r.event_id)).map((r) => Number(r.applied_ms) - committedAt.get(r.event_id)!).sort((a, b) => a - b);
    await writer.get(OutboxRelay).stop();
    await applied.query(`TRUNCATE test_effects`);

    // 2. Relay and consumer capacity: N events already committed (50 projects), then the relay starts.
    await write(items(0));
    const r0 = performance.now();
    await writer.get(OutboxRelay).start();
    const pending = async () => (await writer!.get(DataSource).query(`SELECT count(*)::int AS n FROM messaging_outbox WHERE sent_at IS NULL`))[0].n as number;
    let relayed = 0;
    while ((await count()) < N) {
      if (!relayed && (await pending()) === 0) relayed = performance.now();
      await sleep(20);
    }
    const drain = N / ((performance.now() - r0) / 1000);
    console.log(`  backlog: relayed in ${fmt(relayed - r0)} ms, applied in ${fmt(performance.now() - r0)} ms`);

    // 3. End to end: 4 writers commit N more events (10 per transaction) while the relay and consumer run.
    const t0 = performance.now();
    await write(items(N));
    const written = performance.now();
    while ((await count()) < 2 * N) await sleep(20);
    const t1 = performance.now();
    const endToEnd = N / ((t1 - t0) / 1000);
    const commits = N / ((written - t0) / 1000);

    return { drain, endToEnd, commits, p50: pct(latencies, 50), p99: pct(latencies, 99), samples: latencies.length };
  } finally {
    await writer?.close();
    counter.kill('SIGTERM');
    await new Promise((resolve) => (counter.exitCode !== null ? resolve(null) : counter.once('exit', resolve)));
    if (applied.isInitialized) await applied.destroy();
    await Promise.all([dropTestDatabase(`${name}_a`), dropTestDatabase(`${name}_b`)]);
  }
}

async function main() {
  const infra = await resolveInfrastructure();
  process.env['KAFKA_BROKERS'] = infra.kafkaBrokers.join(',');
  process.env['DATABASE_URL'] = infra.databaseUrl;
  console.log(`bench:messaging — ${N} events for throughput, ${RATE}/s × ${SECONDS} s for latency, ${PARTITIONS} partitions, Kafka ${infra.kafkaBrokers.join(',')} (${infra.source})`);
  const raw = await baseline();
  const ours = await pipeline();
  console.log('');
  console.log(`| path | throughput (events/s) | p50 latency at ${RATE}/s (ms) | p99 latency at ${RATE}/s (ms) | latency samples |`);
  console.log('|---|---:|---:|---:|---:|');
  console.log(`| baseline: raw kafkajs, send (batches of 500) → consumed | ${fmt(raw.throughput)} | ${raw.p50} | ${raw.p99} | ${raw.samples} |`);
  console.log(`| outbox → Kafka → inbox, backlog drained (relay + consumer) | ${fmt(ours.drain)} | | | |`);
  console.log(`| outbox → Kafka → inbox, end to end while 4 writers commit (${fmt(ours.commits)} commits/s) | ${fmt(ours.endToEnd)} | ${ours.p50} | ${ours.p99} | ${ours.samples} |`);
  await infra.stop?.();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
