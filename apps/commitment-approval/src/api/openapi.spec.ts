import { ROLES_KEY } from '@devzone/auth';
import { previewOpenApiDocument } from '@devzone/platform';
import { answerOf, listEnvelopeProblems, schemasOf, type OpenApiDocument } from '@devzone/testing';
import { AppModule, SERVICE } from '../app.module';
import { CASE_ACTIONS, CASE_COMMAND_ROLES, ITEM_ACTIONS, ITEM_COMMANDS } from '../domain/permissions';
import { CasesController } from './cases.http.controller';

const DOCUMENTS = ['/cases/{id}/documents/notice', '/cases/{id}/documents/commitment', '/cases/{id}/documents/decision'];

describe('the commitment-approval OpenAPI document', () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    document = (await previewOpenApiDocument(AppModule, SERVICE)) as never;
  });
  /** The 200 answer, or else the 201. */
  const answer = (method: string, path: string) => (document.paths[path]?.[method]?.responses?.['200'] ? answerOf(document, method, path) : answerOf(document, method, path, '201'));

  it('declares every answer, lists as { items, total, page, pageSize } and never a bare array or "entries"', () => {
    // The documents answer a page (text/html), declared below; the shared check reads JSON answers only.
    expect(listEnvelopeProblems(document).filter((p) => !DOCUMENTS.some((d) => p === `GET ${d}: 200 has no schema`))).toEqual([]);
    expect(answer('get', '/cases')).toBe('CaseSummaryViewPage');
    expect(answer('get', '/queue')).toBe('QueueEntryViewPage');
    expect(answer('get', '/queue/summary')).toBe('QueueSummaryView'); // counts, not a list
    expect(answer('get', '/credit-records')).toBe('CreditRecordViewPage');
    expect(answer('get', '/settings/zones/{zone}/versions')).toBe('ZoneRulesViewPage');
  });

  it('answers every case and item command with the case view, which names the actions', () => {
    for (const path of Object.keys(document.paths).filter((p) => p.startsWith('/cases/{id}/') && document.paths[p]['post'])) expect([path, answer('post', path)]).toEqual([path, 'CaseView']);
    expect(schemasOf(document)['CaseAction'].enum).toEqual([...CASE_ACTIONS]);
    expect(schemasOf(document)['ItemAction'].enum).toEqual([...ITEM_ACTIONS]);
  });

  it('declares the case’s documents as printable pages (text/html), 404 before they are issued', () => {
    for (const path of DOCUMENTS) {
      const get = (document.paths[path] as Record<string, { responses: Record<string, { content?: Record<string, { schema?: { type?: string } }> }> }>)['get'];
      expect([path, Object.keys(get.responses['200'].content ?? {})]).toEqual([path, ['text/html']]);
      expect(get.responses['200'].content?.['text/html']?.schema).toEqual({ type: 'string' });
      expect(get.responses['404']).toBeDefined();
    }
  });

  it('takes every act’s opinion, and the commitment’s declaration', () => {
    const schemas = schemasOf(document);
    for (const request of ['OpinionRequest', 'PrecheckRequest', 'ItemDecisionRequest', 'RevocationRequest', 'AcceptanceResultRequest']) expect([request, schemas[request].required]).toEqual([request, expect.arrayContaining(['opinion'])]);
    const body = (method: string, path: string) => (document.paths[path]?.[method] as { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }).requestBody?.content['application/json'].schema.$ref;
    expect(body('post', '/cases/{id}/notice')).toBe('#/components/schemas/OpinionRequest');
    expect(body('post', '/cases/{id}/items/{itemCode}/acceptance')).toBe('#/components/schemas/OpinionRequest');
    expect(schemas['CommitmentRequest'].properties?.['declarationConfirmed']).toBeDefined();
    expect(schemas['CaseView'].required).toEqual(expect.arrayContaining(['record', 'commitmentDeclaration']));
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
