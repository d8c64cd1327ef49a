import { randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ApprovalCaseOpened, buildEvent, ProjectSigned, type ApprovalCaseOpenedV1, type EventEnvelope } from '@devzone/contracts';
import { startService, type RunningService } from '@devzone/platform';
import { addDays, chinaDate } from '@devzone/shared-kernel';
import { as as bearer, createTestDatabase, dropTestDatabase, eventually, get, post, testKafka, uniqueName, type Json } from '@devzone/testing';
import { AppModule } from '../src/app.module';

const ZONE = 'CZ-GXQ';
const LEAD = bearer({ sub: 'agent-lead', name: '负责人', role: 'agency-supervisor', zones: [ZONE] });
const as = (id: string) => bearer({ sub: id, name: id, role: 'agency-agent', zones: [ZONE] });
const PROJECTS = 32;
/** Approval items per project (and four utility connections: 60 亩 of new land). */
const ITEMS = 12;
const TASKS_PER_PROJECT = ITEMS + 4;
const DEPARTMENTS = ['发展和改革局', '住房和城乡建设局', '生态环境局'];

/**
 * The worklist of an agent with 512 open tasks (32 projects of 16 tasks): its
 * filters (text over the task's title and its project's name and code,
 * department, status, due window) are applied by the service, and it is built
 * with the same few SQL queries as the worklist of an agent with one project.
 */
