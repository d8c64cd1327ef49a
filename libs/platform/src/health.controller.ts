import { Public } from '@devzone/auth';
import { SkipThrottle } from '@nestjs/throttler';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { KafkaHealth } from '@devzone/messaging';
import { DataSource } from 'typeorm';
import { SERVICE_NAME } from './tokens';

@ApiTags('health')
@Public()
@SkipThrottle() // probes and scrapers are not clients to limit
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaHealth,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  @Get()
  @ApiOperation({ summary: '存活检查 (liveness): the process is up' })
  liveness() {
    return { status: 'ok', service: this.service, uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: '就绪检查 (readiness): the database and Kafka answer; 503 otherwise' })
  readiness() {
    return this.health.check([
      async () => {
        const indicator = this.indicators.check('database');
        try {
          await this.dataSource.query('SELECT 1');
          return indicator.up();
        } catch (error) {
          return indicator.down({ message: (error as Error).message });
        }
      },
      async () => {
        const indicator = this.indicators.check('kafka');
        try {
          return indicator.up(await this.kafka.check());
        } catch (error) {
          return indicator.down({ message: (error as Error).message });
        }
      },
    ]);
  }
}
