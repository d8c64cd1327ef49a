import { createHmac, randomUUID } from 'node:crypto';
import { buildEvent, findEventDefinition, knownVersions } from '@devzone/contracts';
import { digestDue, notBefore, retryDelay, signWebhook } from './delivery';
import { DEFAULT_RULES } from './rules';
import { LOCALES, render, TEMPLATES } from './templates';

const caseId = randomUUID();
const results = [
  { code: 'tax-per-mu', nameZh: '亩均税收', unit: '万元/亩·年', comparator: 'gte' as const, target: 25, measured: 18, passed: false, shortfall: 7, shortfallPercent: 28 },
  { code: 'output-per-mu', nameZh: '亩均产值', unit: '万元/亩·年', comparator: 'gte' as const, target: 500, measured: 620, passed: true, shortfall: 0, shortfallPercent: 0 },
];

/** A valid payload for every event type a rule names (built against its contract below). */
export const SAMPLES: Record<string, object> = {
  'project.account-invited': {
    userId: 'b1d0c7e2-3f4a-4c5d-9e8f-0a1b2c3d4e5f', username: '13800000000', name: '张伟', email: 'zhangwei@example.cn', role: 'enterprise', enterpriseName: '山西示例新材料有限公司',
    setPasswordUrl: 'http://127.0.0.1:3000/invite#token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', expiresAt: '2026-12-02T13:30:00.000Z',
  },
  'project.signed': {
    projectCode: '2611-140100-04-01-00123X', name: '年产5万吨新型建材项目', enterprise: { name: '山西示例新材料有限公司', creditCode: '91350100M000100Y43' }, zoneCode: 'SX-ZGQ', industryCode: 'C3021',
    totalInvestment: 52000, fixedAssetInvestment: 41000, projectedAnnualOutput: 80000, landAreaMu: 120, usesStandardLand: true, wantsFullAgency: true, projectType: 'capital-construction',
    plannedDates: { start: '2027-03-01', completion: '2028-06-30', production: '2028-09-01' }, signedOn: '2026-11-20', contacts: [{ name: '张伟', mobile: '13800000000' }],
  },
  'project.stage-changed': { projectCode: '2611-140100-04-01-00123X', from: 'APPROVING', to: 'READY_TO_START', trigger: 'APPROVALS_GRANTED' },
  'approval.notice-issued': { caseId, noticeNumber: 'GZ-SX-ZGQ-2026-1A2B3C4D', issuedOn: '2026-11-27', itemCodes: ['A01', 'C01'] },
  'approval.commitment-submitted': { caseId, scope: 'all', itemCodes: ['C01'], committedDates: { start: '2027-03-01', completion: '2028-06-30', production: '2028-09-01' }, submittedOn: '2026-11-27' },
  'approval.publicity-ended': { caseId, endedOn: '2026-12-04' },
  'approval.corrections-requested': { caseId, itemCode: 'A02', itemName: '建设用地规划许可证', corrections: '宗地图比例尺不符', requestedOn: '2026-11-27' },
  'approval.item-granted': { caseId, itemCode: 'A02', itemName: '建设用地规划许可证', department: '自然资源和规划局', grantedOn: '2026-11-27', by: 'decision', missingDocuments: [{ code: 'D04', name: '宗地图' }], supplyBy: '2026-12-11' },
  'approval.item-rejected': { caseId, itemCode: 'A03', itemName: '环境影响评价审批（报告书）', reason: '选址位于饮用水源保护区', rejectedOn: '2026-11-27' },
  'approval.case-granted': { caseId, decisionNumber: 'PF-SX-ZGQ-2026-9F8E7D6C', grantedOn: '2026-12-04' },
  'approval.item-due-soon': { caseId, itemCode: 'A05', itemName: '消防设计审查', department: '住房和城乡建设局', dueOn: '2026-12-01', workingDaysLeft: 2 },
  'approval.item-overdue': { caseId, itemCode: 'A05', itemName: '消防设计审查', department: '住房和城乡建设局', dueOn: '2026-12-01', workingDaysLate: 3 },
  'approval.acceptance-passed': { caseId, acceptedOn: '2028-07-15' },
  'approval.acceptance-failed': { caseId, checkedOn: '2028-07-15', reasons: ['投资强度低于承诺值'], rectifyBy: '2028-10-13' },
  'approval.blacklisted': { creditCode: '91350100M000100Y43', enterpriseName: '山西示例新材料有限公司', reason: '一般失信记录 3 条未整改', since: '2027-01-05' },
  'approval.item-applied': { caseId, itemCode: 'A05', itemName: '消防设计审查', department: '住房和城乡建设局', appliedOn: '2026-11-30', acceptanceDueOn: '2026-12-07' },
  'approval.item-accepted': { caseId, itemCode: 'A05', itemName: '消防设计审查', department: '住房和城乡建设局', procedure: 'approval', acceptedOn: '2026-12-01', deemed: false, legalDueOn: '2026-12-22', promisedDueOn: '2026-12-10' },
  'approval.item-paused': { caseId, itemCode: 'A05', itemName: '消防设计审查', department: '住房和城乡建设局', reason: 'expert-review', pausedOn: '2026-12-03', note: '组织专家评审' },
  'approval.item-resumed': { caseId, itemCode: 'A05', itemName: '消防设计审查', department: '住房和城乡建设局', reason: 'expert-review', resumedOn: '2026-12-10', pausedWorkingDays: 5, legalDueOn: '2026-12-29', promisedDueOn: '2026-12-17' },
  'approval.rectification-ordered': { caseId, round: 1, reasons: ['投资强度低于承诺值'], orderedOn: '2028-07-15', rectifyBy: '2028-10-13' },
  'approval.breach-recorded': { recordId: randomUUID(), caseId, creditCode: '91350100M000100Y43', enterpriseName: '山西示例新材料有限公司', severity: 'major', reason: '对标验收整改后复查仍未通过', recordedOn: '2028-10-20', rectifyBy: '2029-01-18' },
  'approval.grant-revoked': { caseId, itemCode: 'C05', itemName: '环境影响评价审批（报告表）', department: '生态环境局', reason: '环评报告表与实际建设内容不符', revokedOn: '2026-12-20', caseReopened: true },
  'approval.commitment-date-missed': { caseId, milestone: 'start', committedOn: '2027-03-01', daysLate: 91, level: 'record' },
  'approval.credit-repaired': { recordId: randomUUID(), caseId, creditCode: '91350100M000100Y43', enterpriseName: '山西示例新材料有限公司', severity: 'general', repairedOn: '2027-04-10' },
  'approval.blacklist-lifted': { creditCode: '91350100M000100Y43', enterpriseName: '山西示例新材料有限公司', liftedOn: '2027-04-10' },
  'land.plot-reserved': { plotId: randomUUID(), plotCode: 'SX-ZGQ-2026-017', areaMu: 100, reservedOn: '2026-11-27' },
  'land.contract-signed': { plotCode: 'SX-ZGQ-2026-017', contractNumber: '晋综示让〔2026〕17号', signedOn: '2026-11-27', areaMu: 100, landPriceFen: 3_000_000_000, agreedDates: { start: '2027-02-01', completion: '2028-05-31' } },
  'land.check-passed': { plotCode: 'SX-ZGQ-2026-017', stage: 'completion', checkedOn: '2028-06-30', results: [results[1]] },
  'land.check-failed': { plotCode: 'SX-ZGQ-2026-017', stage: 'full-production', checkedOn: '2030-06-30', results, rectifyBy: '2031-06-30', recheck: false },
  'land.indicator-at-risk': { plotCode: 'SX-ZGQ-2026-017', period: '2029-Q3', reportedOn: '2029-08-15', indicators: [{ code: 'tax-per-mu', nameZh: '亩均税收', unit: '万元/亩·年', target: 25, measured: 18 }] },
  'land.penalty-assessed': { plotCode: 'SX-ZGQ-2026-017', reason: 'check-failed', amountFen: 150_000_000, lines: [{ code: 'tax-per-mu', formula: 'land-price-share', amountFen: 150_000_000 }], capped: false, assessedOn: '2031-07-01' },
  'land.idle-land': { plotCode: 'SX-ZGQ-2026-017', level: 'fee', agreedStart: '2027-02-01', daysIdle: 400, feeFen: 600_000_000 },
  'agency.task-overdue': { delegationId: randomUUID(), taskId: randomUUID(), title: '供电接入', agentId: 'agent-zhangmin', dueOn: '2026-12-01', workingDaysLate: 2 },
  'land.rectification-due': { plotCode: 'SX-ZGQ-2026-017', stage: 'full-production', indicators: ['tax-per-mu'], rectifyBy: '2031-06-30' },
  'agency.agent-assigned': { delegationId: randomUUID(), agentId: 'agent-zhangmin', agentName: '张敏', agentMobile: '13511110002', assignedBy: 'auto' },
  'agency.task-escalated': { delegationId: randomUUID(), taskId: randomUUID(), title: '供电接入', agentId: 'agent-zhangmin', teamLeadId: 'agent-liuyang', dueOn: '2026-12-01', workingDaysLate: 4 },
  'agency.delegation-closed': { delegationId: randomUUID(), closedOn: '2027-02-01', agentId: 'agent-zhangmin', tasksDelivered: 16 },
};

