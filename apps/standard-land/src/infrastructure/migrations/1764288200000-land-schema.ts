import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_TEMPLATE } from '../../domain/indicator-template';

export class LandSchema1764288200000 implements MigrationInterface {
  name = 'LandSchema1764288200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indicator_templates (
        zone_code   varchar(32) NOT NULL,
        version     int NOT NULL,
        indicators  jsonb NOT NULL,
        PRIMARY KEY (zone_code, version)
      )`);
    await q.query(`INSERT INTO indicator_templates VALUES ('*', 1, $1)`, [JSON.stringify(DEFAULT_TEMPLATE)]);
    await q.query(`
      CREATE TABLE plots (
        id                uuid PRIMARY KEY,
        code              varchar(50) NOT NULL UNIQUE,
        zone_code         varchar(32) NOT NULL,
        location          text NOT NULL,
        area_mu           numeric(12,4) NOT NULL CHECK (area_mu > 0),
        area_m2           numeric(14,2) NOT NULL CHECK (area_m2 > 0),
        land_use          text NOT NULL,
        industries        jsonb NOT NULL,
        assessments       jsonb NOT NULL,
        servicing_level   text NOT NULL,
        status            text NOT NULL CHECK (status IN ('PREPARING', 'AVAILABLE', 'RESERVED', 'TRANSFERRED')),
        indicators        jsonb NOT NULL,
        template_version  int,
        reserved_for      uuid,
        reserved_on       date,
        version           int NOT NULL
      )`);
    await q.query(`CREATE INDEX plots_zone_status ON plots (zone_code, status)`);
    await q.query(`
      CREATE TABLE land_projects (
        project_id               uuid PRIMARY KEY,
        code                     text NOT NULL,
        name                     text NOT NULL,
        enterprise_name          text NOT NULL,
        zone_code                varchar(32) NOT NULL,
        industry_code            varchar(8) NOT NULL,
        land_area_mu             numeric(12,4) NOT NULL,
        uses_standard_land       boolean NOT NULL,
        fixed_asset_investment   numeric(16,4) NOT NULL,
        projected_annual_output  numeric(16,4) NOT NULL,
        stage                    text NOT NULL,
        actual_start             date
      )`);
    await q.query(`
      CREATE TABLE contracts (
        id                 uuid PRIMARY KEY,
        plot_id            uuid NOT NULL UNIQUE REFERENCES plots (id),
        project_id         uuid NOT NULL UNIQUE,
        contract_number    text NOT NULL UNIQUE,
        signed_on          date NOT NULL,
        land_price_fen     bigint NOT NULL CHECK (land_price_fen > 0),
        agreed_start       date NOT NULL,
        agreed_completion  date NOT NULL CHECK (agreed_completion >= agreed_start),
        agreed_production  date,
        agreement          jsonb NOT NULL,
        idle_level_raised  text
      )`);
    await q.query(`
      CREATE TABLE land_checks (
        id           uuid PRIMARY KEY,
        contract_id  uuid NOT NULL REFERENCES contracts (id),
        stage        text NOT NULL CHECK (stage IN ('completion', 'full-production')),
        checked_on   date NOT NULL,
        measured     jsonb NOT NULL,
        results      jsonb NOT NULL,
        passed       boolean NOT NULL,
        penalty_fen  bigint NOT NULL CHECK (penalty_fen >= 0),
        rectify_by   date,
        consequence  jsonb NOT NULL
      )`);
    await q.query(`
      CREATE TABLE interim_reports (
        id           uuid PRIMARY KEY,
        contract_id  uuid NOT NULL REFERENCES contracts (id),
        reported_on  date NOT NULL,
        measured     jsonb NOT NULL,
        trends       jsonb NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE interim_reports; DROP TABLE land_checks; DROP TABLE contracts; DROP TABLE land_projects; DROP TABLE plots; DROP TABLE indicator_templates`);
  }
}
