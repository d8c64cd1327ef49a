import { rmSync } from 'node:fs';
import { sharedGlobalTeardown as sharedTeardown, testKafka } from '@devzone/testing';
import { dropDatabases } from './global-setup';
import { STACK_ENV_KEY, stopCommand, type Stack } from './stack';

export default async function globalTeardown(): Promise<void> {
  const raw = process.env[STACK_ENV_KEY];
  if (raw) {
    const stack = JSON.parse(raw) as Stack;
    await stopCommand(stack.env);
    await dropDatabases();
    const admin = testKafka().admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(stack.env['KAFKA_TOPIC_PREFIX']));
    if (topics.length) await admin.deleteTopics({ topics });
    await admin.disconnect();
    rmSync(stack.runDir, { recursive: true, force: true });
  }
  await sharedTeardown();
}