const context = (type: string) => {
  const definition = findEventDefinition(type, Math.max(...knownVersions(type))); // what is published now
  if (!definition) throw new Error(`no contract for ${type}`);
  const event = buildEvent(definition, { projectId: randomUUID(), source: 'test', payload: SAMPLES[type] }); // validates the sample
  return { project: { name: '年产5万吨新型建材项目', code: '2611-140100-04-01-00123X', enterpriseName: '山西示例新材料有限公司' }, recipient: { name: '张伟' }, event: event.payload };
};

describe('notification templates', () => {
  it('has a template in both languages for every rule, and a sample event for every template', () => {
    expect(DEFAULT_RULES.map((r) => r.eventType).sort()).toEqual(Object.keys(TEMPLATES).sort());
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(TEMPLATES).sort());
  });

  it.each(DEFAULT_RULES.flatMap((r) => LOCALES.map((l) => [r.eventType, l] as const)))('renders %s in %s with every variable present', (type, locale) => {
    const out = render(type, locale, context(type));
    expect(out.subject.length).toBeGreaterThan(3);
    expect(out.text).not.toMatch(/undefined|\[object Object\]|\{\{/);
    expect(out.html).toContain(out.subject.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    if (locale === 'zh-CN') expect(out.subject + out.text).toMatch(/\p{Script=Han}/u);
  });

  it('fails on a missing variable instead of printing nothing', () => {
    const ctx = context('approval.case-granted');
    expect(() => render('approval.case-granted', 'zh-CN', { ...ctx, event: { caseId } })).toThrow(/decisionNumber/);
  });

  it('says the facts in Chinese: money in 元, shortfalls per indicator', () => {
    expect(render('land.check-failed', 'zh-CN', context('land.check-failed')).text).toBe(
      '项目“年产5万吨新型建材项目”（2611-140100-04-01-00123X）的标准地指标达产复核未通过：亩均税收差 7 万元/亩·年（28%）。请于 2031-06-30 前整改并申请复查；复查仍不达标或逾期未整改的，按履约协议承担违约金。',
    );
    expect(render('land.penalty-assessed', 'zh-CN', { ...context('land.penalty-assessed'), event: { ...SAMPLES['land.penalty-assessed'], reason: 'recheck-failed' } }).text).toBe(
      '项目“年产5万吨新型建材项目”（2611-140100-04-01-00123X）标准地指标整改后复查仍未达标，依据履约协议于 2031-07-01 核定违约金 ¥1,500,000.00。',
    );
  });

  it('says 容缺准予 with the deadline and the documents, never a plain 已准予, for a grant with documents missing', () => {
    const missing = render('approval.item-granted', 'zh-CN', context('approval.item-granted'));
    expect(missing.subject).toBe('审批事项容缺准予（须于 2026-12-11 前补交宗地图）：建设用地规划许可证');
    expect(missing.subject).not.toContain('已准予');
    expect(missing.text).toBe('项目“年产5万吨新型建材项目”（2611-140100-04-01-00123X）的“建设用地规划许可证”（自然资源和规划局）已于 2026-11-27 容缺准予：请于 2026-12-11 前补交以下材料：宗地图。');
    expect(missing.line).toBe('“建设用地规划许可证”（自然资源和规划局）容缺准予，须于 2026-12-11 前补交宗地图（2026-11-27）');
    expect(render('approval.item-granted', 'en', context('approval.item-granted')).subject).toBe('Item granted with documents missing (supply by 2026-12-11): 建设用地规划许可证');

    const { missingDocuments: _d, supplyBy: _s, ...full } = SAMPLES['approval.item-granted'] as Record<string, unknown>;
    const plain = render('approval.item-granted', 'zh-CN', { ...context('approval.item-granted'), event: full });
    expect(plain.subject).toBe('审批事项已准予：建设用地规划许可证');
    expect(plain.text).not.toContain('容缺');
    const committed = render('approval.item-granted', 'zh-CN', { ...context('approval.item-granted'), event: { ...full, by: 'commitment' } });
    expect(committed.text).toContain('已于 2026-11-27 依告知承诺准予。');
  });

  it('names the land check in the subject: 竣工验收 and 达产复核 differ, and a re-check says so', () => {
    const passed = (stage: string, recheck?: boolean) =>
      render('land.check-passed', 'zh-CN', { ...context('land.check-passed'), event: { ...SAMPLES['land.check-passed'], stage, ...(recheck ? { recheck } : {}) } }).subject;
    expect(passed('completion')).toBe('标准地竣工验收通过：年产5万吨新型建材项目');
    expect(passed('full-production')).toBe('标准地达产复核通过：年产5万吨新型建材项目');
    expect(passed('full-production', true)).toBe('标准地达产复核整改后复查通过：年产5万吨新型建材项目');
    const failed = (stage: string, recheck: boolean) => render('land.check-failed', 'zh-CN', { ...context('land.check-failed'), event: { ...SAMPLES['land.check-failed'], stage, recheck } }).subject;
    expect(failed('completion', false)).toBe('标准地竣工验收未达标：年产5万吨新型建材项目');
    expect(failed('full-production', false)).toBe('标准地达产复核未达标：年产5万吨新型建材项目');
    expect(failed('full-production', true)).toBe('标准地达产复核整改后复查未达标：年产5万吨新型建材项目');
    expect(render('land.check-passed', 'en', context('land.check-passed')).subject).toBe('Land completion check passed: 年产5万吨新型建材项目');
  });

  it('tells the approval deadline check from the agency deadline check by subject, for the same item', () => {
    const item = '消防设计审查';
    const approval = render('approval.item-overdue', 'zh-CN', { ...context('approval.item-overdue'), event: { ...SAMPLES['approval.item-overdue'], itemName: item } }).subject;
    const agency = render('agency.task-overdue', 'zh-CN', { ...context('agency.task-overdue'), event: { ...SAMPLES['agency.task-overdue'], title: item } }).subject;
    const escalated = render('agency.task-escalated', 'zh-CN', { ...context('agency.task-escalated'), event: { ...SAMPLES['agency.task-escalated'], title: item } }).subject;
    const dueSoon = render('approval.item-due-soon', 'zh-CN', context('approval.item-due-soon')).subject;
    expect(approval).toBe('审批超期 3 个工作日：消防设计审查（住房和城乡建设局）');
    expect(agency).toBe('代办超期 2 个工作日：消防设计审查');
    expect(escalated).toBe('代办督办（超期 4 个工作日）：消防设计审查');
    expect(dueSoon).toBe('审批时限将到：消防设计审查（住房和城乡建设局，2026-12-01 到期）');
    expect(new Set([approval, agency, escalated, dueSoon]).size).toBe(4);
    for (const locale of LOCALES) {
      const subjects = ['approval.item-overdue', 'agency.task-overdue'].map((t) => render(t, locale, { ...context(t), event: { ...SAMPLES[t], itemName: item, title: item, workingDaysLate: 2 } }).subject);
      expect(subjects[0]).not.toBe(subjects[1]);
    }
  });

  it('tells the enterprise that its 对标验收 passed', () => {
    const out = render('approval.acceptance-passed', 'zh-CN', context('approval.acceptance-passed'));
    expect(out.subject).toBe('对标验收通过：年产5万吨新型建材项目');
    expect(out.text).toBe('项目“年产5万吨新型建材项目”（2611-140100-04-01-00123X）已于 2028-07-15 通过对标验收，达到承诺的建设标准，可以投产。');
    expect(DEFAULT_RULES.find((r) => r.eventType === 'approval.acceptance-passed')).toEqual({ eventType: 'approval.acceptance-passed', recipients: ['enterprise'], channels: ['inbox', 'email', 'webhook'], urgent: false });
  });

  it('gives every message a line for a digest: the template’s own, or its text', () => {
    expect(render('approval.item-accepted', 'zh-CN', context('approval.item-accepted')).line).toBe('“消防设计审查”（住房和城乡建设局）受理，承诺 2026-12-10 前办结');
    const signed = render('project.signed', 'zh-CN', context('project.signed'));
    expect(signed.line).toBe(signed.text);
  });

  it('invites with the sign-in name, the deadline in Beijing time and a link that can be clicked in the e-mail', () => {
    const { project: _none, ...noProject } = context('project.account-invited'); // a staff invitation has no project
    const out = render('project.account-invited', 'zh-CN', noProject);
    expect(out.text).toContain('登录名：13800000000');
    expect(out.text).toContain('请在 2026-12-02 21:30（北京时间）前');
    expect(out.html).toContain('<a href="http://127.0.0.1:3000/invite#token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG">');
  });
});

describe('delivery', () => {
  it('backs off exponentially with jitter between half and the whole delay, capped', () => {
    expect([1, 2, 3, 4].map((a) => retryDelay(a, 1000, 5000, () => 0))).toEqual([500, 1000, 2000, 2500]);
    expect([1, 2, 3, 4].map((a) => retryDelay(a, 1000, 5000, () => 1))).toEqual([1000, 2000, 4000, 5000]);
  });

  it('signs webhooks with HMAC-SHA256 over the timestamp and the body', () => {
    const expected = createHmac('sha256', 'a-long-enough-secret').update('1795824000.{"a":1}').digest('hex');
    expect(signWebhook('a-long-enough-secret', '1795824000', '{"a":1}')).toBe(expected);
  });

  it('holds non-urgent messages until the end of quiet hours, China time, across midnight', () => {
    const quiet = { start: '22:00', end: '07:30' };
    // 23:10 in China (15:10 UTC) → 07:30 China (23:30 UTC)
    expect(notBefore(new Date('2026-11-27T15:10:00Z'), quiet).toISOString()).toBe('2026-11-27T23:30:00.000Z');
    // 06:00 China → 07:30 the same morning
    expect(notBefore(new Date('2026-11-27T22:00:00Z'), quiet).toISOString()).toBe('2026-11-27T23:30:00.000Z');
    const noon = new Date('2026-11-28T04:00:00Z');
    expect(notBefore(noon, quiet)).toBe(noon);
    expect(notBefore(noon, null)).toBe(noon);
  });

  it('holds a non-urgent e-mail for the digest window: the first opens it, later ones join it, quiet hours still hold', () => {
    const noon = new Date('2026-11-28T04:00:00Z'); // 12:00 China
    const minute = 60_000;
    expect(digestDue(noon, minute, null, null).toISOString()).toBe('2026-11-28T04:01:00.000Z');
    const open = new Date('2026-11-28T04:00:40Z');
    expect(digestDue(noon, minute, open, null)).toBe(open);
    // A window already due is not joined: a new one opens.
    expect(digestDue(noon, minute, new Date('2026-11-28T03:59:59Z'), null).toISOString()).toBe('2026-11-28T04:01:00.000Z');
    // Its end inside quiet hours (21:59:30 China + 60 s): at the end of them.
    expect(digestDue(new Date('2026-11-28T13:59:30Z'), minute, null, { start: '22:00', end: '07:30' }).toISOString()).toBe('2026-11-28T23:30:00.000Z');
    // Window 0: at once, each on its own.
    expect(digestDue(noon, 0, open, null).toISOString()).toBe(noon.toISOString());
  });
});
