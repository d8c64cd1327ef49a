import { kindName } from './rules';
import { escapeHtml, FOOTER, htmlText, type Locale } from './templates';

/**
 * A digest: the e-mails one recipient would get about one project within the
 * digest window, sent as one message that lists them (domain only: what the
 * message says; application/email-digests.ts decides what goes in one).
 */
export interface DigestMember {
  eventType: string;
  subject: string;
  text: string;
  html: string;
  /** The message as one line of a list (templates' `line`); null for rows written before lines existed: the text stands in. */
  line: string | null;
  payload: Record<string, unknown>;
}

export interface DigestInput {
  locale: Locale;
  recipientName: string;
  /** Null when the service does not know the project (an account invitation has none). */
  project: { name: string; code: string } | null;
  /** Oldest first. */
  members: DigestMember[];
}

export interface DigestMessage {
  subject: string;
  text: string;
  html: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What happened, counted: 3 项审批事项已准予. Kinds not named here are counted by their contract's title. */
const COUNTED: Record<string, Record<Locale, (n: number) => string>> = {
  'approval.item-granted': { 'zh-CN': (n) => `${n} 项审批事项已准予`, en: (n) => `${plural(n, 'approval item')} granted` },
  'approval.item-accepted': { 'zh-CN': (n) => `${n} 项审批事项已受理`, en: (n) => `${plural(n, 'approval item')} accepted` },
  'approval.item-applied': { 'zh-CN': (n) => `${n} 项新申请待受理`, en: (n) => `${plural(n, 'application')} to accept` },
  'approval.item-paused': { 'zh-CN': (n) => `${n} 项审批事项暂停计时`, en: (n) => `${plural(n, 'clock')} stopped` },
  'approval.item-resumed': { 'zh-CN': (n) => `${n} 项审批事项恢复计时`, en: (n) => `${plural(n, 'clock')} running again` },
  'approval.corrections-requested': { 'zh-CN': (n) => `${n} 项审批事项需要补正`, en: (n) => `${plural(n, 'item')} to correct` },
  'approval.item-rejected': { 'zh-CN': (n) => `${n} 项审批事项不予许可`, en: (n) => `${plural(n, 'item')} refused` },
  'approval.item-due-soon': { 'zh-CN': (n) => `${n} 项审批时限将到`, en: (n) => `${plural(n, 'approval')} due soon` },
  'approval.item-overdue': { 'zh-CN': (n) => `${n} 项审批超期`, en: (n) => `${plural(n, 'approval')} overdue` },
  'agency.task-overdue': { 'zh-CN': (n) => `${n} 项代办事项超期`, en: (n) => `${plural(n, 'agency task')} overdue` },
  'agency.task-escalated': { 'zh-CN': (n) => `${n} 项代办事项督办`, en: (n) => `${plural(n, 'agency task')} escalated` },
};

function counted(eventType: string, members: DigestMember[], locale: Locale): string {
  const n = members.length;
  const phrase = COUNTED[eventType]?.[locale](n) ?? (locale === 'en' ? `${plural(n, 'message')} (${eventType})` : n === 1 ? kindName(eventType) : `${n} 条${kindName(eventType)}`);
  if (eventType !== 'approval.item-granted') return phrase;
  // 容缺: some of the grants still wait for documents; the subject says how many.
  const pending = members.filter((m) => m.payload['supplyBy']).length;
  if (!pending) return phrase;
  return locale === 'en' ? `${phrase} (${pending} with documents missing)` : `${phrase}（其中 ${pending} 项容缺准予，须补交材料）`;
}

/** The kinds in the order they first came, each with its members. */
function byKind(members: DigestMember[]): [string, DigestMember[]][] {
  const kinds = new Map<string, DigestMember[]>();
  for (const m of members) kinds.set(m.eventType, [...(kinds.get(m.eventType) ?? []), m]);
  // The most frequent first; ties keep the order they came in.
  return [...kinds.entries()].sort((a, b) => b[1].length - a[1].length);
}

/** The subject: 【项目名】3 项审批事项已准予; several kinds: 【项目名】5 条新消息：3 项审批事项已准予、2 项审批事项已受理. */
export function digestSubject({ locale, project, members }: DigestInput): string {
  const kinds = byKind(members);
  const shown = kinds.slice(0, 2).map(([type, ms]) => counted(type, ms, locale));
  const more = kinds.length > shown.length;
  if (locale === 'en') {
    const head = project ? `[${project.name}] ` : '';
    return kinds.length === 1 ? `${head}${shown[0]}` : `${head}${members.length} new messages: ${shown.join(', ')}${more ? ', …' : ''}`;
  }
  const head = project ? `【${project.name}】` : '';
  return kinds.length === 1 ? `${head}${shown[0]}` : `${head}${members.length} 条新消息：${shown.join('、')}${more ? '等' : ''}`;
}

/** One message for the members: a single member is sent as it is; several are listed under one subject. */
export function digestMessage(input: DigestInput): DigestMessage {
  const { locale, recipientName, project, members } = input;
  if (!members.length) throw new Error('a digest needs at least one message');
  if (members.length === 1) {
    const [only] = members;
    return { subject: only.subject, text: only.text, html: only.html };
  }
  const subject = digestSubject(input);
  const lines = members.map((m) => m.line ?? m.text);
  const en = locale === 'en';
  const greeting = en ? `Dear ${recipientName},` : `${recipientName}您好，`;
  const intro = en
    ? `${members.length} new messages${project ? ` about ${project.name} (${project.code})` : ''}:`
    : `${project ? `项目“${project.name}”（${project.code}）有` : '您有'} ${members.length} 条新消息：`;
  const outro = en ? 'Each one is also in "My messages" of the development-zone project service.' : '每条消息也已发到平台“我的消息”，请登录查看。';
  const text = [greeting, intro, ...lines.map((l, i) => `${i + 1}. ${l}`), outro].join('\n');
  const html =
    `<!doctype html><html lang="${locale}"><body style="font-family: sans-serif"><h2>${escapeHtml(subject)}</h2>` +
    `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(intro)}</p><ol>${lines.map((l) => `<li>${htmlText(l)}</li>`).join('')}</ol>` +
    `<p>${escapeHtml(outro)}</p><p style="color:#888">${FOOTER[locale]}</p></body></html>`;
  return { subject, text, html };
}
