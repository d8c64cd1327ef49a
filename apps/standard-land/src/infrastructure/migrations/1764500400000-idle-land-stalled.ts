import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idle land case 2 (started, then stalled) needs progress reports; §8 exemptions stop the clock. */
export class IdleLandStalled1764500400000 implements MigrationInterface {
  name = 'IdleLandStalled1764500400000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE construction_progress (
        id                   uuid PRIMARY KEY,
        project_id           uuid NOT NULL,
        reported_on          date NOT NULL,
        built_floor_area_m2  numeric(14,2) NOT NULL CHECK (built_floor_area_m2 >= 0),
        investment_made      numeric(16,4) NOT NULL CHECK (investment_made >= 0),
        reported_by          jsonb NOT NULL,
        recorded_at          timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX construction_progress_project ON construction_progress (project_id, reported_on)`);
    await q.query(`
      CREATE TABLE idle_exemptions (
        id           uuid PRIMARY KEY,
        project_id   uuid NOT NULL,
        cause        text NOT NULL CHECK (cause IN ('planning-change', 'land-not-delivered', 'military-or-heritage', 'other-government')),
        reason       text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        from_date    date NOT NULL,
        to_date      date CHECK (to_date >= from_date),
        recorded_by  jsonb NOT NULL,
        recorded_at  timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX idle_exemptions_project ON idle_exemptions (project_id)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idle_exemptions; DROP TABLE construction_progress`);
  }
}
