import { documentIssued, escapeHtml, renderDocument, zhDate, type DocumentCase } from './case-documents.html';

const c: DocumentCase['c'] = {
  id: '5a0c8b1e-0000-4000-8000-000000000001',
  projectCode: '2611-140100-04-01-00123X',
  projectName: '年产5万吨新型建材项目<script>alert(1)</script>',
  creditCode: '91350100M000100Y43',
  enterpriseName: '山西示例新材料有限公司 & "伙伴"',
  zoneCode: 'SX-ZGQ',
  openedOn: '2026-11-20',
  noticeNumber: 'GZ-SX-ZGQ-2026-AB12CD34',
  noticeIssuedOn: '2026-11-21',
  commitment: {
    scope: 'partial',
    itemCodes: ['C05'],
    committedDates: { start: '2027-03-01', completion: '2028-06-30', production: '2028-09-01' },
    submittedOn: '2026-11-22',
    actorId: 'ent-1',
    actorName: '张伟',
    declaration: '本企业郑重承诺：\n一、条件满足。',
    declarationVersion: 1,
    declarationConfirmedAt: '2026-11-22T02:00:00.000Z',
  },
  decisionNumber: 'PF-SX-ZGQ-2026-EF56GH78',
  grantedOn: '2026-11-28',
  status: 'GRANTED',
};
const item = (itemCode: string, name: string, extra: Partial<DocumentCase['items'][number]> = {}): DocumentCase['items'][number] => ({
  itemCode,
  name,
  department: '发展和改革局',
  regime: 'approval',
  procedure: 'approval',
  status: 'GRANTED',
  legalLimitDays: 3,
  promisedLimitDays: 1,
  documents: [{ code: 'D01', name: '项目备案申请表', tolerable: false }],
  decidedOn: '2026-11-21',
  missingDocuments: null,
  supplyBy: null,
  suppliedOn: null,
  revokedOn: null,
  revocationReason: null,
  ...extra,
});
const items = [
  item('A01', '企业投资项目备案'),
  item('C05', '环境影响评价报告表审批', { regime: 'committable', procedure: 'commitment', department: '生态环境局' }),
  item('C08', '城镇污水排入排水管网许可', { regime: 'committable', procedure: 'ordinary', department: '住房和城乡建设局', missingDocuments: [{ code: 'D20', name: '排水方案' }], status: 'GRANTED_PENDING_DOCUMENTS', supplyBy: '2026-12-15' }),
];
const entry = (act: DocumentCase['record'][number]['act'], actName: string, opinion: string, itemCode: string | null = null) => ({
  act,
  actName,
  itemCode,
  itemName: itemCode ? (items.find((i) => i.itemCode === itemCode)?.name ?? null) : null,
  opinion,
  actorId: 'sx-officer',
  actorName: '王审批',
  actorRoleName: '开发区审批窗口',
  on: '2026-11-21',
  at: '2026-11-21T01:00:00.000Z',
});
const record = [
  entry('notice', '发出告知书', '材料齐全，同意发出告知书'),
  entry('precheck-passed', '预审通过', '承诺内容完整，<b>同意</b>公示'),
  entry('grant', '准予', '符合备案条件，准予备案', 'A01'),
];
const doc: DocumentCase = { c, items, record };

describe('the case’s documents as printable pages', () => {
  it('exists only once the act that issues it has happened', () => {
    expect(documentIssued('notice', { noticeNumber: null, commitment: null, decisionNumber: null, grantedOn: null })).toBe(false);
    expect(documentIssued('notice', c)).toBe(true);
    expect(documentIssued('commitment', { ...c, commitment: null })).toBe(false);
    expect(documentIssued('commitment', c)).toBe(true);
    expect(documentIssued('decision', { ...c, decisionNumber: null })).toBe(false);
    expect(documentIssued('decision', c)).toBe(true);
    // A case from a 项目台账: the 文号 of a 批复 issued elsewhere, on a day not known here — not reprinted as if issued here.
    expect(documentIssued('decision', { ...c, grantedOn: null })).toBe(false);
  });

  it('escapes every value a person wrote, and carries no script', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    for (const kind of ['notice', 'commitment', 'decision'] as const) {
      const html = renderDocument(kind, doc);
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('年产5万吨新型建材项目&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('山西示例新材料有限公司 &amp; &quot;伙伴&quot;');
      expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
      expect(html).toContain('@media print');
      expect(html).toContain('@page { size: A4');
    }
    expect(renderDocument('commitment', doc)).toContain('承诺内容完整，&lt;b&gt;同意&lt;/b&gt;公示');
  });

  it('prints the 告知书: its number and date, the items with their documents, and the notice’s opinion', () => {
    const html = renderDocument('notice', doc);
    expect(html).toContain('<title>承诺制告知书 GZ-SX-ZGQ-2026-AB12CD34</title>');
    expect(html).toContain('编号：GZ-SX-ZGQ-2026-AB12CD34');
    expect(html).toContain('2026年11月21日');
    expect(html).toContain('一、审批事项（共 3 项）');
    expect(html).toContain('<td>A01</td><td>企业投资项目备案</td><td>发展和改革局</td><td>须审批</td><td>承诺 1 / 法定 3</td><td>项目备案申请表</td>');
    expect(html).toContain('材料齐全，同意发出告知书');
    expect(html).not.toContain('符合备案条件'); // a decision's opinion is not the notice's
    expect(html).toContain('经办人：王审批');
  });

  it('prints the 承诺书: scope, items by procedure, committed dates, the declaration as confirmed, the pre-check', () => {
    const html = renderDocument('commitment', doc);
    expect(html).toContain('部分承诺（其余可承诺事项按一般程序办理）');
    expect(html).toContain('一、按承诺制办理的事项（1 项）');
    expect(html).toContain('按一般程序办理的可承诺事项（1 项）');
    expect(html).toContain('<th>承诺开工日期</th><td>2027年3月1日</td>');
    expect(html).toContain('<div class="declaration">本企业郑重承诺：<br>一、条件满足。</div>');
    expect(html).toContain('企业已于 2026年11月22日 10:00 在线阅读并确认上述声明'); // in China's time
    expect(html).toContain('提交人：张伟');
    expect(html).toContain('预审通过');
    const older = renderDocument('commitment', { ...doc, c: { ...c, commitment: { ...c.commitment!, declaration: undefined, declarationConfirmedAt: undefined, actorName: undefined } } });
    expect(older).toContain('未记录声明原文');
    expect(older).toContain('提交人：ent-1');
  });

  it('prints the 批复: its number, each item’s decision (容缺 with its deadline, by commitment), and the decisions’ opinions', () => {
    const html = renderDocument('decision', doc);
    expect(html).toContain('编号：PF-SX-ZGQ-2026-EF56GH78');
    expect(html).toContain('<td>A01</td><td>企业投资项目备案</td><td>发展和改革局</td><td>审批</td><td>准予</td><td>2026年11月21日</td>');
    expect(html).toContain('依承诺准予');
    expect(html).toContain('容缺准予：排水方案，限 2026年12月15日 前补交');
    expect(html).toContain('符合备案条件，准予备案');
    expect(html).not.toContain('材料齐全，同意发出告知书');
    expect(renderDocument('decision', { ...doc, items: [item('C05', '环评', { procedure: 'commitment', status: 'REVOKED', revokedOn: '2026-11-29', revocationReason: '与承诺不符' })] })).toContain('已撤销（2026年11月29日，与承诺不符）');
  });

  it('writes dates the Chinese way', () => {
    expect(zhDate('2027-03-01')).toBe('2027年3月1日');
    expect(zhDate(null)).toBe('—');
  });
});
