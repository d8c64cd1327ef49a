import { ROLES_KEY } from '@devzone/auth';
import { previewOpenApiDocument } from '@devzone/platform';
import { answerOf, listEnvelopeProblems, schemasOf, type OpenApiDocument } from '@devzone/testing';
import { AppModule, SERVICE } from '../app.module';
import { CASE_ACTIONS, CASE_COMMAND_ROLES, ITEM_ACTIONS, ITEM_COMMANDS } from '../domain/permissions';
import { CasesController } from './cases.http.controller';

describe('the commitment-approval OpenAPI document', () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    document = (await previewOpenApiDocument(AppModule, SERVICE)) as never;
  });
  /** The 200 answer, or else the 201. */
  const answer = (method: string, path: string) => (document.paths[path]?.[method]?.responses?.['200'] ? answerOf(document, method, path) : answerOf(document, method, path, '201'));

  it('declares every answer, lists as { items, total, page, pageSize } and never a bare array or "entries"', () => {
    expect(listEnvelopeProblems(document)).toEqual([]);
    expect(answer('get', '/cases')).toBe('CaseSummaryViewPage');
    expect(answer('get', '/queue')).toBe('QueueEntryViewPage');
    expect(answer('get', '/settings/zones/{zone}/versions')).toBe('ZoneRulesViewPage');
  });

  it('answers every case and item command with the case view, which names the actions', () => {
    for (const path of Object.keys(document.paths).filter((p) => p.startsWith('/cases/{id}/'))) expect([path, answer('post', path)]).toEqual([path, 'CaseView']);
    expect(schemasOf(document)['CaseAction'].enum).toEqual([...CASE_ACTIONS]);
    expect(schemasOf(document)['ItemAction'].enum).toEqual([...ITEM_ACTIONS]);
  });

  it('takes the routes’ roles from the same map as the actions', () => {
    const roles = (method: keyof CasesController) => Reflect.getMetadata(ROLES_KEY, CasesController.prototype[method]);
    expect(roles('notice')).toEqual(CASE_COMMAND_ROLES.notice);
    expect(roles('commitment')).toEqual(CASE_COMMAND_ROLES.commitment);
    expect(roles('precheck')).toEqual(CASE_COMMAND_ROLES.precheck);
    expect(roles('endPublicity')).toEqual(CASE_COMMAND_ROLES['publicity-end']);
    expect(roles('requestAcceptance')).toEqual(CASE_COMMAND_ROLES['acceptance-request']);
    expect(roles('acceptance')).toEqual(CASE_COMMAND_ROLES.acceptance);
    expect(roles('apply')).toEqual(ITEM_COMMANDS.application.roles);
    expect(roles('accept')).toEqual(ITEM_COMMANDS.acceptance.roles);
    expect(roles('pause')).toEqual(ITEM_COMMANDS.pause.roles);
    expect(roles('resume')).toEqual(ITEM_COMMANDS.resume.roles);
    expect(roles('decide')).toEqual(ITEM_COMMANDS.decision.roles);
    expect(roles('resubmit')).toEqual(ITEM_COMMANDS.resubmit.roles);
    expect(roles('supplied')).toEqual(ITEM_COMMANDS['documents-supplied'].roles);
    expect(roles('revoke')).toEqual(ITEM_COMMANDS.revocation.roles);
  });
});
