import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The order of approvals in the default catalogue, version 2 (frozen here; the
 * domain's DEFAULT_CATALOGUE must equal version 1's items with these, a unit test says).
 */
export const DEFAULT_PREREQUISITES_V2: Record<string, string[]> = {
  A02: ['A01'],
  A03: ['A01'],
  A04: ['A01'],
  A05: ['A01'],
  A06: ['A01', 'C01', 'A03', 'C05', 'A05', 'C02'],
  C01: ['A01', 'A02'],
  C02: ['A01'],
  C03: ['A01'],
  C04: ['A01'],
  C05: ['A01'],
  C06: ['A01'],
  C07: ['A01'],
  C08: ['A01'],
  C09: ['A01'],
  C10: ['A01'],
  C11: ['A01'],
  C12: ['A01'],
};

/**
 * 承诺制 as bureaus run it:
 * - zone rules become versions with an effective date, published by a zone
 *   manager (zone_settings → zone_rule_versions; a case keeps the version it
 *   opened with), with the periods of the committed dates and of credit repair;
 * - catalogue items name their prerequisites (the default catalogue's version 2);
 * - an item has a procedure (承诺制 / 审批 / 一般程序) and a clock from 受理 with pauses;
 * - cases count their rectification rounds and the committed dates they missed;
 * - credit records are repaired (信用修复) apart from being rectified, and may be 严重.
 * Existing data: items under review were accepted when their case opened (the old
 * clock), pending ones have no clock yet; rectified records count as repaired
 * (that is what rectifying did until now).
 */
export class ApprovalProcedure1764400200000 implements MigrationInterface {
  name = 'ApprovalProcedure1764400200000';

