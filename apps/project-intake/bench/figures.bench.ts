/**
 * npm run bench:figures — the managers' 三个一批 figures and round lists at province size.
 *
 * Loads a province into a fresh project-intake database (bench_figures): 80 zones,
 * 100,000 projects signed over 7 years (60 % started, 35 % in production), a
 * quarterly round per zone; starts project-intake as its own process with the
 * start command's heap flags (--max-old-space-size=96 --max-semi-space-size=8);
 * then, with autocannon (32 connections, BENCH_SECONDS each):
 *  - the client's own ceiling: a bare Node HTTP server answering a fixed body;
 *  - GET /figures/three-batches for one zone's round (zone manager), for one zone
 *    (all its years) and province-wide (province manager);
 *  - GET /rounds/:id/projects?batch=started (a page of a round's 开工一批);
 *  - GET /projects?pageSize=20 (the register's first page, as a baseline read);
 * and beside them the aggregate query alone, timed in PostgreSQL (EXPLAIN ANALYZE).
 * Prints req/s, p50, p99, non-2xx, and the service's RSS (peak, sampled each second).
 * Env: BENCH_PROJECTS (100000), BENCH_SECONDS (10).
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { mintToken, type Principal } from '@devzone/auth';
import { resolveInfrastructure, spawnService, uniqueName } from '@devzone/testing';

const PROJECTS = Number(process.env['BENCH_PROJECTS'] ?? 100_000);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const ZONES = 80;
const DB = 'bench_figures';
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Load {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(label: string, url: string, headers: Record<string, string> = {}): Promise<Load> {
  const r = await autocannon({ url, connections: 32, duration: SECONDS, headers });
  const statuses = Object.entries(r.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2'));
  if (statuses.length) log(`[bench] ${label}: ${statuses.map(([code, n]) => `${code} × ${(n as { count: number }).count}`).join(', ')}`);
  return { label, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

async function bareServer(): Promise<{ url: string; close: () => void }> {
  const body = JSON.stringify({ signed: { count: 1250, investment: 1 }, started: { count: 750, investment: 1 } });
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`, close: () => server.close() };
}

/** A province: zones B001–B080, projects over 2019–2025, started and producing by plausible lags. */
async function loadProvince(db: Client): Promise<void> {
  await db.query(`
    INSERT INTO zones (code, name, level, city, region_code, department_code)
    SELECT 'B' || lpad(z::text, 3, '0'), '基准开发区' || z, 'provincial', '基准市', '140100', '04' FROM generate_series(1, ${ZONES}) z`);
  await db.query(`
    INSERT INTO projects (id, code, name, enterprise_name, credit_code, zone_code, industry_code, project_type, total_investment, fixed_asset_investment,
                          projected_annual_output, actual_annual_output, land_area_mu, uses_standard_land, wants_full_agency, contacts, signed_on, stage,
                          planned_start, planned_completion, planned_production, actual_start, actual_production, version)
    SELECT gen_random_uuid(), lpad(i::text, 24, '0'), '基准项目' || i, '基准企业' || (i % 5000), '91140100MA0BENCH0X', 'B' || lpad((1 + i % ${ZONES})::text, 3, '0'), 'C3499',
           'capital-construction', 1000 + i % 50000, 800 + i % 40000, 2000 + i % 9000, CASE WHEN i % 20 < 7 THEN 1800 + i % 9000 END, 30, i % 2 = 0, false,
           '[{"name":"联系人","mobile":"13800000000"}]', s, CASE WHEN i % 20 < 7 THEN 'IN_PRODUCTION' WHEN i % 20 < 12 THEN 'UNDER_CONSTRUCTION' ELSE 'APPROVING' END,
           s + 60, s + 300, s + 360, CASE WHEN i % 20 < 12 THEN s + 40 + i % 120 END, CASE WHEN i % 20 < 7 THEN s + 330 + i % 200 END, 1
      FROM (SELECT i, DATE '2019-01-01' + (i % 2555) AS s FROM generate_series(1, ${PROJECTS}) i) g`);
  await db.query(`
    INSERT INTO rounds (id, zone_code, name, starts_on, ends_on, created_by)
    SELECT gen_random_uuid(), z.code, y || '年第' || q || '批', make_date(y, 3 * q - 2, 1), (make_date(y, 3 * q - 2, 1) + interval '3 months - 1 day')::date, 'bench'
      FROM zones z, generate_series(2019, 2025) y, generate_series(1, 4) q WHERE z.code LIKE 'B%'`);
  await db.query('ANALYZE projects; ANALYZE rounds');
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return kb ? Number(kb[1]) / 1024 : NaN;
}

