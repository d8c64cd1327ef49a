import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { LandSecured, type Actor, type EventEnvelope, type LandSecuredV1, type ProjectSignedV1 } from '@devzone/contracts';
import type { Principal } from '@devzone/auth';
import { commandUnit, Outbox, type UnitOfWork } from '@devzone/messaging';
import { chinaDate, DomainError, type IsoDate, type Message } from '@devzone/shared-kernel';
import { certificateProblem, futureDateProblem, NO_NEW_LAND_REFERENCE, pathRefusal, type OfficerPath } from '../domain/land-paths';
import { ContractOrm, LandPathOrm, type ImportedFrom, type LeaseTerms } from '../infrastructure/orm-entities';
import type { LandPathView } from '../api/land.views';
import { pathView } from './answers';
import { projectFor } from './project-access';

export interface GrantInput {
  number: string;
  signedOn: IsoDate;
  landPriceFen: number;
  areaMu: number;
  location: string;
  agreedStart: IsoDate;
  agreedCompletion: IsoDate;
  agreedProduction?: IsoDate;
}

export interface OwnLandInput {
  certificateNumber: string;
  areaMu: number;
  location: string;
}

export type LeaseInput = LeaseTerms & { contractNumber: string };

const invalid = (field: string, problem: Message | null) => {
  if (problem) throw DomainError.invalid(field, problem);
};

/**
 * Land paths other than 标准地 (domain.md §7): an ordinary 招拍挂 grant, the enterprise's
 * own land, a lease, or no new land. Each is recorded once per project (the project row
 * is locked) and announced with one land.land-secured.
 */
@Injectable()
export class LandPathsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** 招拍挂出让: a grant contract without a performance agreement; it is 出让 land, so the idle-land rules apply. */
  grant(projectId: string, input: GrantInput, actor: Actor, principal: Principal): Promise<LandPathView> {
    const today = chinaDate();
    invalid('signedOn', futureDateProblem(input.signedOn, today));
    return this.record(projectId, 'grant', actor, principal, async (unit) => {
      if (await unit.manager.existsBy(ContractOrm, { contractNumber: input.number })) {
        throw DomainError.refused({ zh: `出让合同编号 ${input.number} 已登记`, en: `contract ${input.number} is already recorded` }, 'contract-exists');
      }
      await unit.manager.insert(ContractOrm, {
        id: randomUUID(),
        kind: 'grant',
        plotId: null,
        projectId,
        contractNumber: input.number,
        signedOn: input.signedOn,
        landPriceFen: input.landPriceFen,
        agreedStart: input.agreedStart,
        agreedCompletion: input.agreedCompletion,
        agreedProduction: input.agreedProduction ?? null,
        areaMu: input.areaMu,
        location: input.location,
        agreement: null,
        idleLevelRaised: null,
        stalledLevelRaised: null,
      });
      const agreedDates = { start: input.agreedStart, completion: input.agreedCompletion, ...(input.agreedProduction ? { production: input.agreedProduction } : {}) };
      return {
        row: { securedOn: input.signedOn, reference: input.number, areaMu: input.areaMu, location: input.location, lease: null },
        payload: { path: 'grant', securedOn: input.signedOn, reference: input.number, areaMu: input.areaMu, agreedDates },
      };
    });
  }

  /** 自有用地: land the enterprise holds, by its 不动产权证. */
  ownLand(projectId: string, input: OwnLandInput, actor: Actor, principal: Principal): Promise<LandPathView> {
    invalid('certificateNumber', certificateProblem(input.certificateNumber));
    const reference = input.certificateNumber.trim();
    return this.record(projectId, 'own-land', actor, principal, async (_unit, today) => ({
      row: { securedOn: today, reference, areaMu: input.areaMu, location: input.location, lease: null },
      payload: { path: 'own-land', securedOn: today, reference, areaMu: input.areaMu },
    }));
  }

  /** 租赁厂房 / 标准厂房: premises leased, often from the zone's operating company (管运分离). */
  lease(projectId: string, input: LeaseInput, actor: Actor, principal: Principal): Promise<LandPathView> {
    const { contractNumber, ...terms } = input;
    return this.record(projectId, 'lease', actor, principal, async (_unit, today) => ({
      row: { securedOn: today, reference: contractNumber, areaMu: null, location: input.premises, lease: terms },
      payload: { path: 'lease', securedOn: today, reference: contractNumber, landlord: input.landlord, premises: input.premises },
    }));
  }

  /** project.signed with landAreaMu = 0: no new land, recorded by this service itself (once). */
  async noNewLand(unit: UnitOfWork, event: EventEnvelope<ProjectSignedV1>): Promise<void> {
    if (event.payload.landAreaMu !== 0) return;
    if (!(await recordNoNewLand(unit.manager, event.projectId, event.payload.signedOn, null))) return;
    await unit.publish(LandSecured, { projectId: event.projectId, payload: { path: 'none', securedOn: event.payload.signedOn, reference: NO_NEW_LAND_REFERENCE } });
  }

  private record(
    projectId: string,
    path: OfficerPath,
    actor: Actor,
    principal: Principal,
    write: (unit: UnitOfWork, today: IsoDate) => Promise<{ row: Pick<LandPathOrm, 'securedOn' | 'reference' | 'areaMu' | 'location' | 'lease'>; payload: LandSecuredV1 }>,
  ): Promise<LandPathView> {
    return this.dataSource.transaction(async (manager) => {
      const project = await projectFor(manager, projectId, principal, true);
      const current = await manager.findOneBy(LandPathOrm, { projectId });
      const refusal = pathRefusal(path, project, current?.path ?? null);
      if (refusal) throw DomainError.refused(refusal.message, refusal.code);
      const unit = commandUnit(this.outbox, manager, actor);
      const { row, payload } = await write(unit, chinaDate());
      const saved = await manager.save(LandPathOrm, { ...(current ?? {}), projectId, path, ...row, recordedBy: actor, imported: null }); // a lease replacing an imported none is the officer's
      await unit.publish(LandSecured, { projectId, payload });
      return pathView(saved);
    });
  }
}

/** The path 'none' (无新增用地), once per project: false when the project has a path already. `imported`: the ledger row, for an imported project. */
export async function recordNoNewLand(manager: EntityManager, projectId: string, securedOn: IsoDate, imported: ImportedFrom | null): Promise<boolean> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO land_paths (project_id, path, secured_on, reference, imported) VALUES ($1, 'none', $2, $3, $4) ON CONFLICT (project_id) DO NOTHING RETURNING project_id`,
    [projectId, securedOn, NO_NEW_LAND_REFERENCE, imported ? JSON.stringify(imported) : null],
  );
  return inserted.length > 0;
}
