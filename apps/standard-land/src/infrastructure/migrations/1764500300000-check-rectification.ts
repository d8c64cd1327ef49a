import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rectification before penalty: one row per check stage carries its case (passed,
 * rectifying, re-check passed, penalty assessed) and the re-check. Checks recorded before
 * were penalised at once: failed ones are 'penalty-assessed' with reason 'check-failed'.
 */
export class CheckRectification1764500300000 implements MigrationInterface {
  name = 'CheckRectification1764500300000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE land_checks ADD COLUMN state text, ADD COLUMN recheck jsonb, ADD COLUMN penalty_reason text, ADD COLUMN assessed_on date`);
    await q.query(`
      UPDATE land_checks SET
        state = CASE WHEN passed THEN 'passed' ELSE 'penalty-assessed' END,
        penalty_reason = CASE WHEN passed THEN NULL ELSE 'check-failed' END,
        assessed_on = CASE WHEN passed THEN NULL ELSE checked_on END`);
    await q.query(`ALTER TABLE land_checks ALTER COLUMN state SET NOT NULL, ADD CONSTRAINT land_checks_state CHECK (state IN ('passed', 'rectifying', 'recheck-passed', 'penalty-assessed'))`);
    await q.query(`CREATE INDEX land_checks_rectifying ON land_checks (rectify_by) WHERE state = 'rectifying'`);
    await q.query(`CREATE INDEX land_checks_contract_stage ON land_checks (contract_id, stage)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX land_checks_contract_stage; DROP INDEX land_checks_rectifying`);
    await q.query(`ALTER TABLE land_checks DROP COLUMN state, DROP COLUMN recheck, DROP COLUMN penalty_reason, DROP COLUMN assessed_on`);
  }
}
