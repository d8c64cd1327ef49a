import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { MessagingOptions } from './messaging.options';

// The relay and the dead-letter sender bound their retries on purpose and
// replace a producer that failed (new producer id); duplicates that this may
// cause are absorbed by the inbox. kafkajs warns about it on every producer.
const EXPECTED = /Limiting retries for the idempotent producer/;

const toNest = (logger: Logger) => () => ({ level, log }: LogEntry) => {
  const { message, ...extra } = log;
  if (EXPECTED.test(message)) return;
  const line = `${message} ${JSON.stringify(extra)}`;
  if (level === logLevel.ERROR) logger.error(line);
  else if (level === logLevel.WARN) logger.warn(line);
  else logger.debug(line);
};

/** The one Kafka client factory: kafkajs with the service's id, its brokers, Nest's logger. */
export function createKafka(options: Pick<MessagingOptions, 'service' | 'brokers'>): Kafka {
  return new Kafka({
    clientId: options.service,
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    logCreator: toNest(new Logger(`kafkajs:${options.service}`)),
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: 8 },
  });
}
