import type { MigrationInterface, QueryRunner } from 'typeorm';
import { chinaCalendar } from '@devzone/shared-kernel';
import { acceptanceDueOn } from '../../domain/item-clock';

/**
 * The departments' queue is ordered and paged by PostgreSQL (issue 15): an
 * application's acceptance deadline (受理 within five working days, 行政许可法
 * 第三十二条) is stored when it is applied for, since the working-day calendar
 * lives in code; open items of a department are found by an index.
 */
export class QueueInSql1764600000000 implements MigrationInterface {
  name = 'QueueInSql1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_items ADD COLUMN acceptance_due_on date`);
    const applied: { case_id: string; item_code: string; applied_on: string }[] = await q.query(
      `SELECT case_id, item_code, applied_on::text AS applied_on FROM case_items WHERE applied_on IS NOT NULL`,
    );
    for (const row of applied) {
      await q.query(`UPDATE case_items SET acceptance_due_on = $3 WHERE case_id = $1 AND item_code = $2`, [row.case_id, row.item_code, acceptanceDueOn(chinaCalendar, row.applied_on)]);
    }
    await q.query(`CREATE INDEX case_items_open_department ON case_items (department, case_id) WHERE status IN ('APPLIED', 'ACCEPTED', 'PAUSED', 'CORRECTIONS_REQUESTED')`);
    await q.query(`CREATE INDEX case_items_open ON case_items (case_id) WHERE status IN ('APPLIED', 'ACCEPTED', 'PAUSED', 'CORRECTIONS_REQUESTED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_items_open; DROP INDEX case_items_open_department`);
    await q.query(`ALTER TABLE case_items DROP COLUMN acceptance_due_on`);
  }
}
