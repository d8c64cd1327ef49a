import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Land paths besides 标准地 (domain.md §7): one row per project in land_paths; an ordinary
 * 招拍挂 grant is also a contract (no plot, no performance agreement) so that the idle-land
 * rules see it. land_projects keeps the total investment (idle-land case 2).
 * Existing 标准地 contracts become 'standard-land' paths.
 */
export class LandPaths1764500200000 implements MigrationInterface {
  name = 'LandPaths1764500200000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE land_projects ADD COLUMN total_investment numeric(16,4)`);
    await q.query(`
      ALTER TABLE contracts
        ADD COLUMN kind text NOT NULL DEFAULT 'standard-land' CHECK (kind IN ('standard-land', 'grant')),
        ADD COLUMN area_mu numeric(12,4) CHECK (area_mu > 0),
        ADD COLUMN location text,
        ADD COLUMN stalled_level_raised text,
        ALTER COLUMN plot_id DROP NOT NULL,
        ALTER COLUMN agreement DROP NOT NULL`);
    await q.query(`ALTER TABLE contracts ALTER COLUMN kind DROP DEFAULT`);
    await q.query(`
      ALTER TABLE contracts ADD CONSTRAINT contracts_kind_shape CHECK (
        (kind = 'standard-land' AND plot_id IS NOT NULL AND agreement IS NOT NULL)
        OR (kind = 'grant' AND plot_id IS NULL AND agreement IS NULL AND area_mu IS NOT NULL AND location IS NOT NULL))`);
    await q.query(`
      CREATE TABLE land_paths (
        project_id   uuid PRIMARY KEY,
        path         text NOT NULL CHECK (path IN ('standard-land', 'grant', 'own-land', 'lease', 'none')),
        secured_on   date NOT NULL,
        reference    text NOT NULL,
        area_mu      numeric(12,4),
        location     text,
        lease        jsonb,
        recorded_by  jsonb,
        recorded_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      INSERT INTO land_paths (project_id, path, secured_on, reference, area_mu, location)
      SELECT c.project_id, 'standard-land', c.signed_on, c.contract_number, p.area_mu, p.location
        FROM contracts c JOIN plots p ON p.id = c.plot_id
      ON CONFLICT DO NOTHING`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE land_paths`);
    await q.query(`DELETE FROM contracts WHERE kind = 'grant'`);
    await q.query(`
      ALTER TABLE contracts
        DROP CONSTRAINT contracts_kind_shape,
        DROP COLUMN kind, DROP COLUMN area_mu, DROP COLUMN location, DROP COLUMN stalled_level_raised,
        ALTER COLUMN plot_id SET NOT NULL,
        ALTER COLUMN agreement SET NOT NULL`);
    await q.query(`ALTER TABLE land_projects DROP COLUMN total_investment`);
  }
}
