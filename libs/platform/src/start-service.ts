import type { INestApplication } from '@nestjs/common';
import { bootstrapService, type BootstrapOptions } from './bootstrap';

export interface TestServiceOptions extends Omit<BootstrapOptions, 'defaultPort' | 'title'> {
  /** The service's own database (createTestDatabase). */
  databaseUrl: string;
  /** Prefix for topics and groups, unique per test file (uniqueName). */
  topicPrefix: string;
  env?: Record<string, string>;
}

export interface RunningService {
  app: INestApplication;
  url: string;
  close: () => Promise<void>;
}

/**
 * For tests: starts a real service (its AppModule, as main.ts does) on a free port with its
 * own database and topic prefix. The environment is set only while the app is
 * created, which is when every setting is read.
 */
export async function startService(appModule: unknown, options: TestServiceOptions): Promise<RunningService> {
  const env: Record<string, string> = {
    DATABASE_URL: options.databaseUrl,
    KAFKA_TOPIC_PREFIX: options.topicPrefix,
    KAFKA_TOPIC_PARTITIONS: '3',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    ...options.env,
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  let app: INestApplication;
  try {
    app = await bootstrapService(appModule, { ...options, title: options.service, defaultPort: 0, port: 0 });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, close: () => app.close() };
}
