import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a project's land was secured (standard-land's paths: 标准地, 出让, 自有用地,
 * 租赁, 无新增用地) and the 标准地 达产 review that gates 达产. Projects already
 * past 投产 on 标准地 keep their stage: their review counts as passed.
 */
export class LandReview1764400600000 implements MigrationInterface {
  name = 'LandReview1764400600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projects ADD COLUMN land_path text, ADD COLUMN land_reference text`);
    await q.query(`ALTER TABLE projects ADD COLUMN land_review text NOT NULL DEFAULT 'not-needed' CHECK (land_review IN ('not-needed', 'pending', 'passed', 'decided'))`);
    await q.query(`UPDATE projects SET land_review = CASE WHEN stage = 'FULL_PRODUCTION' THEN 'passed' ELSE 'pending' END WHERE uses_standard_land`);
    await q.query(`UPDATE projects SET land_path = 'standard-land' WHERE uses_standard_land AND land_secured`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projects DROP COLUMN land_review, DROP COLUMN land_path, DROP COLUMN land_reference`);
  }
}
