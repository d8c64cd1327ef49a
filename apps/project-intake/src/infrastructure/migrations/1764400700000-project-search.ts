import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search in the register (GET /projects?q=): part of the project's or the
 * enterprise's name, case-insensitive, at province scale (100,000 projects).
 * `ILIKE '%…%'` cannot use a b-tree; pg_trgm's GIN operator class indexes the
 * text's trigrams (three consecutive characters, Chinese included when the
 * database's LC_CTYPE is not C/POSIX) and serves ILIKE with a Bitmap Index Scan
 * whenever the search text has at least 3 characters. A whole project code or
 * credit code is looked up by equality: the b-tree indexes projects_code_key
 * (UNIQUE) and projects_credit_code (1764288000000) serve it.
 *
 * pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may
 * create it. The indexes are built inside the migration's transaction (writes to
 * projects wait about a second per index at 100,000 rows).
 */
export class ProjectSearch1764400700000 implements MigrationInterface {
  name = 'ProjectSearch1764400700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX projects_name_trgm ON projects USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX projects_enterprise_name_trgm ON projects USING gin (enterprise_name gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX projects_enterprise_name_trgm`);
    await q.query(`DROP INDEX projects_name_trgm`);
  }
}
