import type { EntityManager } from 'typeorm';
import { seesProject, type Principal } from '@devzone/auth';
import { DomainError } from '@devzone/shared-kernel';
import { ContractOrm, LandProjectOrm, PlotOrm, type PerformanceAgreement } from '../infrastructure/orm-entities';

/** The project as this service knows it; 404 when unknown or not the principal's (another zone, another enterprise). */
export async function projectFor(manager: EntityManager, projectId: string, principal?: Principal, lock = false): Promise<LandProjectOrm> {
  const project = await manager.findOne(LandProjectOrm, { where: { projectId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!project || (principal && !seesProject(principal, project))) throw DomainError.notFound({ zh: `未收到该项目的签约信息：${projectId}`, en: `no project ${projectId} here` }, 'project-not-found');
  return project;
}

/** The project's 出让 contract (标准地 or grant), optionally locked; 404 without one. */
export async function contractFor(manager: EntityManager, projectId: string, lock = false): Promise<{ contract: ContractOrm; plot: PlotOrm | null }> {
  const contract = await manager.findOne(ContractOrm, { where: { projectId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!contract) throw DomainError.notFound({ zh: '该项目没有土地出让合同', en: 'the project has no land contract' }, 'no-contract');
  return { contract, plot: contract.plotId ? await manager.findOneByOrFail(PlotOrm, { id: contract.plotId }) : null };
}

/**
 * A 标准地 contract with its performance agreement (checks, interim reports); a grant has none (409).
 * Its plot, and null for a 标准地 contract imported from a ledger (no plot: its area is the contract's).
 */
export async function agreementFor(manager: EntityManager, projectId: string, lock = false): Promise<{ contract: ContractOrm; plot: PlotOrm | null; agreement: PerformanceAgreement }> {
  const { contract, plot } = await contractFor(manager, projectId, lock);
  if (!contract.agreement) {
    throw DomainError.refused({ zh: '招拍挂出让用地没有履约监管协议，无控制性指标可核验', en: 'an ordinary land grant has no performance agreement and no indicators' }, 'no-performance-agreement');
  }
  return { contract, plot, agreement: contract.agreement };
}

/** The area (亩) of the contract's land: the plot's, or the contract's own (a grant, an imported 标准地 contract). */
export const landAreaOf = (contract: ContractOrm, plot: PlotOrm | null): number => plot?.areaMu ?? contract.areaMu ?? 0;

/** What events about the contract's land call the plot: the 标准地 plot's code, or the grant's contract number. */
export const landCodeOf = (contract: ContractOrm, plot: PlotOrm | null): string => plot?.code ?? contract.contractNumber;
