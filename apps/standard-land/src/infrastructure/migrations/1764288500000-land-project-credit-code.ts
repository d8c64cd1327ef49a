import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The project's enterprise, so that enterprise users see only their own land (scoping by token). */
export class LandProjectCreditCode1764288500000 implements MigrationInterface {
  name = 'LandProjectCreditCode1764288500000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE land_projects ADD COLUMN credit_code char(18)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE land_projects DROP COLUMN credit_code`);
  }
}
