import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An approval item's clock starts at 受理 (approval.item-accepted), stops for
 * corrections and pauses, and moves its due date: the items lose the due dates
 * they had from the case's opening, and a task has a clock (waiting for 受理,
 * running, paused). Only running tasks are overdue or escalated.
 */
export class AgencyItemClock1764400300000 implements MigrationInterface {
  name = 'AgencyItemClock1764400300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE approval_items ALTER COLUMN legal_due_on DROP NOT NULL, ALTER COLUMN promised_due_on DROP NOT NULL`);
    await q.query(`ALTER TABLE tasks ADD COLUMN clock text NOT NULL DEFAULT 'running' CHECK (clock IN ('waiting', 'running', 'paused'))`);
    await q.query(`DROP INDEX tasks_open_due`);
    await q.query(`CREATE INDEX tasks_open_due ON tasks (due_on) WHERE status NOT IN ('DELIVERED', 'REFUSED') AND clock = 'running'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_open_due; CREATE INDEX tasks_open_due ON tasks (due_on) WHERE status NOT IN ('DELIVERED', 'REFUSED')`);
    await q.query(`ALTER TABLE tasks DROP COLUMN clock`);
  }
}
