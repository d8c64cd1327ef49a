import { signedProject } from './fixtures';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { ApprovalCaseGranted, IdleLand, ItemGranted, parseEvent, PenaltyAssessed, PlotPublished, ProjectAccountInvited, ProjectImported, ProjectSigned, type NotificationFailedV1 } from '@devzone/contracts';
import { startService, type RunningService } from '@devzone/platform';
import { as, createTestDatabase, dropTestDatabase, eventually, get, post, projectImportedPayload, publishAs, put, readTopic, uniqueName } from '@devzone/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { DEFAULT_RULES, kindName } from '../src/domain/rules';
import { signWebhook } from '../src/domain/delivery';

const SECRET = 'webhook-secret-0123456789';
/** The one list envelope (issue 16): these keys and no others. */
const ENVELOPE = ['items', 'page', 'pageSize', 'total'];

interface Hook {
  headers: IncomingMessage['headers'];
  body: string;
  status: number;
}

describe('notifications: e-mail over real SMTP, signed webhooks, the inbox, once per channel', () => {
  const name = uniqueName('notify');
  const prefix = `${name}.`;
  let service: RunningService;
  let smtp: SMTPServer;
  let hooks: Server;
  const mails: ParsedMail[] = [];
  const calls: Hook[] = [];
  const answers: number[] = []; // the webhook's next answers (then 200)
  let hookUrl = '';
  const url = (path: string) => `${service.url}${path}`;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.endsWith('@refuse.example.cn')) return callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
        callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          mails.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;

    hooks = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const status = answers.shift() ?? 200;
        calls.push({ headers: req.headers, body, status });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hook`;

    service = await startService(AppModule, {
      service: 'notifications',
      databaseUrl: await createTestDatabase(name),
      topicPrefix: prefix,
      env: {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtpPort),
        NOTIFICATIONS_DISPATCH_INTERVAL_MS: '100',
        NOTIFICATIONS_RETRY_BASE_MS: '100',
        NOTIFICATIONS_MAX_ATTEMPTS: '3',
        // Each e-mail here is alone in its window (test/digest.int-spec.ts holds several in one).
        NOTIFICATIONS_DIGEST_SECONDS: '1',
      },
    });
  });

  afterAll(async () => {
    await service?.close();
    await new Promise((resolve) => smtp?.close(() => resolve(null)));
    await new Promise((resolve) => hooks?.close(() => resolve(null)));
    await dropTestDatabase(name);
  });

  /** An enterprise contact's account (its subject is on the contact in project.signed). */
  const contact = (n: number) => {
    const userId = randomUUID();
    return { userId, mobile: `1380000000${n}`, headers: as({ sub: userId, name: '张伟', role: 'enterprise', zones: [], creditCode: '91350100M000100Y43' }) };
  };
  const signed = (email: string, mobile: string, userId?: string) => signedProject({ email, mobile, userId });

  it('e-mails, webhooks (signed, retried through two 500s) and files in the inbox — once each, even when the event comes twice', async () => {
    const projectId = randomUUID();
    const zhang = contact(1);
    await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectSigned, projectId, payload: signed('zhangwei@example.cn', zhang.mobile, zhang.userId) }]);

    const registered = await eventually(() => {
      const m = mails.find((x) => x.subject === '项目已登记：年产5万吨新型建材项目');
      if (!m) throw new Error('no registration e-mail yet');
      return m;
    });
    expect(registered.text).toContain('张伟您好，项目“年产5万吨新型建材项目”（2611-140100-04-01-00123X）已于 2026-11-20 签约登记，总投资 52,000 万元。');
    expect(registered.html).toContain('<h2>项目已登记：年产5万吨新型建材项目</h2>');
    expect(registered.to).toMatchObject({ value: [{ address: 'zhangwei@example.cn', name: '张伟' }] });

    expect((await put(url('/me/preferences'), { webhookUrl: hookUrl, webhookSecret: SECRET }, zhang.headers)).status).toBe(200);
    answers.push(500, 500);
    const event = { definition: ApprovalCaseGranted, projectId, id: randomUUID(), payload: { caseId: randomUUID(), decisionNumber: 'PF-SX-ZGQ-2026-9F8E7D6C', grantedOn: '2026-12-04' } };
    await publishAs(`${prefix}approval.events`, 'commitment-approval', [event]);
    await publishAs(`${prefix}approval.events`, 'commitment-approval', [event]); // the same event again

    await eventually(async () => expect(calls.filter((c) => c.status === 200)).toHaveLength(1), { timeoutMs: 30_000 });
    expect(calls.map((c) => c.status)).toEqual([500, 500, 200]);
    const delivered = calls[2];
    const timestamp = String(delivered.headers['x-devzone-timestamp']);
    expect(delivered.headers['x-devzone-signature']).toBe(`sha256=${signWebhook(SECRET, timestamp, delivered.body)}`);
    const enterprise = JSON.parse(delivered.body).recipientId as string;
    expect(enterprise).toMatch(/^ent:[0-9a-f-]{36}$/); // opaque: no mobile number in ids, URLs or logs
    expect(JSON.parse(delivered.body)).toMatchObject({ eventId: event.id, eventType: 'approval.case-granted', subject: '承诺制审批已批复：年产5万吨新型建材项目' });

    const grantedMail = await eventually(() => {
      const m = mails.filter((x) => x.subject === '承诺制审批已批复：年产5万吨新型建材项目');
      expect(m).toHaveLength(1);
      return m[0];
    });
    expect(grantedMail.text).toContain('已取得承诺制批复（PF-SX-ZGQ-2026-9F8E7D6C，2026-12-04）');

    // The receiver answered 200 before the dispatcher recorded it: the log catches up.
    const log = await eventually(async () => {
      const rows = (await get(url(`/notifications?eventId=${event.id}`))).body.items as { channel: string; status: string; attempts: number; id: string }[];
      expect(rows.map((n) => [n.channel, n.status, n.attempts])).toEqual([
        ['email', 'sent', 1],
        ['inbox', 'delivered', 0],
        ['webhook', 'sent', 3],
      ]);
      return rows;
    });
    const listed = (await get(url(`/notifications?eventId=${event.id}&pageSize=2`))).body;
    expect(Object.keys(listed).sort()).toEqual(ENVELOPE);
    expect(listed).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(Object.keys(listed['items'][0]).sort()).toEqual(['attempts', 'channel', 'createdAt', 'digest', 'eventId', 'eventType', 'id', 'lastError', 'recipientId', 'sentAt', 'status', 'subject']);
    // The e-mail went out alone in its digest, under its own subject.
    expect(log.find((n) => n.channel === 'email')).toMatchObject({ digest: { size: 1, status: 'sent', subject: '承诺制审批已批复：年产5万吨新型建材项目' } });
    const webhookLog = (await get(url(`/notifications/${log.find((n) => n.channel === 'webhook')!.id}`))).body;
    expect(webhookLog).toMatchObject({ channel: 'webhook', eventId: event.id, recipientId: enterprise, status: 'sent', attempts: 3, readAt: null, payload: { decisionNumber: 'PF-SX-ZGQ-2026-9F8E7D6C' } });
    expect(webhookLog['deliveryLog'].map((a: { ok: boolean; responseCode: number }) => [a.ok, a.responseCode])).toEqual([
      [false, 500],
      [false, 500],
      [true, 200],
    ]);

    const inbox = (await get(url('/me/inbox'), zhang.headers)).body;
    expect(Object.keys(inbox).sort()).toEqual(ENVELOPE); // the unread count is its own route
    expect(inbox['items'].map((i: { subject: string }) => i.subject)).toEqual(['承诺制审批已批复：年产5万吨新型建材项目', '项目已登记：年产5万吨新型建材项目']);
    expect(inbox['items'].map((i: { readAt: string | null; actions: string[] }) => [i.readAt, i.actions])).toEqual([
      [null, ['read']],
      [null, ['read']],
    ]);
    expect((await get(url('/me/inbox/unread-count'), zhang.headers)).body).toEqual({ unread: 2, urgent: 0 });
    expect((await post(url(`/me/inbox/${inbox['items'][0].id}/read`), {}, zhang.headers)).body).toEqual({ unread: 1, urgent: 0 });
    // Read: no action left on it; the other still offers read.
    const after = (await get(url('/me/inbox'), zhang.headers)).body['items'] as { id: string; readAt: string | null; actions: string[] }[];
    expect(after.map((i) => [i.id, i.readAt === null, i.actions])).toEqual([
      [inbox['items'][0].id, false, []],
      [inbox['items'][1].id, true, ['read']],
    ]);
    expect((await get(url('/me/inbox?unread=true'), zhang.headers)).body).toMatchObject({ total: 1, page: 1, pageSize: 20, items: [{ id: inbox['items'][1].id, actions: ['read'] }] });
    expect((await get(url('/me/inbox?pageSize=1&page=2'), zhang.headers)).body).toEqual({ items: [expect.objectContaining({ id: inbox['items'][1].id })], total: 2, page: 2, pageSize: 1 });
    // Somebody else reads nothing of it, and cannot mark it read.
    const stranger = as({ sub: randomUUID(), name: '别人', role: 'enterprise', zones: [], creditCode: '91350100M000100Y43' });
    expect((await get(url('/me/inbox'), stranger)).body['total']).toBe(0);
    expect((await post(url(`/me/inbox/${inbox['items'][1].id}/read`), {}, stranger)).status).toBe(404);

    // Still once each, a while later.
    await new Promise((r) => setTimeout(r, 1000));
    expect(mails.filter((x) => x.subject === '承诺制审批已批复：年产5万吨新型建材项目')).toHaveLength(1);
    expect(calls).toHaveLength(3);
  });

  it('retries an e-mail the SMTP server refuses, then marks it failed and publishes notification.failed', async () => {
    const projectId = randomUUID();
    const refused = contact(2);
    await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectSigned, projectId, payload: signed('nobody@refuse.example.cn', refused.mobile, refused.userId) }]);
    const failed = await eventually(
      async () => {
        const found = (await readTopic(`${prefix}notification.events`, 1)).map((m) => parseEvent<NotificationFailedV1>(m.value)).filter((e) => e.projectId === projectId);
        expect(found).toHaveLength(1);
        return found[0].payload;
      },
      { timeoutMs: 30_000 },
    );
    expect(failed).toMatchObject({ eventType: 'project.signed', recipientId: expect.stringMatching(/^ent:[0-9a-f-]{36}$/), channel: 'email', attempts: 3, lastError: expect.stringMatching(/550|mailbox unavailable/) });
    const detail = (await get(url(`/notifications/${failed.notificationId}`))).body;
    expect(detail).toMatchObject({ status: 'failed', attempts: 3 });
    expect(detail['deliveryLog'].map((a: { ok: boolean; responseCode: number }) => [a.ok, a.responseCode])).toEqual([
      [false, 550],
      [false, 550],
      [false, 550],
    ]);
    // The inbox still has it.
    expect((await get(url('/me/inbox'), refused.headers)).body['total']).toBe(1);
  });

  it('holds an event that arrives before its project, and skips (and counts) events no rule names', async () => {
    const projectId = randomUUID();
    const early = await publishAs(`${prefix}approval.events`, 'commitment-approval', [
      { definition: ItemGranted, projectId, payload: { caseId: randomUUID(), itemCode: 'A01', itemName: '企业投资项目备案', department: '发展和改革局', grantedOn: '2026-11-27', by: 'decision' } },
    ]);
    await publishAs(`${prefix}land.events`, 'standard-land', [
      { definition: PlotPublished, projectId: randomUUID(), payload: { plotId: randomUUID(), plotCode: 'P-1', zoneCode: 'SX-ZGQ', areaMu: 10, landUse: '工业用地', servicingLevel: '七通一平', industries: [], indicators: [] } },
    ]);
    await eventually(async () => expect((await fetch(url('/metrics')).then((r) => r.text()))).toMatch(/notifications_skipped_events_total\{type="land.plot-published"\} 1/));
    expect((await get(url(`/notifications?eventId=${early[0].id}`))).body.items).toEqual([]);

    await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectSigned, projectId, payload: signed('lina@example.cn', '13800000003') }]);
    await eventually(async () => {
      const log = (await get(url(`/notifications?eventId=${early[0].id}`))).body.items as { channel: string; recipientId: string }[];
      expect(log.map((n) => n.channel).sort()).toEqual(['email', 'inbox']);
    });
  });

  it('knows a project imported from a 项目台账 (issue 18): the events that waited for it go out, the import itself sends nothing', async () => {
    const projectId = randomUUID();
    const early = await publishAs(`${prefix}approval.events`, 'commitment-approval', [
      { definition: ItemGranted, projectId, payload: { caseId: randomUUID(), itemCode: 'A01', itemName: '企业投资项目备案', department: '发展和改革局', grantedOn: '2026-11-27', by: 'decision' } },
    ]);
    const [imported] = await publishAs(`${prefix}project.events`, 'project-intake', [
      { definition: ProjectImported, projectId, payload: projectImportedPayload('APPROVING', { contacts: [{ name: '张伟', mobile: '13800000009', email: 'imported@example.cn' }] }) },
    ]);
    await eventually(async () => {
      const log = (await get(url(`/notifications?eventId=${early[0].id}`))).body.items as { channel: string }[];
      expect(log.map((n) => n.channel).sort()).toEqual(['email', 'inbox']);
    });
    expect((await get(url(`/notifications?eventId=${imported.id}`))).body.items).toEqual([]);
    await eventually(async () => expect((await fetch(url('/metrics')).then((r) => r.text()))).toMatch(/notifications_skipped_events_total\{type="project.imported"\} 1/));
  });

  it('e-mails an invitation to its invitee only — an enterprise contact of a project, or a staff member with no project — and files nothing in an inbox', async () => {
    const projectId = randomUUID();
    const chen = contact(4);
    await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectSigned, projectId, payload: signed('chenjing@example.cn', chen.mobile, chen.userId) }]);
    await publishAs(`${prefix}project.events`, 'project-intake', [
      { definition: ProjectAccountInvited, projectId, payload: { userId: chen.userId, username: chen.mobile, name: '张伟', email: 'chenjing@example.cn', role: 'enterprise', enterpriseName: '山西示例新材料有限公司', setPasswordUrl: 'http://console.test/invite#token=enterprise-token-0123456789abcdef', expiresAt: '2026-12-02T13:30:00.000Z' } },
    ]);
    const staffId = randomUUID();
    await publishAs(`${prefix}project.events`, 'project-intake', [
      { definition: ProjectAccountInvited, projectId: staffId, payload: { userId: staffId, username: 'sx-zhujian-li', name: '李红', email: 'lihong@zone.example.cn', role: 'zone-officer', setPasswordUrl: 'http://console.test/invite#token=staff-token-0123456789abcdef', expiresAt: '2026-12-02T13:30:00.000Z' } },
    ]);
    const invitations = await eventually(() => {
      const found = mails.filter((m) => m.subject === '请设置密码，开通开发区项目服务平台账号');
      expect(found).toHaveLength(2);
      return found;
    });
    const to = (address: string) => invitations.find((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === address)!;
    expect(to('chenjing@example.cn').text).toContain('登录名：13800000004');
    expect(to('chenjing@example.cn').html).toContain('<a href="http://console.test/invite#token=enterprise-token-0123456789abcdef">');
    expect(to('lihong@zone.example.cn').text).toContain('李红您好');
    expect(to('lihong@zone.example.cn').text).toContain('staff-token-0123456789abcdef');
    expect((await get(url('/me/inbox'), chen.headers)).body['items'].map((i: { subject: string }) => i.subject)).toEqual(['项目已登记：年产5万吨新型建材项目']);
    const staff = as({ sub: staffId, name: '李红', role: 'zone-officer', zones: ['SX-ZGQ'] });
    expect((await get(url('/me/inbox'), staff)).body['total']).toBe(0);
  });

  it('tells the enterprise of a penalty and of idle land, in zh-CN, by e-mail and in its inbox', async () => {
    const projectId = randomUUID();
    const li = contact(7);
    await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectSigned, projectId, payload: { ...signed('liqiang@example.cn', li.mobile, li.userId), name: '高端轴承生产线项目', projectCode: '2611-140100-04-01-00777X' } }]);
    await eventually(() => expect(mails.some((m) => m.subject === '项目已登记：高端轴承生产线项目')).toBe(true));
    await publishAs(`${prefix}land.events`, 'standard-land', [
      { definition: PenaltyAssessed, projectId, payload: { plotCode: 'SX-ZGQ-2026-077', reason: 'recheck-failed', stage: 'full-production', amountFen: 150_000_000, lines: [{ code: 'tax-per-mu', formula: 'land-price-share', amountFen: 150_000_000 }], capped: false, assessedOn: '2031-07-01' } },
    ]);
    await publishAs(`${prefix}land.events`, 'standard-land', [{ definition: IdleLand, projectId, payload: { plotCode: 'SX-ZGQ-2026-077', level: 'fee', agreedStart: '2027-02-01', daysIdle: 400, feeFen: 600_000_000, case: 'not-started' } }]);
    const penalty = await eventually(() => {
      const m = mails.find((x) => x.subject === '违约金核定通知：高端轴承生产线项目');
      if (!m) throw new Error('no penalty e-mail yet');
      return m;
    });
    expect(penalty.text).toContain('项目“高端轴承生产线项目”（2611-140100-04-01-00777X）标准地指标整改后复查仍未达标，依据履约协议于 2031-07-01 核定违约金 ¥1,500,000.00。');
    const idle = await eventually(() => {
      const m = mails.find((x) => x.subject === '闲置土地认定：高端轴承生产线项目');
      if (!m) throw new Error('no idle-land e-mail yet');
      return m;
    });
    expect(idle.text).toContain('超过约定开工日期（2027-02-01）400 天未动工，已满一年，依《闲置土地处置办法》征收土地闲置费 ¥6,000,000.00');
    const inbox = (await get(url('/me/inbox?pageSize=50'), li.headers)).body;
    expect(inbox['items'].map((n: { subject: string }) => n.subject)).toEqual(expect.arrayContaining(['违约金核定通知：高端轴承生产线项目', '闲置土地认定：高端轴承生产线项目']));
  });

  it('has, after its migrations, exactly the rules the code names', async () => {
    const rows: { event_type: string; recipients: string[]; channels: string[]; urgent: boolean }[] = await service.app.get(DataSource).query(`SELECT * FROM notification_rules ORDER BY event_type`);
    const byType = (a: { eventType: string }, b: { eventType: string }) => a.eventType.localeCompare(b.eventType);
    expect(rows.map((r) => ({ eventType: r.event_type, recipients: r.recipients, channels: r.channels, urgent: r.urgent })).sort(byType)).toEqual([...DEFAULT_RULES].sort(byType));
  });

  it('answers the rules a page at a time in the list envelope, by event type', async () => {
    const all = (await get(url('/rules?pageSize=100'))).body;
    expect(Object.keys(all).sort()).toEqual(ENVELOPE);
    expect(all).toMatchObject({ total: DEFAULT_RULES.length, page: 1, pageSize: 100 });
    // In the database's order of event types (its collation), every rule once.
    const byType = all['items'] as typeof DEFAULT_RULES;
    const local = (a: { eventType: string }, b: { eventType: string }) => a.eventType.localeCompare(b.eventType);
    // Each with the kind's Chinese name (the inbox's kind filter offers them).
    expect([...byType].sort(local)).toEqual([...DEFAULT_RULES].map((r) => ({ ...r, name: kindName(r.eventType) })).sort(local));
    expect(byType.find((r) => r.eventType === 'approval.item-granted')).toMatchObject({ name: '审批事项准予' });
    const enterprise = as({ sub: randomUUID(), name: '张伟', role: 'enterprise', zones: [], creditCode: '91350100M000100Y43' });
    expect((await get(url('/rules?page=2&pageSize=10'), enterprise)).body).toEqual({ items: byType.slice(10, 20), total: DEFAULT_RULES.length, page: 2, pageSize: 10 });
    expect((await get(url('/rules'))).body).toMatchObject({ items: byType.slice(0, 20), page: 1, pageSize: 20 });
    expect((await get(url('/rules?pageSize=101'))).status).toBe(400);
  });

  it('makes an officer a recipient of its zone the first time it looks', async () => {
    const officer = as({ sub: 'officer-wangfang', name: '王芳', role: 'zone-officer', zones: ['SX-ZGQ'], email: 'wangfang@sx.gov.cn' });
    expect((await get(url('/me/preferences'), officer)).body).toMatchObject({ name: '王芳', email: 'wangfang@sx.gov.cn', channels: ['inbox', 'email', 'webhook'] });
    const projectId = randomUUID();
    await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectSigned, projectId, payload: signed('zhaolei@example.cn', '13800000005', randomUUID()) }]);
    await eventually(async () => expect((await get(url('/me/inbox'), officer)).body['items'].map((i: { projectId: string }) => i.projectId)).toContain(projectId));
  });

  it('answers 400 with reasons on bad inbox and preference requests and changes nothing, 404 for a message that is not mine', async () => {
    const zhang = as({ sub: 'officer-quiet', name: '王芳', role: 'zone-officer', zones: ['SX-ZGQ'] });
    const before = (await get(url('/me/preferences'), zhang)).body;
    const bad = await put(url('/me/preferences'), { email: 'not-an-address', quietHours: { start: '25:00', end: '7:00' }, channels: ['fax'], webhookUrl: 'ftp://x', locale: 'fr' }, zhang);
    expect(bad.status).toBe(400);
    expect(bad.body['issues'].map((i: { field: string }) => i.field).sort()).toEqual(['channels', 'email', 'locale', 'quietHours.end', 'quietHours.start', 'webhookUrl']);
    expect((await put(url('/me/preferences'), { webhookSecret: 'short' }, zhang)).body['issues']).toEqual([{ field: 'webhookSecret', reason: 'webhookSecret 至少16个字符 (at least 16 characters)' }]);
    expect((await get(url('/me/preferences'), zhang)).body).toEqual(before);
    expect((await get(url('/me/inbox?pageSize=1000&unread=maybe'), zhang)).body['issues'].map((i: { field: string }) => i.field).sort()).toEqual(['pageSize', 'unread']);
    expect((await post(url(`/me/inbox/${randomUUID()}/read`), {}, zhang)).status).toBe(404);
    expect((await put(url('/me/preferences'), { quietHours: { start: '22:00', end: '07:00' } }, zhang)).body).toMatchObject({ quietHours: { start: '22:00', end: '07:00' }, locale: 'zh-CN' });
  });
});
