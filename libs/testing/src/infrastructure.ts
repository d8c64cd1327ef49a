import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';

/**
 * How tests reach Kafka and PostgreSQL, in this order:
 * 1. KAFKA_BROKERS and DATABASE_URL when set (CI with its own services, a cluster);
 * 2. testcontainers when a Docker engine answers;
 * 3. the deploy/local services (the real broker run with Java, the machine's PostgreSQL).
 * DATABASE_URL is an admin URL: tests create a database of their own per file with it.
 */
export interface Infrastructure {
  kafkaBrokers: string[];
  databaseUrl: string;
  source: 'env' | 'testcontainers' | 'local';
  stop?: () => Promise<void>;
}

export const WORKSPACE_ROOT = join(__dirname, '../../..');
const LOCAL = join(WORKSPACE_ROOT, 'deploy/local');

export async function resolveInfrastructure(env: NodeJS.ProcessEnv = process.env): Promise<Infrastructure> {
  if (env['KAFKA_BROKERS'] && env['DATABASE_URL']) {
    return { kafkaBrokers: env['KAFKA_BROKERS'].split(','), databaseUrl: env['DATABASE_URL'], source: 'env' };
  }
  if (await dockerAnswers(env)) return startContainers();
  execFileSync('bash', [join(LOCAL, 'infra.sh'), 'up'], { stdio: 'inherit' });
  return {
    kafkaBrokers: env['KAFKA_BROKERS']?.split(',') ?? ['127.0.0.1:9092'],
    databaseUrl: env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    source: 'local',
  };
}

function dockerAnswers(env: NodeJS.ProcessEnv): Promise<boolean> {
  const host = env['DOCKER_HOST'];
  if (host && !host.startsWith('unix://')) return Promise.resolve(true); // a remote engine: let testcontainers try
  const socketPath = host ? host.slice('unix://'.length) : '/var/run/docker.sock';
  if (!existsSync(socketPath)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', timeout: 1_000 }, (res) => resolve(res.statusCode === 200));
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

async function startContainers(): Promise<Infrastructure> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const [kafka, postgres] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.9.1')
      .withKraft()
      .withEnvironment({ KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false', KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0' })
      .start(),
    new PostgreSqlContainer('postgres:15').withUsername('postgres').withPassword('postgres').withDatabase('postgres').start(),
  ]);
  return {
    kafkaBrokers: [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`],
    databaseUrl: postgres.getConnectionUri(),
    source: 'testcontainers',
    stop: async () => {
      await Promise.all([kafka.stop(), postgres.stop()]);
    },
  };
}

const run = promisify(execFile);

/**
 * Stops and starts the deploy/local broker, for tests of broker outages
 * (asynchronously: the test keeps writing meanwhile). Only where the harness
 * runs the broker itself; elsewhere it says so instead of touching a broker it does not own.
 */
export const localBroker = {
  async stop(): Promise<void> {
    assertLocal();
    await run('bash', [join(LOCAL, 'kafka.sh'), 'down']);
  },
  async start(): Promise<void> {
    assertLocal();
    await run('bash', [join(LOCAL, 'kafka.sh'), 'up']);
  },
};

/**
 * Restarts the machine's PostgreSQL (Debian's cluster, pg_ctlcluster), for
 * tests of database outages: every connection is dropped. Local only, as above.
 */
export const localPostgres = {
  async restart(): Promise<void> {
    assertLocal();
    const { stdout } = await run('pg_lsclusters', ['-h']);
    const line = stdout.split('\n').find((l) => l.split(/\s+/)[1] === 'main');
    if (!line) throw new Error('no Debian PostgreSQL cluster "main" to restart');
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', line.split(/\s+/)[0], 'main', 'restart']);
  },
};

function assertLocal(): void {
  if (process.env['TEST_INFRA_SOURCE'] !== 'local') {
    throw new Error(`this test stops and starts the broker; it runs only against deploy/local (the broker here came from ${process.env['TEST_INFRA_SOURCE']})`);
  }
}
