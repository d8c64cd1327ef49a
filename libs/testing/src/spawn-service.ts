import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { eventually } from './eventually';
import { WORKSPACE_ROOT } from './infrastructure';

export interface SpawnedService {
  url: string;
  process: ChildProcess;
  /** SIGTERM, then wait for the process to exit (it flushes its outbox first). */
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Runs another service as a real process from its sources (apps/<name>/src/main.ts,
 * compiled on the fly), for tests that need two services talking over Kafka
 * without importing one into the other. Resolves once /health/ready answers.
 */
export interface SpawnOptions {
  /** Flags Node refuses in NODE_OPTIONS (benchmarks: --cpu-prof). */
  nodeArgs?: string[];
  /** Run the build (dist/apps/<app>/src/main.js) as the start command does, not the sources. */
  built?: boolean;
}

export async function spawnService(app: string, env: Record<string, string>, timeoutMs = 60_000, { nodeArgs = [], built = false }: SpawnOptions = {}): Promise<SpawnedService> {
  const port = await freePort();
  const output: string[] = [];
  const entry = built ? [join(WORKSPACE_ROOT, 'dist/apps', app, 'src/main.js')] : ['-r', '@swc-node/register', join(WORKSPACE_ROOT, 'apps', app, 'src/main.ts')];
  const child = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: join(WORKSPACE_ROOT, 'tsconfig.base.json'), LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => output.push(chunk.toString());
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw Object.assign(new Error(`${app} exited with ${child.exitCode}:\n${output.join('').slice(-3000)}`), { fatal: true });
        const response = await fetch(`${url}/health/ready`);
        if (!response.ok) throw new Error(`${app} not ready: ${response.status}`);
      },
      { timeoutMs, intervalMs: 250 },
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n--- ${app} output ---\n${output.join('').slice(-3000)}`);
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
