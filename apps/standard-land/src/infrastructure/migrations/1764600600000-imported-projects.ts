import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 导入 (project.imported, issue 18): a project a zone already followed comes in at its stage,
 * with the land its ledger records. Each row built from the ledger keeps where it came from
 * (`imported`: batch, file, row). The ledger gives no plot, no land price and no location: an
 * imported 标准地 contract may have no plot (its area is the project's), an imported grant no
 * location, and either a land price of 0 (unknown).
 */
export class ImportedProjects1764600600000 implements MigrationInterface {
  name = 'ImportedProjects1764600600000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE land_projects ADD COLUMN imported jsonb, ADD COLUMN intended_path text CHECK (intended_path IN ('standard-land', 'grant', 'own-land', 'lease', 'none'))`);
    await q.query(`ALTER TABLE land_paths ADD COLUMN imported jsonb`);
    await q.query(`ALTER TABLE land_checks ADD COLUMN imported jsonb`);
    await q.query(`ALTER TABLE contracts ADD COLUMN imported jsonb`);
    await q.query(`ALTER TABLE contracts DROP CONSTRAINT contracts_land_price_fen_check`);
    await q.query(`ALTER TABLE contracts ADD CONSTRAINT contracts_land_price_fen_check CHECK (land_price_fen > 0 OR (imported IS NOT NULL AND land_price_fen = 0))`);
    await q.query(`ALTER TABLE contracts DROP CONSTRAINT contracts_kind_shape`);
    await q.query(`
      ALTER TABLE contracts ADD CONSTRAINT contracts_kind_shape CHECK (
        (kind = 'standard-land' AND agreement IS NOT NULL AND (plot_id IS NOT NULL OR (imported IS NOT NULL AND area_mu IS NOT NULL)))
        OR (kind = 'grant' AND plot_id IS NULL AND agreement IS NULL AND area_mu IS NOT NULL AND (location IS NOT NULL OR imported IS NOT NULL)))`);
  }
  async down(q: QueryRunner): Promise<void> {
    for (const table of ['land_checks', 'interim_reports']) await q.query(`DELETE FROM ${table} WHERE contract_id IN (SELECT id FROM contracts WHERE imported IS NOT NULL)`);
    await q.query(`DELETE FROM contracts WHERE imported IS NOT NULL`);
    await q.query(`ALTER TABLE contracts DROP CONSTRAINT contracts_kind_shape`);
    await q.query(`
      ALTER TABLE contracts ADD CONSTRAINT contracts_kind_shape CHECK (
        (kind = 'standard-land' AND plot_id IS NOT NULL AND agreement IS NOT NULL)
        OR (kind = 'grant' AND plot_id IS NULL AND agreement IS NULL AND area_mu IS NOT NULL AND location IS NOT NULL))`);
    await q.query(`ALTER TABLE contracts DROP CONSTRAINT contracts_land_price_fen_check`);
    await q.query(`ALTER TABLE contracts ADD CONSTRAINT contracts_land_price_fen_check CHECK (land_price_fen > 0)`);
    await q.query(`ALTER TABLE contracts DROP COLUMN imported`);
    await q.query(`ALTER TABLE land_checks DROP COLUMN imported`);
    await q.query(`ALTER TABLE land_paths DROP COLUMN imported`);
    await q.query(`ALTER TABLE land_projects DROP COLUMN imported, DROP COLUMN intended_path`);
  }
}
