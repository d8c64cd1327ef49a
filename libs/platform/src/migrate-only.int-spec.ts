import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase, uniqueName, WORKSPACE_ROOT } from '@devzone/testing';

const run = promisify(execFile);

// The Helm chart's migration Job runs a service's image with MIGRATE_ONLY=true and only DATABASE_URL.
describe('MIGRATE_ONLY=true', () => {
  const name = uniqueName('migrate');
  let url: string;
  beforeAll(async () => {
    url = await createTestDatabase(name);
  });
  afterAll(() => dropTestDatabase(name));

  const migrate = () =>
    run(process.execPath, ['-r', '@swc-node/register', join(WORKSPACE_ROOT, 'apps/standard-land/src/main.ts')], {
      cwd: WORKSPACE_ROOT,
      // No Kafka, no key: a migration Job has neither.
      env: { PATH: process.env['PATH'], SWC_NODE_PROJECT: join(WORKSPACE_ROOT, 'tsconfig.base.json'), MIGRATE_ONLY: 'true', DATABASE_URL: url, KAFKA_BROKERS: '127.0.0.1:1' },
      timeout: 60_000,
    });

  it('runs the pending migrations and exits 0, then finds none pending', async () => {
    const first = await migrate();
    expect(first.stdout).toMatch(/migrations run: MessagingTables\d+, LandSchema\d+, LandProjectCreditCode\d+/);
    const ran = (/migrations run: ([\w, ]*)/.exec(first.stdout)?.[1] ?? '').split(', ');
    const db = new Client({ connectionString: url });
    await db.connect();
    const rows = (await db.query('SELECT name FROM migrations ORDER BY id')).rows.map((r: { name: string }) => r.name);
    await db.end();
    expect(rows).toEqual(ran); // every one it reported, recorded once
    expect((await migrate()).stdout).toContain('no pending migrations');
  }, 120_000);
});
