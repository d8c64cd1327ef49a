import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Rows a check claims per transaction: its memory and its locks do not grow with the data. */
export const CHECK_BATCH = Number(process.env['CHECK_BATCH_SIZE'] ?? 200);

/**
 * A check a service runs on a timer (deadlines, idle land …), in every replica.
 * Whatever a run finds must be raised once by the run itself (claim rows with
 * FOR UPDATE SKIP LOCKED, flag them, write the event in the same transaction);
 * a session advisory lock only keeps two replicas from working at the same moment.
 * The interval comes from an environment variable (0 turns the timer off: tests
 * call `run(asOf)` with the date they need). A run works in batches (`inBatches`):
 * a province's backlog of findings is many small transactions, not one that
 * loads every candidate row.
 */
export abstract class ScheduledCheck implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly lockName: string,
    private readonly intervalVariable: string,
    private readonly defaultIntervalMs = 60_000,
  ) {}

  /** One pass as of a date; returns counts of what it raised. */
  abstract run(asOf?: string): Promise<Record<string, number>>;

  /**
   * Claims the candidates `find` selects (FOR UPDATE SKIP LOCKED), CHECK_BATCH at
   * a time in primary-key order, each batch in its own transaction with `work`,
   * until none are left; returns the sum of what `work` counted. A candidate that
   * `work` leaves as it was is passed over (the key moves on), so a run ends.
   */
  protected async inBatches<T extends ObjectLiteral>(
    find: (manager: EntityManager) => SelectQueryBuilder<T>,
    work: (manager: EntityManager, rows: T[]) => Promise<number>,
  ): Promise<number> {
    let after: T | undefined;
    let total = 0;
    for (;;) {
      const [rows, counted] = await this.dataSource.transaction(async (manager): Promise<[T[], number]> => {
        const query = find(manager).setLock('pessimistic_write').setOnLocked('skip_locked');
        const main = query.expressionMap.mainAlias;
        if (!main?.hasMetadata) throw new Error('inBatches: the query must select an entity');
        const { name: alias, metadata } = main;
        const key = metadata.primaryColumns.map((c) => `${alias}.${c.databaseName}`);
        if (after) {
          const last = after;
          query.andWhere(`(${key.join(', ')}) > (${metadata.primaryColumns.map((_, i) => `:batchAfter${i}`).join(', ')})`, Object.fromEntries(metadata.primaryColumns.map((c, i) => [`batchAfter${i}`, c.getEntityValue(last)])));
        }
        query.orderBy(key[0], 'ASC');
        for (const column of key.slice(1)) query.addOrderBy(column, 'ASC');
        const batch = await query.limit(CHECK_BATCH).getMany();
        return [batch, await work(manager, batch)];
      });
      total += counted; // only what committed
      if (rows.length < CHECK_BATCH) return total;
      after = rows[rows.length - 1];
    }
  }

  onApplicationBootstrap(): void {
    const interval = Number(process.env[this.intervalVariable] ?? this.defaultIntervalMs);
    if (!(interval > 0)) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runExclusive()
        .catch((error) => this.logger.error(`${this.lockName} failed: ${(error as Error).message}`))
        .finally(() => (this.running = undefined));
    }, interval);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async runExclusive(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [this.lockName]);
      if (!locked) return;
      try {
        const report = await this.run();
        if (Object.values(report).some((n) => n > 0)) this.logger.log(`${this.lockName}: ${JSON.stringify(report)}`);
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [this.lockName]);
      }
    } finally {
      await runner.release();
    }
  }
}
