import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { openApiDocument } from '@devzone/platform';
import { AppModule, SERVICE } from '../app.module';

type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; items?: Schema; enum?: string[]; required?: string[] };
type Operation = { responses: Record<string, { content?: { 'application/json'?: { schema?: Schema } } }> };

/** The service's OpenAPI document, built as OPENAPI_ONLY builds it: no database, no Kafka. */
describe('the OpenAPI document of notifications', () => {
  let app: INestApplication;
  let doc: OpenAPIObject;
  const schema = (ref: string) => doc.components!.schemas![ref.replace('#/components/schemas/', '')] as Schema;
  const answer = (path: string, method: string): Schema | undefined => {
    const op = (doc.paths[path] as Record<string, Operation>)[method];
    const ok = op.responses['200'] ?? op.responses['201'];
    return ok?.content?.['application/json']?.schema;
  };
  const operations = () => Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ path, method })));

  beforeAll(async () => {
    app = await NestFactory.create(AppModule, new FastifyAdapter(), { preview: true, logger: false });
    doc = openApiDocument(app, SERVICE);
  });
  afterAll(() => app?.close());

  it('declares a schema for the answer of every route but health and metrics, and no route answers a bare array', () => {
    const routes = operations().filter(({ path }) => !path.startsWith('/health') && path !== '/metrics');
    expect(routes.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort()).toEqual(
      ['GET /me/inbox', 'GET /me/inbox/unread-count', 'GET /me/preferences', 'GET /notifications', 'GET /notifications/{id}', 'GET /rules', 'POST /me/inbox/read-all', 'POST /me/inbox/{notificationId}/read', 'PUT /me/preferences'].sort(),
    );
    for (const { path, method } of routes) {
      const s = answer(path, method);
      expect({ path, method, ref: s?.$ref }).toEqual({ path, method, ref: expect.stringMatching(/^#\/components\/schemas\/\w+View(Page)?$/) });
      expect(schema(s!.$ref!).type).toBe('object');
    }
  });

  it.each(['/me/inbox', '/rules', '/notifications'])('answers %s in the one list envelope { items, total, page, pageSize }', (path) => {
    const page = schema(answer(path, 'get')!.$ref!);
    expect(Object.keys(page.properties!).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
    expect(page.properties!['items'].type).toBe('array');
  });

  it('lists the actions of an inbox entry as the InboxAction enum', () => {
    const entry = schema(schema(answer('/me/inbox', 'get')!.$ref!).properties!['items'].items!.$ref!);
    expect(entry.properties!['actions']).toMatchObject({ type: 'array', items: { $ref: '#/components/schemas/InboxAction' } });
    expect(schema('InboxAction').enum).toEqual(['read']);
  });

  it('declares the 404 of the routes that name one object', () => {
    for (const [path, method] of [
      ['/me/inbox/{notificationId}/read', 'post'],
      ['/notifications/{id}', 'get'],
    ]) {
      expect(Object.keys((doc.paths[path] as Record<string, Operation>)[method].responses)).toContain('404');
    }
  });
});
