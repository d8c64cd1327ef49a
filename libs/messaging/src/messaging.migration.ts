import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox and inbox tables (architecture §4). Every service lists this migration first. */
export class MessagingTables1764201600000 implements MigrationInterface {
  name = 'MessagingTables1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE messaging_outbox (
        id            uuid PRIMARY KEY,
        seq           bigserial NOT NULL UNIQUE,
        topic         text NOT NULL,
        key           text NOT NULL,
        event_type    text NOT NULL,
        event         jsonb NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        attempts      integer NOT NULL DEFAULT 0,
        locked_until  timestamptz,
        locked_by     text,
        last_error    text,
        sent_at       timestamptz
      )`);
    await q.query(`CREATE INDEX messaging_outbox_pending ON messaging_outbox (seq) WHERE sent_at IS NULL`);
    await q.query(`CREATE INDEX messaging_outbox_pending_key ON messaging_outbox (key, seq) WHERE sent_at IS NULL`);
    await q.query(`CREATE INDEX messaging_outbox_sent_at ON messaging_outbox (sent_at) WHERE sent_at IS NOT NULL`);
    // Wakes the relay when rows are committed (NOTIFY is delivered on commit, dropped on rollback).
    await q.query(`
      CREATE FUNCTION messaging_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('messaging_outbox', ''); RETURN NULL; END $$`);
    await q.query(`
      CREATE TRIGGER messaging_outbox_notify AFTER INSERT ON messaging_outbox
      FOR EACH STATEMENT EXECUTE FUNCTION messaging_outbox_notify()`);
    await q.query(`
      CREATE TABLE messaging_inbox (
        consumer      text NOT NULL,
        event_id      uuid NOT NULL,
        event_type    text NOT NULL,
        processed_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await q.query(`CREATE INDEX messaging_inbox_processed_at ON messaging_inbox (processed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE messaging_inbox`);
    await q.query(`DROP TRIGGER messaging_outbox_notify ON messaging_outbox`);
    await q.query(`DROP FUNCTION messaging_outbox_notify()`);
    await q.query(`DROP TABLE messaging_outbox`);
  }
}
