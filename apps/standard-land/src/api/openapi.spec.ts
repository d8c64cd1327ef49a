import { ROLES_KEY } from '@devzone/auth';
import { previewOpenApiDocument } from '@devzone/platform';
import { answerOf, listEnvelopeProblems, schemasOf, type OpenApiDocument } from '@devzone/testing';
import { AppModule, SERVICE } from '../app.module';
import { LAND_ACTIONS, LAND_COMMAND_ROLES, PLOT_ACTIONS, PLOT_COMMAND_ROLES, ROUTE_ROLES } from '../domain/permissions';
import { ConstructionController } from './construction.http.controller';
import { LandPathsController } from './land-paths.http.controller';
import { PlotsController } from './plots.http.controller';
import { ProjectLandController } from './project-land.http.controller';

/** The roles a route handler's @Roles() admits. */
const rolesOf = (handler: unknown) => Reflect.getMetadata(ROLES_KEY, handler as object) as string[] | undefined;

describe('the OpenAPI document of standard-land', () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    document = (await previewOpenApiDocument(AppModule, SERVICE)) as never;
  });

  it('declares every answer, lists only as { items, total, page, pageSize }, never a bare array', () => {
    expect(listEnvelopeProblems(document)).toEqual([]);
    expect(answerOf(document, 'get', '/plots')).toBe('PlotViewPage');
  });

  it('names the actions of a plot and of a project’s land as the command routes end', () => {
    expect(schemasOf(document)['PlotAction'].enum).toEqual([...PLOT_ACTIONS]);
    expect(schemasOf(document)['LandAction'].enum).toEqual([...LAND_ACTIONS]);
    for (const action of PLOT_ACTIONS) expect(document.paths[`/plots/{code}/${action}`]['post']).toBeDefined();
    for (const action of LAND_ACTIONS) expect(document.paths[`/projects/{projectId}/${action}`]['post']).toBeDefined();
  });

  it('admits to each command route exactly the roles its action is offered to', () => {
    const plots = PlotsController.prototype;
    expect([rolesOf(plots.publish), rolesOf(plots.reserve), rolesOf(plots.release), rolesOf(plots.transfer)]).toEqual(PLOT_ACTIONS.map((a) => [...PLOT_COMMAND_ROLES[a]]));
    const handlers = {
      'land-grant': LandPathsController.prototype.grant,
      'own-land': LandPathsController.prototype.ownLand,
      lease: LandPathsController.prototype.lease,
      'land-checks': ProjectLandController.prototype.check,
      'interim-reports': ProjectLandController.prototype.interim,
      'construction-progress': ConstructionController.prototype.progress,
      'idle-exemption': ConstructionController.prototype.exemption,
    };
    for (const action of LAND_ACTIONS) expect([action, rolesOf(handlers[action])]).toEqual([action, [...LAND_COMMAND_ROLES[action]]]);
    expect(rolesOf(plots.create)).toEqual([...ROUTE_ROLES.createPlot]);
    expect(rolesOf(ProjectLandController.prototype.matches)).toEqual([...ROUTE_ROLES.plotMatches]);
  });
});
