import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '@devzone/contracts';
import { chinaDate, DomainError, type IsoDate } from '@devzone/shared-kernel';
import type { CatalogueItemView, CatalogueView, ZoneRulesView } from '../api/settings.views';
import type { CatalogueItem } from '../domain/catalogue';
import { prerequisiteProblems } from '../domain/prerequisites';
import { CatalogueItemOrm, ZoneRulesOrm } from '../infrastructure/orm-entities';

/** What a new version of a zone's rules may change; what it leaves out stays as in the version before. */
export type RulesChange = Partial<
  Pick<
    ZoneRulesOrm,
    | 'publicityDays'
    | 'amberWorkingDays'
    | 'generalRecordsToBlacklist'
    | 'majorRectifyDays'
    | 'maxMissingDocumentsWorkingDays'
    | 'commitmentGraceDays'
    | 'commitmentRecordDays'
    | 'repairGeneralMonths'
    | 'repairMajorMonths'
    | 'repairSeriousMonths'
  >
> & { effectiveFrom: IsoDate; note?: string; catalogue?: CatalogueItem[] };

/** A version of a zone's rules as answered. */
export function zoneRulesView(r: ZoneRulesOrm): ZoneRulesView {
  return {
    zoneCode: r.zoneCode,
    version: r.version,
    effectiveFrom: r.effectiveFrom,
    publicityDays: r.publicityDays,
    amberWorkingDays: r.amberWorkingDays,
    generalRecordsToBlacklist: r.generalRecordsToBlacklist,
    majorRectifyDays: r.majorRectifyDays,
    maxMissingDocumentsWorkingDays: r.maxMissingDocumentsWorkingDays,
    commitmentGraceDays: r.commitmentGraceDays,
    commitmentRecordDays: r.commitmentRecordDays,
    repairGeneralMonths: r.repairGeneralMonths,
    repairMajorMonths: r.repairMajorMonths,
    repairSeriousMonths: r.repairSeriousMonths,
    catalogue: r.catalogue,
    catalogueVersion: r.catalogueVersion,
    publishedBy: r.publishedBy,
    publishedRole: r.publishedRole,
    publishedAt: new Date(r.publishedAt).toISOString(),
    note: r.note,
  };
}

function catalogueItemView(i: CatalogueItemOrm): CatalogueItemView {
  return {
    catalogue: i.catalogue,
    version: i.version,
    code: i.code,
    name: i.name,
    department: i.department,
    regime: i.regime,
    legalLimitDays: i.legalLimitDays,
    promisedLimitDays: i.promisedLimitDays,
    documents: i.documents.map((d) => ({ code: d.code, name: d.name, tolerable: d.tolerable })),
    applies: i.applies,
    sort: i.sort,
    prerequisites: i.prerequisites,
  };
}

/**
 * Zone rules and catalogues as versions (zone '*': the defaults for zones
 * without their own). The rules in force on a day are the zone's latest version
 * effective by then; a case keeps the version it opened with. Publishing is a new
 * version with an effective date (not earlier than today), never an edit.
 */
@Injectable()
export class SettingsService {
  constructor(private readonly dataSource: DataSource) {}

  async forZone(zoneCode: string, asOf: IsoDate = chinaDate(), manager: EntityManager = this.dataSource.manager): Promise<ZoneRulesOrm> {
    const inForce = (zone: string) =>
      manager.createQueryBuilder(ZoneRulesOrm, 'r').where('r.zone_code = :zone AND r.effective_from <= :asOf', { zone, asOf }).orderBy('r.version', 'DESC').getOne();
    const rules = (await inForce(zoneCode)) ?? (await inForce('*'));
    if (!rules) throw new Error(`no rules in force for ${zoneCode} (nor defaults) on ${asOf}`);
    return rules;
  }

  /** The version a case follows. */
  forCase(c: { rulesZone: string; rulesVersion: number }, manager: EntityManager = this.dataSource.manager): Promise<ZoneRulesOrm> {
    return manager.findOneByOrFail(ZoneRulesOrm, { zoneCode: c.rulesZone, version: c.rulesVersion });
  }

