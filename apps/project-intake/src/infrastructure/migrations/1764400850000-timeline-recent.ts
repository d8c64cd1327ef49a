import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The timeline newest first (GET /projects/:id/timeline, default order=desc),
 * a page at a time: one b-tree on (project_id, occurred_at DESC, seq DESC)
 * serves both directions (read backwards for order=asc) with the tie-break on
 * seq, so a page is an index range and no sort. It replaces
 * timeline_entries_project (project_id, occurred_at), which had no seq.
 */
export class TimelineRecent1764400850000 implements MigrationInterface {
  name = 'TimelineRecent1764400850000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX timeline_entries_project_recent ON timeline_entries (project_id, occurred_at DESC, seq DESC)`);
    await q.query(`DROP INDEX timeline_entries_project`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX timeline_entries_project ON timeline_entries (project_id, occurred_at)`);
    await q.query(`DROP INDEX timeline_entries_project_recent`);
  }
}
