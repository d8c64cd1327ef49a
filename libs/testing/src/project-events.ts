import type { ImportedStage, ProjectImportedV1, ProjectSignedV1 } from '@devzone/contracts';

/** A project.signed payload as project-intake publishes it (山西 综改区, 标准地, one contact), for the services' tests. */
export const projectSignedPayload = (overrides: Partial<ProjectSignedV1> = {}): ProjectSignedV1 => ({
  projectCode: '2611-140100-04-01-00123X',
  name: '年产5万吨新型建材项目',
  enterprise: { name: '山西示例新材料有限公司', creditCode: '91350100M000100Y43' },
  zoneCode: 'SX-ZGQ',
  industryCode: 'C3021',
  totalInvestment: 52000,
  fixedAssetInvestment: 41000,
  projectedAnnualOutput: 80000,
  landAreaMu: 120,
  usesStandardLand: true,
  wantsFullAgency: false,
  projectType: 'capital-construction',
  plannedDates: { start: '2027-03-01', completion: '2028-06-30', production: '2028-09-01' },
  signedOn: '2026-11-20',
  contacts: [{ name: '张伟', mobile: '13800000000' }],
  ...overrides,
});

/** A project.imported payload (issue 18) at `stage`: the ledger's facts as a row at that stage would give them (approvals done from 具备开工条件 on, land documented, milestone dates in the past). */
export const projectImportedPayload = (stage: ImportedStage, overrides: Partial<ProjectImportedV1> = {}): ProjectImportedV1 => {
  const order: ImportedStage[] = ['SIGNED', 'APPROVING', 'READY_TO_START', 'UNDER_CONSTRUCTION', 'COMPLETED', 'IN_PRODUCTION', 'FULL_PRODUCTION'];
  const at = (s: ImportedStage) => order.indexOf(stage) >= order.indexOf(s);
  return {
    ...projectSignedPayload({ signedOn: '2024-03-01', plannedDates: { start: '2024-06-01', completion: '2025-06-30', production: '2025-09-01' } }),
    stage,
    approval: at('READY_TO_START') ? { state: 'granted', document: '晋综改施字〔2024〕18号' } : { state: stage === 'SIGNED' ? 'not-started' : 'in-progress' },
    land: { path: 'standard-land', ...(at('READY_TO_START') ? { document: '晋(2024)太原市出让合同第0012号' } : {}) },
    actualDates: {
      ...(at('UNDER_CONSTRUCTION') ? { start: '2024-06-15' } : {}),
      ...(at('COMPLETED') ? { completion: '2025-07-01' } : {}),
      ...(at('IN_PRODUCTION') ? { production: '2025-09-20' } : {}),
      ...(at('FULL_PRODUCTION') ? { fullProduction: '2026-06-30' } : {}),
    },
    source: { batchId: '6f1c2a0e-3b4d-4e5f-8a9b-0c1d2e3f4a5b', fileName: '项目台账.xlsx', row: 2 },
    ...overrides,
  };
};
