/** The consuming service of the benchmark, in a process of its own like a deployed service. argv: databaseUrl topicPrefix partitions */
import { startTestService } from '../test/counter-services';

async function main() {
  const [databaseUrl, topicPrefix, partitions] = process.argv.slice(2);
  const app = await startTestService({ service: 'counter', role: 'counter', databaseUrl, topicPrefix, partitions: Number(partitions) });
  process.send?.('ready');
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
