import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_CATALOGUE_V1 } from './data/default-catalogue-v1';

/** Settings, the default catalogue (version 1), cases and their items, credit records, the blacklist. */
export class ApprovalSchema1764288100000 implements MigrationInterface {
  name = 'ApprovalSchema1764288100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE zone_settings (
        zone_code                           varchar(32) PRIMARY KEY,
        publicity_days                      int NOT NULL CHECK (publicity_days BETWEEN 0 AND 60),
        amber_working_days                  int NOT NULL CHECK (amber_working_days BETWEEN 0 AND 30),
        general_records_to_blacklist        int NOT NULL CHECK (general_records_to_blacklist >= 1),
        major_rectify_days                  int NOT NULL CHECK (major_rectify_days >= 1),
        max_missing_documents_working_days  int NOT NULL CHECK (max_missing_documents_working_days >= 1),
        catalogue                           varchar(32) NOT NULL,
        catalogue_version                   int NOT NULL
      )`);
    // Defaults: 公示 7 days (晋城), amber at 2 working days, 3 general records → blacklist,
    // 90 days to rectify after a failed acceptance, 容缺 documents within 20 working days.
    await q.query(`INSERT INTO zone_settings VALUES ('*', 7, 2, 3, 90, 20, '*', 1)`);

    await q.query(`
      CREATE TABLE catalogue_items (
        catalogue            varchar(32) NOT NULL,
        version              int NOT NULL,
        code                 varchar(16) NOT NULL,
        name                 text NOT NULL,
        department           text NOT NULL,
        regime               text NOT NULL CHECK (regime IN ('committable', 'approval', 'unified-service', 'cancelled')),
        legal_limit_days     int NOT NULL CHECK (legal_limit_days >= 0),
        promised_limit_days  int NOT NULL CHECK (promised_limit_days >= 0 AND promised_limit_days <= legal_limit_days),
        documents            jsonb NOT NULL,
        applies              jsonb NOT NULL,
        sort                 int NOT NULL,
        PRIMARY KEY (catalogue, version, code)
      )`);
    for (const [sort, item] of DEFAULT_CATALOGUE_V1.entries()) {
      await q.query(`INSERT INTO catalogue_items VALUES ('*', 1, $1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
        item.code, item.name, item.department, item.regime, item.legalLimitDays, item.promisedLimitDays, JSON.stringify(item.documents), JSON.stringify(item.applies), sort,
      ]);
    }

    await q.query(`
      CREATE TABLE cases (
        id                       uuid PRIMARY KEY,
        project_id               uuid NOT NULL UNIQUE,
        project_code             text NOT NULL,
        project_name             text NOT NULL,
        credit_code              char(18) NOT NULL,
        enterprise_name          text NOT NULL,
        zone_code                varchar(32) NOT NULL,
        catalogue                varchar(32) NOT NULL,
        catalogue_version        int NOT NULL,
        status                   text NOT NULL,
        project_stage            text NOT NULL,
        opened_on                date NOT NULL,
        notice_number            text,
        notice_issued_on         date,
        commitment               jsonb,
        precheck_note            text,
        publicity_starts_on      date,
        publicity_ends_on        date,
        decision_number          text,
        granted_on               date,
        acceptance_requested_on  date,
        accepted_on              date,
        acceptance_reasons       jsonb,
        rectify_by               date,
        version                  int NOT NULL
      )`);
    await q.query(`CREATE INDEX cases_zone_status ON cases (zone_code, status)`);
    await q.query(`CREATE INDEX cases_credit_code ON cases (credit_code)`);
    await q.query(`
      CREATE TABLE case_items (
        case_id              uuid NOT NULL REFERENCES cases (id),
        item_code            varchar(16) NOT NULL,
        name                 text NOT NULL,
        department           text NOT NULL,
        regime               text NOT NULL,
        legal_limit_days     int NOT NULL,
        promised_limit_days  int NOT NULL,
        legal_due_on         date NOT NULL,
        promised_due_on      date NOT NULL,
        documents            jsonb NOT NULL,
        status               text NOT NULL,
        decided_on           date,
        note                 text,
        missing_documents    jsonb,
        supply_by            date,
        supplied_on          date,
        due_soon_raised      boolean NOT NULL DEFAULT false,
        overdue_raised       boolean NOT NULL DEFAULT false,
        breach_recorded      boolean NOT NULL DEFAULT false,
        sort                 int NOT NULL DEFAULT 0,
        PRIMARY KEY (case_id, item_code)
      )`);
    await q.query(`CREATE INDEX case_items_due ON case_items (promised_due_on) WHERE status IN ('PENDING', 'COMMITTED', 'UNDER_REVIEW', 'CORRECTIONS_REQUESTED')`);

    await q.query(`
      CREATE TABLE credit_records (
        id                  uuid PRIMARY KEY,
        credit_code         char(18) NOT NULL,
        enterprise_name     text NOT NULL,
        case_id             uuid NOT NULL REFERENCES cases (id),
        project_id          uuid NOT NULL,
        severity            text NOT NULL CHECK (severity IN ('general', 'major')),
        reason              text NOT NULL,
        recorded_on         date NOT NULL,
        rectify_by          date,
        rectified_on        date,
        rectification_note  text
      )`);
    await q.query(`CREATE INDEX credit_records_credit_code ON credit_records (credit_code)`);
    await q.query(`
      CREATE TABLE blacklist (
        credit_code      char(18) PRIMARY KEY,
        enterprise_name  text NOT NULL,
        reason           text NOT NULL,
        since            date NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE blacklist; DROP TABLE credit_records; DROP TABLE case_items; DROP TABLE cases; DROP TABLE catalogue_items; DROP TABLE zone_settings`);
  }
}
