import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search in the departments' queue (GET /queue?q=, /queue/summary?q=) and in the
 * credit records (GET /credit-records?q=), at province scale (issue 17): part of
 * the project's name, its project code or the enterprise's name, case-insensitive.
 * `ILIKE '%…%'` cannot use a b-tree; pg_trgm's GIN operator class indexes the
 * text's trigrams (Chinese included when the database's LC_CTYPE is not C/POSIX)
 * and serves ILIKE with a Bitmap Index Scan once the search text has 3
 * characters, as project-intake's 1764400700000 does for GET /projects?q=.
 * Shorter text is still answered (a scan of the zone's open items).
 *
 * pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
 */
export class QueueSearch1764800000000 implements MigrationInterface {
  name = 'QueueSearch1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX cases_project_name_trgm ON cases USING gin (project_name gin_trgm_ops)`);
    await q.query(`CREATE INDEX cases_project_code_trgm ON cases USING gin (project_code gin_trgm_ops)`);
    await q.query(`CREATE INDEX cases_enterprise_name_trgm ON cases USING gin (enterprise_name gin_trgm_ops)`);
    await q.query(`CREATE INDEX credit_records_enterprise_name_trgm ON credit_records USING gin (enterprise_name gin_trgm_ops)`);
    await q.query(`CREATE INDEX credit_records_case ON credit_records (case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX credit_records_case`);
    await q.query(`DROP INDEX credit_records_enterprise_name_trgm`);
    await q.query(`DROP INDEX cases_enterprise_name_trgm`);
    await q.query(`DROP INDEX cases_project_code_trgm`);
    await q.query(`DROP INDEX cases_project_name_trgm`);
  }
}
