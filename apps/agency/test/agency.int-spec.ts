import { randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import {
  ApprovalCaseOpened,
  ApprovalCaseOpenedV2Event,
  buildEvent,
  ItemAccepted,
  ItemGranted,
  ItemPaused,
  ItemResumed,
  parseEvent,
  ProjectSigned,
  type ApprovalCaseOpenedV1,
  type EventEnvelope,
  type ProjectSignedV1,
  type TaskEscalatedV1,
} from '@devzone/contracts';
import { startService, type RunningService } from '@devzone/platform';
import { addDays, chinaCalendar, chinaDate } from '@devzone/shared-kernel';
import { as as bearer, createTestDatabase, dropTestDatabase, eventually, get, post, put, readTopic, testKafka, uniqueName } from '@devzone/testing';
import { AppModule } from '../src/app.module';
import { TaskDeadlineChecker } from '../src/application/task-deadline.checker';

const LEAD = bearer({ sub: 'agent-lead', name: '负责人', role: 'agency-supervisor', zones: ['CZ-GXQ'] });
const as = (id: string) => bearer({ sub: id, name: id, role: 'agency-agent', zones: ['CZ-GXQ'] });
const ENTERPRISE = bearer({ sub: 'ent-1', name: '周平', role: 'enterprise', zones: [], creditCode: '91350100M000100Y43' });

describe('agency: 全代办 delegations, agents, tasks, escalation, rating', () => {
  const name = uniqueName('agency');
  const prefix = `${name}.`;
  let service: RunningService;
  const url = (path: string) => `${service.url}${path}`;
  const today = chinaDate();

  beforeAll(async () => {
    service = await startService(AppModule, { service: 'agency', databaseUrl: await createTestDatabase(name), topicPrefix: prefix, env: { AGENCY_CHECK_INTERVAL_MS: '0' } });
    expect((await post(url('/teams'), { code: 'CZ-DB', zoneCode: 'CZ-GXQ', name: '长治高新区代办专班', leadAgentId: 'agent-lead' }, LEAD)).status).toBe(201);
    for (const a of [
      { id: 'agent-lead', name: '负责人', zoneCode: 'CZ-GXQ', teamCode: 'CZ-DB', specialities: ['construction'], capacity: 10 },
      { id: 'agent-b', name: '代办员乙', mobile: '13600000002', zoneCode: 'CZ-GXQ', teamCode: 'CZ-DB', specialities: ['approval'], capacity: 30 },
      { id: 'agent-a', name: '代办员甲', mobile: '13600000001', zoneCode: 'CZ-GXQ', teamCode: 'CZ-DB', specialities: ['approval', 'utilities'], capacity: 30 },
    ]) {
      expect((await post(url('/agents'), a, LEAD)).status).toBe(201);
    }
    await put(url('/settings/zones/CZ-GXQ'), { escalateAfterWorkingDays: 3 }, LEAD);
  });

  afterAll(async () => {
    await service?.close();
    await dropTestDatabase(name);
  });

  const signed = (projectId: string, overrides: Partial<ProjectSignedV1> = {}) =>
    buildEvent(ProjectSigned, {
      projectId,
      source: 'project-intake',
      payload: {
        projectCode: '2611-140400-04-01-00042X',
        name: '精密轴承生产线项目',
        enterprise: { name: '长治示例轴承有限公司', creditCode: '91350100M000100Y43' },
        zoneCode: 'CZ-GXQ',
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
        ...overrides,
      },
    });
  const caseOpened = (projectId: string) =>
    buildEvent(ApprovalCaseOpened, {
      projectId,
      source: 'commitment-approval',
      payload: {
        caseId: randomUUID(),
        itemCount: 2,
        openedOn: today,
        items: [
          { itemCode: 'A01', name: '企业投资项目备案', department: '发展和改革局', regime: 'approval', legalLimitDays: 3, promisedLimitDays: 1, legalDueOn: chinaCalendar.addWorkingDays(today, 3), promisedDueOn: chinaCalendar.addWorkingDays(today, 1), documents: ['项目备案申请表'] },
          { itemCode: 'A02', name: '建设用地规划许可证', department: '自然资源和规划局', regime: 'approval', legalLimitDays: 20, promisedLimitDays: 5, legalDueOn: chinaCalendar.addWorkingDays(today, 20), promisedDueOn: chinaCalendar.addWorkingDays(today, 5), documents: ['建设用地申请表', '宗地图'] },
        ] satisfies ApprovalCaseOpenedV1['items'],
      },
    });
  const send = async (topic: 'project' | 'approval' | 'land', events: EventEnvelope[]) => {
    const producer = testKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: `${prefix}${topic}.events`, messages: events.map((e) => ({ key: e.projectId, value: JSON.stringify(e) })) });
    await producer.disconnect();
  };
  const delegationOf = (projectId: string) =>
    eventually(async () => {
      const d = await get(url(`/projects/${projectId}/delegation`));
      expect(d.status).toBe(200);
      return d.body;
    });

  const consumed: { topic: 'project' | 'approval'; event: EventEnvelope }[] = [];
  let secondProjectId = '';

  it('opens a delegation for a project asking for 全代办, assigns the least-loaded agent, plans tasks from the approval case', async () => {
    const projectId = randomUUID();
    const events = { signed: signed(projectId), opened: caseOpened(projectId) };
    await send('project', [events.signed]);
    await send('approval', [events.opened]);
    consumed.push({ topic: 'project', event: events.signed }, { topic: 'approval', event: events.opened });

    const d = await eventually(async () => {
      const found = await delegationOf(projectId);
      expect(found['tasks'].filter((t: { source: string }) => t.source === 'approval')).toHaveLength(2);
      return found;
    });
    // a tie (no load anywhere) goes to the first id: agent-a
    expect(d).toMatchObject({ status: 'OPEN', agentId: 'agent-a', scope: ['approval', 'utilities'], authorizationNumber: expect.stringMatching(/^WT-CZ-GXQ-/) });
    expect(d['assignments']).toMatchObject([{ agentId: 'agent-a', assignedBy: 'auto' }]);
    const a02 = d['tasks'].find((t: { sourceCode: string }) => t.sourceCode === 'A02');
    expect(a02).toMatchObject({ title: '建设用地规划许可证', status: 'PLANNED', dueOn: chinaCalendar.addWorkingDays(today, 5), materials: ['建设用地申请表', '宗地图'], legalLimitDays: 20 });
    const water = d['tasks'].find((t: { sourceCode: string }) => t.sourceCode === 'U-WATER');
    expect(water).toMatchObject({ title: '供水接入', department: '供水公司', dueOn: chinaCalendar.addWorkingDays(today, 10) });
    expect(d['tasks']).toHaveLength(6); // A01, A02 and four utility connections
    // What the caller may do now: the admin (the tests' default token) may assign and work on every task.
    expect(d['actions']).toEqual(['assign']);
    expect(a02).toMatchObject({ statusName: '已计划', waitingOnEnterprise: false, actions: ['START', 'SUBMIT', 'notes'] });

    // A second delegation goes to the agent with less load now: agent-b.
    const second = randomUUID();
    secondProjectId = second;
    await send('approval', [caseOpened(second)]); // out of order: the case before the signing
    await send('project', [signed(second, { projectCode: '2611-140400-04-01-00043X', landAreaMu: 0, name: '研发中心' })]);
    const d2 = await eventually(async () => {
      const found = await delegationOf(second);
      expect(found['tasks']).toHaveLength(2); // the approval items, planned once both arrived
      return found;
    });
    expect(d2['agentId']).toBe('agent-b');
  });

  it('completes a task when its item is granted, and lets only the delegation’s agent move tasks', async () => {
    const projectId = consumed[0].event.projectId;
    const granted = buildEvent(ItemGranted, { projectId, source: 'commitment-approval', payload: { caseId: randomUUID(), itemCode: 'A01', itemName: '企业投资项目备案', department: '发展和改革局', grantedOn: today, by: 'decision' } });
    await send('approval', [granted]);
    consumed.push({ topic: 'approval', event: granted });
    const d = await eventually(async () => {
      const found = await delegationOf(projectId);
      expect(found['tasks'].find((t: { sourceCode: string }) => t.sourceCode === 'A01').status).toBe('DELIVERED');
      return found;
    });

    const a02 = d['tasks'].find((t: { sourceCode: string }) => t.sourceCode === 'A02');
    const byOther = await post(url(`/tasks/${a02.id}/actions`), { action: 'START' }, as('agent-b'));
    expect(byOther).toMatchObject({ status: 404, body: { code: 'task-not-found' } }); // another agent's task does not exist for it
    const byEnterprise = await post(url(`/tasks/${a02.id}/actions`), { action: 'START' }, ENTERPRISE);
    expect(byEnterprise.status).toBe(403);
    expect((await post(url(`/tasks/${a02.id}/actions`), { action: 'FLY' }, as('agent-a'))).status).toBe(400);
    expect((await post(url(`/tasks/${randomUUID()}/actions`), { action: 'START' }, as('agent-a'))).status).toBe(404);
    const wrongOrder = await post(url(`/tasks/${a02.id}/actions`), { action: 'DELIVER' }, as('agent-a'));
    expect(wrongOrder).toMatchObject({ status: 409, body: { message: expect.stringMatching(/^事项当前为“已计划”，不能送达/) } });
    const started = await post(url(`/tasks/${a02.id}/actions`), { action: 'START', note: '已通知企业准备宗地图' }, as('agent-a'));
    // The answer is the task as the agent sees it now, with what it may do next.
    expect(started).toMatchObject({ status: 200, body: { id: a02.id, status: 'COLLECTING_MATERIALS', statusName: '收集材料', waitingOnEnterprise: true, actions: ['SUBMIT', 'notes'] } });
    expect(started.body['notes']).toEqual([{ on: today, by: 'agent-a', text: '已通知企业准备宗地图' }]);
    const noted = await post(url(`/tasks/${a02.id}/notes`), { blocker: '企业尚缺宗地图' }, as('agent-a'));
    expect(noted).toMatchObject({ status: 200, body: { id: a02.id, blocker: '企业尚缺宗地图', actions: ['SUBMIT', 'notes'] } });
    expect((await post(url(`/tasks/${a02.id}/notes`), { blocker: null }, as('agent-a'))).body).toMatchObject({ blocker: null });

    // Each caller sees the actions it may take: the agent works on the tasks but does not assign; another agent does not see the delegation; the enterprise may not rate before closure.
    const byAgent = (await get(url(`/projects/${projectId}/delegation`), as('agent-a'))).body;
    expect(byAgent['actions']).toEqual([]);
    expect(byAgent['tasks'].find((t: { id: string }) => t.id === a02.id)['actions']).toEqual(['SUBMIT', 'notes']);
    expect(byAgent['tasks'].find((t: { sourceCode: string }) => t.sourceCode === 'A01')['actions']).toEqual(['notes']); // delivered
    expect((await get(url(`/projects/${projectId}/delegation`), as('agent-b'))).status).toBe(404);
    const byEnterpriseView = (await get(url(`/projects/${projectId}/delegation`), ENTERPRISE)).body;
    expect(byEnterpriseView['actions']).toEqual([]);
    expect(byEnterpriseView['tasks'].every((t: { actions: string[] }) => t.actions.length === 0)).toBe(true);
    expect((await get(url(`/projects/${projectId}/delegation`), LEAD)).body['actions']).toEqual(['assign']);

    const progress = (await get(url(`/projects/${projectId}/progress`), ENTERPRISE)).body;
    expect(progress).toMatchObject({ projectId, delegationId: d['id'], status: 'OPEN', tasksTotal: 6, tasksDone: 1, percentDone: 16.7, agent: { id: 'agent-a', name: '代办员甲', mobile: '13600000001' } });
    expect(progress['waitingOnEnterprise']).toEqual([{ taskId: a02.id, title: '建设用地规划许可证', status: 'COLLECTING_MATERIALS', statusName: '收集材料', materials: ['建设用地申请表', '宗地图'] }]);
    expect(progress['waitingOnEnterprise'].map((t: { title: string }) => t.title)).toEqual(['建设用地规划许可证']);
    const rateEarly = await post(url(`/delegations/${d['id']}/rating`), { score: 5 }, ENTERPRISE);
    expect(rateEarly).toMatchObject({ status: 409, body: { code: 'not-closed' } });
  });

  it('raises one overdue event per task, and one escalation past the threshold, however often it checks', async () => {
    const projectId = consumed[0].event.projectId;
    const checker = service.app.get(TaskDeadlineChecker);
    const a02Due = chinaCalendar.addWorkingDays(today, 5);
    const late2 = chinaCalendar.addWorkingDays(a02Due, 2);
    const late5 = chinaCalendar.addWorkingDays(a02Due, 5);
    const runs = [await checker.run(late2), await checker.run(late2), await checker.run(late5), await checker.run(late5)];
    // Repeated checks on the same day raise nothing more (other projects' tasks count in the first runs).
    expect([runs[1].overdue, runs[1].escalated, runs[3].overdue, runs[3].escalated]).toEqual([0, 0, 0, 0]);

    const escalations = await eventually(async () => {
      const found = (await readTopic(`${prefix}agency.events`, 1)).filter((m) => m.key === projectId && m.headers['event-type'] === 'agency.task-escalated').map((m) => parseEvent<TaskEscalatedV1>(m.value).payload);
      expect(found.find((e) => e.title === '建设用地规划许可证')).toBeDefined();
      return found;
    });
    // Not at 2 working days late (threshold 3), once at 5.
    expect(escalations.filter((e) => e.title === '建设用地规划许可证')).toEqual([expect.objectContaining({ agentId: 'agent-a', teamLeadId: 'agent-lead', dueOn: a02Due, workingDaysLate: 5 })]);
    const overdue = (await readTopic(`${prefix}agency.events`, 1)).filter((m) => m.key === projectId && m.headers['event-type'] === 'agency.task-overdue');
    const titles = overdue.map((m) => parseEvent<{ title: string }>(m.value).payload.title);
    expect(titles.filter((t) => t === '建设用地规划许可证')).toHaveLength(1);
    expect(new Set(titles).size).toBe(titles.length); // one per task
    // The worklist is an object of named buckets (not a list): each task with the caller's actions.
    const worklist = (await get(url('/agents/agent-a/worklist'), as('agent-a'))).body;
    expect(Object.keys(worklist).sort()).toEqual(['agentId', 'asOf', 'departments', 'dueToday', 'overdue', 'upcoming', 'waitingOnEnterprise']);
    expect(worklist).toMatchObject({ agentId: 'agent-a', asOf: today });
    const open = worklist['waitingOnEnterprise'].concat(worklist['overdue'], worklist['upcoming'], worklist['dueToday']);
    expect(open.length).toBeGreaterThan(0);
    expect(open.find((t: { sourceCode: string }) => t.sourceCode === 'A02')).toMatchObject({ status: 'COLLECTING_MATERIALS', actions: ['SUBMIT', 'notes'] });
    expect((await get(url('/agents/agent-a/worklist'), as('agent-b'))).status).toBe(404);
  });

  it('changes nothing when every consumed event is replayed twice', async () => {
    const projectId = consumed[0].event.projectId;
    const before = (await get(url(`/projects/${projectId}/delegation`))).body;
    const agencyEvents = (await readTopic(`${prefix}agency.events`, 1)).length;
    for (let round = 0; round < 2; round++) {
      await send('project', consumed.filter((c) => c.topic === 'project').map((c) => c.event));
      await send('approval', consumed.filter((c) => c.topic === 'approval').map((c) => c.event));
    }
    // A marker after the replays: once it is applied, the replays have been read.
    const marker = randomUUID();
    await send('project', [signed(marker, { wantsFullAgency: false })]);
    await send('approval', [caseOpened(marker)]);
    await eventually(async () => expect((await get(url(`/projects/${marker}/delegation`))).status).toBe(404));
    await new Promise((r) => setTimeout(r, 500));
    expect((await get(url(`/projects/${projectId}/delegation`))).body).toEqual(before);
    expect((await readTopic(`${prefix}agency.events`, agencyEvents)).length).toBe(agencyEvents);
  });

  it('closes when every task is delivered, takes one rating from the enterprise, and feeds it to the team’s figures', async () => {
    const projectId = consumed[0].event.projectId;
    const d = await delegationOf(projectId);
    for (const task of d['tasks'].filter((t: { status: string }) => t.status !== 'DELIVERED')) {
      const steps = task.status === 'COLLECTING_MATERIALS' ? ['SUBMIT', 'ACCEPT', 'APPROVE', 'DELIVER'] : ['START', 'SUBMIT', 'ACCEPT', 'REVIEW', 'APPROVE', 'DELIVER'];
      for (const action of steps) expect((await post(url(`/tasks/${task.id}/actions`), { action }, as('agent-a'))).status).toBe(200);
    }
    const closed = await get(url(`/delegations/${d['id']}`));
    expect(closed.body).toMatchObject({ status: 'CLOSED', closedOn: today, actions: [] }); // the admin may not rate, and a closed delegation is not reassigned
    expect((await get(url(`/delegations/${d['id']}`), ENTERPRISE)).body['actions']).toEqual(['rating']);
    expect((await post(url(`/delegations/${d['id']}/rating`), { score: 6 }, ENTERPRISE)).status).toBe(400);
    expect((await post(url(`/delegations/${d['id']}/rating`), { score: 4 }, as('agent-a'))).status).toBe(403);
    const rated = await post(url(`/delegations/${d['id']}/rating`), { score: 4, comment: '响应及时' }, ENTERPRISE);
    // The answer is the delegation as the enterprise sees it now: rated, nothing more to do.
    expect(rated).toMatchObject({ status: 200, body: { id: d['id'], rating: 4, ratingComment: '响应及时', ratedOn: today, actions: [] } });
    expect(rated.body['tasks']).toHaveLength(6);
    expect((await post(url(`/delegations/${d['id']}/rating`), { score: 5 }, ENTERPRISE)).body).toMatchObject({ code: 'rated' });

    const load = (await get(url('/teams/CZ-DB/load'))).body;
    expect(load['team']).toEqual({ code: 'CZ-DB', zoneCode: 'CZ-GXQ', name: '长治高新区代办专班', leadAgentId: 'agent-lead' });
    expect(load['agents'].find((a: { agentId: string }) => a.agentId === 'agent-a')).toMatchObject({ openDelegations: 0, delivered: 6, deliveredOnTime: 6, onTimeRate: 1, ratings: 1, averageRating: 4 });

    // The lead reassigns the other delegation, saying why; the history keeps both, with the reason, who and when.
    const other = (await get(url(`/projects/${secondProjectId}/delegation`))).body;
    const reason = '代办员乙本周外出培训，改由代办员甲接手';
    expect((await post(url(`/delegations/${other['id']}/assign`), { agentId: 'agent-a', reason }, as('agent-b'))).status).toBe(403);
    expect((await post(url(`/delegations/${other['id']}/assign`), { agentId: 'nobody', reason }, LEAD)).status).toBe(400);
    const reassigned = await post(url(`/delegations/${other['id']}/assign`), { agentId: 'agent-a', reason: `  ${reason}  ` }, LEAD);
    expect(reassigned).toMatchObject({ status: 200, body: { id: other['id'], agentId: 'agent-a', actions: ['assign'] } });
    expect(reassigned.body['assignments']).toHaveLength(2);
    expect(await post(url(`/delegations/${other['id']}/assign`), { agentId: 'agent-a', reason }, LEAD)).toMatchObject({ status: 409, body: { code: 'same-agent' } });
    const history = (await get(url(`/delegations/${other['id']}`))).body['assignments'];
    expect(history).toMatchObject([
      { agentId: 'agent-b', assignedBy: 'auto', actorId: 'auto-assignment', actorName: null, reason: null, endedOn: today },
      { agentId: 'agent-a', assignedBy: 'lead', actorId: 'agent-lead', actorName: '负责人', reason, assignedOn: today, endedOn: null },
    ]);
    expect(Date.parse(history[1].assignedAt)).toBeGreaterThanOrEqual(Date.parse(history[0].assignedAt));
    expect(Date.now() - Date.parse(history[1].assignedAt)).toBeLessThan(5 * 60_000);
  });

  it('refuses a reassignment without a reason (2–200 characters) and changes nothing', async () => {
    const other = (await get(url(`/projects/${secondProjectId}/delegation`))).body;
    const agentsBefore = (await get(url('/agents?zone=CZ-GXQ'), LEAD)).body;
    for (const body of [{ agentId: 'agent-b' }, { agentId: 'agent-b', reason: '   ' }, { agentId: 'agent-b', reason: '改' }, { agentId: 'agent-b', reason: '改'.repeat(201) }]) {
      const refused = await post(url(`/delegations/${other['id']}/assign`), body, LEAD);
      expect(refused.status).toBe(400);
      expect(refused.body['issues']).toEqual([{ field: 'reason', reason: expect.stringMatching(/^reason .*改派原因/) }]);
    }
    expect((await get(url(`/delegations/${other['id']}`))).body).toEqual(other);
    expect((await get(url('/agents?zone=CZ-GXQ'), LEAD)).body).toEqual(agentsBefore);
  });

  it('answers the agents in the one list envelope, a page at a time, and the registry commands with their views', async () => {
    const first = await get(url('/agents?zone=CZ-GXQ&pageSize=2'), LEAD);
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.body['items'].map((a: { id: string }) => a.id)).toEqual(['agent-a', 'agent-b']);
    // Each agent with its load now: agent-a holds the reassigned delegation (its two approval tasks, not yet due); its first delegation is closed.
    expect(first.body['items'][0]).toEqual({
      id: 'agent-a',
      name: '代办员甲',
      mobile: '13600000001',
      zoneCode: 'CZ-GXQ',
      teamCode: 'CZ-DB',
      specialities: ['approval', 'utilities'],
      capacity: 30,
      active: true,
      openDelegations: 1,
      openTasks: 2,
      overdueTasks: 0,
    });
    expect(first.body['items'][1]).toMatchObject({ id: 'agent-b', openDelegations: 0, openTasks: 0, overdueTasks: 0 });
    const second = (await get(url('/agents?zone=CZ-GXQ&pageSize=2&page=2'), LEAD)).body;
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ id: 'agent-lead', specialities: ['construction'], openDelegations: 0, openTasks: 0, overdueTasks: 0 }] });
    expect((await get(url('/agents?zone=SX-ZGQ'), LEAD)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 }); // not its zone
    expect((await get(url('/agents?pageSize=101'), LEAD)).status).toBe(400);
    expect((await get(url('/agents'), ENTERPRISE)).status).toBe(403);

    const team = await post(url('/teams'), { code: 'CZ-DB2', zoneCode: 'CZ-GXQ', name: '第二专班' }, LEAD);
    expect(team).toMatchObject({ status: 201, body: { code: 'CZ-DB2', zoneCode: 'CZ-GXQ', name: '第二专班', leadAgentId: null } });
    const agent = await post(url('/agents'), { id: 'agent-c', name: '代办员丙', zoneCode: 'CZ-GXQ', teamCode: 'CZ-DB2', specialities: ['construction'], capacity: 5 }, LEAD);
    expect(agent).toMatchObject({ status: 201, body: { id: 'agent-c', mobile: null, teamCode: 'CZ-DB2', active: true, openDelegations: 0, openTasks: 0, overdueTasks: 0 } });
    expect((await post(url('/agents'), { id: 'agent-c', name: '代办员丙', zoneCode: 'CZ-GXQ', specialities: ['construction'], capacity: 5 }, LEAD))).toMatchObject({ status: 409, body: { code: 'agent-exists' } });

    expect((await get(url('/settings/zones/CZ-GXQ'), LEAD)).body).toEqual({ zoneCode: 'CZ-GXQ', amberWorkingDays: expect.any(Number), escalateAfterWorkingDays: 3 });
    expect((await get(url('/settings/zones/NOWHERE'), LEAD)).body).toMatchObject({ zoneCode: '*' }); // the defaults
    expect((await put(url('/settings/zones/CZ-GXQ'), { amberWorkingDays: 2 }, LEAD)).body).toEqual({ zoneCode: 'CZ-GXQ', amberWorkingDays: 2, escalateAfterWorkingDays: 3 });
    expect((await put(url('/settings/zones/SX-ZGQ'), { amberWorkingDays: 2 }, LEAD)).status).toBe(404);
  });

  it('counts an agent’s overdue tasks in its load: open tasks whose running clock is past the due date', async () => {
    const projectId = randomUUID();
    const past = addDays(today, -3);
    await send('project', [signed(projectId, { projectCode: '2611-140400-04-01-00045X', landAreaMu: 0, name: '检测中心' })]);
    await send('approval', [
      buildEvent(ApprovalCaseOpened, {
        projectId,
        source: 'commitment-approval',
        payload: {
          caseId: randomUUID(),
          itemCount: 2,
          openedOn: addDays(today, -10),
          items: [
            { itemCode: 'A01', name: '企业投资项目备案', department: '发展和改革局', regime: 'approval', legalLimitDays: 3, promisedLimitDays: 1, legalDueOn: past, promisedDueOn: past, documents: [] },
            { itemCode: 'A02', name: '建设用地规划许可证', department: '自然资源和规划局', regime: 'approval', legalLimitDays: 20, promisedLimitDays: 5, legalDueOn: chinaCalendar.addWorkingDays(today, 20), promisedDueOn: chinaCalendar.addWorkingDays(today, 5), documents: [] },
          ] satisfies ApprovalCaseOpenedV1['items'],
        },
      }),
    ]);
    const d = await eventually(async () => {
      const found = await delegationOf(projectId);
      expect(found['tasks']).toHaveLength(2);
      return found;
    });
    // The least loaded agent with the approval speciality took it: agent-b (agent-a holds the reassigned delegation).
    expect(d['agentId']).toBe('agent-b');
    const agents = (await get(url('/agents?zone=CZ-GXQ'), LEAD)).body['items'];
    expect(agents.find((a: { id: string }) => a.id === 'agent-b')).toMatchObject({ specialities: ['approval'], openDelegations: 1, openTasks: 2, overdueTasks: 1 });
    expect(agents.find((a: { id: string }) => a.id === 'agent-a')).toMatchObject({ openDelegations: 1, openTasks: 2, overdueTasks: 0 });
    // A delivered task is no longer open, nor overdue.
    const late = d['tasks'].find((t: { sourceCode: string }) => t.sourceCode === 'A01');
    for (const action of ['START', 'SUBMIT', 'ACCEPT', 'APPROVE', 'DELIVER']) expect((await post(url(`/tasks/${late.id}/actions`), { action }, as('agent-b'))).status).toBe(200);
    const after = (await get(url('/agents?zone=CZ-GXQ'), LEAD)).body['items'];
    expect(after.find((a: { id: string }) => a.id === 'agent-b')).toMatchObject({ openDelegations: 1, openTasks: 1, overdueTasks: 0 });
  });

  it('runs an approval task’s deadline from the item’s 受理: waiting and paused tasks are never overdue, a resumption moves the deadline', async () => {
    const projectId = randomUUID();
    const caseId = randomUUID();
    const ref = { caseId, itemCode: 'A01', itemName: '企业投资项目备案', department: '发展和改革局' };
    await send('project', [signed(projectId, { projectCode: '2611-140400-04-01-00044X', landAreaMu: 0, name: '软件研发中心' })]);
    await send('approval', [
      buildEvent(ApprovalCaseOpenedV2Event, {
        projectId,
        source: 'commitment-approval',
        payload: { caseId, itemCount: 1, openedOn: today, rulesZone: '*', rulesVersion: 2, items: [{ itemCode: 'A01', name: '企业投资项目备案', department: '发展和改革局', regime: 'approval', legalLimitDays: 3, promisedLimitDays: 1, prerequisites: [] }] },
      }),
    ]);
    // The delegation may exist a moment before its A01 task: wait for the task itself.
    const taskOf = () =>
      eventually(async () => {
        const task = (await delegationOf(projectId))['tasks'].find((t: { sourceCode: string }) => t.sourceCode === 'A01');
        if (!task) throw new Error('no A01 task yet');
        return task;
      });
    expect(await taskOf()).toMatchObject({ clock: 'waiting', status: 'PLANNED' });
    const checker = service.app.get(TaskDeadlineChecker);
    const farAway = chinaCalendar.addWorkingDays(today, 60);
    await checker.run(farAway);
    const overdueOf = async () => (await readTopic(`${prefix}agency.events`, 1)).filter((m) => m.key === projectId && m.headers['event-type'] === 'agency.task-overdue');
    expect(await overdueOf()).toHaveLength(0); // nobody applied: no clock

    const acceptedDue = chinaCalendar.addWorkingDays(today, 1);
    await send('approval', [
      buildEvent(ItemAccepted, { projectId, source: 'commitment-approval', payload: { ...ref, procedure: 'approval', acceptedOn: today, deemed: false, legalDueOn: chinaCalendar.addWorkingDays(today, 3), promisedDueOn: acceptedDue } }),
      buildEvent(ItemPaused, { projectId, source: 'commitment-approval', payload: { ...ref, reason: 'expert-review', pausedOn: today } }),
    ]);
    await eventually(async () => expect(await taskOf()).toMatchObject({ clock: 'paused', status: 'ACCEPTED', dueOn: acceptedDue, blocker: '暂停计时：专家评审' }));
    await checker.run(farAway);
    expect(await overdueOf()).toHaveLength(0); // paused

    const resumedDue = chinaCalendar.addWorkingDays(today, 11);
    await send('approval', [
      buildEvent(ItemResumed, { projectId, source: 'commitment-approval', payload: { ...ref, reason: 'expert-review', resumedOn: today, pausedWorkingDays: 10, legalDueOn: chinaCalendar.addWorkingDays(today, 13), promisedDueOn: resumedDue } }),
    ]);
    await eventually(async () => expect(await taskOf()).toMatchObject({ clock: 'running', dueOn: resumedDue, blocker: null }));
    await checker.run(chinaCalendar.addWorkingDays(resumedDue, 1));
    await eventually(async () => expect((await overdueOf()).map((m) => parseEvent<{ dueOn: string }>(m.value).payload.dueOn)).toEqual([resumedDue]));
  });
});
