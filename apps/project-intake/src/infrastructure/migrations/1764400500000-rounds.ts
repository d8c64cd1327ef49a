import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 三个一批 rounds as data (a zone's windows of days), and the indexes the
 * figures and batch lists of a window use (they filter by zone and by the
 * signing, start or production date, and order by it).
 */
export class Rounds1764400500000 implements MigrationInterface {
  name = 'Rounds1764400500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rounds (
        id          uuid PRIMARY KEY,
        zone_code   varchar(32) NOT NULL REFERENCES zones (code),
        name        text NOT NULL CHECK (length(btrim(name)) > 0),
        starts_on   date NOT NULL,
        ends_on     date NOT NULL,
        created_by  varchar(100) NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rounds_zone_name_key UNIQUE (zone_code, name),
        CONSTRAINT rounds_window_check CHECK (starts_on <= ends_on)
      )`);
    await q.query(`CREATE INDEX rounds_zone_starts_on ON rounds (zone_code, starts_on)`);
    await q.query(`CREATE INDEX projects_zone_signed_on ON projects (zone_code, signed_on)`);
    await q.query(`CREATE INDEX projects_zone_actual_start ON projects (zone_code, actual_start) WHERE actual_start IS NOT NULL`);
    await q.query(`CREATE INDEX projects_zone_actual_production ON projects (zone_code, actual_production) WHERE actual_production IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX projects_zone_actual_production`);
    await q.query(`DROP INDEX projects_zone_actual_start`);
    await q.query(`DROP INDEX projects_zone_signed_on`);
    await q.query(`DROP TABLE rounds`);
  }
}
