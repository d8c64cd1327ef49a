import { previewOpenApiDocument } from '@devzone/platform';
import { answerOf, listEnvelopeProblems, schemasOf, type OpenApiDocument } from '@devzone/testing';
import { AppModule, SERVICE } from '../app.module';

/** The service's OpenAPI document, built as OPENAPI_ONLY builds it: no database, no Kafka. */
describe('the OpenAPI document of notifications', () => {
  let doc: OpenApiDocument;
  beforeAll(async () => {
    doc = (await previewOpenApiDocument(AppModule, SERVICE)) as never;
  });
  /** The name of the 200 answer, or else the 201. */
  const answer = (path: string, method: string) => (doc.paths[path][method].responses?.['200'] ? answerOf(doc, method, path) : answerOf(doc, method, path, '201'));

  it('declares a schema for the answer of every route but health and metrics, and no route answers a bare array', () => {
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ path, method }))).filter(({ path }) => !path.startsWith('/health') && path !== '/metrics');
    expect(routes.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort()).toEqual(
      ['GET /me/inbox', 'GET /me/inbox/unread-count', 'GET /me/preferences', 'GET /notifications', 'GET /notifications/{id}', 'GET /rules', 'POST /me/inbox/read-all', 'POST /me/inbox/{notificationId}/read', 'PUT /me/preferences'].sort(),
    );
    for (const { path, method } of routes) {
      const name = answer(path, method);
      expect({ path, method, name }).toEqual({ path, method, name: expect.stringMatching(/^\w+View(Page)?$/) });
      expect(schemasOf(doc)[name!].type).toBe('object');
    }
  });

  it('answers /me/inbox, /rules and /notifications in the one list envelope { items, total, page, pageSize }', () => {
    expect(listEnvelopeProblems(doc)).toEqual([]);
    expect(['/me/inbox', '/rules', '/notifications'].map((path) => answer(path, 'get'))).toEqual(['InboxEntryViewPage', 'NotificationRuleViewPage', 'NotificationItemViewPage']);
  });

  it('lists the actions of an inbox entry as the InboxAction enum', () => {
    const schemas = schemasOf(doc);
    const entry = schemas[schemas[answer('/me/inbox', 'get')!].properties!['items'].items!.$ref!.replace('#/components/schemas/', '')];
    expect(entry.properties!['actions']).toMatchObject({ type: 'array', items: { $ref: '#/components/schemas/InboxAction' } });
    expect(schemas['InboxAction'].enum).toEqual(['read']);
  });

  it('declares the inbox filters in its query: project, kind (event type), urgent, unread, with the page', () => {
    const query = (doc.paths['/me/inbox']['get'] as unknown as { parameters: { name: string; in: string }[] }).parameters.filter((p) => p.in === 'query').map((p) => p.name);
    expect(query.sort()).toEqual(['eventType', 'page', 'pageSize', 'projectId', 'unread', 'urgent']);
    const schemas = schemasOf(doc);
    expect(Object.keys(schemas['InboxEntryView'].properties!)).toEqual(expect.arrayContaining(['kindName', 'projectName', 'urgent']));
    expect(Object.keys(schemas['UnreadCountView'].properties!).sort()).toEqual(['unread', 'urgent']);
    // Each notification names the e-mail it went out in.
    expect(schemas['NotificationItemView'].properties!['digest']).toBeDefined();
  });

  it('declares the 404 of the routes that name one object', () => {
    for (const [path, method] of [
      ['/me/inbox/{notificationId}/read', 'post'],
      ['/notifications/{id}', 'get'],
    ]) {
      expect(Object.keys(doc.paths[path][method].responses ?? {})).toContain('404');
    }
  });
});
