/**
 * npm run bench:scale — every list, figure, queue and worklist at province size.
 * npm run bench:data  — only the load: a province in the bench_scale_* databases.
 *
 * Builds and starts project-intake, commitment-approval, agency and standard-land
 * as the start command does (dist/…/main.js, its heap flags), on fresh databases
 * bench_scale_<service> (their migrations run at boot), and loads a province
 * into their tables (bench/province.ts: 100,000 projects, 2 M timeline entries,
 * 1.5 M approval items, …). With BENCH_REUSE=1 an already loaded province is kept.
 * Then, with autocannon (32 connections, BENCH_SECONDS each), beside the client's
 * own ceiling (a bare Node HTTP server under the same load), each read as the
 * person who makes it; prints req/s, p50, p99, non-2xx and each service's RSS
 * (peak, sampled each second), and whether every service is still alive.
 * Env: BENCH_PROJECTS (100000), BENCH_SECONDS (10), BENCH_ONLY (a label substring),
 * BENCH_REUSE=1, BENCH_CPU_PROF (a directory for the services' CPU profiles),
 * BENCH_CHECKS (the scheduled checks' interval in ms; default 0: off).
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { mintToken, type Principal } from '@devzone/auth';
import { resolveInfrastructure, spawnService, uniqueName, type SpawnedService } from '@devzone/testing';
import { AGENTS_PER_ZONE, loadProvince } from './province';

const PROJECTS = Number(process.env['BENCH_PROJECTS'] ?? 100_000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const ONLY = process.env['BENCH_ONLY'];
const LOAD_ONLY = process.argv.includes('--load-only');
/** A directory: each service writes a CPU profile there when it stops (node --cpu-prof). */
const PROFILE = process.env['BENCH_CPU_PROF'];
const SERVICES = { intake: 'project-intake', approval: 'commitment-approval', agency: 'agency', land: 'standard-land' } as const;
type Key = keyof typeof SERVICES;
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Row {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(label: string, url: string, headers: Record<string, string> = {}): Promise<Row> {
  const r = await autocannon({ url, connections: 32, duration: SECONDS, headers });
  // The server may still be working off what the load left queued (a slow row would slow the next): one more request waits behind it.
  await fetch(url, { headers }).then((response) => response.arrayBuffer());
  const statuses = Object.entries(r.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2'));
  if (statuses.length) log(`[bench] ${label}: ${statuses.map(([code, n]) => `${code} × ${(n as { count: number }).count}`).join(', ')}`);
  return { label, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

async function bareServer(): Promise<{ url: string; close: () => void }> {
  const body = JSON.stringify({ items: [{ id: 1, name: '基准项目' }], total: 1, page: 1, pageSize: 20 });
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`, close: () => server.close() };
}

function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : NaN;
  } catch {
    return NaN; // the process is gone
  }
}

async function main(): Promise<void> {
  const infra = await resolveInfrastructure();
  const admin = new Client({ connectionString: infra.databaseUrl });
  await admin.connect();
  const urlOf = (key: Key) => infra.databaseUrl.replace(/\/[^/]*$/, `/bench_scale_${key}`);
  const keys = Object.keys(SERVICES) as Key[];
  const existing = new Set(((await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'bench_scale_%'`)).rows as { datname: string }[]).map((r) => r.datname));
  let reuse = process.env['BENCH_REUSE'] === '1' && keys.every((k) => existing.has(`bench_scale_${k}`));
  if (reuse) {
    const probe = new Client({ connectionString: urlOf('intake') });
    await probe.connect();
    const [{ n }] = (await probe.query(`SELECT count(*)::int AS n FROM projects WHERE zone_code LIKE 'B%'`).catch(() => ({ rows: [{ n: 0 }] }))).rows as { n: number }[];
    await probe.end();
    reuse = n === PROJECTS;
    if (!reuse) log(`[bench] bench_scale_intake holds ${n} projects, not ${PROJECTS}: loading afresh`);
  }
  if (!reuse) {
    for (const key of keys) {
      await admin.query(`DROP DATABASE IF EXISTS "bench_scale_${key}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "bench_scale_${key}"`);
    }
  }
  await admin.end();

  const pair = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const prefix = `${uniqueName('benchscale')}.`;
  log('[bench] building the services, then starting each as the start command does (its build, its heap flags)');
  execFileSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=tag:type:app', '--outputStyle=static'], {
    stdio: 'ignore',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  const services = {} as Record<Key, SpawnedService>;
  for (const key of keys) {
    services[key] = await spawnService(
      SERVICES[key],
      {
      DATABASE_URL: urlOf(key),
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      JWT_PUBLIC_KEY: pair.publicKey,
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
      // The reads alone: the scheduled checks' first pass over a province's backlog is measured on its own (docs/benchmarks.md).
      APPROVAL_CHECK_INTERVAL_MS: process.env['BENCH_CHECKS'] ?? '0',
      AGENCY_CHECK_INTERVAL_MS: process.env['BENCH_CHECKS'] ?? '0',
      LAND_CHECK_INTERVAL_MS: process.env['BENCH_CHECKS'] ?? '0',
        NODE_OPTIONS: '--max-old-space-size=96 --max-semi-space-size=8',
      },
      60_000,
      { built: true, nodeArgs: PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}/${key}`] : [] },
    );
  }
  const peaks = Object.fromEntries(keys.map((k) => [k, 0])) as Record<Key, number>;
  const sample = () => keys.forEach((k) => (peaks[k] = Math.max(peaks[k], rssMb(services[k].process.pid ?? 0) || 0)));
  const sampler = setInterval(sample, 1_000);
  const clients = Object.fromEntries(keys.map((k) => [k, new Client({ connectionString: urlOf(k) })])) as Record<Key, Client>;
  await Promise.all(keys.map((k) => clients[k].connect()));
  try {
    if (!reuse) {
      log(`[bench] loading a province: ${PROJECTS.toLocaleString('en-US')} projects`);
      const started = performance.now();
      await loadProvince(clients, PROJECTS, log);
      log(`[bench] loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    if (LOAD_ONLY) return;

    const bearer = (p: Principal) => ({ authorization: `Bearer ${mintToken(p, { privateKey: pair.privateKey, expiresIn: '1h' })}` });
    const zone = 'B001';
    const officer = bearer({ sub: 'bench-officer', name: '经办', role: 'zone-officer', zones: [zone] });
    const manager = bearer({ sub: 'bench-manager', name: '管委会', role: 'zone-manager', zones: [zone] });
    const province = bearer({ sub: 'bench-province', name: '省级', role: 'province-manager', zones: [] });
    const department = bearer({ sub: 'bench-zjj', name: '住建', role: 'department-officer', zones: [zone], department: '住房和城乡建设局' });
    const agentId = `agent-${zone}-${AGENTS_PER_ZONE - 1}`;
    const agent = bearer({ sub: agentId, name: '代办员', role: 'agency-agent', zones: [zone] });
    const project = (await clients.intake.query(`SELECT id, credit_code, name FROM projects WHERE zone_code = $1 AND stage = 'APPROVING' ORDER BY code LIMIT 1`, [zone])).rows[0] as { id: string; credit_code: string; name: string };
    const caseId = ((await clients.approval.query(`SELECT id FROM cases WHERE project_id = $1`, [project.id])).rows[0] as { id: string }).id;
    const round = ((await clients.intake.query(`SELECT id FROM rounds WHERE zone_code = $1 AND name = '2024年第2批'`, [zone])).rows[0] as { id: string }).id;

    const at = (key: Key, path: string) => `${services[key].url}${path}`;
    const reads: [string, string, Record<string, string>][] = [
      ['project-intake GET /projects?pageSize=20 (province)', at('intake', '/projects?pageSize=20'), province],
      ['project-intake GET /projects?zone=&pageSize=20 (a zone)', at('intake', `/projects?zone=${zone}&pageSize=20`), officer],
      ['project-intake GET /projects?q= (part of a name, province)', at('intake', `/projects?q=${encodeURIComponent(project.name.slice(2))}&pageSize=20`), province],
      ['project-intake GET /projects/:id', at('intake', `/projects/${project.id}`), officer],
      ['project-intake GET /projects/:id/timeline', at('intake', `/projects/${project.id}/timeline`), officer],
      ['project-intake GET /figures/three-batches?round= (a zone’s quarter)', at('intake', `/figures/three-batches?round=${round}`), manager],
      ['project-intake GET /figures/three-batches?zone= (a zone, 7 years)', at('intake', `/figures/three-batches?zone=${zone}`), manager],
      ['project-intake GET /figures/three-batches (province)', at('intake', '/figures/three-batches'), province],
      ['project-intake GET /rounds/:id/projects?batch=started (a page)', at('intake', `/rounds/${round}/projects?batch=started&pageSize=20`), manager],
      ['commitment-approval GET /cases?pageSize=20 (a zone)', at('approval', `/cases?zone=${zone}&pageSize=20`), officer],
      ['commitment-approval GET /cases/:id', at('approval', `/cases/${caseId}`), officer],
      ['commitment-approval GET /queue (a department, a zone)', at('approval', '/queue?pageSize=20'), department],
      ['commitment-approval GET /queue?zone= (a zone, every department)', at('approval', `/queue?zone=${zone}&pageSize=20`), province],
      ['commitment-approval GET /enterprises/:creditCode/credit', at('approval', `/enterprises/${project.credit_code}/credit`), officer],
      ['agency GET /agents/:id/worklist', at('agency', `/agents/${agentId}/worklist`), agent],
      ['agency GET /teams/:code/load', at('agency', `/teams/T-${zone}/load`), officer],
      ['agency GET /projects/:id/progress', at('agency', `/projects/${project.id}/progress`), officer],
      ['standard-land GET /projects/:id/land', at('land', `/projects/${project.id}/land`), officer],
    ];

    const bare = await bareServer();
    const rows: Row[] = [await load('bare Node HTTP server (client ceiling)', bare.url)];
    bare.close();
    rows.push(await load('project-intake GET /health', at('intake', '/health')));
    for (const [label, url, headers] of reads) if (!ONLY || label.includes(ONLY)) rows.push(await load(label, url, headers));
    sample();

    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    process.stdout.write(`\n${PROJECTS.toLocaleString('en-US')} projects over 80 zones; autocannon 32 connections × ${SECONDS} s; services at --max-old-space-size=96\n\n`);
    process.stdout.write('| request | req/s | p50 ms | p99 ms | non-2xx | errors |\n|---|---:|---:|---:|---:|---:|\n');
    for (const r of rows) process.stdout.write(`| ${r.label} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |\n`);
    process.stdout.write(`\n| service | RSS peak MB | RSS end MB | alive |\n|---|---:|---:|---|\n`);
    for (const k of keys) process.stdout.write(`| ${SERVICES[k]} | ${peaks[k].toFixed(0)} | ${rssMb(services[k].process.pid ?? 0).toFixed(0)} | ${services[k].process.exitCode === null && services[k].process.signalCode === null} |\n`);
  } finally {
    clearInterval(sampler);
    await Promise.all(keys.map((k) => clients[k].end()));
    await Promise.all(keys.map((k) => services[k].stop()));
  }
}

main().catch((error: unknown) => {
  log(String((error as Error).stack ?? error));
  process.exit(1);
});
