import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Interim reports belong to a reporting period (quarters until now); one at-risk warning per contract and period. */
export class InterimPeriods1764500500000 implements MigrationInterface {
  name = 'InterimPeriods1764500500000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interim_reports ADD COLUMN period text, ADD COLUMN at_risk_raised boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE interim_reports SET period = to_char(reported_on, 'YYYY') || '-Q' || extract(quarter FROM reported_on)::int`);
    await q.query(`ALTER TABLE interim_reports ALTER COLUMN period SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX interim_reports_at_risk_once ON interim_reports (contract_id, period) WHERE at_risk_raised`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX interim_reports_at_risk_once`);
    await q.query(`ALTER TABLE interim_reports DROP COLUMN period, DROP COLUMN at_risk_raised`);
  }
}
