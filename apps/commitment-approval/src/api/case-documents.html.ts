import type { CaseRecordEntryView } from './case.views';
import type { CaseItemOrm, CaseOrm } from '../infrastructure/orm-entities';
import { MILESTONE_ZH, MILESTONES } from '../domain/committed-dates';
import { PROCEDURE_ZH } from '../domain/item-clock';

/**
 * The three documents of a 承诺制 case as printable pages in Chinese (GET
 * /cases/:id/documents/<kind>): the 告知书 (what the enterprise must do, item by
 * item), the 承诺书 (what it committed to, with the declaration it confirmed) and
 * the 批复决定书 (what was granted, and on whose opinion). Built from the case as
 * stored, every value escaped; plain HTML with print CSS, no script.
 */
export const DOCUMENT_KINDS = ['notice', 'commitment', 'decision'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_ZH: Record<DocumentKind, string> = { notice: '承诺制告知书', commitment: '承诺书', decision: '承诺制批复决定书' };

type DocumentCaseFacts = Pick<
  CaseOrm,
  'id' | 'projectCode' | 'projectName' | 'creditCode' | 'enterpriseName' | 'zoneCode' | 'openedOn' | 'noticeNumber' | 'noticeIssuedOn' | 'commitment' | 'decisionNumber' | 'grantedOn' | 'status'
>;
type DocumentItem = Pick<
  CaseItemOrm,
  'itemCode' | 'name' | 'department' | 'regime' | 'procedure' | 'status' | 'legalLimitDays' | 'promisedLimitDays' | 'documents' | 'decidedOn' | 'missingDocuments' | 'supplyBy' | 'suppliedOn' | 'revokedOn' | 'revocationReason'
>;

export interface DocumentCase {
  c: DocumentCaseFacts;
  items: DocumentItem[];
  record: CaseRecordEntryView[];
}

/** Whether the document exists yet: the act that issues it has happened. */
export function documentIssued(kind: DocumentKind, c: Pick<CaseOrm, 'noticeNumber' | 'commitment' | 'decisionNumber' | 'grantedOn'>): boolean {
  // A case brought in from a 项目台账 carries the 文号 of a 批复 issued outside this system (no date here): not reprinted as if issued here.
  return kind === 'notice' ? !!c.noticeNumber : kind === 'commitment' ? !!c.commitment : !!c.decisionNumber && !!c.grantedOn;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as HTML: every value that comes from a request or a person goes through here. */
export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
/** Several lines of text (an opinion, the declaration) as paragraphs' lines. */
const lines = (value: string | null | undefined) => escapeHtml(value ?? '').replace(/\r?\n/g, '<br>');

/** 2026-11-30 → 2026年11月30日. */
export function zhDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '—';
}

/** A moment in China's time (UTC+8, no daylight saving): 2026年11月22日 10:00. */
export function zhDateTime(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${zhDate(shifted)} ${shifted.slice(11, 16)}`;
}

const REGIME_ZH: Record<string, string> = { committable: '可承诺', approval: '须审批' };

const CSS = `
  @page { size: A4; margin: 20mm 18mm; }
  * { box-sizing: border-box; }
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif; color: #000; background: #f2f2f2; margin: 0; line-height: 1.75; font-size: 15px; }
  .sheet { background: #fff; max-width: 210mm; margin: 16px auto; padding: 20mm 18mm; box-shadow: 0 0 6px rgba(0,0,0,.25); }
  h1 { text-align: center; font-size: 24px; letter-spacing: 4px; margin: 0 0 4px; }
  .number { text-align: center; margin: 0 0 20px; }
  h2 { font-size: 17px; margin: 20px 0 8px; }
  table { width: 100%; border-collapse: collapse; margin: 6px 0 12px; }
  th, td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; text-align: left; }
  th { background: #eee; font-weight: bold; }
  table.facts th { width: 8em; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  .declaration { border: 1px solid #000; padding: 10px 12px; }
  .signature { margin-top: 28px; text-align: right; }
  .hint { max-width: 210mm; margin: 16px auto 0; color: #333; font-family: sans-serif; font-size: 13px; }
  @media print {
    body { background: #fff; font-size: 12pt; }
    .sheet { box-shadow: none; margin: 0; padding: 0; max-width: none; }
    .screen-only { display: none; }
  }
`;

function page(kind: DocumentKind, number: string | null, body: string): string {
  const title = `${DOCUMENT_ZH[kind]}${number ? ` ${number}` : ''}`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<p class="hint screen-only">打印：使用浏览器的打印功能（Ctrl+P 或 ⌘P），页面按 A4 排版，打印时不含此提示。</p>
<main class="sheet">
<h1>${escapeHtml(DOCUMENT_ZH[kind])}</h1>
${number ? `<p class="number">编号：${escapeHtml(number)}</p>` : ''}
${body}
</main>
</body>
</html>
`;
}

function facts(rows: [string, string][]): string {
  return `<table class="facts"><tbody>${rows.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${value}</td></tr>`).join('')}</tbody></table>`;
}

function partyFacts(c: DocumentCaseFacts): [string, string][] {
  return [
    ['企业名称', escapeHtml(c.enterpriseName)],
    ['统一社会信用代码', escapeHtml(c.creditCode)],
    ['项目名称', escapeHtml(c.projectName)],
    ['项目代码', escapeHtml(c.projectCode)],
    ['开发区', escapeHtml(c.zoneCode)],
  ];
}

function table(head: string[], rows: string[][], empty: string): string {
  if (!rows.length) return `<p>${escapeHtml(empty)}</p>`;
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The acts of the record (those `keep` selects) with their opinions: the 审查意见 section of a document. */
function opinions(record: CaseRecordEntryView[], keep: (e: CaseRecordEntryView) => boolean, empty: string): string {
  const rows = record
    .filter(keep)
    .map((e) => [escapeHtml(e.actName), e.itemCode ? `${escapeHtml(e.itemCode)} ${escapeHtml(e.itemName ?? '')}` : '—', lines(e.opinion), `${escapeHtml(e.actorName)}（${escapeHtml(e.actorRoleName)}）`, zhDate(e.on)]);
  return table(['行为', '事项', '审查意见', '审查人', '日期'], rows, empty);
}

function committedDates(c: DocumentCaseFacts): string {
  const dates = c.commitment?.committedDates;
  if (!dates) return '';
  return `<h2>承诺日期</h2>${facts(MILESTONES.map((m) => [`承诺${MILESTONE_ZH[m]}日期`, zhDate(dates[m])]))}`;
}

function noticeHtml({ c, items, record }: DocumentCase): string {
  const rows = items.map((i) => [
    escapeHtml(i.itemCode),
    escapeHtml(i.name),
    escapeHtml(i.department),
    escapeHtml(REGIME_ZH[i.regime] ?? i.regime),
    `承诺 ${i.promisedLimitDays} / 法定 ${i.legalLimitDays}`,
    i.documents.length ? i.documents.map((d) => `${escapeHtml(d.name)}${d.tolerable ? '（可容缺）' : ''}`).join('；') : '无',
  ]);
  const notice = record.filter((e) => e.act === 'notice').at(-1);
  return page(
    'notice',
    c.noticeNumber,
    `${facts([...partyFacts(c), ['立案日期', zhDate(c.openedOn)], ['发出日期', zhDate(c.noticeIssuedOn)]])}
<p>${escapeHtml(c.enterpriseName)}：</p>
<p>根据企业投资项目承诺制有关规定，现将贵企业“${escapeHtml(c.projectName)}”须办理的审批事项、办理条件及承诺要求告知如下。</p>
<h2>一、审批事项（共 ${items.length} 项）</h2>
${table(['编码', '事项', '办理部门', '类别', '时限（工作日）', '须提交的材料'], rows, '本项目没有须办理的审批事项')}
<h2>二、承诺要求</h2>
<p>1. 可承诺事项由企业自愿选择承诺制或一般程序。选择承诺制的，企业提交承诺书，承诺自身能够满足办理条件、标准和技术要求，并承诺开工、竣工、投产日期；经预审、公示后随批复一并准予。选择一般程序的，材料齐全后申请，按法定时限审批。</p>
<p>2. 须审批事项由企业按规定申请，办理部门自受理之日起计算时限；须待前置事项办结后受理。</p>
<p>3. 企业应按承诺履约，项目竣工后申请对标验收。虚假承诺的，撤销依承诺作出的准予决定，并记入企业失信记录。</p>
<h2>三、审查意见</h2>
${opinions(record, (e) => e.act === 'notice', '（本告知书发出于审查意见记录施行之前）')}
<p class="signature">${escapeHtml(c.zoneCode)} 开发区管理委员会（审批窗口）<br>${notice ? `经办人：${escapeHtml(notice.actorName)}<br>` : ''}${zhDate(c.noticeIssuedOn)}</p>`,
  );
}

function commitmentHtml({ c, items, record }: DocumentCase): string {
  const letter = c.commitment;
  if (!letter) return page('commitment', null, '<p>尚未提交承诺书</p>');
  const covered = items.filter((i) => letter.itemCodes.includes(i.itemCode));
  const ordinary = items.filter((i) => i.regime === 'committable' && !letter.itemCodes.includes(i.itemCode));
  const itemRows = (list: DocumentItem[]) => list.map((i) => [escapeHtml(i.itemCode), escapeHtml(i.name), escapeHtml(i.department)]);
  return page(
    'commitment',
    null,
    `${facts([...partyFacts(c), ['告知书编号', escapeHtml(c.noticeNumber ?? '—')], ['承诺范围', letter.scope === 'all' ? '全部承诺（全部可承诺事项按承诺制办理）' : '部分承诺（其余可承诺事项按一般程序办理）'], ['提交日期', zhDate(letter.submittedOn)]])}
<h2>一、按承诺制办理的事项（${covered.length} 项）</h2>
${table(['编码', '事项', '办理部门'], itemRows(covered), '无')}
${ordinary.length ? `<h2>按一般程序办理的可承诺事项（${ordinary.length} 项）</h2>${table(['编码', '事项', '办理部门'], itemRows(ordinary), '无')}` : ''}
${committedDates(c)}
<h2>二、承诺声明</h2>
<div class="declaration">${letter.declaration ? lines(letter.declaration) : '（本承诺书提交于声明确认施行之前，未记录声明原文）'}</div>
<p>${letter.declarationConfirmedAt ? `企业已于 ${escapeHtml(zhDateTime(letter.declarationConfirmedAt))} 在线阅读并确认上述声明。` : ''}</p>
<h2>三、预审意见</h2>
${opinions(record, (e) => e.act === 'precheck-passed' || e.act === 'precheck-failed', '尚未预审')}
<p class="signature">承诺企业：${escapeHtml(c.enterpriseName)}<br>提交人：${escapeHtml(letter.actorName ?? letter.actorId)}<br>${zhDate(letter.submittedOn)}</p>`,
  );
}

/** How an item stands in the 批复: the decision and its date. */
function itemDecision(i: DocumentItem): string {
  if (i.status === 'REVOKED') return `已撤销（${zhDate(i.revokedOn)}，${escapeHtml(i.revocationReason ?? '虚假承诺')}）`;
  if (i.status === 'GRANTED_PENDING_DOCUMENTS' || (i.missingDocuments?.length && i.status === 'GRANTED'))
    return `容缺准予：${escapeHtml((i.missingDocuments ?? []).map((d) => d.name).join('、'))}${i.suppliedOn ? `，已于 ${zhDate(i.suppliedOn)} 补交` : `，限 ${zhDate(i.supplyBy)} 前补交`}`;
  if (i.status === 'GRANTED') return i.procedure === 'commitment' ? '依承诺准予' : '准予';
  if (i.status === 'REJECTED') return '不予许可';
  return '办理中';
}

function decisionHtml({ c, items, record }: DocumentCase): string {
  const decisionActs = new Set(['grant', 'grant-with-missing-documents', 'revocation']);
  const rows = items.map((i) => [
    escapeHtml(i.itemCode),
    escapeHtml(i.name),
    escapeHtml(i.department),
    escapeHtml(i.procedure ? PROCEDURE_ZH[i.procedure] : '—'),
    itemDecision(i),
    zhDate(i.decidedOn),
  ]);
  return page(
    'decision',
    c.decisionNumber,
    `${facts([...partyFacts(c), ['告知书编号', escapeHtml(c.noticeNumber ?? '—')], ['批复日期', zhDate(c.grantedOn)]])}
<p>${escapeHtml(c.enterpriseName)}：</p>
<p>贵企业“${escapeHtml(c.projectName)}”${c.commitment ? `已于 ${zhDate(c.commitment.submittedOn)} 提交承诺书，经预审、公示，` : ''}经各审批部门审查，依据企业承诺及审查意见，作出如下决定：</p>
<h2>一、审批事项决定</h2>
${table(['编码', '事项', '办理部门', '办理方式', '决定', '决定日期'], rows, '本项目没有审批事项')}
${committedDates(c)}
<h2>二、审查意见</h2>
${opinions(record, (e) => decisionActs.has(e.act) || e.act === 'precheck-passed', '（各事项决定于审查意见记录施行之前作出）')}
<h2>三、说明</h2>
<p>本批复是项目开工建设的依据。企业应按承诺日期开工、竣工、投产，容缺准予的材料须在期限内补交；项目竣工后申请对标验收。以欺骗等不正当手段取得的准予决定，依法予以撤销（《中华人民共和国行政许可法》第六十九条）。</p>
<p class="signature">${escapeHtml(c.zoneCode)} 开发区管理委员会<br>${zhDate(c.grantedOn)}</p>`,
  );
}

/** The printable page of a document of the case (its act must have happened: documentIssued). */
export function renderDocument(kind: DocumentKind, d: DocumentCase): string {
  return kind === 'notice' ? noticeHtml(d) : kind === 'commitment' ? commitmentHtml(d) : decisionHtml(d);
}
