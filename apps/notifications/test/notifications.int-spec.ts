import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { ApprovalCaseGranted, ItemGranted, parseEvent, PlotPublished, ProjectSigned, type NotificationFailedV1, type ProjectSignedV1 } from '@devzone/contracts';
import { startService, type RunningService } from '@devzone/platform';
import { createTestDatabase, dropTestDatabase, eventually, get, post, publishAs, put, readTopic, uniqueName } from '@devzone/testing';
import { AppModule } from '../src/app.module';
import { signWebhook } from '../src/domain/delivery';

const SECRET = 'webhook-secret-0123456789';

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
      },
    });
  });

  afterAll(async () => {
    await service?.close();
    await new Promise((resolve) => smtp?.close(() => resolve(null)));
    await new Promise((resolve) => hooks?.close(() => resolve(null)));
    await dropTestDatabase(name);
  });

  const signed = (email: string, mobile: string): ProjectSignedV1 => ({
    projectCode: '2611-140100-04-01-00123X',
    name: '年产5万吨新型建材项目',
    enterprise: { name: '山西示例新材料有限公司', creditCode: '91350100M000100Y43' },
    zoneCode: 'SX-ZGQ',
    industryCode: 'C3021',
    totalInvestment: 52000,
    fixedAssetInvestment: 41000,
    projectedAnnualOutput: 80000,
    landAreaMu: 120,
    usesStandardLand: true,
    wantsFullAgency: false,
    projectType: 'capital-construction',
    plannedDates: { start: '2027-03-01', completion: '2028-06-30', production: '2028-09-01' },
    signedOn: '2026-11-20',
    contacts: [{ name: '张伟', mobile, email }],
  });

  it('e-mails, webhooks (signed, retried through two 500s) and files in the inbox — once each, even when the event comes twice', async () => {
    const projectId = randomUUID();
    const enterprise = 'ent:13800000001';
    await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectSigned, projectId, payload: signed('zhangwei@example.cn', '13800000001') }]);

    const registered = await eventually(() => {
      const m = mails.find((x) => x.subject === '项目已登记：年产5万吨新型建材项目');
      if (!m) throw new Error('no registration e-mail yet');
      return m;
    });
    expect(registered.text).toContain('张伟您好，项目“年产5万吨新型建材项目”（2611-140100-04-01-00123X）已于 2026-11-20 签约登记，总投资 52,000 万元。');
    expect(registered.html).toContain('<h2>项目已登记：年产5万吨新型建材项目</h2>');
    expect(registered.to).toMatchObject({ value: [{ address: 'zhangwei@example.cn', name: '张伟' }] });

    expect((await put(url(`/recipients/${enterprise}/preferences`), { webhookUrl: hookUrl, webhookSecret: SECRET })).status).toBe(200);
    answers.push(500, 500);
    const event = { definition: ApprovalCaseGranted, projectId, id: randomUUID(), payload: { caseId: randomUUID(), decisionNumber: 'PF-SX-ZGQ-2026-9F8E7D6C', grantedOn: '2026-12-04' } };
    await publishAs(`${prefix}approval.events`, 'commitment-approval', [event]);
    await publishAs(`${prefix}approval.events`, 'commitment-approval', [event]); // the same event again

    await eventually(async () => expect(calls.filter((c) => c.status === 200)).toHaveLength(1), { timeoutMs: 30_000 });
    expect(calls.map((c) => c.status)).toEqual([500, 500, 200]);
    const delivered = calls[2];
    const timestamp = String(delivered.headers['x-devzone-timestamp']);
    expect(delivered.headers['x-devzone-signature']).toBe(`sha256=${signWebhook(SECRET, timestamp, delivered.body)}`);
    expect(JSON.parse(delivered.body)).toMatchObject({ eventId: event.id, eventType: 'approval.case-granted', recipientId: enterprise, subject: '承诺制审批已批复：年产5万吨新型建材项目' });

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
    const webhookLog = (await get(url(`/notifications/${log.find((n) => n.channel === 'webhook')!.id}`))).body;
    expect(webhookLog['deliveryLog'].map((a: { ok: boolean; responseCode: number }) => [a.ok, a.responseCode])).toEqual([
      [false, 500],
      [false, 500],
      [true, 200],
    ]);

    const inbox = (await get(url(`/recipients/${enterprise}/inbox`))).body;
    expect(inbox['items'].map((i: { subject: string }) => i.subject)).toEqual(['承诺制审批已批复：年产5万吨新型建材项目', '项目已登记：年产5万吨新型建材项目']);
    expect(inbox['unread']).toBe(2);
    expect((await post(url(`/recipients/${enterprise}/inbox/${inbox['items'][0].id}/read`))).body).toEqual({ unread: 1 });
    expect((await get(url(`/recipients/${enterprise}/inbox?unread=true`))).body['total']).toBe(1);

    // Still once each, a while later.
    await new Promise((r) => setTimeout(r, 1000));
    expect(mails.filter((x) => x.subject === '承诺制审批已批复：年产5万吨新型建材项目')).toHaveLength(1);
    expect(calls).toHaveLength(3);
  });

  it('retries an e-mail the SMTP server refuses, then marks it failed and publishes notification.failed', async () => {
    const projectId = randomUUID();
    await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectSigned, projectId, payload: signed('nobody@refuse.example.cn', '13800000002') }]);
    const failed = await eventually(
      async () => {
        const found = (await readTopic(`${prefix}notification.events`, 1)).map((m) => parseEvent<NotificationFailedV1>(m.value)).filter((e) => e.projectId === projectId);
        expect(found).toHaveLength(1);
        return found[0].payload;
      },
      { timeoutMs: 30_000 },
    );
    expect(failed).toMatchObject({ eventType: 'project.signed', recipientId: 'ent:13800000002', channel: 'email', attempts: 3, lastError: expect.stringMatching(/550|mailbox unavailable/) });
    const detail = (await get(url(`/notifications/${failed.notificationId}`))).body;
    expect(detail).toMatchObject({ status: 'failed', attempts: 3 });
    expect(detail['deliveryLog'].map((a: { ok: boolean; responseCode: number }) => [a.ok, a.responseCode])).toEqual([
      [false, 550],
      [false, 550],
      [false, 550],
    ]);
    // The inbox still has it.
    expect((await get(url('/recipients/ent:13800000002/inbox'))).body['total']).toBe(1);
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
      expect(log.map((n) => `${n.recipientId}/${n.channel}`).sort()).toEqual(['ent:13800000003/email', 'ent:13800000003/inbox']);
    });
  });

  it('answers 400 with reasons on bad inbox and preference requests, 404 for an unknown recipient', async () => {
    const bad = await put(url('/recipients/ent:13800000001/preferences'), { email: 'not-an-address', quietHours: { start: '25:00', end: '7:00' }, channels: ['fax'], webhookUrl: 'ftp://x', locale: 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body['issues'].map((i: { field: string }) => i.field).sort()).toEqual(['channels', 'email', 'locale', 'quietHours.end', 'quietHours.start', 'webhookUrl']);
    expect((await put(url('/recipients/ent:13800000001/preferences'), { webhookSecret: 'short' })).body['issues']).toEqual([
      { field: 'webhookSecret', reason: 'webhookSecret 至少16个字符 (at least 16 characters)' },
    ]);
    expect((await get(url('/recipients/ent:13800000001/inbox?pageSize=1000&unread=maybe'))).body['issues'].map((i: { field: string }) => i.field).sort()).toEqual(['pageSize', 'unread']);
    expect((await get(url('/recipients/bogus/inbox'))).status).toBe(400);
    expect((await get(url('/recipients/ent:19900000000/inbox'))).status).toBe(404);
    expect((await post(url(`/recipients/ent:13800000001/inbox/${randomUUID()}/read`))).status).toBe(404);
    expect((await post(url('/recipients'), { id: 'officer:wangfang', name: '王芳', zoneCode: 'SX-ZGQ', email: 'wangfang@sx.gov.cn', quietHours: { start: '22:00', end: '07:00' } })).status).toBe(201);
    expect((await get(url('/recipients/officer:wangfang/preferences'))).body).toMatchObject({ quietHours: { start: '22:00', end: '07:00' }, locale: 'zh-CN' });
  });
});
