import { type CanActivate, type ExecutionContext, type INestApplication } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { Principal } from '@devzone/auth';
import { DomainErrorFilter, requestValidationPipe } from '@devzone/platform';
import { DomainError } from '@devzone/shared-kernel';
import { CaseDocuments } from '../application/case-documents';
import { CaseDocumentsController } from './case-documents.http.controller';

const ISSUED = '5a0c8b1e-0000-4000-8000-000000000001';
const reader: Principal = { sub: 'ent-1', name: '企业', role: 'enterprise', zones: [], creditCode: '91350100M000100Y43' };

/** The verified caller, as the service's guard would set it. */
class SignedIn implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    context.switchToHttp().getRequest<{ principal?: Principal }>().principal = reader;
    return true;
  }
}

describe('GET /cases/:id/documents/<kind>', () => {
  let app: NestFastifyApplication;
  const asked: string[] = [];
  beforeAll(async () => {
    const documents = {
      html: async (kind: string, id: string, principal: Principal) => {
        asked.push(`${kind} ${id} ${principal.sub}`);
        if (id !== ISSUED) throw DomainError.notFound({ zh: '尚未发出告知书，没有承诺制告知书', en: 'the notice has not been issued' }, 'document-not-issued');
        return `<!doctype html><title>${kind}</title>`;
      },
    };
    const module = await Test.createTestingModule({ controllers: [CaseDocumentsController], providers: [{ provide: CaseDocuments, useValue: documents }, { provide: APP_GUARD, useClass: SignedIn }] }).compile();
    app = module.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.useGlobalPipes(requestValidationPipe());
    app.useGlobalFilters(new DomainErrorFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => (app as INestApplication | undefined)?.close());

  it('answers the page as HTML, for the caller, with no script allowed', async () => {
    for (const kind of ['notice', 'commitment', 'decision']) {
      const answer = await app.inject({ method: 'GET', url: `/cases/${ISSUED}/documents/${kind}` });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.body).toBe(`<!doctype html><title>${kind}</title>`);
    }
    expect(asked).toEqual(['notice', 'commitment', 'decision'].map((kind) => `${kind} ${ISSUED} ent-1`));
  });

  it('refuses in JSON, as every route does: 404 before the document is issued, 400 for a bad id', async () => {
    const missing = await app.inject({ method: 'GET', url: '/cases/5a0c8b1e-0000-4000-8000-000000000002/documents/notice' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
    expect(missing.json()).toMatchObject({ code: 'document-not-issued', message: '尚未发出告知书，没有承诺制告知书 (the notice has not been issued)' });
    const bad = await app.inject({ method: 'GET', url: '/cases/not-a-uuid/documents/notice' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/json/);
  });
});
