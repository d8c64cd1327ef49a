import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person reads the notifications of the recipients that carry their identity
 * provider subject. Enterprise contacts were recipients `ent:<mobile>`: they
 * get opaque ids (`ent:<uuid>`, the mobile kept as data to match later
 * projects' contacts); agents' and officers' subjects are the ids they were
 * named by. Invitations to set a password go to the invitee by e-mail.
 */
export class RecipientsBySubject1764400100000 implements MigrationInterface {
  name = 'RecipientsBySubject1764400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE recipients ADD COLUMN subject varchar(100), ADD COLUMN mobile varchar(20)`);
    await q.query(`UPDATE recipients SET subject = substring(id from position(':' in id) + 1) WHERE kind IN ('agent', 'officer')`);
    await q.query(`CREATE TEMP TABLE recipient_ids ON COMMIT DROP AS SELECT id AS old, 'ent:' || gen_random_uuid() AS new FROM recipients WHERE kind = 'enterprise'`);
    await q.query(`
      INSERT INTO recipients (id, kind, name, zone_code, email, webhook_url, webhook_secret, channels, quiet_start, quiet_end, locale, subject, mobile)
      SELECT m.new, r.kind, r.name, r.zone_code, r.email, r.webhook_url, r.webhook_secret, r.channels, r.quiet_start, r.quiet_end, r.locale, NULL, substring(r.id from 5)
      FROM recipients r JOIN recipient_ids m ON m.old = r.id`);
    await q.query(`UPDATE project_recipients p SET recipient_id = m.new FROM recipient_ids m WHERE p.recipient_id = m.old`);
    await q.query(`UPDATE notifications n SET recipient_id = m.new FROM recipient_ids m WHERE n.recipient_id = m.old`);
    await q.query(`DELETE FROM recipients WHERE id IN (SELECT old FROM recipient_ids)`);
    await q.query(`CREATE INDEX recipients_subject ON recipients (subject)`);
    await q.query(`CREATE UNIQUE INDEX recipients_enterprise_mobile ON recipients (mobile) WHERE kind = 'enterprise'`);
    await q.query(`INSERT INTO notification_rules VALUES ('project.account-invited', '["invitee"]', '["email"]', true) ON CONFLICT (event_type) DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification_rules WHERE event_type = 'project.account-invited'`);
    await q.query(`DROP INDEX recipients_enterprise_mobile; DROP INDEX recipients_subject; ALTER TABLE recipients DROP COLUMN mobile, DROP COLUMN subject`);
  }
}
