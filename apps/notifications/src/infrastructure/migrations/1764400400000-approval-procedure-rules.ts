import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rules for the new 承诺制 steps (frozen here as written; later rules come in
 * later migrations): the item's clock for the enterprise and its agent, every
 * credit record and rectification order for the enterprise, the officers told of
 * enforcement.
 */
const RULES: [eventType: string, recipients: string[], urgent: boolean][] = [
  ['approval.item-applied', ['zone-officers', 'agent'], false],
  ['approval.item-accepted', ['enterprise', 'agent'], false],
  ['approval.item-paused', ['enterprise', 'agent'], false],
  ['approval.item-resumed', ['enterprise', 'agent'], false],
  ['approval.rectification-ordered', ['enterprise', 'zone-officers'], true],
  ['approval.breach-recorded', ['enterprise', 'zone-officers'], true],
  ['approval.grant-revoked', ['enterprise', 'agent', 'zone-officers'], true],
  ['approval.commitment-date-missed', ['enterprise', 'zone-officers'], true],
  ['approval.credit-repaired', ['enterprise'], false],
  ['approval.blacklist-lifted', ['enterprise', 'zone-officers'], false],
];

export class ApprovalProcedureRules1764400400000 implements MigrationInterface {
  name = 'ApprovalProcedureRules1764400400000';

  async up(q: QueryRunner): Promise<void> {
    for (const [eventType, recipients, urgent] of RULES) {
      await q.query(`INSERT INTO notification_rules VALUES ($1, $2, $3, $4) ON CONFLICT (event_type) DO NOTHING`, [eventType, JSON.stringify(recipients), JSON.stringify(['inbox', 'email', 'webhook']), urgent]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification_rules WHERE event_type = ANY($1)`, [RULES.map(([t]) => t)]);
  }
}
