import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { connectInbox } from '@devzone/messaging';
import { migrateOnce } from '@devzone/persistence';
import { persistenceOf, registeredService } from './service.module';
import { DatabaseBusyInterceptor } from './busy.interceptor';
import { DomainErrorFilter, IdentityProviderUnavailableFilter } from './domain-error.filter';
import { requestValidationPipe } from './validation';
import { previewOpenApiDocument, serveOpenApi } from './openapi';

export interface BootstrapOptions {
  service: string;
  /** Shown at the top of /docs, zh-CN first. */
  title: string;
  description?: string;
  /** $PORT wins; the architecture's defaults are 3001–3005. */
  defaultPort: number;
  /** Tests pass 0 for a free port. */
  port?: number;
  host?: string;
}

/**
 * Creates and starts a service: validation, OpenAPI at /docs, the Kafka inbox
 * as a Nest microservice, graceful shutdown on SIGTERM/SIGINT. Start order:
 * init (migrations, topics, relay) → consumer → HTTP.
 */
export async function bootstrapService(appModule: unknown, options: BootstrapOptions): Promise<INestApplication> {
  if (process.env['MIGRATE_ONLY'] === 'true') await migrateAndExit(options.service);
  if (process.env['OPENAPI_ONLY'] === 'true') await printOpenApiAndExit(appModule, options);
  // Fastify (issue 15: Express cost most of a request's time before any work); bodies above the limit get 413.
  const adapter = new FastifyAdapter({ bodyLimit: byteSize(process.env['HTTP_BODY_LIMIT'] ?? '256kb') });
  const app = await NestFactory.create<NestFastifyApplication>(appModule as never, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // A command without a body reads as an empty object (as Express's body parser made it), so optional bodies validate.
  adapter.getInstance().addHook('preValidation', async (request) => {
    if (request.body === undefined && request.method !== 'GET' && request.method !== 'HEAD') request.body = {};
  });
  // A workbook upload (项目台账 import) is its own body: the .xlsx bytes, up to UPLOAD_BODY_LIMIT (20 MB by default: 10,000 rows ≈ 1.5 MB).
  adapter.getInstance().addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: byteSize(process.env['UPLOAD_BODY_LIMIT'] ?? '20mb') }, (_request, body, done) => done(null, body));
  app.useGlobalPipes(requestValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter(), new IdentityProviderUnavailableFilter());
  app.useGlobalInterceptors(new DatabaseBusyInterceptor());
  app.enableShutdownHooks();

  serveOpenApi(app, options);

  connectInbox(app);

  await app.init();
  await app.startAllMicroservices();
  const port = options.port ?? (process.env['PORT'] ? Number(process.env['PORT']) : options.defaultPort);
  await app.listen(port, options.host ?? process.env['HOST'] ?? '127.0.0.1');
  app.get(Logger).log(`${options.service} listening on ${await app.getUrl()} (docs: /docs, health: /health)`);
  return app;
}

/** An .xlsx workbook's media type. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** '256kb', '1mb' or bytes. */
export function byteSize(text: string): number {
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(text.trim());
  if (!match) throw new Error(`HTTP_BODY_LIMIT: not a size: ${text}`);
  return Number(match[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[(match[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb'];
}

/**
 * MIGRATE_ONLY=true: run the service's pending migrations (under the same
 * advisory lock as at boot) and exit 0, without Kafka or HTTP — the Helm
 * chart's pre-install/pre-upgrade Job (deploy/k8s).
 */
async function migrateAndExit(service: string): Promise<never> {
  const definition = registeredService();
  if (!definition) throw new Error(`MIGRATE_ONLY: ${service} has no ServiceModule.forRoot`);
  const ran = await migrateOnce(persistenceOf(definition));
  console.log(JSON.stringify({ level: 30, name: service, msg: ran.length ? `migrations run: ${ran.join(', ')}` : 'no pending migrations' }));
  process.exit(0);
}

/**
 * OPENAPI_ONLY=true: print the service's OpenAPI document (JSON) on stdout and
 * exit 0, without a database, Kafka or HTTP (Nest's preview mode builds the
 * modules without running a provider): `npm run openapi` writes the console's types from it.
 */
async function printOpenApiAndExit(appModule: unknown, options: BootstrapOptions): Promise<never> {
  const document = await previewOpenApiDocument(appModule, options);
  process.stdout.write(JSON.stringify(document, null, 2) + '\n', () => process.exit(0));
  return new Promise<never>(() => undefined);
}