  async history(zoneCode: string, page: { skip: number; take: number }) {
    return this.dataSource.getRepository(ZoneRulesOrm).findAndCount({ where: { zoneCode }, order: { version: 'DESC' }, ...page });
  }

  async catalogue(zoneCode: string, asOf: IsoDate = chinaDate(), manager: EntityManager = this.dataSource.manager): Promise<CatalogueView> {
    const rules = await this.forZone(zoneCode, asOf, manager);
    const items = await this.catalogueItems(rules, manager);
    return { rulesZone: rules.zoneCode, rulesVersion: rules.version, catalogue: rules.catalogue, version: rules.catalogueVersion, items: items.map(catalogueItemView) };
  }

  catalogueItems(rules: Pick<ZoneRulesOrm, 'catalogue' | 'catalogueVersion'>, manager: EntityManager = this.dataSource.manager): Promise<CatalogueItemOrm[]> {
    return manager.find(CatalogueItemOrm, { where: { catalogue: rules.catalogue, version: rules.catalogueVersion }, order: { sort: 'ASC' } });
  }

  /** 发布开发区规则新版本: the zone's next version, effective from the given day, recorded with who published it. */
  async publish(zoneCode: string, change: RulesChange, actor: Actor): Promise<ZoneRulesOrm> {
    const today = chinaDate();
    if (change.effectiveFrom < today) throw DomainError.invalid('effectiveFrom', { zh: '生效日期不能早于今天（规则不溯及既往）', en: 'effectiveFrom must not be before today' });
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('zone-rules:' || $1))`, [zoneCode]);
      const [{ latest }] = await manager.query(`SELECT max(version) AS latest FROM zone_rule_versions WHERE zone_code = $1`, [zoneCode]);
      const base = latest ? await manager.findOneByOrFail(ZoneRulesOrm, { zoneCode, version: latest }) : await this.forZone(zoneCode, change.effectiveFrom, manager);
      const { effectiveFrom, note, catalogue: items, ...settings } = change;
      const next = manager.create(ZoneRulesOrm, {
        ...base,
        ...settings,
        zoneCode,
        version: (latest ?? 0) + 1,
        effectiveFrom,
        note: note ?? null,
        publishedBy: actor.id,
        publishedRole: actor.role,
        publishedAt: new Date(),
      });
      if (next.commitmentRecordDays <= next.commitmentGraceDays) {
        throw DomainError.invalid('commitmentRecordDays', { zh: '记入失信的天数须大于预警的天数', en: 'commitmentRecordDays must exceed commitmentGraceDays' });
      }
      if (items) Object.assign(next, await this.publishCatalogue(manager, zoneCode, items));
      await manager.insert(ZoneRulesOrm, next);
      return next;
    });
  }

  /** A zone's own catalogue, as its next version (the zone code names it). */
  private async publishCatalogue(manager: EntityManager, zoneCode: string, items: CatalogueItem[]): Promise<{ catalogue: string; catalogueVersion: number }> {
    const codes = items.map((i) => i.code);
    const duplicates = codes.filter((c, i) => codes.indexOf(c) !== i);
    if (duplicates.length) throw DomainError.invalid('catalogue', { zh: `事项代码重复：${[...new Set(duplicates)].join('、')}`, en: `duplicate item codes ${duplicates.join(', ')}` });
    const slower = items.filter((i) => i.promisedLimitDays > i.legalLimitDays).map((i) => i.code);
    if (slower.length) throw DomainError.invalid('catalogue', { zh: `承诺时限不能长于法定时限：${slower.join('、')}`, en: `promised limits longer than legal: ${slower.join(', ')}` });
    const problems = prerequisiteProblems(items);
    if (problems.length) throw DomainError.invalid('catalogue', { zh: problems.join('；'), en: 'the prerequisites are inconsistent' });
    const [{ latest }] = await manager.query(`SELECT max(version) AS latest FROM catalogue_items WHERE catalogue = $1`, [zoneCode]);
    const version = (latest ?? 0) + 1;
    await manager.insert(
      CatalogueItemOrm,
      items.map((i, sort) => ({ ...i, catalogue: zoneCode, version, sort, prerequisites: i.prerequisites ?? [] })),
    );
    return { catalogue: zoneCode, catalogueVersion: version };
  }
}
