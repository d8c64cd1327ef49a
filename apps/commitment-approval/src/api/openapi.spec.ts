import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ROLES_KEY } from '@devzone/auth';
import { openApiDocument } from '@devzone/platform';
import { listEnvelopeProblems, type OpenApiDocument } from '@devzone/testing';
import { AppModule, SERVICE } from '../app.module';
import { CASE_ACTIONS, CASE_COMMAND_ROLES, ITEM_ACTIONS, ITEM_COMMANDS } from '../domain/permissions';
import { CasesController } from './cases.http.controller';

type Responses = Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
type Document = OpenApiDocument & { paths: Record<string, Record<string, { responses: Responses }>>; components: { schemas: Record<string, { properties?: Record<string, unknown>; enum?: string[] }> } };

describe('the commitment-approval OpenAPI document', () => {
  let document: Document;
  beforeAll(async () => {
    const app = await NestFactory.create(AppModule, new FastifyAdapter(), { preview: true, logger: false });
    document = openApiDocument(app, SERVICE) as never;
  });
  const answer = (method: string, path: string) => {
    const responses = document.paths[path][method].responses;
    return (responses['200'] ?? responses['201']).content?.['application/json']?.schema?.$ref?.replace('#/components/schemas/', '');
  };

  it('declares every answer, lists as { items, total, page, pageSize } and never a bare array or "entries"', () => {
    expect(listEnvelopeProblems(document)).toEqual([]);
    expect(answer('get', '/cases')).toBe('CaseSummaryViewPage');
    expect(answer('get', '/queue')).toBe('QueueEntryViewPage');
    expect(answer('get', '/settings/zones/{zone}/versions')).toBe('ZoneRulesViewPage');
    expect(Object.keys(document.components.schemas['QueueEntryViewPage'].properties ?? {}).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
  });

  it('answers every case and item command with the case view, which names the actions', () => {
    for (const path of Object.keys(document.paths).filter((p) => p.startsWith('/cases/{id}/'))) expect([path, answer('post', path)]).toEqual([path, 'CaseView']);
    expect(document.components.schemas['CaseAction'].enum).toEqual([...CASE_ACTIONS]);
    expect(document.components.schemas['ItemAction'].enum).toEqual([...ITEM_ACTIONS]);
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
