import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A case brought in from a 项目台账 (issue 18) records where it came from: the act 'imported' in its record. */
export class ImportedCases1764900000000 implements MigrationInterface {
  name = 'ImportedCases1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_opinions DROP CONSTRAINT case_opinions_act_check`);
    await q.query(`ALTER TABLE case_opinions ADD CONSTRAINT case_opinions_act_check CHECK (act IN ('notice', 'precheck-passed', 'precheck-failed', 'item-accepted', 'application-refused', 'grant',
      'grant-with-missing-documents', 'request-corrections', 'reject', 'revocation', 'acceptance-passed', 'acceptance-failed', 'imported'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM case_opinions WHERE act = 'imported'`);
    await q.query(`ALTER TABLE case_opinions DROP CONSTRAINT case_opinions_act_check`);
    await q.query(`ALTER TABLE case_opinions ADD CONSTRAINT case_opinions_act_check CHECK (act IN ('notice', 'precheck-passed', 'precheck-failed', 'item-accepted', 'application-refused', 'grant',
      'grant-with-missing-documents', 'request-corrections', 'reject', 'revocation', 'acceptance-passed', 'acceptance-failed'))`);
  }
}
