import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The rules as they were when this migration was written (frozen: later rules come in later migrations). */
const RULES: [eventType: string, recipients: string[], urgent: boolean][] = [
  ['project.signed', ['enterprise', 'zone-officers'], false],
  ['project.stage-changed', ['enterprise', 'agent'], false],
  ['approval.notice-issued', ['enterprise', 'agent'], false],
  ['approval.commitment-submitted', ['enterprise', 'zone-officers'], false],
  ['approval.publicity-ended', ['enterprise'], false],
  ['approval.corrections-requested', ['enterprise', 'agent'], true],
  ['approval.item-granted', ['enterprise', 'agent'], false],
  ['approval.item-rejected', ['enterprise', 'agent'], true],
  ['approval.case-granted', ['enterprise', 'agent', 'zone-officers'], false],
  ['approval.item-due-soon', ['zone-officers', 'agent'], false],
  ['approval.item-overdue', ['zone-officers', 'agent'], true],
  ['approval.acceptance-failed', ['enterprise', 'zone-officers'], true],
  ['approval.blacklisted', ['enterprise', 'zone-officers'], true],
  ['land.plot-reserved', ['enterprise'], false],
  ['land.contract-signed', ['enterprise', 'agent'], false],
  ['land.check-passed', ['enterprise'], false],
  ['land.check-failed', ['enterprise', 'zone-officers'], true],
  ['land.rectification-due', ['enterprise'], true],
  ['agency.agent-assigned', ['enterprise', 'agent'], false],
  ['agency.task-escalated', ['team-lead'], true],
  ['agency.delegation-closed', ['enterprise'], false],
];

export class NotificationsSchema1764288400000 implements MigrationInterface {
  name = 'NotificationsSchema1764288400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notification_rules (event_type text PRIMARY KEY, recipients jsonb NOT NULL, channels jsonb NOT NULL, urgent boolean NOT NULL)`);
    for (const [eventType, recipients, urgent] of RULES) {
      await q.query(`INSERT INTO notification_rules VALUES ($1, $2, $3, $4)`, [eventType, JSON.stringify(recipients), JSON.stringify(['inbox', 'email', 'webhook']), urgent]);
    }
    await q.query(`CREATE TABLE projects (project_id uuid PRIMARY KEY, code text NOT NULL, name text NOT NULL, enterprise_name text NOT NULL, zone_code varchar(32) NOT NULL)`);
    await q.query(`
      CREATE TABLE recipients (
        id              varchar(100) PRIMARY KEY,
        kind            text NOT NULL CHECK (kind IN ('enterprise', 'agent', 'officer')),
        name            text NOT NULL,
        zone_code       varchar(32),
        email           text,
        webhook_url     text,
        webhook_secret  text,
        channels        jsonb NOT NULL,
        quiet_start     varchar(5),
        quiet_end       varchar(5),
        locale          text NOT NULL
      )`);
    await q.query(`CREATE INDEX recipients_officers ON recipients (zone_code) WHERE kind = 'officer'`);
    await q.query(`CREATE TABLE project_recipients (project_id uuid NOT NULL, recipient_id varchar(100) NOT NULL REFERENCES recipients (id), role text NOT NULL, PRIMARY KEY (project_id, recipient_id, role))`);
    await q.query(`
      CREATE TABLE notifications (
        id               uuid PRIMARY KEY,
        event_id         uuid NOT NULL,
        event_type       text NOT NULL,
        project_id       uuid NOT NULL,
        recipient_id     varchar(100) NOT NULL,
        channel          text NOT NULL CHECK (channel IN ('inbox', 'email', 'webhook')),
        urgent           boolean NOT NULL,
        locale           text NOT NULL,
        subject          text NOT NULL,
        text             text NOT NULL,
        html             text NOT NULL,
        payload          jsonb NOT NULL,
        status           text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'delivered')),
        attempts         int NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL,
        lease_until      timestamptz,
        last_error       text,
        sent_at          timestamptz,
        read_at          timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now(),
        UNIQUE (event_id, recipient_id, channel)
      )`);
    await q.query(`CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status IN ('pending', 'sending')`);
    await q.query(`CREATE INDEX notifications_inbox ON notifications (recipient_id, created_at) WHERE channel = 'inbox'`);
    await q.query(`
      CREATE TABLE delivery_attempts (
        id               bigserial PRIMARY KEY,
        notification_id  uuid NOT NULL REFERENCES notifications (id),
        attempt          int NOT NULL,
        at               timestamptz NOT NULL DEFAULT now(),
        ok               boolean NOT NULL,
        response_code    int,
        error            text,
        duration_ms      int NOT NULL
      )`);
    await q.query(`CREATE TABLE deferred_events (event_id uuid PRIMARY KEY, project_id uuid NOT NULL, envelope jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX deferred_events_project ON deferred_events (project_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deferred_events; DROP TABLE delivery_attempts; DROP TABLE notifications; DROP TABLE project_recipients; DROP TABLE recipients; DROP TABLE projects; DROP TABLE notification_rules`);
  }
}
