import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 1 亩 = 10000/15 m² exactly: plots were given area_m2 = 亩 × 666.67 (150 亩 → 100000.5 m²).
 * numeric arithmetic in PostgreSQL is exact, and u × 20 / 3 hundredths never ends in .5,
 * so round(…, 2) gives what domain/plot.ts muToM2 gives.
 */
export class ExactMuArea1764500100000 implements MigrationInterface {
  name = 'ExactMuArea1764500100000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE plots SET area_m2 = round(area_mu * 10000 / 15, 2) WHERE area_m2 <> round(area_mu * 10000 / 15, 2)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE plots SET area_m2 = round(area_mu * 666.67, 2)`);
  }
}