async function main(): Promise<void> {
  const infra = await resolveInfrastructure();
  const admin = new Client({ connectionString: infra.databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${DB}"`);
  await admin.end();
  const dbUrl = infra.databaseUrl.replace(/\/[^/]*$/, `/${DB}`);

  const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  log('[bench] starting project-intake (its own process, the start command’s heap flags)');
  const service = await spawnService('project-intake', {
    DATABASE_URL: dbUrl,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: `${uniqueName('benchfig')}.`,
    JWT_PUBLIC_KEY: keys.publicKey,
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
    NODE_OPTIONS: '--max-old-space-size=96 --max-semi-space-size=8',
  });
  const pid = service.process.pid ?? 0;
  let peak = rssMb(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 1_000);
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  try {
    log(`[bench] loading ${PROJECTS.toLocaleString('en-US')} projects over ${ZONES} zones and 7 years`);
    const loaded = performance.now();
    await loadProvince(db);
    log(`[bench] loaded in ${((performance.now() - loaded) / 1000).toFixed(1)} s`);
    const round = (await db.query(`SELECT id, starts_on, ends_on FROM rounds WHERE zone_code = 'B001' AND name = '2024年第2批'`)).rows[0] as { id: string };
    const bearer = (p: Principal) => ({ authorization: `Bearer ${mintToken(p, { privateKey: keys.privateKey, expiresIn: '1h' })}` });
    const manager = bearer({ sub: 'bench-manager', name: '管委会', role: 'zone-manager', zones: ['B001'] });
    const province = bearer({ sub: 'bench-province', name: '省级', role: 'province-manager', zones: [] });

    // The same aggregate the service runs, alone in PostgreSQL (the floor under the HTTP numbers).
    const explain = async (zone: string | null) => {
      const plan = await db.query(
        `EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FILTER (WHERE signed_on BETWEEN '2024-04-01' AND '2024-06-30'), count(*) FILTER (WHERE actual_start BETWEEN '2024-04-01' AND '2024-06-30')
           FROM projects WHERE ${zone ? `zone_code = '${zone}' AND ` : ''}(signed_on BETWEEN '2024-04-01' AND '2024-06-30' OR actual_start BETWEEN '2024-04-01' AND '2024-06-30' OR actual_production BETWEEN '2024-04-01' AND '2024-06-30')`,
      );
      return (plan.rows[0]['QUERY PLAN'][0] as { 'Execution Time': number })['Execution Time'];
    };
    const sql = { zone: await explain('B001'), province: await explain(null) };

    const bare = await bareServer();
    const rows: Load[] = [];
    rows.push(await load('bare Node HTTP server (client ceiling)', bare.url));
    bare.close();
    const u = (path: string) => `${service.url}${path}`;
    rows.push(await load('GET /figures/three-batches?round= (one zone’s quarter)', u(`/figures/three-batches?round=${round.id}`), manager));
    rows.push(await load('GET /figures/three-batches?zone= (one zone, 7 years)', u('/figures/three-batches?zone=B001'), manager));
    rows.push(await load('GET /figures/three-batches (province, 80 zones)', u('/figures/three-batches'), province));
    rows.push(await load('GET /rounds/:id/projects?batch=started (a page)', u(`/rounds/${round.id}/projects?batch=started&pageSize=20`), manager));
    rows.push(await load('GET /projects?pageSize=20 (province)', u('/projects?pageSize=20'), province));

    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    process.stdout.write(`\n${PROJECTS.toLocaleString('en-US')} projects, ${ZONES} zones; autocannon 32 connections × ${SECONDS} s; project-intake at --max-old-space-size=96\n\n`);
    process.stdout.write('| request | req/s | p50 ms | p99 ms | non-2xx | errors |\n|---|---:|---:|---:|---:|---:|\n');
    for (const r of rows) process.stdout.write(`| ${r.label} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |\n`);
    process.stdout.write(`\nthe round's aggregate alone in PostgreSQL: one zone ${sql.zone.toFixed(1)} ms, province ${sql.province.toFixed(1)} ms\n`);
    process.stdout.write(`project-intake RSS: peak ${peak.toFixed(0)} MB, end ${rssMb(pid).toFixed(0)} MB; alive: ${service.process.exitCode === null}\n`);
  } finally {
    clearInterval(sampler);
    await db.end();
    await service.stop();
  }
}

main().catch((error: unknown) => {
  log(String((error as Error).stack ?? error));
  process.exit(1);
});
