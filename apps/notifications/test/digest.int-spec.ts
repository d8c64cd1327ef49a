import { signedProject } from './fixtures';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { AcceptancePassed, ApprovalCaseGranted, ItemGranted, ItemRejected, ProjectSigned, type ItemGrantedV1 } from '@devzone/contracts';
import { startService, type RunningService } from '@devzone/platform';
import { as, createTestDatabase, dropTestDatabase, eventually, get, post, publishAs, uniqueName } from '@devzone/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';

/** The digest window of this test: long enough for a case's events to arrive within it, short enough to wait for. */
const WINDOW_SECONDS = 8;
const PROJECT = '年产5万吨新型建材项目';

/** The 14 items one case grants, as commitment-approval grants them with the case (by the commitment). */
const ITEMS: [code: string, name: string, department: string][] = [
  ['A01', '企业投资项目备案', '发展和改革局'],
  ['A02', '建设用地规划许可证', '自然资源和规划局'],
  ['A03', '建设工程规划许可证', '自然资源和规划局'],
  ['A04', '施工图设计文件审查', '住房和城乡建设局'],
  ['A05', '消防设计审查', '住房和城乡建设局'],
  ['A06', '建筑工程施工许可证', '住房和城乡建设局'],
  ['A07', '人防工程审批', '住房和城乡建设局'],
  ['A08', '节能审查', '发展和改革局'],
  ['A09', '环境影响评价审批（报告表）', '生态环境局'],
  ['A10', '水土保持方案审批', '水利局'],
  ['A11', '取水许可', '水利局'],
  ['A12', '排水许可', '住房和城乡建设局'],
  ['A13', '城市道路挖掘许可', '城市管理局'],
  ['A14', '防雷装置设计审核', '气象局'],
];

interface Row {
  id: string;
  channel: string;
  status: string;
  attempts: number;
  digest: { id: string; subject: string; size: number; status: string } | null;
}

