import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { createTestDatabase, dropTestDatabase, uniqueName } from '@devzone/testing';
import { CHECK_BATCH, ScheduledCheck } from './scheduled-check';

@Entity('check_rows')
class CheckRow {
  @PrimaryColumn({ type: 'text' }) zone!: string;
  @PrimaryColumn({ type: 'int' }) n!: number;
  @Column({ type: 'boolean' }) raised!: boolean;
}

/** Raises every candidate whose n is not a multiple of 7; leaves those as they were (a rule that says "not yet"). */
class RaiseCheck extends ScheduledCheck {
  batches: number[] = [];
  constructor(dataSource: DataSource) {
    super(dataSource, 'test-check', 'TEST_CHECK_INTERVAL_MS');
  }
  async run(): Promise<Record<string, number>> {
    const raised = await this.inBatches(
      (m) => m.createQueryBuilder(CheckRow, 'r').where('NOT r.raised'),
      async (m, rows) => {
        this.batches.push(rows.length);
        const due = rows.filter((r) => r.n % 7 !== 0);
        if (due.length) await m.update(CheckRow, due.map((r) => ({ zone: r.zone, n: r.n })), { raised: true });
        return due.length;
      },
    );
    return { raised };
  }
}

// A province's backlog (issue 15): a run claims CHECK_BATCH rows per transaction, not every candidate at once.
describe('ScheduledCheck.inBatches', () => {
  const name = uniqueName('check');
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', url: await createTestDatabase(name), entities: [CheckRow], synchronize: true });
    await dataSource.initialize();
    await dataSource.query(`INSERT INTO check_rows SELECT 'Z' || (n % 3), n, false FROM generate_series(1, ${CHECK_BATCH * 2 + 50}) n`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropTestDatabase(name);
  });

  it('works through every candidate in batches of CHECK_BATCH by key, passes over the ones left as they were, and ends', async () => {
    const total = CHECK_BATCH * 2 + 50;
    const check = new RaiseCheck(dataSource);
    const skipped = Math.floor(total / 7);
    expect(await check.run()).toEqual({ raised: total - skipped });
    expect(check.batches).toEqual([CHECK_BATCH, CHECK_BATCH, 50]);
    const [{ left }] = await dataSource.query(`SELECT count(*)::int AS left FROM check_rows WHERE NOT raised`);
    expect(left).toBe(skipped);

    // A second run finds only the ones left, in one batch, and raises nothing twice.
    const again = new RaiseCheck(dataSource);
    expect(await again.run()).toEqual({ raised: 0 });
    expect(again.batches).toEqual([skipped]);
  });
});
