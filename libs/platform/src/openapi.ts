import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ApiProperty, ApiPropertyOptional, DocumentBuilder, SwaggerModule, getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';

/** One refused field of a 400: the field and the reason, zh-CN first with English alongside. */
export class IssueBody {
  @ApiProperty({ example: 'totalInvestment' }) field!: string;
  @ApiProperty({ example: '总投资应为正数 (totalInvestment must be positive)' }) reason!: string;
}

/** Every refused request answers this shape (libs/platform/src/domain-error.filter.ts, validation.ts). */
export class ErrorBody {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiPropertyOptional({ example: 'Conflict' }) error?: string;
  @ApiPropertyOptional({ description: '机器可读的原因 (machine-readable reason)', example: 'stage-refused' }) code?: string;
  @ApiProperty({ description: '中文在前，英文在括号中 (zh-CN first, English in brackets)' }) message!: string;
  @ApiPropertyOptional({ type: [IssueBody], description: '400：每个有问题的字段 (400: each refused field)' }) issues?: IssueBody[];
}

const pages = new Map<Type<unknown>, Type<unknown>>();

/**
 * The one list envelope of every list endpoint: `{ items, total, page, pageSize }`
 * (issue 16). `@ApiOkResponse({ type: PageOf(ProjectView) })` declares it; the
 * class is made once per item type, named `<Item>Page`.
 */
export function PageOf<T>(item: Type<T>): Type<{ items: T[]; total: number; page: number; pageSize: number }> {
  const known = pages.get(item);
  if (known) return known as Type<{ items: T[]; total: number; page: number; pageSize: number }>;
  class Page {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ description: '符合条件的总数 (rows matching, over all pages)' }) total!: number;
    @ApiProperty({ minimum: 1 }) page!: number;
    @ApiProperty({ minimum: 1 }) pageSize!: number;
  }
  Object.defineProperty(Page, 'name', { value: `${item.name}Page` });
  pages.set(item, Page);
  return Page;
}

/** The errors any route may answer, besides the ones a route declares itself. */
const COMMON_ERRORS: Record<string, string> = {
  '400': '请求有误，字段与原因见 issues；未做任何更改 (bad request: the fields and reasons are in issues; nothing changed)',
  '401': '未登录或令牌无效 (no valid bearer token)',
  '403': '当前角色无权执行此操作 (the role may not do this)',
  '429': '请求过于频繁 (rate limited)',
  '503': '数据库或身份认证服务暂不可用，请稍后重试 (database or identity provider unavailable; retry later)',
};

export interface OpenApiOptions {
  title: string;
  description?: string;
}

/**
 * The service's OpenAPI document (served at /docs and /docs-json, and written
 * for the console's generated types by `npm run openapi`). Every operation gets the
 * common error answers, and every error answer the ErrorBody schema.
 */
export function openApiDocument(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description ?? '')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: '演示令牌：npm run token -- <用户> (demo tokens: npm run token)' })
      .addSecurityRequirements('bearer')
      .build(),
    { extraModels: [ErrorBody] },
  );
  const error = { 'application/json': { schema: { $ref: getSchemaPath(ErrorBody) } } };
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const operation of Object.values(operations) as { responses?: Record<string, { description: string; content?: unknown }> }[]) {
      if (!operation?.responses) continue;
      const open = path.startsWith('/health') || path === '/metrics';
      for (const [status, description] of Object.entries(COMMON_ERRORS)) {
        if (open && status !== '503') continue;
        operation.responses[status] ??= { description };
      }
      for (const [status, response] of Object.entries(operation.responses)) if (Number(status) >= 400) response.content ??= error;
    }
  }
  return document;
}

/** Mounts /docs and /docs-json. */
export function serveOpenApi(app: INestApplication, options: OpenApiOptions): void {
  SwaggerModule.setup('docs', app, openApiDocument(app, options), { jsonDocumentUrl: 'docs-json' });
}

/**
 * The document of a service's AppModule without starting it: Nest's preview mode
 * builds the modules without running a provider (no database, no Kafka). OPENAPI_ONLY and unit tests use it.
 */
export async function previewOpenApiDocument(appModule: unknown, options: OpenApiOptions): Promise<OpenAPIObject> {
  const app = await NestFactory.create(appModule as never, new FastifyAdapter(), { preview: true, logger: false });
  const document = openApiDocument(app, options);
  await app.close();
  return document;
}
