import { randomInt } from 'node:crypto';
import { demoUser, ProjectJourney, until, zoneUsers, type DemoEnterprise, type DemoUser, type Json, type ServiceName } from '@devzone/demo';
import { addDays, chinaDate, creditCodeFrom } from '@devzone/shared-kernel';
import { mailUrl, stackApi } from './support/stack';

/**
 * One project from 签约 to 达产 through the HTTP APIs only, as the people would
 * do it, against the five services started as processes by the start command:
 * the new enterprise's contact is invited by e-mail and sets a password, then
 * approvals under commitment, a 标准地 plot, 全代办 tasks, start, completion
 * with acceptance, production, the full-production check; then what each
 * person sees. Beside it, a project on leased premises (no 标准地) goes the same way.
 */
describe('one project from 签约 to 达产, end to end', () => {
  const api = stackApi();
  const zone = 'SX-ZGQ';
  const { officer, agents, manager, lead } = zoneUsers(zone);
  const serial = String(randomInt(10_000_000)).padStart(7, '0');
  // A new contact: no account yet (its subject is known once it signs in).
  const enterprise: DemoEnterprise = {
    sub: '',
    username: `1370${serial}`,
    password: `Lintao-${serial}`,
    name: '林涛',
    role: 'enterprise',
    zones: [],
    creditCode: creditCodeFrom(`91140100MA${serial}`.padEnd(17, '1')),
    mobile: `1370${serial}`,
    email: `e2e-${serial}@enterprise.example.cn`,
    title: '项目联系人',
    zoneCode: zone,
    enterpriseName: '山西端到端精密制造有限公司',
    industryCode: 'C3484',
  };
  const signedOn = addDays(chinaDate(), -420);
  const journey = new ProjectJourney(api, {
    enterprise,
    name: '精密传动部件智能制造项目',
    landAreaMu: 50,
    wantsFullAgency: true,
    totalInvestment: 30_000,
    projectedAnnualOutput: 36_000,
    signedOn,
    plannedDates: { start: addDays(signedOn, 40), completion: addDays(signedOn, 220), production: addDays(signedOn, 260) },
  });
  // A second project on leased premises (租赁标准厂房 from the zone's operating company): no plot, no indicators.
  const leased = new ProjectJourney(api, {
    enterprise: demoUser('ent-sx-3') as DemoEnterprise,
    name: '智能传感器封装测试项目（租赁标准厂房）',
    landAreaMu: 12,
    landPath: 'lease',
    wantsFullAgency: false,
    totalInvestment: 8_000,
    projectedAnnualOutput: 12_000,
    signedOn,
    plannedDates: { start: addDays(signedOn, 30), completion: addDays(signedOn, 150), production: addDays(signedOn, 180) },
  });
  let figuresBefore: Json;
  const figures = () => api.get(manager, 'project-intake', `/figures/three-batches?zone=${zone}`);

  beforeAll(async () => {
    figuresBefore = await figures();
    await journey.runTo('signed');
    await acceptInvitation();
    await Promise.all([journey.runTo('full-production'), leased.runTo('full-production')]);
  }, 180_000);

  /** The invitation e-mail's link, its password set over HTTP (the console does the same), and the subject of the new account. */
  async function acceptInvitation(): Promise<void> {
    const mail = await until('the invitation e-mail', async () => {
      const received = (await (await fetch(`${mailUrl()}/messages?to=${encodeURIComponent(enterprise.email ?? '')}`)).json()) as { subject: string; text: string }[];
      return received.find((m) => m.subject.includes('请设置密码'));
    });
    expect(mail.text).toContain(`登录名：${enterprise.username}`);
    const token = /invite#token=([\w-]+)/.exec(mail.text)?.[1];
    expect(await api.call(null, 'POST', 'project-intake', '/invitations/accept', { token, password: enterprise.password })).toMatchObject({ status: 200, body: { username: enterprise.username } });
    enterprise.sub = (JSON.parse(Buffer.from((await api.token(enterprise)).split('.')[1], 'base64url').toString()) as { sub: string }).sub;
  }

  it('reaches 达产 with every milestone dated and the land checks passed', async () => {
    const project = await journey.waitStage('FULL_PRODUCTION');
    expect(project).toMatchObject({ conditions: { approvalsGranted: true, landSecured: true } });
    for (const m of ['start', 'completion', 'production']) expect(project.milestones[m].actual).toBeTruthy();
    const land = await api.get(enterprise, 'standard-land', `/projects/${journey.projectId}/land`);
    expect(land.plot).toMatchObject({ code: journey.plotCode, status: 'TRANSFERRED' });
    expect(land.checks.map((c: Json) => [c.stage, c.passed])).toEqual([
      ['completion', true],
      ['full-production', true],
    ]);
    const c = await api.get(enterprise, 'commitment-approval', `/projects/${journey.projectId}/case`);
    expect(c.status).toBe('ACCEPTED');
  });

  it('closes the 全代办 delegation and takes the enterprise’s rating once', async () => {
    const d = await until('the delegation closed', async () => {
      const found = await api.get(enterprise, 'agency', `/projects/${journey.projectId}/delegation`);
      return found.status === 'CLOSED' ? found : undefined;
    });
    expect(d.tasks.every((t: Json) => t.status === 'DELIVERED')).toBe(true);
    expect(d.tasks.map((t: Json) => t.source)).toEqual(expect.arrayContaining(['approval', 'land', 'utility']));
    expect((await api.post(enterprise, 'agency', `/delegations/${d.id}/rating`, { score: 5, comment: '代办员全程跟进，很满意' })).rating).toBe(5);
    expect((await api.call(enterprise, 'POST', 'agency', `/delegations/${d.id}/rating`, { score: 1 })).status).toBe(409);
  });

  it('keeps the whole story on the project’s timeline, in order', async () => {
    const timeline = await until('the timeline complete', async () => {
      const t = await api.get(enterprise, 'project-intake', `/projects/${journey.projectId}/timeline?pageSize=100&order=asc`);
      expect(t.total).toBeLessThanOrEqual(100); // the whole story on one page
      const done = t.items.filter((e: Json) => e.type === 'land.check-passed').length === 2 && t.items.some((e: Json) => e.type === 'agency.service-rated');
      return done ? t.items : undefined;
    });
    const types: string[] = timeline.map((e: Json) => e.type);
    const order = ['project.signed', 'approval.case-opened', 'approval.notice-issued', 'approval.commitment-submitted', 'approval.case-granted', 'land.contract-signed', 'approval.acceptance-passed'];
    const positions = order.map((t) => types.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const stages = timeline.filter((e: Json) => e.type === 'project.stage-changed').map((e: Json) => e.summary.replace(/（.*$/, ''));
    expect(stages).toEqual(['阶段变更：签约 → 审批中', '阶段变更：审批中 → 具备开工条件', '阶段变更：具备开工条件 → 在建', '阶段变更：在建 → 竣工', '阶段变更：竣工 → 投产', '阶段变更：投产 → 达产']);
    expect(types).toEqual(expect.arrayContaining(['agency.delegation-opened', 'agency.agent-assigned', 'agency.tasks-planned', 'agency.delegation-closed', 'agency.service-rated', 'land.plot-reserved']));
    expect(timeline.every((e: Json) => e.summary)).toBe(true);
    // Who did it, from their token: the enterprise committed and reported, the officer registered.
    const actorOf = (type: string) => timeline.find((e: Json) => e.type === type)?.actor;
    expect(actorOf('approval.commitment-submitted')).toEqual({ id: enterprise.sub, role: 'enterprise', name: enterprise.name });
    expect(actorOf('project.signed')).toEqual({ id: officer.sub, role: 'zone-officer', name: officer.name });
  });

  it('e-mails the enterprise over real SMTP, and files the same notices in its inbox', async () => {
    const log = await until('every e-mail sent', async () => {
      const rows = (await api.get(enterprise, 'notifications', '/notifications?pageSize=100')).items as Json[];
      const emails = rows.filter((n) => n.channel === 'email');
      return emails.some((n) => n.subject.includes('达产')) && emails.every((n) => n.status === 'sent') ? rows : undefined;
    }, 60_000);
    const emails = log.filter((n: Json) => n.channel === 'email');
    // Once per event and channel.
    expect(new Set(log.map((n: Json) => `${n.eventId}/${n.channel}`)).size).toBe(log.length);
    // What the SMTP receiver got is exactly what the log says was sent: one e-mail per digest (the
    // e-mails about the project within the window, NOTIFICATIONS_DIGEST_SECONDS), else one per notice.
    const received = (await (await fetch(`${mailUrl()}/messages?to=${encodeURIComponent(enterprise.email ?? '')}`)).json()) as { subject: string }[];
    const sent = new Map(emails.map((n: Json) => [n.digest ? `digest:${n.digest.id}` : n.id, n.digest ? n.digest.subject : n.subject]));
    expect(received.map((m) => m.subject).sort()).toEqual([...sent.values()].sort());
    const subjects = emails.map((n: Json) => n.subject as string);
    for (const expected of ['请设置密码', '项目已登记', '审批', '出让合同', '达产']) expect(subjects.some((s) => s.includes(expected))).toBe(true);
    // No person's mobile number in a recipient id.
    expect(log.some((n: Json) => String(n.recipientId).includes(enterprise.mobile ?? '-'))).toBe(false);
    const inbox = await api.get(enterprise, 'notifications', '/me/inbox?pageSize=100');
    expect(inbox.total).toBe(log.filter((n: Json) => n.channel === 'inbox').length);
  });

  it('takes a project on leased premises to 达产 too: the lease secures its land, on its timeline', async () => {
    const project = await leased.waitStage('FULL_PRODUCTION');
    expect(project.conditions).toMatchObject({ landSecured: true, landPath: 'lease', landReference: expect.stringMatching(/^租〔/), landReview: 'not-needed' });
    const land = await api.get(leased.enterprise, 'standard-land', `/projects/${leased.projectId}/land`);
    expect(JSON.stringify(land)).toContain('山西转型综改示范区运营管理有限公司');
    const timeline = await api.get(leased.enterprise, 'project-intake', `/projects/${leased.projectId}/timeline?pageSize=100`);
    const secured = timeline.items.filter((e: Json) => e.type === 'land.land-secured');
    expect(secured).toHaveLength(1);
    expect(secured[0].summary).toMatch(/租赁/);
    expect(timeline.items.some((e: Json) => e.type === 'land.contract-signed')).toBe(false);
  });

  it('counts the projects in the zone’s 三个一批 figures: signed, started, in production', async () => {
    const after = await figures();
    expect(after.signed.count).toBe(figuresBefore.signed.count + 2);
    expect(after.started.count).toBe(figuresBefore.started.count + 2);
    expect(after.inProduction.count).toBe(figuresBefore.inProduction.count + 2);
  });

  it('shows each person only their own: a foreign project is 404, a read-only role may not act', async () => {
    const id = journey.projectId;
    const other = demoUser('ent-sx-2');
    const foreignOfficer = demoUser('cz-officer');
    const d = await api.get(lead, 'agency', `/projects/${id}/delegation`);
    const assigned = demoUser(d.agentId);
    const unassigned = agents.find((a) => a.sub !== d.agentId && a.role === 'agency-agent');
    const status = async (user: DemoUser, method: string, service: ServiceName, path: string, body?: unknown) => (await api.call(user, method, service, path, body)).status;

    // The enterprise, its zone's officer, the assigned agent and the managers see it.
    expect(await status(enterprise, 'GET', 'project-intake', `/projects/${id}`)).toBe(200);
    expect(await status(officer, 'GET', 'project-intake', `/projects/${id}`)).toBe(200);
    expect(await status(assigned, 'GET', 'agency', `/projects/${id}/delegation`)).toBe(200);
    expect(await status(demoUser('province-manager'), 'GET', 'project-intake', `/projects/${id}`)).toBe(200);
    // Another enterprise, another zone's officer, an agent it is not assigned to: it does not exist.
    const hidden: [DemoUser, ServiceName, string][] = [
      [other, 'project-intake', `/projects/${id}`],
      [other, 'project-intake', `/projects/${id}/timeline`],
      [other, 'commitment-approval', `/projects/${id}/case`],
      [other, 'standard-land', `/projects/${id}/land`],
      [other, 'agency', `/projects/${id}/delegation`],
      [foreignOfficer, 'project-intake', `/projects/${id}`],
      [foreignOfficer, 'commitment-approval', `/projects/${id}/case`],
      [foreignOfficer, 'standard-land', `/projects/${id}/land`],
      ...(unassigned ? [[unassigned, 'agency', `/projects/${id}/delegation`] as [DemoUser, ServiceName, string]] : []),
    ];
    for (const [user, service, path] of hidden) {
      expect(`${user.sub} GET ${service}${path} → ${await status(user, 'GET', service, path)}`).toBe(`${user.sub} GET ${service}${path} → 404`);
    }
    expect(await status(foreignOfficer, 'POST', 'project-intake', `/projects/${id}/suspend`, { reason: '测试' })).toBe(404);
    // Managers read figures; they do not act.
    expect(await status(manager, 'POST', 'project-intake', `/projects/${id}/suspend`, { reason: '测试' })).toBe(403);
    // The other enterprise's list and inbox do not include it.
    const list = await api.get(other, 'project-intake', '/projects?pageSize=100');
    expect(list.items.map((p: Json) => p.id)).not.toContain(id);
    const inbox = await api.get(other, 'notifications', '/me/inbox?pageSize=100');
    expect(inbox.items.map((n: Json) => n.projectId)).not.toContain(id);
  });
});
