/**
 * A relay process that dies (SIGKILL, no clean-up) right after its first batch
 * reached Kafka and before it could mark the batch sent. Run by relay-crash.int-spec.ts.
 */
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@devzone/persistence';
import { createKafka, OutboxRelay } from '../src';

async function main() {
  const [url, brokers, leaseMs] = process.argv.slice(2);
  const dataSource = await new DataSource(dataSourceOptions({ url, applicationName: 'relay-crash-child', entities: [], migrations: [] })).initialize();
  const relay = new OutboxRelay(dataSource, createKafka({ service: 'relay-crash-child', brokers: brokers.split(',') }), 'relay-crash-child', {
    enabled: true,
    batchSize: 100,
    leaseMs: Number(leaseMs),
    pollIntervalMs: 100,
    retainSentMs: 3600_000,
    afterPublish: () => {
      process.kill(process.pid, 'SIGKILL');
    },
  });
  await relay.start();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
