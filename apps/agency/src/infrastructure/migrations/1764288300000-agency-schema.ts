import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Settings, teams and agents (a starting roster for the seeded zones), projections, delegations, tasks. */
export class AgencySchema1764288300000 implements MigrationInterface {
  name = 'AgencySchema1764288300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency_settings (
        zone_code                    varchar(32) PRIMARY KEY,
        amber_working_days           int NOT NULL CHECK (amber_working_days >= 0),
        escalate_after_working_days  int NOT NULL CHECK (escalate_after_working_days >= 0)
      )`);
    await q.query(`INSERT INTO agency_settings VALUES ('*', 2, 3)`);
    await q.query(`CREATE TABLE teams (code varchar(64) PRIMARY KEY, zone_code varchar(32) NOT NULL, name text NOT NULL, lead_agent_id varchar(64))`);
    await q.query(`
      CREATE TABLE agents (
        id            varchar(64) PRIMARY KEY,
        name          text NOT NULL,
        mobile        text,
        zone_code     varchar(32) NOT NULL,
        team_code     varchar(64) REFERENCES teams (code),
        specialities  jsonb NOT NULL,
        capacity      int NOT NULL CHECK (capacity > 0),
        active        boolean NOT NULL
      )`);
    await q.query(`INSERT INTO teams VALUES ('SX-ZGQ-DB', 'SX-ZGQ', '示范区企业服务中心代办专班', 'agent-liuyang')`);
    await q.query(`
      INSERT INTO agents VALUES
        ('agent-liuyang',  '刘阳', '13511110001', 'SX-ZGQ', 'SX-ZGQ-DB', '["approval","construction"]', 40, true),
        ('agent-zhangmin', '张敏', '13511110002', 'SX-ZGQ', 'SX-ZGQ-DB', '["approval"]', 40, true),
        ('agent-wanglei',  '王磊', '13511110003', 'SX-ZGQ', 'SX-ZGQ-DB', '["approval","utilities"]', 40, true),
        ('agent-zhaojing', '赵静', '13511110004', 'SX-ZGQ', 'SX-ZGQ-DB', '["utilities","post-production"]', 40, true)`);
    await q.query(`
      CREATE TABLE agency_projects (
        project_id          uuid PRIMARY KEY,
        code                text NOT NULL,
        name                text NOT NULL,
        enterprise_name     text NOT NULL,
        zone_code           varchar(32) NOT NULL,
        wants_full_agency   boolean NOT NULL,
        land_area_mu        numeric(12,4) NOT NULL,
        uses_standard_land  boolean NOT NULL,
        contacts            jsonb NOT NULL
      )`);
    await q.query(`
      CREATE TABLE approval_items (
        project_id           uuid NOT NULL,
        item_code            varchar(16) NOT NULL,
        case_id              uuid NOT NULL,
        name                 text NOT NULL,
        department           text NOT NULL,
        legal_limit_days     int NOT NULL,
        promised_limit_days  int NOT NULL,
        legal_due_on         date NOT NULL,
        promised_due_on      date NOT NULL,
        opened_on            date NOT NULL,
        documents            jsonb NOT NULL,
        status               text NOT NULL,
        PRIMARY KEY (project_id, item_code)
      )`);
    await q.query(`
      CREATE TABLE delegations (
        id                    uuid PRIMARY KEY,
        project_id            uuid NOT NULL UNIQUE,
        zone_code             varchar(32) NOT NULL,
        status                text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
        scope                 jsonb NOT NULL,
        authorization_number  text NOT NULL,
        opened_on             date NOT NULL,
        closed_on             date,
        agent_id              varchar(64) REFERENCES agents (id),
        rating                int CHECK (rating BETWEEN 1 AND 5),
        rating_comment        text,
        rated_on              date
      )`);
    await q.query(`
      CREATE TABLE assignments (
        id             uuid PRIMARY KEY,
        delegation_id  uuid NOT NULL REFERENCES delegations (id),
        agent_id       varchar(64) NOT NULL REFERENCES agents (id),
        assigned_on    date NOT NULL,
        assigned_by    text NOT NULL,
        actor_id       text NOT NULL,
        ended_on       date
      )`);
    await q.query(`
      CREATE TABLE tasks (
        id                   uuid PRIMARY KEY,
        delegation_id        uuid NOT NULL REFERENCES delegations (id),
        project_id           uuid NOT NULL,
        source               text NOT NULL,
        source_code          varchar(32) NOT NULL,
        title                text NOT NULL,
        department           text NOT NULL,
        materials            jsonb NOT NULL,
        planned_start        date NOT NULL,
        legal_limit_days     int,
        promised_limit_days  int NOT NULL,
        due_on               date NOT NULL,
        status               text NOT NULL,
        blocker              text,
        notes                jsonb NOT NULL,
        delivered_on         date,
        overdue_raised       boolean NOT NULL DEFAULT false,
        escalated            boolean NOT NULL DEFAULT false,
        UNIQUE (delegation_id, source, source_code)
      )`);
    await q.query(`CREATE INDEX tasks_open_due ON tasks (due_on) WHERE status NOT IN ('DELIVERED', 'REFUSED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tasks; DROP TABLE assignments; DROP TABLE delegations; DROP TABLE approval_items; DROP TABLE agency_projects; DROP TABLE agents; DROP TABLE teams; DROP TABLE agency_settings`);
  }
}
