import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case's record (issue 17): every act with legal effect — 告知书, 预审, 受理,
 * an item's decision, 撤销, 对标验收 — is kept with its 审查意见, who took it and
 * when. Acts taken before this migration have no opinion and are not back-filled
 * (their dates stay on the case and its items). The act names are frozen here
 * as a CHECK, so that a renamed act in code cannot silently read old rows.
 */
export class CaseOpinions1764700000000 implements MigrationInterface {
  name = 'CaseOpinions1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_opinions (
        id           uuid PRIMARY KEY,
        case_id      uuid NOT NULL REFERENCES cases (id),
        item_code    varchar(16),
        act          text NOT NULL CHECK (act IN ('notice', 'precheck-passed', 'precheck-failed', 'item-accepted', 'application-refused', 'grant',
                                                  'grant-with-missing-documents', 'request-corrections', 'reject', 'revocation', 'acceptance-passed', 'acceptance-failed')),
        opinion      text NOT NULL CHECK (char_length(btrim(opinion)) BETWEEN 2 AND 500),
        actor_id     text NOT NULL,
        actor_name   text NOT NULL,
        actor_role   text NOT NULL,
        recorded_on  date NOT NULL,
        recorded_at  timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX case_opinions_case ON case_opinions (case_id, recorded_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_opinions`);
  }
}