describe('notifications: one e-mail per recipient, project and digest window; one inbox entry per event', () => {
  const name = uniqueName('digest');
  const prefix = `${name}.`;
  let service: RunningService;
  let smtp: SMTPServer;
  const mails: ParsedMail[] = [];
  const url = (path: string) => `${service.url}${path}`;
  const userId = randomUUID();
  const enterprise = as({ sub: userId, name: '张伟', role: 'enterprise', zones: [], creditCode: '91350100M000100Y43' });
  const projectId = randomUUID();
  const caseId = randomUUID();

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          mails.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    service = await startService(AppModule, {
      service: 'notifications',
      databaseUrl: await createTestDatabase(name),
      topicPrefix: prefix,
      env: {
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String((smtp.server.address() as AddressInfo).port),
        NOTIFICATIONS_DISPATCH_INTERVAL_MS: '100',
        NOTIFICATIONS_RETRY_BASE_MS: '100',
        NOTIFICATIONS_DIGEST_SECONDS: String(WINDOW_SECONDS),
      },
    });
  });

  afterAll(async () => {
    await service?.close();
    await new Promise((resolve) => smtp?.close(() => resolve(null)));
    await dropTestDatabase(name);
  });

  const mailsTo = (address: string) => mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === address);
  const header = (m: ParsedMail, key: string) => String(m.headers.get(key) ?? '');
  const emailOf = async (eventId: string): Promise<Row> => ((await get(url(`/notifications?eventId=${eventId}`))).body['items'] as Row[]).find((n) => n.channel === 'email')!;
  const granted = ([itemCode, itemName, department]: (typeof ITEMS)[number]): ItemGrantedV1 => ({ caseId, itemCode, itemName, department, grantedOn: '2026-12-04', by: 'commitment' });

  it('sends the enterprise ONE e-mail listing the 14 items a case grants, files 14 inbox entries, and lets an urgent message through at once', async () => {
    await publishAs(`${prefix}project.events`, 'project-intake', [
      {
        definition: ProjectSigned,
        projectId,
        payload: signedProject({ email: 'zhangwei@example.cn', mobile: '13800000017', userId }, PROJECT),
      },
    ]);
    // One message in its window goes out as itself.
    await eventually(() => expect(mailsTo('zhangwei@example.cn').map((m) => m.subject)).toEqual([`项目已登记：${PROJECT}`]), { timeoutMs: 30_000 });

    // The case is granted: its 14 items by the commitment, then the case, as commitment-approval publishes them.
    const grants = await publishAs(`${prefix}approval.events`, 'commitment-approval', ITEMS.map((item) => ({ definition: ItemGranted, projectId, payload: granted(item) })));
    const [caseGranted] = await publishAs(`${prefix}approval.events`, 'commitment-approval', [{ definition: ApprovalCaseGranted, projectId, payload: { caseId, decisionNumber: 'PF-SX-ZGQ-2026-9F8E7D6C', grantedOn: '2026-12-04' } }]);
    // An urgent message in the same window waits for nothing and is not folded into the digest.
    const [rejected] = await publishAs(`${prefix}approval.events`, 'commitment-approval', [
      { definition: ItemRejected, projectId, payload: { caseId: randomUUID(), itemCode: 'B01', itemName: '临时占用城市道路许可', reason: '占道方案不符合交通组织要求', rejectedOn: '2026-12-04' } },
    ]);

    const digest = await eventually(
      () => {
        const found = mailsTo('zhangwei@example.cn').filter((m) => m.subject?.startsWith(`【${PROJECT}】`));
        expect(found).toHaveLength(1);
        return found[0];
      },
      { timeoutMs: 40_000 },
    );
    expect(digest.subject).toBe(`【${PROJECT}】15 条新消息：14 项审批事项已准予、审批通过（承诺制批复）`);
    const listed = digest.text!.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(listed).toHaveLength(15);
    // In the order they happened: the 14 items, then the case.
    expect(listed.slice(0, 14)).toEqual(ITEMS.map(([, itemName, department], i) => `${i + 1}. “${itemName}”（${department}）依告知承诺准予（2026-12-04）`));
    expect(listed[14]).toContain('15. 项目“年产5万吨新型建材项目”（2611-140100-04-01-00123X）已取得承诺制批复（PF-SX-ZGQ-2026-9F8E7D6C，2026-12-04）');
    expect(digest.html).toContain(`<h2>【${PROJECT}】15 条新消息`);
    const digestId = header(digest, 'x-devzone-digest-id');
    expect(digestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(digest.messageId).toBe(`<digest-${digestId}@notifications.devzone.local>`);
    expect(header(digest, 'x-devzone-event-id').split(/,\s*/).sort()).toEqual([...grants.map((g) => g.id), caseGranted.id].sort());

    // The urgent refusal went out on its own, before the digest.
    const all = mailsTo('zhangwei@example.cn').map((m) => m.subject);
    expect(all).toEqual([`项目已登记：${PROJECT}`, '审批事项不予许可：临时占用城市道路许可', digest.subject]);

    // Each event keeps its own delivery state, pointing at the one e-mail.
    // The SMTP server has the e-mail a moment before the dispatcher records it as sent.
    await eventually(async () => {
      for (const event of [...grants, caseGranted]) {
        const email = await emailOf(event.id);
        expect(email).toMatchObject({ status: 'sent', attempts: 1, digest: { id: digestId, size: 15, status: 'sent', subject: digest.subject } });
      }
    });
    expect((await emailOf(rejected.id)).digest).toMatchObject({ size: 1, subject: '审批事项不予许可：临时占用城市道路许可' });
    const detail = (await get(url(`/notifications/${(await emailOf(grants[0].id)).id}`))).body;
    expect(detail['deliveryLog'].map((a: { ok: boolean }) => a.ok)).toEqual([true]);

    // Still one digest a while later.
    await new Promise((r) => setTimeout(r, 1500));
    expect(mailsTo('zhangwei@example.cn')).toHaveLength(3);
  });

  it('files one inbox entry per event, urgent unread first, filtered by kind, project, urgency and unread', async () => {
    const inbox = (await get(url('/me/inbox?pageSize=100'), enterprise)).body;
    expect(inbox['total']).toBe(17); // registered, 14 grants, the case, the refusal
    expect(inbox['items'][0]).toMatchObject({ subject: '审批事项不予许可：临时占用城市道路许可', urgent: true, kindName: '审批事项不予许可', projectName: PROJECT });
    expect(inbox['items'].slice(1).every((i: { urgent: boolean }) => !i.urgent)).toBe(true);

    const grants = (await get(url('/me/inbox?eventType=approval.item-granted&pageSize=100'), enterprise)).body;
    expect(grants['total']).toBe(14);
    expect(grants['items'].map((i: { subject: string }) => i.subject).sort()).toEqual(ITEMS.map(([, n]) => `审批事项已准予：${n}`).sort());
    expect(grants['items'][0]).toMatchObject({ eventType: 'approval.item-granted', kindName: '审批事项准予', projectId, projectName: PROJECT });

    expect((await get(url('/me/inbox?urgent=true'), enterprise)).body).toMatchObject({ total: 1, items: [{ urgent: true }] });
    expect((await get(url('/me/inbox?urgent=false&pageSize=1'), enterprise)).body['total']).toBe(16);
    expect((await get(url(`/me/inbox?projectId=${projectId}&pageSize=1`), enterprise)).body['total']).toBe(17);
    expect((await get(url(`/me/inbox?projectId=${randomUUID()}`), enterprise)).body['total']).toBe(0);
    expect((await get(url('/me/inbox/unread-count'), enterprise)).body).toEqual({ unread: 17, urgent: 1 });

    // Read, the urgent entry takes its place by date (it is the newest); the count follows.
    expect((await post(url(`/me/inbox/${inbox['items'][0].id}/read`), {}, enterprise)).body).toEqual({ unread: 16, urgent: 0 });
    expect((await get(url('/me/inbox?unread=true&urgent=true'), enterprise)).body['total']).toBe(0);
    expect((await get(url('/me/inbox?unread=true&pageSize=1'), enterprise)).body['items'][0]).toMatchObject({ eventType: 'approval.case-granted', urgent: false });

    const bad = await get(url('/me/inbox?projectId=not-a-project&eventType=Approval%20granted&urgent=maybe'), enterprise);
    expect(bad.status).toBe(400);
    expect(bad.body['issues'].map((i: { field: string }) => i.field).sort()).toEqual(['eventType', 'projectId', 'urgent']);
  });

  it('sends the same digest again, never a second one, when the dispatcher dies between sending and recording it', async () => {
    const db = service.app.get(DataSource);
    const digestMail = mailsTo('zhangwei@example.cn').find((m) => m.subject?.startsWith(`【${PROJECT}】`))!;
    const digestId = header(digestMail, 'x-devzone-digest-id');
    const countDigests = async () => Number((await db.query(`SELECT count(*)::int AS n FROM email_digests WHERE project_id = $1`, [projectId]))[0].n);
    const before = await countDigests();
    // The state a crash after the SMTP server accepted it leaves: claimed, the lease run out, nothing recorded.
    await db.query(`UPDATE email_digests SET status = 'sending', lease_until = now() - interval '1 second' WHERE id = $1`, [digestId]);
    await db.query(`UPDATE notifications SET status = 'sending' WHERE digest_id = $1`, [digestId]);

    const copies = await eventually(() => {
      const found = mails.filter((m) => header(m, 'x-devzone-digest-id') === digestId);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(copies[1].messageId).toBe(copies[0].messageId);
    expect([copies[1].subject, copies[1].text]).toEqual([copies[0].subject, copies[0].text]);
    expect(await countDigests()).toBe(before);
    const members: { digest_id: string; status: string }[] = await db.query(`SELECT digest_id, status FROM notifications WHERE project_id = $1 AND channel = 'email' AND event_type = 'approval.item-granted'`, [projectId]);
    expect(members).toHaveLength(14);
    await eventually(async () => {
      const rows: { digest_id: string; status: string }[] = await db.query(`SELECT digest_id, status FROM notifications WHERE digest_id = $1`, [digestId]);
      expect(rows.map((r) => r.status)).toEqual(Array(15).fill('sent'));
    });
    expect(new Set(members.map((m) => m.digest_id))).toEqual(new Set([digestId]));
  });

  it('opens a new window after a digest went out: a later 容缺 grant is its own e-mail, saying 容缺准予 with its deadline; a passed 对标验收 is told to the enterprise', async () => {
    await publishAs(`${prefix}approval.events`, 'commitment-approval', [
      { definition: ItemGranted, projectId, payload: { ...granted(['A15', '排污许可', '生态环境局']), by: 'decision', missingDocuments: [{ code: 'D09', name: '监测方案' }], supplyBy: '2026-12-18' } },
    ]);
    const subject = '审批事项容缺准予（须于 2026-12-18 前补交监测方案）：排污许可';
    const mail = await eventually(() => {
      const found = mailsTo('zhangwei@example.cn').filter((m) => m.subject === subject);
      expect(found).toHaveLength(1);
      return found[0];
    }, { timeoutMs: 30_000 });
    expect(mail.text).toContain('已于 2026-12-04 容缺准予：请于 2026-12-18 前补交以下材料：监测方案。');

    await publishAs(`${prefix}approval.events`, 'commitment-approval', [{ definition: AcceptancePassed, projectId, payload: { caseId, acceptedOn: '2028-07-15' } }]);
    await eventually(async () => {
      const inbox = (await get(url('/me/inbox?eventType=approval.acceptance-passed'), enterprise)).body;
      expect(inbox['items'].map((i: { subject: string }) => i.subject)).toEqual([`对标验收通过：${PROJECT}`]);
    });
  });
});
