import { Partitioners } from 'kafkajs';
import { buildEvent, type EventDefinition } from '@devzone/contracts';
import { testKafka } from '@devzone/testing';

/** A registration that passes every rule; tests change one thing at a time. */
export const validRegistration = (overrides: Record<string, unknown> = {}) => ({
  name: '年产5万吨新型建材项目',
  enterprise: { name: '山西示例新材料有限公司', creditCode: '91350100M000100Y43' },
  zoneCode: 'SX-ZGQ',
  industryCode: 'C3021',
  totalInvestment: 52000,
  fixedAssetInvestment: 41000,
  projectedAnnualOutput: 80000,
  landAreaMu: 120,
  usesStandardLand: true,
  wantsFullAgency: true,
  plannedDates: { start: '2027-03-01', completion: '2028-06-30', production: '2028-09-01' },
  signedOn: '2026-11-20',
  threeBatchesRound: '2026年第四批',
  contacts: [{ name: '张伟', mobile: '13800000000', email: 'zhangwei@example.cn' }],
  ...overrides,
});

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { [k: string]: never } };
}

export async function get(url: string) {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as never };
}

/** Publishes events as another service would (built and validated against their contracts). */
export async function publishAs<P extends object>(topic: string, source: string, items: { definition: EventDefinition<P>; projectId: string; payload: P; id?: string }[]) {
  const events = items.map((i) => buildEvent(i.definition, { projectId: i.projectId, source, payload: i.payload, ...(i.id ? { id: i.id } : {}) }));
  const producer = testKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({ topic, messages: events.map((e) => ({ key: e.projectId, value: JSON.stringify(e) })) });
  await producer.disconnect();
  return events;
}
