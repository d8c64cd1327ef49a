import { Partitioners } from 'kafkajs';
import { buildEvent, type EventDefinition, type EventEnvelope } from '@devzone/contracts';
import { testKafka } from './kafka';
import { as, TEST_ADMIN } from './tokens';

/** Requests carry the test admin's token unless the caller gives an Authorization header (or `null` for none). */
function headersOf(headers: Record<string, string> | null): Record<string, string> {
  if (headers === null) return {};
  return 'authorization' in headers ? headers : { ...as(TEST_ADMIN), ...headers };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** POST a JSON body; the answer's status and parsed body. */
export async function post(url: string, body: unknown = {}, headers: Record<string, string> | null = {}): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headersOf(headers) }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Json };
}

export async function put(url: string, body: unknown, headers: Record<string, string> | null = {}): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json', ...headersOf(headers) }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Json };
}

export async function get(url: string, headers: Record<string, string> | null = {}): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, { headers: headersOf(headers) });
  return { status: response.status, body: (await response.json()) as Json };
}

/** Publishes events as another service would, built and validated against their contracts. */
export async function publishAs<P extends object>(
  topic: string,
  source: string,
  items: { definition: EventDefinition<P>; projectId: string; payload: P; id?: string }[],
): Promise<EventEnvelope<P>[]> {
  const events = items.map((i) => buildEvent(i.definition, { projectId: i.projectId, source, payload: i.payload, ...(i.id ? { id: i.id } : {}) }));
  const producer = testKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({ topic, messages: events.map((e) => ({ key: e.projectId, value: JSON.stringify(e) })) });
  await producer.disconnect();
  return events;
}
