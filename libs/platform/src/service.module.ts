import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
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
 * Kafka with outbox and inbox, /health, /health/ready and /metrics.
 * An app's AppModule imports `ServiceModule.forRoot({...})` and its features.
 */
@Module({})
export class ServiceModule {
  static forRoot(definition: ServiceDefinition): DynamicModule {
    return {
      module: ServiceModule,
      imports: [
        LoggerModule.forRootAsync({
          useFactory: () => ({
            pinoHttp: {
              name: definition.service,
              level: process.env['LOG_LEVEL'] ?? 'info',
              autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
              redact: ['req.headers.authorization', 'req.headers.cookie'],
            },
          }),
        }),
        TerminusModule,
        PersistenceModule.forRoot({
          url: definition.databaseUrl,
          applicationName: definition.service,
          entities: definition.entities,
          migrations: [MessagingTables1764201600000, ...(definition.migrations as [])],
        }),
        MessagingModule.forRoot({
          ...definition.messaging,
          service: definition.service,
          publishes: definition.publishes,
          subscribes: definition.subscribes ?? [],
        }),
        ...(definition.imports ?? []),
      ],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: SERVICE_NAME, useValue: definition.service }],
      exports: [SERVICE_NAME],
    };
  }
}
