/**
 * npm run bench — the whole lifecycle under load, beside raw baselines measured in the same run.
 *
 * Starts a separate instance of the system with the start command (ports +200,
 * databases bench_*, its own topics, no demo data, no rate limit), then:
 *  1. baselines: raw kafkajs (send → consumed), raw PostgreSQL (one-row insert
 *     transactions, primary-key reads), a bare Node HTTP server (the read load below);
 *  2. N projects driven from 签约 to 达产 through the HTTP APIs with concurrency C
 *     (registration, notice, commitment, pre-check, grants, start, completion,
 *     acceptance request and result, production, full production), waiting for
 *     the events between the services as a client would: lifecycles/s;
 *  3. reads: GET /projects/:id and GET /cases/:id for READ_SECONDS with 32
 *     concurrent clients: req/s and p50/p99;
 *  4. per service, commit → applied for every consumed event (the producing
 *     transaction's outbox row → the consuming transaction's inbox row);
 *     HTTP p50/p99 per endpoint; the services' RSS (peak, sampled each second).
 * Env: BENCH_PROJECTS (1000), BENCH_CONCURRENCY (48), BENCH_READ_SECONDS (10).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Partitioners } from 'kafkajs';
import { Client, Pool } from 'pg';
import { DEMO_ENTERPRISES, DemoApi, demoUser, idpSettings, IdpTokens, ProjectJourney, seedOrganisation, SERVICE_NAMES, serviceUrls } from '@devzone/demo';
import { addDays, chinaDate } from '@devzone/shared-kernel';
import { testKafka, uniqueName } from '@devzone/testing';
import { stackEnv, startCommand, stopCommand } from '../src/support/stack';
import { freshDatabases, rssOf } from './system';

const N = Number(process.env['BENCH_PROJECTS'] ?? 1000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 48);
const READ_SECONDS = Number(process.env['BENCH_READ_SECONDS'] ?? 10);
const READ_CLIENTS = 32;
const OFFSET = 200;
const DB_PREFIX = 'bench_';
const DATABASES = ['intake', 'approval', 'land', 'agency', 'notifications'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (values: number[], p: number) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (n: number) => (Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const log = (line: string) => process.stderr.write(`${line}\n`);

function progress(label: string, done: number, total: number, started: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  const rate = done / ((performance.now() - started) / 1000);
  process.stderr.write(`\r${label} [${'='.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${rate.toFixed(1)}/s `);
  if (done === total) process.stderr.write('\n');
}

// ── baselines ──────────────────────────────────────────────────────────────
async function kafkaBaseline(): Promise<{ perSecond: number; p50: number; p99: number }> {
  const kafka = testKafka('bench-raw');
  const topic = uniqueName('bench_raw');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6, replicationFactor: 1 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId: uniqueName('bench_raw'), maxWaitTimeInMs: 20 });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let received = 0;
  await consumer.run({
    eachMessage: async ({ message }) => {
      received++;
      const started = sentAt.get(String(message.key));
      if (started !== undefined) latencies.push(performance.now() - started);
    },
  });
  await sleep(2_000);
  // Throughput: 20,000 messages in batches of 500.
  const start = performance.now();
  for (let b = 0; b < 40; b++) await producer.send({ topic, messages: Array.from({ length: 500 }, (_, i) => ({ key: `t${b}-${i}`, value: '{"x":1}' })) });
  while (received < 20_000) await sleep(5);
  const perSecond = 20_000 / ((performance.now() - start) / 1000);
  // Latency: one message per send, 200/s for 5 s.
  for (let i = 0; i < 1000; i++) {
    const key = `l${i}`;
    sentAt.set(key, performance.now());
    void producer.send({ topic, messages: [{ key, value: '{"x":1}' }] });
    await sleep(5);
  }
  while (latencies.length < 1000) await sleep(5);
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
  return { perSecond, p50: pct(latencies, 50), p99: pct(latencies, 99) };
}

async function postgresBaseline(url: string): Promise<{ insertsPerSecond: number; insertP50: number; insertP99: number; readsPerSecond: number; readP50: number; readP99: number }> {
  const pool = new Pool({ connectionString: url, max: 10 });
  await pool.query('CREATE TABLE IF NOT EXISTS bench_raw (id uuid PRIMARY KEY, body jsonb NOT NULL)');
  const ids: string[] = [];
  const insert: number[] = [];
  let start = performance.now();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let i = 0; i < 500; i++) {
        const id = randomUUID();
        const t = performance.now();
        await pool.query('INSERT INTO bench_raw VALUES ($1, $2)', [id, { n: i }]);
        insert.push(performance.now() - t);
        ids.push(id);
      }
    }),
  );
  const insertsPerSecond = insert.length / ((performance.now() - start) / 1000);
  const read: number[] = [];
  start = performance.now();
  await Promise.all(
    Array.from({ length: 10 }, async (_, c) => {
      for (let i = 0; i < 1000; i++) {
        const t = performance.now();
        await pool.query('SELECT body FROM bench_raw WHERE id = $1', [ids[(c * 1000 + i) % ids.length]]);
        read.push(performance.now() - t);
      }
    }),
  );
  const readsPerSecond = read.length / ((performance.now() - start) / 1000);
  await pool.query('DROP TABLE bench_raw');
  await pool.end();
  return { insertsPerSecond, insertP50: pct(insert, 50), insertP99: pct(insert, 99), readsPerSecond, readP50: pct(read, 50), readP99: pct(read, 99) };
}

/** READ_CLIENTS clients, each one request at a time, for `seconds`. */
async function readLoad(seconds: number, request: (i: number) => Promise<number>): Promise<{ perSecond: number; p50: number; p99: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: READ_CLIENTS }, async (_, c) => {
      for (let i = c; performance.now() < end; i += READ_CLIENTS) {
        const t = performance.now();
        const status = await request(i);
        if (status !== 200) errors++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { perSecond: latencies.length / ((performance.now() - start) / 1000), p50: pct(latencies, 50), p99: pct(latencies, 99), errors };
}

async function httpBaseline(): Promise<ReturnType<typeof readLoad>> {
  const body = JSON.stringify({ id: randomUUID(), stage: 'IN_PRODUCTION', name: '基准项目', milestones: { start: { planned: '2027-01-01' } } });
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const result = await readLoad(5, async () => {
    const r = await fetch(`http://127.0.0.1:${port}/projects/x`);
    await r.arrayBuffer();
    return r.status;
  });
  server.close();
  return result;
}

// ── the system ─────────────────────────────────────────────────────────────
async function commitToApplied(adminUrl: string): Promise<Record<string, { events: number; p50: number; p99: number }>> {
  const dbUrl = (db: string) => adminUrl.replace(/\/[^/]*$/, `/${DB_PREFIX}${db}`);
  const committed = new Map<string, number>();
  const inboxes: { service: string; rows: { event_id: string; at: number }[] }[] = [];
  for (const [i, db] of DATABASES.entries()) {
    const client = new Client({ connectionString: dbUrl(db) });
    await client.connect();
    for (const r of (await client.query('SELECT id, extract(epoch FROM created_at) * 1000 AS at FROM messaging_outbox')).rows) committed.set(r.id, Number(r.at));
    const rows = (await client.query('SELECT event_id, extract(epoch FROM processed_at) * 1000 AS at FROM messaging_inbox')).rows.map((r) => ({ event_id: r.event_id as string, at: Number(r.at) }));
    inboxes.push({ service: SERVICE_NAMES[i], rows });
    await client.end();
  }
  const out: Record<string, { events: number; p50: number; p99: number }> = {};
  for (const { service, rows } of inboxes) {
    const latencies = rows.flatMap((r) => (committed.has(r.event_id) ? [r.at - (committed.get(r.event_id) ?? 0)] : []));
    out[service] = { events: latencies.length, p50: pct(latencies, 50), p99: pct(latencies, 99) };
  }
  return out;
}

async function main(): Promise<void> {
  const infra = await freshDatabases(DB_PREFIX, DATABASES);

  log('[bench] baselines: raw kafkajs, raw PostgreSQL, bare HTTP');
  const kafka = await kafkaBaseline();
  const pg = await postgresBaseline(infra.databaseUrl);
  const bareHttp = await httpBaseline();

  log('[bench] starting the system (start command, ports +200, no demo data)');
  const runDir = mkdtempSync(join(tmpdir(), 'devzone-bench-'));
  const env: Record<string, string> = { ...stackEnv(runDir, `bench${Date.now().toString(36)}.`), DEVZONE_PORT_OFFSET: String(OFFSET), DEVZONE_DB_PREFIX: DB_PREFIX, DEVZONE_SEED: 'none', LOG_LEVEL: 'warn' };
  await startCommand(env);
  const peakRss: Record<string, number> = {};
  const sampler = setInterval(() => {
    for (const [name, mb] of Object.entries(rssOf(runDir))) peakRss[name] = Math.max(peakRss[name] ?? 0, mb);
  }, 1_000);

  try {
    const api = new DemoApi(serviceUrls(OFFSET), new IdpTokens(idpSettings(runDir)));
    await seedOrganisation(api);
    const http = new Map<string, number[]>();
    api.observer = (method, service, path, _status, took) => {
      const template = `${method} ${service} ${path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id').replace(/\/items\/[A-Z]\d+\//, '/items/:code/').replace(/\?.*$/, '')}`;
      (http.get(template) ?? http.set(template, []).get(template))?.push(took);
    };

    // Warm-up: a few lifecycles before the clock starts (JIT, pools, topic metadata).
    const today = chinaDate();
    const plan = (i: number) => {
      const signedOn = addDays(today, -400);
      return {
        enterprise: DEMO_ENTERPRISES[i % DEMO_ENTERPRISES.length],
        name: `基准测试项目 ${i + 1}`,
        landAreaMu: 0,
        wantsFullAgency: false,
        totalInvestment: 5_000,
        projectedAnnualOutput: 8_000,
        signedOn,
        plannedDates: { start: addDays(signedOn, 30), completion: addDays(signedOn, 200), production: addDays(signedOn, 250) },
      };
    };
    await Promise.all(Array.from({ length: 8 }, (_, i) => new ProjectJourney(api, plan(N + i), 120_000).runTo('full-production')));
    http.clear();

    log(`[bench] ${N} lifecycles, ${CONCURRENCY} at a time`);
    const journeys: ProjectJourney[] = [];
    let next = 0;
    let done = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < N) {
          const journey = new ProjectJourney(api, plan(next++), 300_000);
          await journey.runTo('full-production');
          journeys.push(journey);
          progress('[bench] lifecycles', ++done, N, started);
        }
      }),
    );
    const lifecycleSeconds = (performance.now() - started) / 1000;

    log(`[bench] reads for ${READ_SECONDS} s, ${READ_CLIENTS} clients`);
    const reader = demoUser('admin');
    const token = await api.token(reader);
    const read = async (url: string) => {
      const r = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      await r.arrayBuffer();
      return r.status;
    };
    const projectReads = await readLoad(READ_SECONDS, (i) => read(`${api.urls['project-intake']}/projects/${journeys[i % journeys.length].projectId}`));
    const caseReads = await readLoad(READ_SECONDS, (i) => read(`${api.urls['commitment-approval']}/cases/${journeys[i % journeys.length].caseId}`));

    await sleep(2_000);
    const latency = await commitToApplied(infra.databaseUrl);
    const rssNow = rssOf(runDir);

    // ── report (markdown, for docs/benchmarks.md) ──
    const out: string[] = [];
    out.push(`## Whole lifecycle (npm run bench) — ${new Date().toISOString().slice(0, 10)}, ${N} projects, concurrency ${CONCURRENCY}`, '');
    out.push('| measure | result | baseline in the same run |', '|---|---:|---|');
    out.push(`| lifecycles 签约→达产 | ${int(N)} in ${lifecycleSeconds.toFixed(1)} s = **${(N / lifecycleSeconds).toFixed(1)}/s** | — |`);
    out.push(`| reads GET /projects/:id | **${int(projectReads.perSecond)} req/s**, p50 ${ms(projectReads.p50)} ms, p99 ${ms(projectReads.p99)} ms (${projectReads.errors} errors) | bare Node HTTP: ${int(bareHttp.perSecond)} req/s, p50 ${ms(bareHttp.p50)} / p99 ${ms(bareHttp.p99)} ms |`);
    out.push(`| reads GET /cases/:id | **${int(caseReads.perSecond)} req/s**, p50 ${ms(caseReads.p50)} ms, p99 ${ms(caseReads.p99)} ms (${caseReads.errors} errors) | PostgreSQL PK read: ${int(pg.readsPerSecond)}/s, p50 ${ms(pg.readP50)} / p99 ${ms(pg.readP99)} ms |`);
    out.push(`| Kafka | — | raw kafkajs: ${int(kafka.perSecond)} msgs/s; send → consumed p50 ${ms(kafka.p50)} / p99 ${ms(kafka.p99)} ms |`);
    out.push(`| PostgreSQL | — | one-row insert transactions (10 clients): ${int(pg.insertsPerSecond)}/s, p50 ${ms(pg.insertP50)} / p99 ${ms(pg.insertP99)} ms |`, '');
    out.push('| service | events consumed | commit → applied p50 / p99 ms | RSS peak / end MB |', '|---|---:|---:|---:|');
    for (const s of SERVICE_NAMES) out.push(`| ${s} | ${int(latency[s]?.events ?? 0)} | ${ms(latency[s]?.p50 ?? NaN)} / ${ms(latency[s]?.p99 ?? NaN)} | ${ms(peakRss[s] ?? NaN)} / ${ms(rssNow[s] ?? NaN)} |`);
    out.push('', '| endpoint (during the lifecycles) | requests | p50 ms | p99 ms |', '|---|---:|---:|---:|');
    for (const [endpoint, values] of [...http.entries()].sort((a, b) => b[1].length - a[1].length)) out.push(`| ${endpoint} | ${int(values.length)} | ${ms(pct(values, 50))} | ${ms(pct(values, 99))} |`);
    console.log(out.join('\n'));
  } finally {
    clearInterval(sampler);
    await stopCommand(env);
    const cleanup = new Client({ connectionString: infra.databaseUrl });
    await cleanup.connect();
    for (const db of DATABASES) await cleanup.query(`DROP DATABASE IF EXISTS "${DB_PREFIX}${db}" WITH (FORCE)`);
    await cleanup.end();
    const kadmin = testKafka().admin();
    await kadmin.connect();
    const topics = (await kadmin.listTopics()).filter((t) => t.startsWith(env['KAFKA_TOPIC_PREFIX']));
    if (topics.length) await kadmin.deleteTopics({ topics });
    await kadmin.disconnect();
    rmSync(runDir, { recursive: true, force: true });
    await infra.stop?.();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
