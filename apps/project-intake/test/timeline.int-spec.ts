import { randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import {
  buildEvent,
  ItemGranted,
  LandCheckPassed,
  TaskUpdated,
  type Actor,
  type EventDefinition,
  type ItemGrantedV1,
  type LandCheckPassedV1,
  type TaskUpdatedV1,
} from '@devzone/contracts';
import { as, createTestDatabase, dropTestDatabase, eventually, get, post, testKafka, uniqueName, type Json } from '@devzone/testing';
import { startService, type RunningService } from '@devzone/platform';
import { AppModule } from '../src/app.module';
import { validRegistration } from './intake.fixtures';

interface Entry {
  eventId: string;
  type: string;
  source: string;
  sourceName: string;
  occurredAt: string;
  actor: { id: string; role: string; name?: string } | null;
  summary: string;
  kind: string;
  object: string | null;
  objectName: string | null;
  group: string | null;
}
interface Timeline {
  items: Entry[];
  total: number;
  page: number;
  pageSize: number;
}

/** 王敏, an officer of the zone, signed in with a token that names her. */
const officer = as({ sub: 'sx-officer-wm', name: '王敏', role: 'zone-officer', zones: ['SX-ZGQ'] });
const DEPARTMENT: Actor = { id: 'sx-housing', role: 'department-officer', name: '李建国' };
const AGENT: Actor = { id: 'agent-zhaojing', role: 'agency-agent', name: '赵静' };
const PLOT = 'SX-2025-012';
/** English ids of services, events or accounts: none of them belongs on a person's screen. */
const SERVICE_IDS = /project-intake|commitment-approval|standard-land|agency|notifications|sx-officer|agent-zhaojing/;

describe('the project timeline: newest first, filtered, each entry named (issue 17)', () => {
  const name = uniqueName('intake_timeline');
  const prefix = `${name}.`;
  let service: RunningService;
  let projectId: string;
  const water = randomUUID();
  const power = randomUUID();

  /** Publishes as another service would, with its actor and the time it happened. */
  async function publish<P extends object>(topic: string, source: string, items: { definition: EventDefinition<P>; payload: P; actor?: Actor; at: string }[]) {
    const events = items.map((i) => buildEvent(i.definition, { projectId, source, payload: i.payload, occurredAt: i.at, ...(i.actor ? { actor: i.actor } : {}) }));
    const producer = testKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: `${prefix}${topic}`, messages: events.map((e) => ({ key: e.projectId, value: JSON.stringify(e) })) });
    await producer.disconnect();
  }
  const timeline = async (query = '') => (await get(`${service.url}/projects/${projectId}/timeline?pageSize=100${query}`)).body as Timeline;

  beforeAll(async () => {
    service = await startService(AppModule, { service: 'project-intake', databaseUrl: await createTestDatabase(name), topicPrefix: prefix });
    const registered = await post(`${service.url}/projects`, validRegistration(), officer);
    expect(registered.status).toBe(201);
    projectId = registered.body['id'] as string;

    const day = (n: number) => new Date(Date.now() + n * 60_000).toISOString(); // after the registration, a minute apart
    const task = (taskId: string, title: string, from: TaskUpdatedV1['from'], to: TaskUpdatedV1['to'], note?: string): TaskUpdatedV1 => ({ delegationId: water, taskId, title, from, to, ...(note ? { note } : {}) });
    await publish<ItemGrantedV1>('approval.events', 'commitment-approval', [
      {
        definition: ItemGranted,
        actor: DEPARTMENT,
        at: day(1),
        payload: { caseId: randomUUID(), itemCode: 'A05', itemName: '消防设计审查', department: '住房和城乡建设局', grantedOn: '2026-11-30', by: 'decision' },
      },
    ]);
    await publish<TaskUpdatedV1>('agency.events', 'agency', [
      { definition: TaskUpdated, actor: AGENT, at: day(2), payload: task(water, '供水报装', 'PLANNED', 'COLLECTING_MATERIALS') },
      { definition: TaskUpdated, actor: AGENT, at: day(3), payload: task(water, '供水报装', 'COLLECTING_MATERIALS', 'SUBMITTED', '材料已报送供水公司') },
      { definition: TaskUpdated, actor: AGENT, at: day(4), payload: task(power, '供电报装', 'PLANNED', 'COLLECTING_MATERIALS') },
      { definition: TaskUpdated, actor: AGENT, at: day(5), payload: task(water, '供水报装', 'SUBMITTED', 'ACCEPTED') },
    ]);
    await publish<LandCheckPassedV1>('land.events', 'standard-land', [
      { definition: LandCheckPassed, at: day(6), payload: { plotCode: PLOT, stage: 'completion', checkedOn: '2026-11-30', results: [] } },
    ]);
    await eventually(async () => expect((await timeline()).total).toBe(7), { timeoutMs: 30_000 });
  });

  afterAll(async () => {
    await service?.close();
    await dropTestDatabase(name);
  });

  it('answers newest first by default; order=asc in the order things happened', async () => {
    const newest = await timeline();
    const times = newest.items.map((e) => e.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(newest.items[0].type).toBe('land.check-passed');
    expect(newest.items.at(-1)!.type).toBe('project.signed');
    expect((await timeline('&order=desc')).items).toEqual(newest.items);
    expect((await timeline('&order=asc')).items).toEqual([...newest.items].reverse());
    // Paged in that order: the first page holds the newest.
    const first = (await get(`${service.url}/projects/${projectId}/timeline?pageSize=2`)).body as Timeline;
    expect(first).toMatchObject({ total: 7, page: 1, pageSize: 2 });
    expect(first.items.map((e) => e.eventId)).toEqual(newest.items.slice(0, 2).map((e) => e.eventId));
  });

  it('names people, services and objects in Chinese, never by their ids', async () => {
    const { items } = await timeline();
    const of = (type: string) => items.filter((e) => e.type === type);
    // The actor's name from the signed-in officer's token, through the event, onto the timeline.
    expect(of('project.signed')[0].actor).toEqual({ id: 'sx-officer-wm', role: 'zone-officer', name: '王敏' });
    expect(of('approval.item-granted')[0]).toMatchObject({
      actor: { role: 'department-officer', name: '李建国' },
      sourceName: '审批',
      kind: 'approval',
      object: 'A05',
      objectName: 'A05 消防设计审查',
      group: null,
      summary: '住房和城乡建设局准予消防设计审查（审查决定）',
    });
    expect(of('land.check-passed')[0]).toMatchObject({ actor: null, sourceName: '土地', kind: 'land', object: 'completion', objectName: '竣工验收', summary: `标准地竣工验收通过（地块 ${PLOT}）` });
    expect(of('agency.task-updated').map((e) => [e.objectName, e.group, e.summary, e.actor?.name])).toEqual([
      ['供水报装', water, '供水报装：已提交 → 已受理', '赵静'],
      ['供电报装', power, '供电报装：已计划 → 收集材料', '赵静'],
      ['供水报装', water, '供水报装：收集材料 → 已提交（材料已报送供水公司）', '赵静'],
      ['供水报装', water, '供水报装：已计划 → 收集材料', '赵静'],
    ]);
    expect(of('project.signed')[0]).toMatchObject({ sourceName: '项目', kind: 'lifecycle', object: null, objectName: null });
    for (const e of items) {
      expect(e.summary).not.toMatch(SERVICE_IDS);
      expect(e.sourceName).toMatch(/^(项目|审批|土地|代办|通知)$/);
    }
  });

  it('filters by source, kind and object in the service, counted over all pages', async () => {
    const types = (t: Timeline) => t.items.map((e) => e.type);
    expect(types(await timeline('&source=agency'))).toEqual(Array(4).fill('agency.task-updated'));
    expect(types(await timeline('&kind=approval'))).toEqual(['approval.item-granted']);
    expect(types(await timeline('&kind=land'))).toEqual(['land.check-passed']);
    expect(types(await timeline('&kind=lifecycle'))).toEqual(['project.signed']);
    expect((await timeline('&kind=notice')).total).toBe(0);
    // One task's progress; a page at a time.
    const waterPage = (await get(`${service.url}/projects/${projectId}/timeline?object=${water}&pageSize=2&page=2`)).body as Timeline;
    expect(waterPage).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(waterPage.items.map((e) => e.summary)).toEqual(['供水报装：已计划 → 收集材料']);
    expect((await timeline('&object=A05')).items.map((e) => e.objectName)).toEqual(['A05 消防设计审查']);
    expect((await timeline('&object=completion')).total).toBe(1);
    expect((await timeline(`&object=${PLOT}`)).items.map((e) => e.type)).toEqual(['land.check-passed']); // the plot's checks too
    expect((await timeline('&kind=agency&source=commitment-approval')).total).toBe(0);
    expect((await timeline('&object=B99')).total).toBe(0);
  });

  it('refuses a filter it does not know, naming the field', async () => {
    for (const [query, field] of [
      ['order=newest', 'order'],
      ['kind=credit', 'kind'],
      ['source=billing', 'source'],
      ['object=', 'object'],
    ]) {
      const answer = await get(`${service.url}/projects/${projectId}/timeline?${query}`);
      expect(answer.status).toBe(400);
      expect((answer.body as Json)['issues']).toEqual([expect.objectContaining({ field })]);
    }
  });
});
