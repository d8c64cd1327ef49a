import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { coversZone, isProvinceWide, type Principal } from '@devzone/auth';
import { pageOf, type Page } from '@devzone/platform';
import { DomainError } from '@devzone/shared-kernel';
import type { IndicatorTemplateView, PlotMatchesView, PlotMatchView, PlotView } from '../api/plot.views';
import { plotActions, type ProjectForPlot } from '../domain/actions';
import { matchPlot, type PlotStatus } from '../domain/plot';
import { ContractOrm, IndicatorTemplateOrm, LandPathOrm, PlotOrm, type LandProjectOrm } from '../infrastructure/orm-entities';
import { plotView } from './answers';
import { projectFor } from './project-access';

/** The zone's latest indicator template, or the default one ('*'). */
export async function templateOf(manager: EntityManager, zoneCode: string): Promise<IndicatorTemplateOrm> {
  const own = await manager.findOne(IndicatorTemplateOrm, { where: { zoneCode }, order: { version: 'DESC' } });
  return own ?? (await manager.findOneOrFail(IndicatorTemplateOrm, { where: { zoneCode: '*' }, order: { version: 'DESC' } }));
}

/** The project as reserve and transfer decide for it: its needs, 标准地 or not, land already secured. */
export async function projectForPlot(manager: EntityManager, project: LandProjectOrm): Promise<ProjectForPlot> {
  const secured = (await manager.existsBy(LandPathOrm, { projectId: project.projectId })) || (await manager.existsBy(ContractOrm, { projectId: project.projectId }));
  return { ...project, landSecured: secured };
}

export interface PlotFilter {
  page?: number;
  pageSize?: number;
  zone?: string;
  status?: PlotStatus;
}

/** Staff see their zones' plots; enterprises every zone's published (AVAILABLE) ones. */
const seesPlotsOf = (p: Principal, zone: string) => p.role === 'enterprise' || coversZone(p, zone);
const seesPlot = (p: Principal, plot: PlotOrm) => (p.role === 'enterprise' ? plot.status === 'AVAILABLE' : coversZone(p, plot.zoneCode));

/** The plot library as the caller sees it, and the plots that fit a project. */
@Injectable()
export class PlotQueries {
  constructor(private readonly dataSource: DataSource) {}

  async template(zoneCode: string): Promise<IndicatorTemplateView> {
    const t = await templateOf(this.dataSource.manager, zoneCode);
    return { zoneCode: t.zoneCode, version: t.version, indicators: t.indicators };
  }

  /** A page of plots by zone and status, in code order (paged in SQL). */
  async plots(q: PlotFilter, p: Principal): Promise<Page<PlotView>> {
    const { page, pageSize, skip, take } = pageOf(q);
    const zones = q.zone ? [q.zone].filter((z) => seesPlotsOf(p, z)) : isProvinceWide(p) || p.role === 'enterprise' ? undefined : p.zones;
    // Enterprises browse the published catalogue (AVAILABLE) of every zone; staff their zones' plots in any state.
    if (p.role === 'enterprise' && q.status && q.status !== 'AVAILABLE') return { items: [], total: 0, page, pageSize };
    const status = p.role === 'enterprise' ? 'AVAILABLE' : q.status;
    const [rows, total] = await this.dataSource.getRepository(PlotOrm).findAndCount({
      where: { ...(zones ? { zoneCode: In(zones) } : {}), ...(status ? { status } : {}) },
      order: { code: 'ASC' },
      skip,
      take,
    });
    return { items: rows.map((plot) => plotView(plot, p)), total, page, pageSize };
  }

  async plot(code: string, p: Principal): Promise<PlotView> {
    const plot = await this.dataSource.getRepository(PlotOrm).findOneBy({ code });
    if (!plot || !seesPlot(p, plot)) throw DomainError.notFound({ zh: `地块不存在：${code}`, en: `no plot ${code}` }, 'plot-not-found');
    return plotView(plot, p);
  }

  /** The zone's plots that fit the project, why the others do not, and what the caller may do with each for the project. */
  async matches(projectId: string, principal: Principal): Promise<PlotMatchesView> {
    const manager = this.dataSource.manager;
    const project = await projectFor(manager, projectId, principal);
    const forPlot = await projectForPlot(manager, project);
    const plots = await manager.find(PlotOrm, { where: { zoneCode: project.zoneCode }, order: { code: 'ASC' } });
    const rows = plots.map((plot): PlotMatchView => {
      const fit = matchPlot(plot, project);
      const actions = plotActions(plot, { role: principal.role, reaches: coversZone(principal, plot.zoneCode) }, forPlot);
      return { plotCode: plot.code, areaMu: plot.areaMu, status: plot.status, location: plot.location, matches: fit.matches, reasons: fit.reasons, actions };
    });
    return { projectId, usesStandardLand: project.usesStandardLand, matched: rows.filter((r) => r.matches), notMatched: rows.filter((r) => !r.matches) };
  }
}
