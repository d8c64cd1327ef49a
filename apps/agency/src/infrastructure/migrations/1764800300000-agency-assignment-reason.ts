import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 改派原因 (issue 17): an assignment keeps why the team lead made it, the name
 * of who made it, and the moment (several on one day are ordered by it).
 * Earlier assignments have no reason and no name; their moment is the start of
 * their day in China.
 */
export class AgencyAssignmentReason1764800300000 implements MigrationInterface {
  name = 'AgencyAssignmentReason1764800300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assignments
        ADD COLUMN reason      text CHECK (reason IS NULL OR char_length(reason) BETWEEN 2 AND 200),
        ADD COLUMN actor_name  text,
        ADD COLUMN assigned_at timestamptz`);
    await q.query(`UPDATE assignments SET assigned_at = assigned_on::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    await q.query(`ALTER TABLE assignments ALTER COLUMN assigned_at SET NOT NULL, ALTER COLUMN assigned_at SET DEFAULT now()`);
    await q.query(`CREATE INDEX assignments_delegation ON assignments (delegation_id, assigned_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX assignments_delegation`);
    await q.query(`ALTER TABLE assignments DROP COLUMN assigned_at, DROP COLUMN actor_name, DROP COLUMN reason`);
  }
}
