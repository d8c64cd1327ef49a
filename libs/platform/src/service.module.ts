import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuthGuard, authConfigFromEnv, TokenVerifier } from '@devzone/auth';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { MessagingModule, MessagingTables1764201600000, type MessagingConfig } from '@devzone/messaging';
import { PersistenceModule, type PersistenceOptions } from '@devzone/persistence';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { SERVICE_NAME } from './tokens';

export interface ServiceDefinition {
  service: string;
  entities: PersistenceOptions['entities'];
  /** The service's own migrations; messaging's outbox/inbox migration is added first. */
  migrations: PersistenceOptions['migrations'];
  publishes: string[];
  subscribes?: string[];
  /** Defaults to $DATABASE_URL. */
  databaseUrl?: string;
  /** Overrides of messaging settings (tests: brokers, topic prefix, retry timings). */
  messaging?: Omit<MessagingConfig, 'service' | 'publishes' | 'subscribes'>;
  imports?: ModuleMetadata['imports'];
}

/**
 * What every service has: structured logs, its own database with migrations,
 * Kafka with outbox and inbox, /health, /health/ready and /metrics, a bearer
 * token on every other route (libs/auth), and a rate limit per client.
 * An app's AppModule imports `ServiceModule.forRoot({...})` and its features.
 */
let registered: ServiceDefinition | undefined;
/** The definition the app's AppModule gave (its decorator ran before bootstrap): for the migrate-only mode. */
export const registeredService = (): ServiceDefinition | undefined => registered;

/** Persistence settings of a service: its entities, messaging's tables and its own migrations. */
export const persistenceOf = (definition: ServiceDefinition): PersistenceOptions => ({
  url: definition.databaseUrl,
  applicationName: definition.service,
  entities: definition.entities,
  migrations: [MessagingTables1764201600000, ...(definition.migrations as [])],
});

@Module({})
export class ServiceModule {
  static forRoot(definition: ServiceDefinition): DynamicModule {
    registered = definition;
    return {
      module: ServiceModule,
      imports: [
        LoggerModule.forRootAsync({
          useFactory: () => ({
            pinoHttp: [
              {
                name: definition.service,
                level: process.env['LOG_LEVEL'] ?? 'info',
                autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
                redact: ['req.headers.authorization', 'req.headers.cookie'],
              },
              // Written asynchronously: a request does not wait for its log line to reach stdout (pino flushes on exit).
              pino.destination({ dest: 1, sync: false }),
            ],
          }),
        }),
        TerminusModule,
        // Per client address; RATE_LIMIT_PER_MINUTE=0 turns it off (benchmarks).
        ThrottlerModule.forRootAsync({
          useFactory: () => ({
            throttlers: [{ ttl: 60_000, limit: Number(process.env['RATE_LIMIT_PER_MINUTE'] ?? 1200) }],
            skipIf: () => Number(process.env['RATE_LIMIT_PER_MINUTE'] ?? 1200) === 0,
            errorMessage: '请求过于频繁，请稍后再试 (too many requests)',
          }),
        }),
        PersistenceModule.forRoot(persistenceOf(definition)),
        MessagingModule.forRoot({
          ...definition.messaging,
          service: definition.service,
          publishes: definition.publishes,
          subscribes: definition.subscribes ?? [],
        }),
        ...(definition.imports ?? []),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_NAME, useValue: definition.service },
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(authConfigFromEnv()) },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, inject: [Reflector, TokenVerifier], useFactory: (reflector: Reflector, verifier: TokenVerifier) => new AuthGuard(reflector, verifier) },
      ],
      exports: [SERVICE_NAME],
    };
  }
}
