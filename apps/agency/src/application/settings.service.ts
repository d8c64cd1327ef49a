import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AgencySettingsOrm } from '../infrastructure/orm-entities';

@Injectable()
export class AgencySettings {
  constructor(private readonly dataSource: DataSource) {}

  async forZone(zoneCode: string, manager: EntityManager = this.dataSource.manager): Promise<AgencySettingsOrm> {
    return (await manager.findOneBy(AgencySettingsOrm, { zoneCode })) ?? (await manager.findOneByOrFail(AgencySettingsOrm, { zoneCode: '*' }));
  }

  async update(zoneCode: string, patch: Partial<Omit<AgencySettingsOrm, 'zoneCode'>>): Promise<AgencySettingsOrm> {
    const next = this.dataSource.getRepository(AgencySettingsOrm).create({ ...(await this.forZone(zoneCode)), ...patch, zoneCode });
    return this.dataSource.getRepository(AgencySettingsOrm).save(next);
  }
}