describe('agency: the worklist of an agent with many tasks, filtered', () => {
  const name = uniqueName('worklist');
  const prefix = `${name}.`;
  let service: RunningService;
  const url = (path: string) => `${service.url}${path}`;
  const today = chinaDate();
  const code = (i: number) => `2611-140400-04-01-${String(90_000 + i)}X`;
  const delegationIds: string[] = [];

  const send = async (topic: 'project' | 'approval', events: EventEnvelope[]) => {
    const producer = testKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: `${prefix}${topic}.events`, messages: events.map((e) => ({ key: e.projectId, value: JSON.stringify(e) })) });
    await producer.disconnect();
  };
  /** A project on new land (four utility tasks) whose case has ITEMS items already accepted, due: X01 5 days ago, X02 today, X03 in 3 days, the rest later. */
  const project = (i: number) => {
    const projectId = randomUUID();
    const due = (n: number) => (n === 1 ? addDays(today, -5) : n === 2 ? today : n === 3 ? addDays(today, 3) : addDays(today, 30 + n));
    const items = Array.from({ length: ITEMS }, (_, k) => {
      const n = k + 1;
      const itemCode = `X${String(n).padStart(2, '0')}`;
      return { itemCode, name: `审批事项${itemCode}`, department: DEPARTMENTS[k % DEPARTMENTS.length], regime: 'approval' as const, legalLimitDays: 20, promisedLimitDays: 5, legalDueOn: addDays(due(n), 10), promisedDueOn: due(n), documents: ['申请表'] };
    }) satisfies ApprovalCaseOpenedV1['items'];
    return {
      projectId,
      signed: buildEvent(ProjectSigned, {
        projectId,
        source: 'project-intake',
        payload: {
          projectCode: code(i),
          name: `工作清单测试项目${i}号`,
          enterprise: { name: `清单测试企业${i}有限公司`, creditCode: '91350100M000100Y43' },
          zoneCode: ZONE,
          industryCode: 'C3451',
          totalInvestment: 20000,
          fixedAssetInvestment: 16000,
          projectedAnnualOutput: 30000,
          landAreaMu: 60,
          usesStandardLand: false,
          wantsFullAgency: true,
          projectType: 'capital-construction',
          plannedDates: { start: '2027-03-01', completion: '2028-06-30', production: '2028-09-01' },
          signedOn: today,
          contacts: [{ name: '周平', mobile: '13800000009' }],
        },
      }),
      opened: buildEvent(ApprovalCaseOpened, { projectId, source: 'commitment-approval', payload: { caseId: randomUUID(), itemCount: ITEMS, openedOn: today, items } }),
    };
  };
  const openTasks = async (agentId: string) => ((await get(url('/agents?pageSize=100'), LEAD)).body['items'] as Json[]).find((a) => a['id'] === agentId)?.['openTasks'];
  const worklist = async (agentId: string, query = '') => {
    const answer = await get(url(`/agents/${agentId}/worklist${query}`), as(agentId));
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const all = (w: Json): Json[] => [...w['overdue'], ...w['dueToday'], ...w['waitingOnEnterprise'], ...w['upcoming']];

  beforeAll(async () => {
    service = await startService(AppModule, { service: 'agency', databaseUrl: await createTestDatabase(name), topicPrefix: prefix, env: { AGENCY_CHECK_INTERVAL_MS: '0' } });
    expect((await post(url('/agents'), { id: 'agent-many', name: '代办员甲', zoneCode: ZONE, specialities: ['approval'], capacity: 500 }, LEAD)).status).toBe(201);
    // Every delegation goes to the one agent there is.
    const projects = Array.from({ length: PROJECTS }, (_, i) => project(i));
    await send('project', projects.map((p) => p.signed));
    await send('approval', projects.map((p) => p.opened));
    await eventually(async () => expect(await openTasks('agent-many')).toBe(PROJECTS * TASKS_PER_PROJECT), { timeoutMs: 60_000, intervalMs: 500 });
    for (const p of projects) delegationIds.push((await get(url(`/projects/${p.projectId}/delegation`), LEAD)).body['id']);
    // A second agent, with one project: the least loaded takes it.
    expect((await post(url('/agents'), { id: 'agent-few', name: '代办员乙', zoneCode: ZONE, specialities: ['approval'], capacity: 30 }, LEAD)).status).toBe(201);
    const one = project(PROJECTS);
    await send('project', [one.signed]);
    await send('approval', [one.opened]);
    await eventually(async () => expect(await openTasks('agent-few')).toBe(TASKS_PER_PROJECT), { timeoutMs: 30_000, intervalMs: 200 });
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await dropTestDatabase(name);
  });

  it('holds every open task in its four sections, and the departments of them all', async () => {
    const w = await worklist('agent-many');
    expect(all(w)).toHaveLength(PROJECTS * TASKS_PER_PROJECT);
    expect(new Set(all(w).map((t) => t['id'])).size).toBe(PROJECTS * TASKS_PER_PROJECT);
    expect(w['overdue']).toHaveLength(PROJECTS); // X01 of each project
    expect(w['dueToday']).toHaveLength(PROJECTS); // X02
    expect(w['departments']).toEqual([...DEPARTMENTS, '供水公司', '供电公司', '燃气公司', '通信运营商'].sort());
  });

  it('filters by part of the task title, of the project name, or of the project code (case-insensitive; % and _ are plain characters)', async () => {
    const water = all(await worklist('agent-many', `?q=${encodeURIComponent('供水')}`));
    expect(water).toHaveLength(PROJECTS);
    expect(water.every((t) => t['title'] === '供水接入')).toBe(true);

    const seventh = all(await worklist('agent-many', `?q=${encodeURIComponent(' 测试项目7号 ')}`)); // not 17号 or 27号
    expect(seventh).toHaveLength(TASKS_PER_PROJECT);
    expect(new Set(seventh.map((t) => t['delegationId']))).toEqual(new Set([delegationIds[7]]));

    const byCode = all(await worklist('agent-many', `?q=${encodeURIComponent(code(5).slice(-6).toLowerCase())}`));
    expect(byCode).toHaveLength(TASKS_PER_PROJECT);
    expect(new Set(byCode.map((t) => t['delegationId']))).toEqual(new Set([delegationIds[5]]));

    expect(all(await worklist('agent-many', `?q=${encodeURIComponent('%')}`))).toHaveLength(0);
    expect(all(await worklist('agent-many', `?q=${encodeURIComponent('审批事项X_1')}`))).toHaveLength(0);
    // Combined with the department: each filter narrows the other.
    const x04 = all(await worklist('agent-many', `?q=X04&department=${encodeURIComponent(DEPARTMENTS[0])}`));
    expect(x04).toHaveLength(PROJECTS);
    expect(all(await worklist('agent-many', `?q=X04&department=${encodeURIComponent(DEPARTMENTS[1])}`))).toHaveLength(0);
    // The departments stay those of every open task.
    expect((await worklist('agent-many', '?q=X04'))['departments']).toHaveLength(7);
  });

  it('filters by department, by status and by due window', async () => {
    const power = await worklist('agent-many', `?department=${encodeURIComponent('供电公司')}`);
    expect(all(power)).toHaveLength(PROJECTS);
    expect(all(power).every((t) => t['department'] === '供电公司')).toBe(true);

    // Three tasks in 收集材料: waiting on the enterprise.
    const picked = all(await worklist('agent-many', '?q=X05')).slice(0, 3);
    for (const t of picked) expect((await post(url(`/tasks/${t['id']}/actions`), { action: 'START' }, as('agent-many'))).status).toBe(200);
    const collecting = await worklist('agent-many', '?status=COLLECTING_MATERIALS');
    expect(all(collecting).map((t) => t['id']).sort()).toEqual(picked.map((t) => t['id']).sort());
    expect(collecting['waitingOnEnterprise']).toHaveLength(3);
    expect(all(await worklist('agent-many', '?status=PLANNED'))).toHaveLength(PROJECTS * TASKS_PER_PROJECT - 3);

    const overdue = await worklist('agent-many', '?due=overdue');
    expect(all(overdue)).toHaveLength(PROJECTS);
    expect(overdue['overdue']).toHaveLength(PROJECTS);
    const dueToday = await worklist('agent-many', '?due=today');
    expect(all(dueToday)).toHaveLength(PROJECTS);
    expect(dueToday['dueToday']).toHaveLength(PROJECTS);
    const week = all(await worklist('agent-many', '?due=week'));
    expect(week.every((t) => t['clock'] === 'running' && t['dueOn'] >= today && t['dueOn'] <= addDays(today, 6))).toBe(true);
    expect(week.filter((t) => t['sourceCode'] === 'X02' || t['sourceCode'] === 'X03')).toHaveLength(2 * PROJECTS);
    expect(week.filter((t) => t['sourceCode'] === 'X01' || t['sourceCode'] === 'X04')).toHaveLength(0);
    expect(all(await worklist('agent-many', `?due=overdue&department=${encodeURIComponent(DEPARTMENTS[0])}`))).toHaveLength(PROJECTS);
    expect(all(await worklist('agent-many', `?due=overdue&department=${encodeURIComponent(DEPARTMENTS[1])}`))).toHaveLength(0);
  });

  it('answers 400 naming the field for an unknown status or due window, or an empty search', async () => {
    for (const [query, field] of [
      ['?status=DELIVERED', 'status'],
      ['?status=done', 'status'],
      ['?due=month', 'due'],
      ['?q=%20%20', 'q'],
    ]) {
      const answer = await get(url(`/agents/agent-many/worklist${query}`), as('agent-many'));
      expect(answer.status).toBe(400);
      expect(answer.body['issues']).toEqual([expect.objectContaining({ field })]);
    }
    const unknown = await get(url('/agents/agent-many/worklist?status=done'), as('agent-many'));
    expect(JSON.stringify(unknown.body)).toContain('PLANNED / COLLECTING_MATERIALS / SUBMITTED / ACCEPTED / IN_REVIEW / CORRECTIONS_REQUESTED / APPROVED');
  });

  it('is built with the same few SQL queries for 512 tasks of 32 projects as for 16 tasks of one', async () => {
    const dataSource = service.app.get(DataSource);
    const runner = dataSource.createQueryRunner();
    const prototype = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
    await runner.release();
    const original = prototype.query;
    let sqls: string[] = [];
    prototype.query = function (this: unknown, ...args: unknown[]) {
      sqls.push(String(args[0]));
      return original.apply(this, args);
    };
    try {
      // The service's own background work (the outbox relay) is not the worklist's.
      const queriesFor = async (agentId: string, query = '') => {
        sqls = [];
        const w = await worklist(agentId, query);
        return { count: sqls.filter((sql) => !/messaging_|^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(sql)).length, tasks: all(w).length };
      };
      const few = await queriesFor('agent-few');
      const many = await queriesFor('agent-many');
      const filtered = await queriesFor('agent-many', `?q=${encodeURIComponent('项目')}&due=week`);
      expect(few.tasks).toBe(TASKS_PER_PROJECT);
      expect(many.tasks).toBe(PROJECTS * TASKS_PER_PROJECT);
      expect(many.count).toBe(few.count);
      expect(filtered.count).toBe(few.count);
      expect(few.count).toBeLessThanOrEqual(6);
    } finally {
      prototype.query = original;
    }
  });
});
