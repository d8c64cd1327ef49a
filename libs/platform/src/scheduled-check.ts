import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/**
 * A check a service runs on a timer (deadlines, idle land …), in every replica.
 * Whatever a run finds must be raised once by the run itself (claim rows with
 * FOR UPDATE SKIP LOCKED, flag them, write the event in the same transaction);
 * a session advisory lock only keeps two replicas from working at the same moment.
 * The interval comes from an environment variable (0 turns the timer off: tests
 * call `run(asOf)` with the date they need).
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
