import type { DataSource } from 'typeorm';
import { FIXTURE } from '../src/domain/figures.fixture';
import { ProjectOrm } from '../src/infrastructure/orm-entities';

/** The figures fixture's projects as rows of the register (the figures and rounds tests query them). */
export function insertFixtureProjects(dataSource: DataSource) {
  return dataSource.getRepository(ProjectOrm).insert(
    FIXTURE.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      enterpriseName: '测试企业',
      creditCode: '91350100M000100Y43',
      zoneCode: p.zoneCode,
      industryCode: 'C3021',
      projectType: 'capital-construction' as const,
      totalInvestment: p.totalInvestment,
      fixedAssetInvestment: p.totalInvestment,
      projectedAnnualOutput: p.projectedAnnualOutput,
      actualAnnualOutput: p.actualAnnualOutput,
      landAreaMu: 50,
      usesStandardLand: false,
      wantsFullAgency: false,
      contacts: [{ name: '联系人', mobile: '13800000000' }],
      signedOn: p.signedOn,
      threeBatchesRound: p.round,
      stage: p.stage,
      plannedStart: p.planned.start,
      plannedCompletion: p.planned.completion,
      plannedProduction: p.planned.production,
      actualStart: p.actual.start,
      actualCompletion: p.actual.completion,
      actualProduction: p.actual.production,
    })),
  );
}
