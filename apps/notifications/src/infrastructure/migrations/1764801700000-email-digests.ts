import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17. E-mails go out in digests (one message per recipient and project
 * per window, listing what happened); each notification keeps its own status
 * and points at the digest it went out in. Notifications get a line for the
 * digest's list, and a sequence for the order they were written in. The unread count has its own index (the console asks for it
 * every minute). The rule for a passed 对标验收, frozen here as written.
 */
const RULES: [eventType: string, recipients: string[], urgent: boolean][] = [['approval.acceptance-passed', ['enterprise'], false]];

export class EmailDigests1764801700000 implements MigrationInterface {
  name = 'EmailDigests1764801700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_digests (
        id               uuid PRIMARY KEY,
        recipient_id     varchar(100) NOT NULL,
        project_id       uuid NOT NULL,
        locale           text NOT NULL,
        subject          text NOT NULL,
        text             text NOT NULL,
        html             text NOT NULL,
        size             int NOT NULL CHECK (size >= 1),
        status           text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts         int NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL,
        lease_until      timestamptz,
        last_error       text,
        sent_at          timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX email_digests_due ON email_digests (next_attempt_at) WHERE status IN ('pending', 'sending')`);
    await q.query(`ALTER TABLE notifications ADD COLUMN digest_id uuid REFERENCES email_digests (id), ADD COLUMN line text`);
    // The order rows were written in, where created_at (the transaction's start) ties: several events of one
    // Kafka chunk are handled in one transaction. New rows only (no rewrite of the table); older rows keep null.
    await q.query(`CREATE SEQUENCE notifications_seq; ALTER TABLE notifications ADD COLUMN seq bigint; ALTER TABLE notifications ALTER COLUMN seq SET DEFAULT nextval('notifications_seq')`);
    await q.query(`CREATE INDEX notifications_digest ON notifications (digest_id) WHERE digest_id IS NOT NULL`);
    // The e-mails waiting for their digest, by recipient and project (the window they join).
    await q.query(`CREATE INDEX notifications_gathering ON notifications (recipient_id, project_id, next_attempt_at) WHERE channel = 'email' AND digest_id IS NULL AND status IN ('pending', 'sending')`);
    await q.query(`CREATE INDEX notifications_unread ON notifications (recipient_id) WHERE channel = 'inbox' AND read_at IS NULL`);
    for (const [eventType, recipients, urgent] of RULES) {
      await q.query(`INSERT INTO notification_rules VALUES ($1, $2, $3, $4) ON CONFLICT (event_type) DO NOTHING`, [eventType, JSON.stringify(recipients), JSON.stringify(['inbox', 'email', 'webhook']), urgent]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification_rules WHERE event_type = ANY($1)`, [RULES.map(([t]) => t)]);
    await q.query(`DROP INDEX notifications_unread; DROP INDEX notifications_gathering; DROP INDEX notifications_digest`);
    await q.query(`ALTER TABLE notifications DROP COLUMN seq, DROP COLUMN line, DROP COLUMN digest_id; DROP SEQUENCE notifications_seq`);
    await q.query(`DROP TABLE email_digests`);
  }
}
