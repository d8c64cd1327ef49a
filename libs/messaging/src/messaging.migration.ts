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
    await q.query(`CREATE INDEX messaging_outbox_leased ON messaging_outbox (locked_until) WHERE sent_at IS NULL`);
    await q.query(`CREATE INDEX messaging_outbox_sent_at ON messaging_outbox (sent_at) WHERE sent_at IS NOT NULL`);
    // Wakes the relay when rows are committed (NOTIFY is delivered on commit, dropped on rollback).
    await q.query(`
      CREATE FUNCTION messaging_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('messaging_outbox', ''); RETURN NULL; END $$`);
    await q.query(`
      CREATE TRIGGER messaging_outbox_notify AFTER INSERT ON messaging_outbox
      FOR EACH STATEMENT EXECUTE FUNCTION messaging_outbox_notify()`);
    // A queue table: many updates and deletes, so vacuum and analyze it early.
    await q.query(`ALTER TABLE messaging_outbox SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02)`);
    // The relay's claim, in one round trip. Claims are serialised by a
    // transaction-level advisory lock; the claim query runs after the lock is
    // taken and, in a VOLATILE function, with a fresh snapshot, so it sees every
    // claim committed before it. Keys that have a row leased to a relay are
    // skipped: per-project order holds with several relays.
    await q.query(`
      CREATE FUNCTION messaging_outbox_claim(batch_size integer, lease_seconds double precision, relay text)
      RETURNS TABLE (id uuid, seq bigint, topic text, key text, event_type text, event jsonb)
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('messaging_outbox_claim'));
        RETURN QUERY
        WITH busy AS (
          SELECT DISTINCT b.key FROM messaging_outbox b
          WHERE b.sent_at IS NULL AND b.locked_until >= now()),
        candidates AS (
          SELECT o.id FROM messaging_outbox o
          WHERE o.sent_at IS NULL
            AND (o.locked_until IS NULL OR o.locked_until < now())
            AND o.key NOT IN (SELECT busy.key FROM busy)
          ORDER BY o.seq
          LIMIT batch_size
          FOR UPDATE SKIP LOCKED)
        UPDATE messaging_outbox o
           SET locked_until = now() + make_interval(secs => lease_seconds), locked_by = relay, attempts = o.attempts + 1
          FROM candidates c WHERE o.id = c.id
        RETURNING o.id, o.seq, o.topic, o.key, o.event_type, o.event;
      END $$`);
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
    await q.query(`DROP FUNCTION messaging_outbox_claim(integer, double precision, text)`);
    await q.query(`DROP TRIGGER messaging_outbox_notify ON messaging_outbox`);
    await q.query(`DROP FUNCTION messaging_outbox_notify()`);
    await q.query(`DROP TABLE messaging_outbox`);
  }
}
