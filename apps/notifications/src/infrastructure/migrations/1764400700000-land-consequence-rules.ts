import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rules for land's consequences and overdue agency tasks (frozen here as
 * written): the enterprise and the land officers hear of a penalty, idle land
 * and indicators at risk; the agent of an overdue task.
 */
const RULES: [eventType: string, recipients: string[], urgent: boolean][] = [
  ['land.penalty-assessed', ['enterprise', 'zone-officers'], true],
  ['land.idle-land', ['enterprise', 'zone-officers'], true],
  ['land.indicator-at-risk', ['enterprise', 'zone-officers'], false],
  ['agency.task-overdue', ['agent'], true],
];

export class LandConsequenceRules1764400700000 implements MigrationInterface {
  name = 'LandConsequenceRules1764400700000';

  async up(q: QueryRunner): Promise<void> {
    for (const [eventType, recipients, urgent] of RULES) {
      await q.query(`INSERT INTO notification_rules VALUES ($1, $2, $3, $4) ON CONFLICT (event_type) DO NOTHING`, [eventType, JSON.stringify(recipients), JSON.stringify(['inbox', 'email', 'webhook']), urgent]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification_rules WHERE event_type = ANY($1)`, [RULES.map(([t]) => t)]);
  }
}
