import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An agent's worklist and a team's load find delegations by agent (issue 15: a province's 33,000 delegations were read in full for each). */
export class AgencyAgentIndex1764600100000 implements MigrationInterface {
  name = 'AgencyAgentIndex1764600100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX delegations_agent ON delegations (agent_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX delegations_agent`);
  }
}
