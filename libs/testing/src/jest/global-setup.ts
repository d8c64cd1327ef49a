import { resolveInfrastructure } from '../infrastructure';
import { testKeyPair } from '../tokens';

// Runs once per Jest run of integration or e2e tests; the workers inherit the environment.
export default async function globalSetup(): Promise<void> {
  const infra = await resolveInfrastructure();
  process.env['KAFKA_BROKERS'] = infra.kafkaBrokers.join(',');
  process.env['DATABASE_URL'] = infra.databaseUrl;
  process.env['TEST_INFRA_SOURCE'] = infra.source;
  // Services verify tokens with the public key; tests mint them with the private one.
  const keys = testKeyPair();
  process.env['JWT_PUBLIC_KEY'] = keys.publicKey;
  process.env['JWT_PRIVATE_KEY'] = keys.privateKey;
  (globalThis as { __devzoneInfra?: typeof infra }).__devzoneInfra = infra;
}
