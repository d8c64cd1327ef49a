import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 项目台账 imports (issue 18): a batch per upload (its file's SHA-256, who, which
 * zones, its status and counts) and its rows (the cells as read, the row's
 * problems or its normalised project, and the project it became). A row's
 * duplicate keys (project code; credit code + name) find the same project in a
 * later upload, so that importing a file again changes nothing.
 */
export class LedgerImports1764401000000 implements MigrationInterface {
  name = 'LedgerImports1764401000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_batches (
        id           uuid PRIMARY KEY,
        file_name    text NOT NULL,
        file_sha256  char(64) NOT NULL,
        created_by   varchar(128) NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        zones        text[],
        status       text NOT NULL CHECK (status IN ('checked', 'committing', 'committed')),
        total_rows   int NOT NULL,
        valid_rows   int NOT NULL,
        error_rows   int NOT NULL,
        unchanged_rows int NOT NULL,
        imported_rows int NOT NULL DEFAULT 0,
        committed_at timestamptz
      )`);
    await q.query(`CREATE INDEX import_batches_created_at ON import_batches (created_at DESC)`);
    await q.query(`
      CREATE TABLE import_rows (
        batch_id     uuid NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
        row_number   int NOT NULL,
        status       text NOT NULL CHECK (status IN ('valid', 'error', 'unchanged', 'imported')),
        cells        jsonb NOT NULL,
        problems     jsonb NOT NULL DEFAULT '[]',
        project      jsonb,
        row_sha256   char(64),
        keys         text[] NOT NULL DEFAULT '{}',
        project_id   uuid,
        PRIMARY KEY (batch_id, row_number)
      )`);
    // An imported row's keys: a later upload's row with the same key is the same project.
    await q.query(`CREATE INDEX import_rows_imported_keys ON import_rows USING gin (keys) WHERE status = 'imported'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_rows`);
    await q.query(`DROP TABLE import_batches`);
  }
}
