import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogueItemOrm, ZoneSettingsOrm } from '../infrastructure/orm-entities';

/** Zone rules and catalogues: a zone's own row, else the defaults ('*'). */
@Injectable()
export class SettingsService {
  constructor(private readonly dataSource: DataSource) {}

  async forZone(zoneCode: string, manager: EntityManager = this.dataSource.manager): Promise<ZoneSettingsOrm> {
    const own = await manager.findOneBy(ZoneSettingsOrm, { zoneCode });
    return own ?? (await manager.findOneByOrFail(ZoneSettingsOrm, { zoneCode: '*' }));
  }

  async update(zoneCode: string, patch: Partial<Omit<ZoneSettingsOrm, 'zoneCode'>>): Promise<ZoneSettingsOrm> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.forZone(zoneCode, manager);
      const next = manager.create(ZoneSettingsOrm, { ...current, ...patch, zoneCode });
      await manager.save(next);
      return next;
    });
  }

  async catalogue(zoneCode: string, manager: EntityManager = this.dataSource.manager): Promise<{ catalogue: string; version: number; items: CatalogueItemOrm[] }> {
    const settings = await this.forZone(zoneCode, manager);
    const items = await manager.find(CatalogueItemOrm, { where: { catalogue: settings.catalogue, version: settings.catalogueVersion }, order: { sort: 'ASC' } });
    return { catalogue: settings.catalogue, version: settings.catalogueVersion, items };
  }
}
