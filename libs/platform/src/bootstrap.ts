import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { connectInbox } from '@devzone/messaging';
import { migrateOnce } from '@devzone/persistence';
import { persistenceOf, registeredService } from './service.module';
import { DatabaseBusyInterceptor } from './busy.interceptor';
import { DomainErrorFilter, IdentityProviderUnavailableFilter } from './domain-error.filter';
import { requestValidationPipe } from './validation';

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
  const app = await NestFactory.create<NestExpressApplication>(appModule as never, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: process.env['HTTP_BODY_LIMIT'] ?? '256kb' });
  app.disable('x-powered-by');
  app.useGlobalPipes(requestValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter(), new IdentityProviderUnavailableFilter());
  app.useGlobalInterceptors(new DatabaseBusyInterceptor());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description ?? '')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: '演示令牌：npm run token -- <用户> (demo tokens: npm run token)' })
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });

  connectInbox(app);

  await app.init();
  await app.startAllMicroservices();
  const port = options.port ?? (process.env['PORT'] ? Number(process.env['PORT']) : options.defaultPort);
  await app.listen(port, options.host ?? process.env['HOST'] ?? '127.0.0.1');
  app.get(Logger).log(`${options.service} listening on ${await app.getUrl()} (docs: /docs, health: /health)`);
  return app;
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
