import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WORKSPACE_ROOT } from '@devzone/testing';

const run = promisify(execFile);

// The services as the README's start command starts them (deploy/local/services.sh).
const SERVICES = [
  { name: 'project-intake', port: 3001, title: '项目库与全生命周期' },
  { name: 'commitment-approval', port: 3002, title: '承诺制审批' },
  { name: 'standard-land', port: 3003, title: '标准地' },
  { name: 'agency', port: 3004, title: '全代办' },
  { name: 'notifications', port: 3005, title: '通知' },
];

describe('the start command (npm start)', () => {
  let output = '';

  beforeAll(async () => {
    const { stdout } = await run('bash', [join(WORKSPACE_ROOT, 'deploy/local/start.sh')], { cwd: WORKSPACE_ROOT, maxBuffer: 10 * 1024 * 1024 });
    output = stdout;
  }, 300_000);

  afterAll(async () => {
    await run('bash', [join(WORKSPACE_ROOT, 'deploy/local/stop.sh')], { cwd: WORKSPACE_ROOT });
  }, 60_000);

  it('prints the URL of every service', () => {
    for (const { name, port } of SERVICES) expect(output).toMatch(new RegExp(`${name}\\s+http://127\\.0\\.0\\.1:${port}`));
  });

  it.each(SERVICES)('$name answers /health, /health/ready and /docs', async ({ name, port, title }) => {
    const live = await fetch(`http://127.0.0.1:${port}/health`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'ok', service: name });

    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, kafka: { status: 'up' } } });

    const docs = await fetch(`http://127.0.0.1:${port}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
    const spec = (await (await fetch(`http://127.0.0.1:${port}/docs-json`)).json()) as { info: { title: string }; paths: Record<string, unknown> };
    expect(spec.info.title).toContain(title);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/health', '/health/ready']));
  });
});