  async up(q: QueryRunner): Promise<void> {
    // Versioned zone rules.
    await q.query(`
      CREATE TABLE zone_rule_versions (
        zone_code                           varchar(32) NOT NULL,
        version                             int NOT NULL CHECK (version >= 1),
        effective_from                      date NOT NULL,
        publicity_days                      int NOT NULL CHECK (publicity_days BETWEEN 0 AND 60),
        amber_working_days                  int NOT NULL CHECK (amber_working_days BETWEEN 0 AND 30),
        general_records_to_blacklist        int NOT NULL CHECK (general_records_to_blacklist >= 1),
        major_rectify_days                  int NOT NULL CHECK (major_rectify_days >= 1),
        max_missing_documents_working_days  int NOT NULL CHECK (max_missing_documents_working_days >= 1),
        commitment_grace_days               int NOT NULL CHECK (commitment_grace_days >= 0),
        commitment_record_days              int NOT NULL,
        repair_general_months               int NOT NULL CHECK (repair_general_months >= 3),
        repair_major_months                 int NOT NULL CHECK (repair_major_months >= 3),
        repair_serious_months               int NOT NULL CHECK (repair_serious_months >= 12),
        catalogue                           varchar(32) NOT NULL,
        catalogue_version                   int NOT NULL,
        published_by                        text NOT NULL,
        published_role                      text NOT NULL,
        published_at                        timestamptz NOT NULL DEFAULT now(),
        note                                text,
        PRIMARY KEY (zone_code, version),
        CHECK (commitment_record_days > commitment_grace_days)
      )`);
    await q.query(`
      INSERT INTO zone_rule_versions
      SELECT zone_code, 1, DATE '2000-01-01', publicity_days, amber_working_days, general_records_to_blacklist, major_rectify_days,
             max_missing_documents_working_days, 30, 90, 3, 12, 12, catalogue, catalogue_version, 'migration', 'system', now(), '由原开发区规则迁移'
      FROM zone_settings`);

    // The default catalogue, version 2: version 1's items with their prerequisites.
    await q.query(`ALTER TABLE catalogue_items ADD COLUMN prerequisites jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`
      INSERT INTO catalogue_items (catalogue, version, code, name, department, regime, legal_limit_days, promised_limit_days, documents, applies, sort, prerequisites)
      SELECT catalogue, 2, code, name, department, regime, legal_limit_days, promised_limit_days, documents, applies, sort, '[]'
      FROM catalogue_items WHERE catalogue = '*' AND version = 1`);
    for (const [code, prerequisites] of Object.entries(DEFAULT_PREREQUISITES_V2)) {
      await q.query(`UPDATE catalogue_items SET prerequisites = $1 WHERE catalogue = '*' AND version = 2 AND code = $2`, [JSON.stringify(prerequisites), code]);
    }
    await q.query(`
      INSERT INTO zone_rule_versions
      SELECT zone_code, 2, CURRENT_DATE, publicity_days, amber_working_days, general_records_to_blacklist, major_rectify_days,
             max_missing_documents_working_days, commitment_grace_days, commitment_record_days, repair_general_months, repair_major_months,
             repair_serious_months, '*', 2, 'migration', 'system', now(), '默认事项清单第 2 版：审批事项的前置条件'
      FROM zone_rule_versions WHERE version = 1 AND catalogue = '*' AND catalogue_version = 1`);

    // Cases: the rules they follow, rectification rounds, missed committed dates.
    await q.query(`ALTER TABLE cases ADD COLUMN rules_zone varchar(32), ADD COLUMN rules_version int`);
    await q.query(`UPDATE cases c SET rules_zone = CASE WHEN EXISTS (SELECT 1 FROM zone_rule_versions r WHERE r.zone_code = c.zone_code) THEN c.zone_code ELSE '*' END, rules_version = 1`);
    await q.query(`ALTER TABLE cases ALTER COLUMN rules_zone SET NOT NULL, ALTER COLUMN rules_version SET NOT NULL`);
    await q.query(`
      ALTER TABLE cases
        ADD COLUMN rectification_round int NOT NULL DEFAULT 0,
        ADD COLUMN rectification_lapse_recorded boolean NOT NULL DEFAULT false,
        ADD COLUMN missed_milestones jsonb NOT NULL DEFAULT '{}'`);
    // A failed acceptance used to record the major breach at once: those cases are past their first round.
    await q.query(`UPDATE cases SET rectification_round = 1, rectification_lapse_recorded = true WHERE acceptance_reasons IS NOT NULL`);
    await q.query(`DROP TABLE zone_settings`);

    // Items: procedure, prerequisites (copied from the catalogue when the case opens), the clock.
    await q.query(`
      ALTER TABLE case_items
        ADD COLUMN procedure text CHECK (procedure IN ('commitment', 'approval', 'ordinary')),
        ADD COLUMN prerequisites jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN applied_on date,
        ADD COLUMN accepted_on date,
        ADD COLUMN deemed_accepted boolean NOT NULL DEFAULT false,
        ADD COLUMN pauses jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN revoked_on date,
        ADD COLUMN revocation_reason text,
        ALTER COLUMN legal_due_on DROP NOT NULL,
        ALTER COLUMN promised_due_on DROP NOT NULL`);
    await q.query(`
      UPDATE case_items i SET procedure = CASE
          WHEN i.regime = 'approval' THEN 'approval'
          WHEN c.commitment -> 'itemCodes' ? i.item_code THEN 'commitment'
          WHEN i.status = 'PENDING' THEN NULL
          ELSE 'ordinary' END
      FROM cases c WHERE c.id = i.case_id`);
    await q.query(`UPDATE case_items i SET status = 'ACCEPTED', applied_on = c.opened_on, accepted_on = c.opened_on FROM cases c WHERE c.id = i.case_id AND i.status = 'UNDER_REVIEW'`);
    await q.query(`
      UPDATE case_items i SET applied_on = c.opened_on, accepted_on = c.opened_on,
             pauses = jsonb_build_array(jsonb_build_object('reason', 'corrections', 'from', COALESCE(i.decided_on, c.opened_on), 'to', NULL))
      FROM cases c WHERE c.id = i.case_id AND i.status = 'CORRECTIONS_REQUESTED'`);
    await q.query(`UPDATE case_items SET legal_due_on = NULL, promised_due_on = NULL, due_soon_raised = false, overdue_raised = false WHERE status IN ('PENDING', 'COMMITTED')`);
    await q.query(`DROP INDEX case_items_due`);
    await q.query(`CREATE INDEX case_items_running ON case_items (promised_due_on) WHERE status = 'ACCEPTED'`);
    await q.query(`CREATE INDEX case_items_applied ON case_items (applied_on) WHERE status = 'APPLIED'`);

    // Credit: repair apart from rectification; 严重 records.
    await q.query(`ALTER TABLE credit_records DROP CONSTRAINT credit_records_severity_check`);
    await q.query(`ALTER TABLE credit_records ADD CONSTRAINT credit_records_severity_check CHECK (severity IN ('general', 'major', 'serious'))`);
    await q.query(`ALTER TABLE credit_records ADD COLUMN repaired_on date, ADD COLUMN repair_note text`);
    await q.query(`UPDATE credit_records SET repaired_on = rectified_on, repair_note = rectification_note WHERE rectified_on IS NOT NULL`);
  }

  async down(): Promise<void> {
    throw new Error('ApprovalProcedure1764400200000 is not reversible (zone_settings were folded into versions)');
  }
}
