import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { SERVICE_NAMES } from '@devzone/demo';
import { resolveInfrastructure, type Infrastructure } from '@devzone/testing';

/** Each running service's resident memory in MB, from the start command's pid files under `runDir`. */
export function rssOf(runDir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of SERVICE_NAMES) {
    try {
      const pid = readFileSync(join(runDir, 'pids', `${name}.pid`), 'utf8').trim();
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (kb) out[name] = Number(kb[1]) / 1024;
    } catch {
      /* not running */
    }
  }
  return out;
}

/** The local infrastructure (Kafka's brokers exported for the start command), with the databases `prefix`+name dropped: the start command creates them anew. */
export async function freshDatabases(prefix: string, names: string[]): Promise<Infrastructure> {
  const infra = await resolveInfrastructure();
  process.env['KAFKA_BROKERS'] = infra.kafkaBrokers.join(',');
  const admin = new Client({ connectionString: infra.databaseUrl });
  await admin.connect();
  for (const db of names) await admin.query(`DROP DATABASE IF EXISTS "${prefix}${db}" WITH (FORCE)`);
  await admin.end();
  return infra;
}
