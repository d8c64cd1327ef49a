import { dlqTopic } from '@devzone/contracts';
import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';

/** Headers a dead-lettered message carries beside its original key, value and headers. */
export const DLQ_HEADERS = {
  error: 'dlq-error',
  errorName: 'dlq-error-name',
  reason: 'dlq-reason',
  consumer: 'dlq-consumer',
  attempts: 'dlq-attempts',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  failedAt: 'dlq-failed-at',
} as const;

export type DeadLetterReason = 'invalid-message' | 'handler-failed';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  error: Error;
  reason: DeadLetterReason;
  consumer: string;
  attempts: number;
}

/** Sends the original message, unchanged, to `<topic>.dlq` with the error in headers; resolves once acknowledged by all replicas. */
export async function sendToDeadLetter(producer: Producer, letter: DeadLetter): Promise<void> {
  const headers: IHeaders = {
    ...letter.message.headers,
    [DLQ_HEADERS.error]: letter.error.message.slice(0, 4000),
    [DLQ_HEADERS.errorName]: letter.error.name,
    [DLQ_HEADERS.reason]: letter.reason,
    [DLQ_HEADERS.consumer]: letter.consumer,
    [DLQ_HEADERS.attempts]: String(letter.attempts),
    [DLQ_HEADERS.originalTopic]: letter.topic,
    [DLQ_HEADERS.originalPartition]: String(letter.partition),
    [DLQ_HEADERS.originalOffset]: letter.message.offset,
    [DLQ_HEADERS.failedAt]: new Date().toISOString(),
  };
  await producer.send({
    topic: dlqTopic(letter.topic),
    acks: -1,
    messages: [{ key: letter.message.key, value: letter.message.value, headers }],
  });
}
