import { randomUUID } from 'node:crypto';
import { digestMessage, digestSubject, type DigestMember } from './digest';
import { render, type Locale } from './templates';

const project = { name: '年产5万吨新型建材项目', code: '2611-140100-04-01-00123X' };
const caseId = randomUUID();
const ITEMS: [code: string, name: string, department: string][] = [
  ['A01', '企业投资项目备案', '发展和改革局'],
  ['A02', '建设用地规划许可证', '自然资源和规划局'],
  ['A05', '消防设计审查', '住房和城乡建设局'],
];

/** A member as the notify service stores it: rendered from the event, in the recipient's language. */
function member(type: string, payload: Record<string, unknown>, locale: Locale = 'zh-CN'): DigestMember {
  const out = render(type, locale, { project, recipient: { name: '张伟' }, event: payload });
  return { eventType: type, subject: out.subject, text: out.text, html: out.html, line: out.line, payload };
}
const granted = ([itemCode, itemName, department]: (typeof ITEMS)[number], extra: Record<string, unknown> = {}) =>
  member('approval.item-granted', { caseId, itemCode, itemName, department, grantedOn: '2026-12-04', by: 'commitment', ...extra });

describe('digest e-mails', () => {
  it('lists several grants of one case in one message whose subject says how many and what', () => {
    const members = ITEMS.map((i) => granted(i));
    const out = digestMessage({ locale: 'zh-CN', recipientName: '张伟', project, members });
    expect(out.subject).toBe('【年产5万吨新型建材项目】3 项审批事项已准予');
    expect(out.text.split('\n')).toEqual([
      '张伟您好，',
      '项目“年产5万吨新型建材项目”（2611-140100-04-01-00123X）有 3 条新消息：',
      '1. “企业投资项目备案”（发展和改革局）依告知承诺准予（2026-12-04）',
      '2. “建设用地规划许可证”（自然资源和规划局）依告知承诺准予（2026-12-04）',
      '3. “消防设计审查”（住房和城乡建设局）依告知承诺准予（2026-12-04）',
      '每条消息也已发到平台“我的消息”，请登录查看。',
    ]);
    expect(out.html).toContain('<h2>【年产5万吨新型建材项目】3 项审批事项已准予</h2>');
    expect(out.html.match(/<li>/g)).toHaveLength(3);
  });

  it('sends a single message as it is', () => {
    const only = granted(ITEMS[0]);
    expect(digestMessage({ locale: 'zh-CN', recipientName: '张伟', project, members: [only] })).toEqual({ subject: only.subject, text: only.text, html: only.html });
  });

  it('counts the 容缺 grants in the subject and keeps their deadlines in the list', () => {
    const members = [granted(ITEMS[0]), granted(ITEMS[1], { by: 'decision', missingDocuments: [{ code: 'D04', name: '宗地图' }], supplyBy: '2026-12-18' })];
    const out = digestMessage({ locale: 'zh-CN', recipientName: '张伟', project, members });
    expect(out.subject).toBe('【年产5万吨新型建材项目】2 项审批事项已准予（其中 1 项容缺准予，须补交材料）');
    expect(out.text).toContain('2. “建设用地规划许可证”（自然资源和规划局）容缺准予，须于 2026-12-18 前补交宗地图（2026-12-04）');
  });

  it('names the most frequent kinds of a mixed digest, and lists every message (the text where a kind has no line)', () => {
    const members = [
      ...ITEMS.map((i) => granted(i)),
      member('approval.case-granted', { caseId, decisionNumber: 'PF-SX-ZGQ-2026-9F8E7D6C', grantedOn: '2026-12-04' }),
      member('project.stage-changed', { projectCode: project.code, from: 'APPROVING', to: 'READY_TO_START', trigger: 'APPROVALS_GRANTED' }),
    ];
    const input = { locale: 'zh-CN' as const, recipientName: '张伟', project, members };
    expect(digestSubject(input)).toBe('【年产5万吨新型建材项目】5 条新消息：3 项审批事项已准予、审批通过（承诺制批复）等');
    const text = digestMessage(input).text;
    expect(text).toContain('4. 项目“年产5万吨新型建材项目”（2611-140100-04-01-00123X）已取得承诺制批复（PF-SX-ZGQ-2026-9F8E7D6C，2026-12-04），审批事项全部办结。');
    expect(text).toContain('5. 项目“年产5万吨新型建材项目”（2611-140100-04-01-00123X）由“审批中”进入“具备开工条件”。');
  });

  it('writes English for a recipient who reads English', () => {
    const members = ITEMS.map(([itemCode, itemName, department]) => member('approval.item-granted', { caseId, itemCode, itemName, department, grantedOn: '2026-12-04', by: 'commitment' }, 'en'));
    const out = digestMessage({ locale: 'en', recipientName: 'Zhang Wei', project, members });
    expect(out.subject).toBe('[年产5万吨新型建材项目] 3 approval items granted');
    expect(out.text.split('\n')[0]).toBe('Dear Zhang Wei,');
    expect(out.text).toContain('1. "企业投资项目备案" (发展和改革局) granted on 2026-12-04');
  });

  it('escapes what it lists in the HTML body', () => {
    const members = [granted(['A01', '<b>备案</b>', '发展和改革局']), granted(ITEMS[1])];
    expect(digestMessage({ locale: 'zh-CN', recipientName: '张伟', project, members }).html).toContain('&lt;b&gt;备案&lt;/b&gt;');
  });

  it('uses the text for members stored before lines existed', () => {
    const members = ITEMS.slice(0, 2).map((i) => ({ ...granted(i), line: null }));
    const out = digestMessage({ locale: 'zh-CN', recipientName: '张伟', project, members });
    expect(out.text).toContain(`1. ${members[0].text}`);
  });
});

