import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Zones (seeded with Shanxi zones named in the seed article and domain.md), projects, timeline. */
export class IntakeSchema1764288000000 implements MigrationInterface {
  name = 'IntakeSchema1764288000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE zones (
        code             varchar(32) PRIMARY KEY,
        name             text NOT NULL,
        level            text NOT NULL CHECK (level IN ('national', 'provincial')),
        city             text NOT NULL,
        region_code      char(6) NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
        department_code  char(2) NOT NULL CHECK (department_code ~ '^[0-9]{2}$'),
        rules            jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`
      INSERT INTO zones (code, name, level, city, region_code, department_code) VALUES
        ('SX-ZGQ',  '山西转型综合改革示范区',         'national',   '太原市', '140100', '04'),
        ('TY-ZBGX', '太原中北高新技术产业开发区',     'provincial', '太原市', '140100', '04'),
        ('CZ-GXQ',  '长治高新技术产业开发区',         'national',   '长治市', '140400', '04'),
        ('JC-JKQ',  '晋城经济技术开发区',             'national',   '晋城市', '140500', '04'),
        ('GP-JKQ',  '高平经济技术开发区',             'provincial', '晋城市', '140581', '04'),
        ('YC-YHGX', '运城盐湖高新技术产业开发区',     'provincial', '运城市', '140802', '04'),
        ('QX-JKQ',  '祁县经济开发区',                 'provincial', '晋中市', '140727', '04'),
        ('SZ-JKQ',  '朔州经济开发区',                 'provincial', '朔州市', '140600', '04')`);

    await q.query(`
      CREATE TABLE projects (
        id                       uuid PRIMARY KEY,
        code                     char(24) NOT NULL UNIQUE,
        name                     text NOT NULL,
        enterprise_name          text NOT NULL,
        credit_code              char(18) NOT NULL,
        zone_code                varchar(32) NOT NULL REFERENCES zones (code),
        industry_code            varchar(8) NOT NULL,
        project_type             text NOT NULL,
        total_investment         numeric(16,4) NOT NULL CHECK (total_investment >= 0),
        fixed_asset_investment   numeric(16,4) NOT NULL CHECK (fixed_asset_investment >= 0),
        projected_annual_output  numeric(16,4) NOT NULL CHECK (projected_annual_output >= 0),
        actual_annual_output     numeric(16,4) CHECK (actual_annual_output >= 0),
        land_area_mu             numeric(12,4) NOT NULL CHECK (land_area_mu >= 0),
        uses_standard_land       boolean NOT NULL,
        wants_full_agency        boolean NOT NULL,
        contacts                 jsonb NOT NULL,
        signed_on                date NOT NULL,
        three_batches_round      text,
        stage                    text NOT NULL,
        stage_before_suspension  text,
        approvals_granted        boolean NOT NULL DEFAULT false,
        land_secured             boolean NOT NULL DEFAULT false,
        acceptance               text NOT NULL DEFAULT 'pending' CHECK (acceptance IN ('pending', 'passed', 'failed')),
        permit_number            text,
        status_reason            text,
        planned_start            date NOT NULL,
        planned_completion       date NOT NULL,
        planned_production       date NOT NULL,
        committed_start          date,
        committed_completion     date,
        committed_production     date,
        agreed_start             date,
        agreed_completion        date,
        agreed_production        date,
        actual_start             date,
        actual_completion        date,
        actual_production        date,
        actual_full_production   date,
        created_at               timestamptz NOT NULL DEFAULT now(),
        updated_at               timestamptz NOT NULL DEFAULT now(),
        version                  integer NOT NULL
      )`);
    await q.query(`CREATE INDEX projects_zone_code ON projects (zone_code)`);
    await q.query(`CREATE INDEX projects_credit_code ON projects (credit_code)`);
    await q.query(`CREATE INDEX projects_signed_on ON projects (signed_on)`);
    await q.query(`CREATE INDEX projects_round ON projects (three_batches_round)`);
    await q.query(`CREATE INDEX projects_stage ON projects (stage)`);

    await q.query(`
      CREATE TABLE timeline_entries (
        seq          bigserial PRIMARY KEY,
        event_id     uuid NOT NULL UNIQUE,
        project_id   uuid NOT NULL,
        type         text NOT NULL,
        source       text NOT NULL,
        occurred_at  timestamptz NOT NULL,
        actor        jsonb,
        summary      text NOT NULL,
        payload      jsonb NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX timeline_entries_project ON timeline_entries (project_id, occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE timeline_entries`);
    await q.query(`DROP TABLE projects`);
    await q.query(`DROP TABLE zones`);
  }
}
