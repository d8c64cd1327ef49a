/**
 * npm run bench:import — a zone's 项目台账 of BENCH_ROWS rows (10,000) imported into the
 * running system, beside baselines measured in the same run on the same file.
 *
 * Starts a separate instance of the system with the start command (ports +200,
 * databases bench_*, its own topics, the demo organisation, no projects), then:
 *  1. baselines: exceljs's streaming reader alone over the file (rows/s: what reading
 *     costs before any rule), and raw PostgreSQL inserting as many one-row-per-project
 *     rows in transactions of 200 (what writing costs before any service);
 *  2. the import as a zone officer does it: upload (the dry run: every row checked),
 *     then commit (projects at their stages, one project.imported each), its progress
 *     polled; then, per service that takes project.imported, the time until its inbox
 *     has applied every one; project-intake's peak RSS.
 * Env: BENCH_ROWS (10000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { DemoApi, fillLedgerTemplate, idpSettings, IdpTokens, ledgerRecord, seedOrganisation, serviceUrls, zoneUsers } from '@devzone/demo';
import { stackEnv, startCommand, stopCommand } from '../src/support/stack';
import { freshDatabases, rssOf } from './system';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 10_000);
const OFFSET = 200;
const DB_PREFIX = 'bench_';
const DATABASES = ['intake', 'approval', 'land', 'agency', 'notifications'];
const ZONE = 'SX-ZGQ';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (fromMs: number) => (performance.now() - fromMs) / 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readBaseline(file: Buffer): Promise<number> {
  const started = performance.now();
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' });
  for await (const sheet of reader) {
    for await (const _row of sheet) rows++;
    break;
  }
  return (rows - 1) / seconds(started);
}

async function writeBaseline(adminUrl: string): Promise<number> {
  const db = new Client({ connectionString: adminUrl.replace(/\/[^/]*$/, `/${DB_PREFIX}intake`) });
  await db.connect();
  await db.query(`CREATE TEMP TABLE bench_rows (id int PRIMARY KEY, name text, payload jsonb)`);
  const started = performance.now();
  for (let i = 0; i < ROWS; i += 200) {
    await db.query('BEGIN');
    for (let j = i; j < Math.min(ROWS, i + 200); j++) await db.query(`INSERT INTO bench_rows VALUES ($1, $2, $3)`, [j, `项目${j}`, JSON.stringify(ledgerRecord(j, ZONE, '基准'))]);
    await db.query('COMMIT');
  }
  const rate = ROWS / seconds(started);
  await db.end();
  return rate;
}

async function inboxCount(adminUrl: string, db: string): Promise<number> {
  const client = new Client({ connectionString: adminUrl.replace(/\/[^/]*$/, `/${DB_PREFIX}${db}`) });
  await client.connect();
  try {
    return Number((await client.query(`SELECT count(*)::int AS n FROM messaging_inbox WHERE event_type = 'project.imported'`)).rows[0].n);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const infra = await freshDatabases(DB_PREFIX, DATABASES);

  log('[bench] starting the system (start command, ports +200, the demo organisation, no projects)');
  const runDir = mkdtempSync(join(tmpdir(), 'devzone-bench-import-'));
  const env: Record<string, string> = { ...stackEnv(runDir, `benchimp${Date.now().toString(36)}.`), DEVZONE_PORT_OFFSET: String(OFFSET), DEVZONE_DB_PREFIX: DB_PREFIX, DEVZONE_SEED: 'none', LOG_LEVEL: 'warn' };
  await startCommand(env);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(runDir)['project-intake'] ?? 0)), 250);
  try {
    const urls = serviceUrls(OFFSET);
    const api = new DemoApi(urls, new IdpTokens(idpSettings(runDir)));
    await seedOrganisation(api);
    const officer = zoneUsers(ZONE).officer;
    const token = await api.token(officer);
    const auth = { authorization: `Bearer ${token}` };
    const intake = urls['project-intake'];

    log(`[bench] a ${ROWS.toLocaleString('en-US')}-row ledger from the downloaded template`);
    const template = await (await fetch(`${intake}/imports/template`, { headers: auth })).arrayBuffer();
    const file = await fillLedgerTemplate(template, Array.from({ length: ROWS }, (_, i) => ledgerRecord(i, ZONE, '基准')));
    log(`[bench] file: ${(file.length / 1024 / 1024).toFixed(1)} MB`);

    log('[bench] baselines');
    const read = await readBaseline(file);
    const write = await writeBaseline(infra.databaseUrl);

    const idle = rssOf(runDir)['project-intake'] ?? 0;
    peak = idle;
    log('[bench] upload (dry run)');
    let started = performance.now();
    const checked = (await (await fetch(`${intake}/imports?fileName=bench.xlsx`, { method: 'POST', headers: { ...auth, 'content-type': XLSX }, body: new Uint8Array(file) })).json()) as { id: string; validRows: number; errorRows: number };
    const dryRun = seconds(started);
    if (checked.validRows !== ROWS) throw new Error(`the dry run found ${checked.errorRows} bad rows: ${JSON.stringify(checked)}`);
    const dryRunPeak = peak;

    log('[bench] commit');
    started = performance.now();
    const committed = await fetch(`${intake}/imports/${checked.id}/commit`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
    const commit = seconds(started);
    if (!committed.ok) throw new Error(`commit: ${committed.status} ${await committed.text()}`);

    log('[bench] the services applying project.imported');
    const applied: Record<string, number | null> = {};
    for (const db of ['approval', 'land', 'agency', 'notifications']) applied[db] = null;
    const waitFrom = performance.now();
    while (seconds(waitFrom) < 180 && Object.values(applied).some((v) => v === null)) {
      for (const db of Object.keys(applied)) {
        if (applied[db] !== null) continue;
        const n = await inboxCount(infra.databaseUrl, db);
        if (n >= ROWS) applied[db] = seconds(started);
        else if (n === 0 && seconds(waitFrom) > 20) applied[db] = -1; // takes no project.imported
      }
      await sleep(500);
    }

    const out = [
      `## Ledger import (issue 18): ${ROWS.toLocaleString('en-US')} rows, ${new Date().toISOString().slice(0, 10)}`,
      '',
      '`npm run bench:import` (the system as the start command runs it, ports +200, this machine):',
      '',
      '| step | seconds | rows/s |',
      '|---|---:|---:|',
      `| baseline: exceljs streaming read of the file alone | ${(ROWS / read).toFixed(1)} | ${Math.round(read).toLocaleString('en-US')} |`,
      `| baseline: raw PostgreSQL, one insert per row, 200 per transaction | ${(ROWS / write).toFixed(1)} | ${Math.round(write).toLocaleString('en-US')} |`,
      `| upload + dry run (every row checked; nothing written but the batch) | ${dryRun.toFixed(1)} | ${Math.round(ROWS / dryRun).toLocaleString('en-US')} |`,
      `| commit (projects at their stages, one project.imported each) | ${commit.toFixed(1)} | ${Math.round(ROWS / commit).toLocaleString('en-US')} |`,
      `| **upload to committed** | **${(dryRun + commit).toFixed(1)}** | |`,
      ...Object.entries(applied).map(([db, at]) => `| ${db}: every project.imported applied (from the commit's start) | ${at === null ? 'not within 180 s' : at < 0 ? '— (takes none)' : at.toFixed(1)} | |`),
      '',
      `project-intake RSS: ${idle.toFixed(0)} MB idle, peak ${dryRunPeak.toFixed(0)} MB during the dry run, ${peak.toFixed(0)} MB over the whole import; file ${(file.length / 1024 / 1024).toFixed(1)} MB.`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    clearInterval(sampler);
    await stopCommand(env);
    rmSync(runDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    log(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
