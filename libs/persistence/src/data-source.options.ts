import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface PersistenceOptions {
  /** postgres://user@host:port/database; defaults to $DATABASE_URL. */
  url?: string;
  /** Shown in pg_stat_activity, e.g. the service name. */
  applicationName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const url = env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/intake)');
  return url;
}

/**
 * TypeORM options every service uses: PostgreSQL, explicit entity and migration
 * classes (bundlers break globs), never `synchronize`; migrations are run by
 * `runMigrationsLocked` when the service starts.
 */
export function dataSourceOptions(options: PersistenceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url ?? databaseUrlFromEnv(),
    applicationName: options.applicationName,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    logging: ['error', 'warn', 'migration'],
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 5_000 },
  };
}
