import { DataSource } from 'typeorm';
import { dataSourceOptions, type PersistenceOptions } from './data-source.options';

// One arbitrary constant: every service takes the same advisory lock in its own
// database, so two replicas starting together run the migrations one after the other.
const MIGRATION_LOCK = 727_001;

/** Runs pending migrations under a session advisory lock, each in its own transaction. */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** Migrates and disconnects: the migrate-only mode of a service (a Kubernetes Job before the rollout). */
export async function migrateOnce(options: PersistenceOptions): Promise<string[]> {
  const dataSource = await new DataSource({ ...dataSourceOptions(options), extra: { max: 2, connectionTimeoutMillis: 5_000 } }).initialize();
  try {
    return await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
