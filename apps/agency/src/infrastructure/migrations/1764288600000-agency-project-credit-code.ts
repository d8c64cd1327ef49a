import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The project's enterprise, so that enterprise users see only their own delegations (scoping by token). */
export class AgencyProjectCreditCode1764288600000 implements MigrationInterface {
  name = 'AgencyProjectCreditCode1764288600000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency_projects ADD COLUMN credit_code char(18)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agency_projects DROP COLUMN credit_code`);
  }
}
