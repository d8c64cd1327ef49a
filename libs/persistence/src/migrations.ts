import type { DataSource } from 'typeorm';

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
