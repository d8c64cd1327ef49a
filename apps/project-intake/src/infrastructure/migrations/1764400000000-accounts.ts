import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts at the identity provider (enterprise contacts, staff) and their set-password invitations. */
export class Accounts1764400000000 implements MigrationInterface {
  name = 'Accounts1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accounts (
        user_id       varchar(100) PRIMARY KEY,
        username      text NOT NULL,
        kind          text NOT NULL CHECK (kind IN ('enterprise', 'staff')),
        role          text NOT NULL,
        credit_code   char(18),
        mobile        varchar(20),
        password_set  boolean NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    // Not unique: when the identity provider answers with another account for a contact (it was re-created there), the newest wins.
    await q.query(`CREATE INDEX accounts_enterprise_contact ON accounts (credit_code, mobile, created_at) WHERE kind = 'enterprise'`);
    await q.query(`
      CREATE TABLE invitations (
        id           uuid PRIMARY KEY,
        token_hash   char(64) NOT NULL UNIQUE,
        user_id      varchar(100) NOT NULL REFERENCES accounts (user_id),
        project_id   uuid,
        name         text NOT NULL,
        email        text NOT NULL,
        expires_at   timestamptz NOT NULL,
        used_at      timestamptz,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX invitations_open ON invitations (user_id) WHERE used_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE invitations; DROP TABLE accounts`);
  }
}
