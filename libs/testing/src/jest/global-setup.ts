import { resolveInfrastructure } from '../infrastructure';

// Runs once per Jest run of integration or e2e tests; the workers inherit the environment.
export default async function globalSetup(): Promise<void> {
  const infra = await resolveInfrastructure();
  process.env['KAFKA_BROKERS'] = infra.kafkaBrokers.join(',');
  process.env['DATABASE_URL'] = infra.databaseUrl;
  process.env['TEST_INFRA_SOURCE'] = infra.source;
  (globalThis as { __devzoneInfra?: typeof infra }).__devzoneInfra = infra;
}
