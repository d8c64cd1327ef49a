import { Client } from 'pg';
import { sharedGlobalSetup as sharedSetup } from '@devzone/testing';
import { STACK_DATABASES, STACK_ENV_KEY, startStack } from './stack';

// Kafka and PostgreSQL as for every test level, then the whole system by the start command.
export default async function globalSetup(): Promise<void> {
  await sharedSetup();
  await dropDatabases();
  const stack = await startStack();
  process.env[STACK_ENV_KEY] = JSON.stringify(stack);
}

export async function dropDatabases(): Promise<void> {
  const admin = new Client({ connectionString: process.env['DATABASE_URL'] });
  await admin.connect();
  for (const db of STACK_DATABASES) await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  await admin.end();
}
