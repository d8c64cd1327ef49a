import { DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions, type PersistenceOptions } from './data-source.options';
import { runMigrationsLocked } from './migrations';

/**
 * The service's own PostgreSQL database: a TypeORM DataSource (injectable as
 * `DataSource`), its migrations run before anything else starts. The DataSource
 * is closed by @nestjs/typeorm in onApplicationShutdown, i.e. after messaging
 * has stopped consuming and flushed its relay (beforeApplicationShutdown).
 */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(options),
          dataSourceFactory: async (opts) => {
            if (!opts) throw new Error('no DataSource options');
            const dataSource = await new DataSource(opts).initialize();
            const ran = await runMigrationsLocked(dataSource);
            if (ran.length) new Logger('Persistence').log(`migrations run: ${ran.join(', ')}`);
            return dataSource;
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
