import Handlebars from 'handlebars';
import {
  BREACH_SEVERITY_ZH,
  CHECK_STAGE_NAMES_ZH,
  COMMITTED_MILESTONE_ZH,
  PAUSE_REASON_ZH,
  PROCEDURE_ZH,
  STAGE_NAMES_ZH,
  type BreachSeverity,
  type ItemPauseReason,
  type ItemProcedure,
  type LandCheckStage,
  type LifecycleStage,
} from '@devzone/contracts';

/**
 * Message templates, zh-CN first and English beside, rendered with Handlebars in
 * strict mode: a variable the event does not provide is an error, not an empty
 * string. Each template has a subject, a text body and an HTML body (e-mail);
 * the inbox and webhooks use the subject and the text.
 */
export type Locale = 'zh-CN' | 'en';
export const LOCALES: Locale[] = ['zh-CN', 'en'];

interface Source {
  subject: string;
  text: string;
  /** One line for a digest e-mail that lists several messages of one project (the project is named once, above the list); without it the digest lists the text. */
  line?: string;
}

const STAGE_EN: Record<LifecycleStage, string> = {
  SIGNED: 'signed',
  APPROVING: 'approving',
  READY_TO_START: 'ready to start',
  UNDER_CONSTRUCTION: 'under construction',
  COMPLETED: 'completed',
  IN_PRODUCTION: 'in production',
  FULL_PRODUCTION: 'in full production',
  SUSPENDED: 'suspended',
  TERMINATED: 'terminated',
};

const PROCEDURE_EN: Record<ItemProcedure, string> = { commitment: 'by commitment', approval: 'for approval', ordinary: 'ordinary procedure' };
const MILESTONE_EN = { start: 'start construction', completion: 'complete', production: 'start production' } as const;

const hb = Handlebars.create();
hb.registerHelper('stage', (stage: LifecycleStage, locale: Locale) => (locale === 'en' ? STAGE_EN[stage] : STAGE_NAMES_ZH[stage]));
const CHECK_STAGE_EN: Record<LandCheckStage, string> = { completion: 'completion check', 'full-production': 'full-production review' };
hb.registerHelper('checkStage', (stage: LandCheckStage, locale: Locale) => (locale === 'en' ? CHECK_STAGE_EN[stage] : CHECK_STAGE_NAMES_ZH[stage]));
hb.registerHelper('yuan', (fen: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(fen / 100),
);
hb.registerHelper('number', (n: number, locale: Locale) => new Intl.NumberFormat(locale).format(n));
/** A moment in China time, e.g. 2026-12-02 21:30. */
hb.registerHelper('chinaTime', (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));
hb.registerHelper('procedure', (p: ItemProcedure, locale: Locale) => (locale === 'en' ? PROCEDURE_EN[p] : PROCEDURE_ZH[p]));
hb.registerHelper('pauseReason', (r: ItemPauseReason, locale: Locale) => (locale === 'en' ? r.replace('-', ' ') : PAUSE_REASON_ZH[r]));
hb.registerHelper('severity', (s: BreachSeverity, locale: Locale) => (locale === 'en' ? s : BREACH_SEVERITY_ZH[s]));
hb.registerHelper('milestone', (m: 'start' | 'completion' | 'production', locale: Locale) => (locale === 'en' ? MILESTONE_EN[m] : COMMITTED_MILESTONE_ZH[m]));
hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
const PENALTY_REASON: Record<string, [string, string]> = {
  'check-failed': ['标准地指标核验未通过', 'indicator check failed'],
  'recheck-failed': ['标准地指标整改后复查仍未达标', 'the re-check after rectification failed'],
  'rectification-lapsed': ['标准地指标整改期满未复查达标', 'the rectification period lapsed'],
  'idle-land': ['土地闲置', 'idle land'],
};
hb.registerHelper('atRiskList', (items: { code: string; nameZh: string; unit: string; target?: number; measured: number }[], locale: Locale) =>
  items
    .map((i) => (locale === 'en' ? `${i.code} ${i.measured}${i.target !== undefined ? ` (agreed ${i.target})` : ''} ${i.unit}` : `${i.nameZh} ${i.measured} ${i.unit}${i.target !== undefined ? `（约定 ${i.target}）` : ''}`))
    .join(locale === 'en' ? '; ' : '；'),
);
hb.registerHelper('penaltyReason', (reason: string, locale: Locale) => PENALTY_REASON[reason]?.[locale === 'en' ? 1 : 0] ?? reason);
hb.registerHelper('join', (items: string[], separator: string) => items.join(separator));
/** The names of 容缺 documents: 宗地图、环评批复. */
hb.registerHelper('names', (items: { name: string }[] | undefined, separator: string) => (items ?? []).map((i) => i.name).join(separator));
hb.registerHelper('failedList', (results: { passed: boolean; nameZh: string; code: string; shortfall: number; shortfallPercent: number; unit: string }[], locale: Locale) =>
  results
    .filter((r) => !r.passed)
    .map((r) => (locale === 'en' ? `${r.code} short by ${r.shortfall} ${r.unit} (${r.shortfallPercent}%)` : `${r.nameZh}差 ${r.shortfall} ${r.unit}（${r.shortfallPercent}%）`))
    .join(locale === 'en' ? '; ' : '；'),
);

const P = '“{{project.name}}”（{{project.code}}）';
const PE = '{{project.name}} ({{project.code}})';

export const TEMPLATES: Record<string, Record<Locale, Source>> = {
  'project.account-invited': {
    'zh-CN': {
      subject: '请设置密码，开通开发区项目服务平台账号',
      text: '{{recipient.name}}您好，开发区项目全生命周期服务平台已为您开通账号{{#if event.enterpriseName}}（代表{{event.enterpriseName}}）{{/if}}，登录名：{{event.username}}。请在 {{chinaTime event.expiresAt}}（北京时间）前打开以下链接设置密码，链接仅可使用一次，请勿转发：{{event.setPasswordUrl}}',
    },
    en: {
      subject: 'Set your password for the development-zone project service',
      text: 'Dear {{recipient.name}}, an account was opened for you{{#if event.enterpriseName}} (for {{event.enterpriseName}}){{/if}}; your sign-in name is {{event.username}}. Set your password before {{chinaTime event.expiresAt}} (China time) at this link, which works once; do not forward it: {{event.setPasswordUrl}}',
    },
  },
  'project.signed': {
    'zh-CN': { subject: '项目已登记：{{project.name}}', text: '{{recipient.name}}您好，项目' + P + '已于 {{event.signedOn}} 签约登记，总投资 {{number event.totalInvestment "zh-CN"}} 万元。' },
    en: { subject: 'Project registered: {{project.name}}', text: 'Dear {{recipient.name}}, project ' + PE + ' was signed on {{event.signedOn}}, total investment {{number event.totalInvestment "en"}} (10k yuan).' },
  },
  'project.stage-changed': {
    'zh-CN': { subject: '项目阶段变更：{{stage event.to "zh-CN"}}', text: '项目' + P + '由“{{stage event.from "zh-CN"}}”进入“{{stage event.to "zh-CN"}}”。' },
    en: { subject: 'Project stage: {{stage event.to "en"}}', text: 'Project ' + PE + ' moved from {{stage event.from "en"}} to {{stage event.to "en"}}.' },
  },
  'approval.notice-issued': {
    'zh-CN': { subject: '承诺制告知书已发放：{{project.name}}', text: '项目' + P + '的告知书（{{event.noticeNumber}}）已发放，涉及 {{event.itemCodes.length}} 个审批事项，请据此作出承诺。' },
    en: { subject: 'Requirement notice issued: {{project.name}}', text: 'The requirement notice {{event.noticeNumber}} for ' + PE + ' lists {{event.itemCodes.length}} items; please submit your commitment.' },
  },
  'approval.commitment-submitted': {
    'zh-CN': { subject: '承诺书已受理：{{project.name}}', text: '项目' + P + '的承诺书已受理：承诺 {{event.committedDates.start}} 开工、{{event.committedDates.completion}} 竣工、{{event.committedDates.production}} 投产。' },
    en: { subject: 'Commitment received: {{project.name}}', text: 'The commitment for ' + PE + ' is received: start {{event.committedDates.start}}, completion {{event.committedDates.completion}}, production {{event.committedDates.production}}.' },
  },
  'approval.publicity-ended': {
    'zh-CN': { subject: '承诺公示期满：{{project.name}}', text: '项目' + P + '的承诺公示已于 {{event.endedOn}} 结束。' },
    en: { subject: 'Publicity ended: {{project.name}}', text: 'The publicity of the commitment for ' + PE + ' ended on {{event.endedOn}}.' },
  },
  'approval.corrections-requested': {
    'zh-CN': { subject: '请补正材料：{{event.itemName}}', text: '项目' + P + '的“{{event.itemName}}”需要补正：{{event.corrections}}', line: '“{{event.itemName}}”需要补正：{{event.corrections}}' },
    en: { subject: 'Corrections requested: {{event.itemName}}', text: 'Item "{{event.itemName}}" of ' + PE + ' needs corrections: {{event.corrections}}', line: '"{{event.itemName}}" needs corrections: {{event.corrections}}' },
  },
  // 容缺 (granted with documents still missing, GRANTED_PENDING_DOCUMENTS) is not a plain grant: the subject says so, with the deadline.
  'approval.item-granted': {
    'zh-CN': {
      subject: '{{#if event.supplyBy}}审批事项容缺准予（须于 {{event.supplyBy}} 前补交{{names event.missingDocuments "、"}}）{{else}}审批事项已准予{{/if}}：{{event.itemName}}',
      text:
        '项目' +
        P +
        '的“{{event.itemName}}”（{{event.department}}）已于 {{event.grantedOn}} {{#if event.supplyBy}}容缺准予：请于 {{event.supplyBy}} 前补交{{#if event.missingDocuments}}以下材料：{{names event.missingDocuments "、"}}{{else}}容缺材料{{/if}}。{{else}}{{#if (eq event.by "commitment")}}依告知承诺{{/if}}准予。{{/if}}',
      line: '“{{event.itemName}}”（{{event.department}}）{{#if event.supplyBy}}容缺准予，须于 {{event.supplyBy}} 前补交{{#if event.missingDocuments}}{{names event.missingDocuments "、"}}{{else}}容缺材料{{/if}}{{else}}{{#if (eq event.by "commitment")}}依告知承诺{{/if}}准予{{/if}}（{{event.grantedOn}}）',
    },
    en: {
      subject: '{{#if event.supplyBy}}Item granted with documents missing (supply by {{event.supplyBy}}){{else}}Item granted{{/if}}: {{event.itemName}}',
      text: 'Item "{{event.itemName}}" ({{event.department}}) of ' + PE + ' was granted on {{event.grantedOn}}{{#if event.supplyBy}} with documents missing: supply {{#if event.missingDocuments}}{{names event.missingDocuments ", "}}{{else}}them{{/if}} by {{event.supplyBy}}{{else}}{{#if (eq event.by "commitment")}} on the commitment{{/if}}{{/if}}.',
      line: '"{{event.itemName}}" ({{event.department}}) granted on {{event.grantedOn}}{{#if event.supplyBy}} with documents missing, to supply by {{event.supplyBy}}{{/if}}',
    },
  },
  'approval.item-rejected': {
    'zh-CN': { subject: '审批事项不予许可：{{event.itemName}}', text: '项目' + P + '的“{{event.itemName}}”不予许可。理由：{{event.reason}}', line: '“{{event.itemName}}”不予许可（{{event.rejectedOn}}）：{{event.reason}}' },
    en: { subject: 'Item refused: {{event.itemName}}', text: 'Item "{{event.itemName}}" of ' + PE + ' was refused: {{event.reason}}', line: '"{{event.itemName}}" refused on {{event.rejectedOn}}: {{event.reason}}' },
  },
  'approval.case-granted': {
    'zh-CN': { subject: '承诺制审批已批复：{{project.name}}', text: '项目' + P + '已取得承诺制批复（{{event.decisionNumber}}，{{event.grantedOn}}），审批事项全部办结。' },
    en: { subject: 'Approvals granted: {{project.name}}', text: 'Project ' + PE + ' has its commitment-based approval ({{event.decisionNumber}}, {{event.grantedOn}}).' },
  },
  'approval.item-due-soon': {
    'zh-CN': {
      subject: '审批时限将到：{{event.itemName}}（{{event.department}}，{{event.dueOn}} 到期）',
      text: '项目' + P + '的审批事项“{{event.itemName}}”（{{event.department}}）将于 {{event.dueOn}} 到承诺办结时限（剩余 {{event.workingDaysLeft}} 个工作日）。',
      line: '“{{event.itemName}}”（{{event.department}}）{{event.dueOn}} 到期，剩余 {{event.workingDaysLeft}} 个工作日',
    },
    en: {
      subject: 'Approval due soon: {{event.itemName}} ({{event.department}}, due {{event.dueOn}})',
      text: 'Approval item "{{event.itemName}}" ({{event.department}}) of ' + PE + ' is due on {{event.dueOn}} ({{event.workingDaysLeft}} working days left).',
      line: '"{{event.itemName}}" ({{event.department}}) due on {{event.dueOn}}, {{event.workingDaysLeft}} working days left',
    },
  },
  'approval.item-overdue': {
    'zh-CN': {
      subject: '审批超期 {{event.workingDaysLate}} 个工作日：{{event.itemName}}（{{event.department}}）',
      text: '项目' + P + '的审批事项“{{event.itemName}}”（{{event.department}}）已超过承诺办结时限 {{event.workingDaysLate}} 个工作日（到期日 {{event.dueOn}}）。',
      line: '“{{event.itemName}}”（{{event.department}}）审批超期 {{event.workingDaysLate}} 个工作日（到期日 {{event.dueOn}}）',
    },
    en: {
      subject: 'Approval overdue by {{event.workingDaysLate}} working days: {{event.itemName}} ({{event.department}})',
      text: 'Approval item "{{event.itemName}}" ({{event.department}}) of ' + PE + ' is {{event.workingDaysLate}} working days past its promised limit ({{event.dueOn}}).',
      line: '"{{event.itemName}}" ({{event.department}}) {{event.workingDaysLate}} working days overdue (due {{event.dueOn}})',
    },
  },
  'approval.acceptance-passed': {
    'zh-CN': { subject: '对标验收通过：{{project.name}}', text: '项目' + P + '已于 {{event.acceptedOn}} 通过对标验收，达到承诺的建设标准，可以投产。' },
    en: { subject: 'Benchmark acceptance passed: {{project.name}}', text: 'The benchmark acceptance of ' + PE + ' passed on {{event.acceptedOn}}: it meets what was committed and may go into production.' },
  },
  'approval.acceptance-failed': {
    'zh-CN': { subject: '对标验收未通过：{{project.name}}', text: '项目' + P + '对标验收未通过：{{join event.reasons "；"}}。{{#if event.rectifyBy}}请于 {{event.rectifyBy}} 前整改。{{/if}}' },
    en: { subject: 'Acceptance failed: {{project.name}}', text: 'The benchmark acceptance of ' + PE + ' failed: {{join event.reasons "; "}}.{{#if event.rectifyBy}} Rectify by {{event.rectifyBy}}.{{/if}}' },
  },
  'approval.blacklisted': {
    'zh-CN': { subject: '企业已列入失信黑名单', text: '{{event.enterpriseName}}（{{event.creditCode}}）自 {{event.since}} 起列入失信黑名单：{{event.reason}}' },
    en: { subject: 'Enterprise blacklisted', text: '{{event.enterpriseName}} ({{event.creditCode}}) is blacklisted since {{event.since}}: {{event.reason}}' },
  },
  'approval.item-applied': {
    'zh-CN': {
      subject: '新申请待受理：{{event.itemName}}',
      line: '“{{event.itemName}}”（{{event.department}}）待受理，请于 {{event.acceptanceDueOn}} 前处理',
      text: '项目' + P + '已申请“{{event.itemName}}”（{{event.department}}），请于 {{event.acceptanceDueOn}} 前受理，或决定不予受理并说明理由；逾期未处理的，依法自收到申请之日起视为受理。',
    },
    en: {
      subject: 'Application to accept: {{event.itemName}}',
      line: '"{{event.itemName}}" ({{event.department}}) to accept by {{event.acceptanceDueOn}}',
      text: 'Project ' + PE + ' applied for "{{event.itemName}}" ({{event.department}}). Accept it, or refuse it with reasons, by {{event.acceptanceDueOn}}; after that it counts as accepted from the day it arrived.',
    },
  },
  'approval.item-accepted': {
    'zh-CN': {
      subject: '已受理：{{event.itemName}}',
      line: '“{{event.itemName}}”（{{event.department}}）{{#if event.deemed}}依法视为{{/if}}受理，承诺 {{event.promisedDueOn}} 前办结',
      text: '项目' + P + '的“{{event.itemName}}”已于 {{event.acceptedOn}} {{#if event.deemed}}依法视为{{/if}}受理（{{procedure event.procedure "zh-CN"}}），{{event.department}}承诺于 {{event.promisedDueOn}} 前办结（法定期限 {{event.legalDueOn}}）。',
    },
    en: {
      subject: 'Accepted: {{event.itemName}}',
      line: '"{{event.itemName}}" ({{event.department}}) {{#if event.deemed}}deemed {{/if}}accepted, promised by {{event.promisedDueOn}}',
      text: '"{{event.itemName}}" of ' + PE + ' was {{#if event.deemed}}deemed {{/if}}accepted on {{event.acceptedOn}} ({{procedure event.procedure "en"}}); {{event.department}} promises a decision by {{event.promisedDueOn}} (legal limit {{event.legalDueOn}}).',
    },
  },
  'approval.item-paused': {
    'zh-CN': { subject: '暂停计时：{{event.itemName}}', text: '项目' + P + '的“{{event.itemName}}”自 {{event.pausedOn}} 起因{{pauseReason event.reason "zh-CN"}}暂停计时{{#if event.note}}（{{event.note}}）{{/if}}，所需时间不计入办理时限。' },
    en: { subject: 'Clock stopped: {{event.itemName}}', text: 'The clock of "{{event.itemName}}" of ' + PE + ' stopped on {{event.pausedOn}} for {{pauseReason event.reason "en"}}{{#if event.note}} ({{event.note}}){{/if}}; that time does not count against its limit.' },
  },
  'approval.item-resumed': {
    'zh-CN': { subject: '恢复计时：{{event.itemName}}', text: '项目' + P + '的“{{event.itemName}}”于 {{event.resumedOn}} 恢复计时，{{pauseReason event.reason "zh-CN"}}暂停 {{event.pausedWorkingDays}} 个工作日，承诺办结日顺延至 {{event.promisedDueOn}}。' },
    en: { subject: 'Clock running: {{event.itemName}}', text: 'The clock of "{{event.itemName}}" of ' + PE + ' runs again from {{event.resumedOn}} after {{event.pausedWorkingDays}} working days of {{pauseReason event.reason "en"}}; promised by {{event.promisedDueOn}}.' },
  },
  'approval.rectification-ordered': {
    'zh-CN': { subject: '责令限期整改：{{project.name}}', text: '项目' + P + '对标验收未通过（第 {{event.round}} 次）：{{join event.reasons "；"}}。请于 {{event.rectifyBy}} 前完成整改并申请复查；复查仍不通过或逾期未整改的，将记入重大失信记录。' },
    en: { subject: 'Rectification ordered: {{project.name}}', text: 'The benchmark acceptance of ' + PE + ' failed (round {{event.round}}): {{join event.reasons "; "}}. Rectify and ask for re-inspection by {{event.rectifyBy}}; a failed re-inspection or a lapsed deadline is a major credit record.' },
  },
  'approval.breach-recorded': {
    'zh-CN': { subject: '失信记录：{{severity event.severity "zh-CN"}}', text: '{{event.enterpriseName}}（{{event.creditCode}}）于 {{event.recordedOn}} 被记入{{severity event.severity "zh-CN"}}失信记录：{{event.reason}}。{{#if event.rectifyBy}}请于 {{event.rectifyBy}} 前整改。{{/if}}整改完成并满最短公示期后可申请信用修复。' },
    en: { subject: 'Credit record: {{severity event.severity "en"}}', text: '{{event.enterpriseName}} ({{event.creditCode}}) received a {{severity event.severity "en"}} credit record on {{event.recordedOn}}: {{event.reason}}.{{#if event.rectifyBy}} Rectify by {{event.rectifyBy}}.{{/if}} Once rectified and past its minimum publicity it can be repaired.' },
  },
  'approval.grant-revoked': {
    'zh-CN': { subject: '撤销审批决定：{{event.itemName}}', text: '项目' + P + '依承诺取得的“{{event.itemName}}”因虚假承诺于 {{event.revokedOn}} 被撤销：{{event.reason}}。{{#if event.caseReopened}}项目回到审批阶段，该事项须按一般程序重新申请。{{/if}}' },
    en: { subject: 'Grant revoked: {{event.itemName}}', text: '"{{event.itemName}}" of ' + PE + ', granted on commitment, was revoked on {{event.revokedOn}} for a false commitment: {{event.reason}}.{{#if event.caseReopened}} The project is back to approving; apply again by the ordinary procedure.{{/if}}' },
  },
  'approval.commitment-date-missed': {
    'zh-CN': { subject: '承诺日期逾期：{{milestone event.milestone "zh-CN"}}', text: '项目' + P + '承诺 {{event.committedOn}} {{milestone event.milestone "zh-CN"}}，已逾期 {{event.daysLate}} 天。{{#if (eq event.level "record")}}已记入一般失信记录。{{else}}请尽快{{milestone event.milestone "zh-CN"}}并报告；继续逾期将记入一般失信记录。{{/if}}' },
    en: { subject: 'Committed date missed: {{milestone event.milestone "en"}}', text: 'Project ' + PE + ' committed to {{milestone event.milestone "en"}} by {{event.committedOn}} and is {{event.daysLate}} days late.{{#if (eq event.level "record")}} A general credit record was made.{{else}} Report it soon; later it becomes a general credit record.{{/if}}' },
  },
  'approval.credit-repaired': {
    'zh-CN': { subject: '信用修复完成', text: '{{event.enterpriseName}}（{{event.creditCode}}）的{{severity event.severity "zh-CN"}}失信记录已于 {{event.repairedOn}} 完成信用修复，不再作为失信记录使用。' },
    en: { subject: 'Credit repaired', text: 'The {{severity event.severity "en"}} credit record of {{event.enterpriseName}} ({{event.creditCode}}) was repaired on {{event.repairedOn}} and no longer counts.' },
  },
  'approval.blacklist-lifted': {
    'zh-CN': { subject: '已移出失信黑名单', text: '{{event.enterpriseName}}（{{event.creditCode}}）已于 {{event.liftedOn}} 移出失信黑名单，可重新作出承诺。' },
    en: { subject: 'Off the blacklist', text: '{{event.enterpriseName}} ({{event.creditCode}}) left the blacklist on {{event.liftedOn}} and may commit again.' },
  },
  'land.plot-reserved': {
    'zh-CN': { subject: '标准地已预留：{{event.plotCode}}', text: '已为项目' + P + '预留标准地 {{event.plotCode}}（{{event.areaMu}} 亩）。' },
    en: { subject: 'Plot reserved: {{event.plotCode}}', text: 'Plot {{event.plotCode}} ({{event.areaMu}} mu) is reserved for ' + PE + '.' },
  },
  'land.contract-signed': {
    'zh-CN': { subject: '土地出让合同已签订：{{event.contractNumber}}', text: '项目' + P + '已签订土地出让合同 {{event.contractNumber}}（地块 {{event.plotCode}}，出让价款 {{yuan event.landPriceFen "zh-CN"}}），约定 {{event.agreedDates.start}} 开工、{{event.agreedDates.completion}} 竣工。' },
    en: { subject: 'Land contract signed: {{event.contractNumber}}', text: 'Land contract {{event.contractNumber}} for ' + PE + ' (plot {{event.plotCode}}, price {{yuan event.landPriceFen "en"}}): start by {{event.agreedDates.start}}, complete by {{event.agreedDates.completion}}.' },
  },
  'land.check-passed': {
    'zh-CN': { subject: '标准地{{checkStage event.stage "zh-CN"}}{{#if event.recheck}}整改后复查{{/if}}通过：{{project.name}}', text: '项目' + P + '的标准地指标{{checkStage event.stage "zh-CN"}}{{#if event.recheck}}整改后复查{{/if}}已于 {{event.checkedOn}} 通过。{{#if event.recheck}}整改期结束，不再追究违约责任。{{/if}}' },
    en: { subject: 'Land {{checkStage event.stage "en"}} passed{{#if event.recheck}} on re-check{{/if}}: {{project.name}}', text: 'The {{checkStage event.stage "en"}}{{#if event.recheck}} re-check{{/if}} of ' + PE + ' passed on {{event.checkedOn}}.' },
  },
  'land.check-failed': {
    'zh-CN': {
      subject: '标准地{{checkStage event.stage "zh-CN"}}{{#if event.recheck}}整改后复查{{/if}}未达标：{{project.name}}',
      text: '项目' + P + '的标准地指标{{checkStage event.stage "zh-CN"}}未通过：{{failedList event.results "zh-CN"}}。{{#if event.penaltyFen}}违约金 {{yuan event.penaltyFen "zh-CN"}}，{{/if}}请于 {{event.rectifyBy}} 前整改并申请复查；复查仍不达标或逾期未整改的，按履约协议承担违约金。',
    },
    en: { subject: 'Land {{checkStage event.stage "en"}} failed{{#if event.recheck}} on re-check{{/if}}: {{project.name}}', text: 'The {{checkStage event.stage "en"}}{{#if event.recheck}} re-check{{/if}} of ' + PE + ' failed: {{failedList event.results "en"}}.{{#if event.penaltyFen}} Penalty {{yuan event.penaltyFen "en"}}.{{/if}} Rectify and ask for a re-check by {{event.rectifyBy}}; a failed re-check or a lapsed period costs the agreed penalty.' },
  },
  'land.indicator-at-risk': {
    'zh-CN': { subject: '指标预警：{{project.name}}', text: '项目' + P + '{{event.period}} 报送的数据显示，以下履约指标低于约定值：{{atRiskList event.indicators "zh-CN"}}。请及早采取措施，避免达产复核不达标。' },
    en: { subject: 'Indicators at risk: {{project.name}}', text: 'The {{event.period}} figures of ' + PE + ' are below the agreed values: {{atRiskList event.indicators "en"}}. Act before the full-production review.' },
  },
  'land.penalty-assessed': {
    'zh-CN': { subject: '违约金核定通知：{{project.name}}', text: '项目' + P + '{{penaltyReason event.reason "zh-CN"}}，依据履约协议于 {{event.assessedOn}} 核定违约金 {{yuan event.amountFen "zh-CN"}}{{#if event.capped}}（已按协议上限计）{{/if}}。' },
    en: { subject: 'Penalty assessed: {{project.name}}', text: 'For ' + PE + ' ({{penaltyReason event.reason "en"}}) a penalty of {{yuan event.amountFen "en"}} was assessed on {{event.assessedOn}}{{#if event.capped}} (capped){{/if}}.' },
  },
  'land.idle-land': {
    'zh-CN': {
      subject: '闲置土地认定：{{project.name}}',
      text: '项目' + P + '的用地（地块 {{event.plotCode}}）{{#if (eq event.case "stalled")}}已开工但开发建设面积或投资不足且停工满一年{{else}}超过约定开工日期（{{event.agreedStart}}）{{event.daysIdle}} 天未动工{{/if}}，{{#if (eq event.level "recovery")}}已满两年，依《闲置土地处置办法》可无偿收回土地使用权{{else}}已满一年，依《闲置土地处置办法》征收土地闲置费 {{yuan event.feeFen "zh-CN"}}{{/if}}。因政府原因造成的，请向开发区说明并申请认定。',
    },
    en: {
      subject: 'Idle land: {{project.name}}',
      text: 'The land of ' + PE + ' (plot {{event.plotCode}}) {{#if (eq event.case "stalled")}}stalled for a year with too little built or invested{{else}}was not started {{event.daysIdle}} days after the agreed start ({{event.agreedStart}}){{/if}}: {{#if (eq event.level "recovery")}}after two years it may be taken back without compensation{{else}}an idle-land fee of {{yuan event.feeFen "en"}} is due{{/if}}. Delays caused by the government can be claimed with the zone.',
    },
  },
  'land.rectification-due': {
    'zh-CN': { subject: '限期整改通知：{{project.name}}', text: '项目' + P + '请于 {{event.rectifyBy}} 前完成整改，涉及指标：{{join event.indicators "、"}}。' },
    en: { subject: 'Rectification notice: {{project.name}}', text: 'Project ' + PE + ' must rectify by {{event.rectifyBy}}: {{join event.indicators ", "}}.' },
  },
  'agency.agent-assigned': {
    'zh-CN': { subject: '全代办代办员：{{event.agentName}}', text: '项目' + P + '的全代办由代办员 {{event.agentName}}{{#if event.agentMobile}}（{{event.agentMobile}}）{{/if}}负责。' },
    en: { subject: 'Your agent: {{event.agentName}}', text: 'Agent {{event.agentName}}{{#if event.agentMobile}} ({{event.agentMobile}}){{/if}} handles the full agency service for ' + PE + '.' },
  },
  'agency.task-escalated': {
    'zh-CN': { subject: '代办督办（超期 {{event.workingDaysLate}} 个工作日）：{{event.title}}', text: '项目' + P + '的代办事项“{{event.title}}”已超期 {{event.workingDaysLate}} 个工作日（到期日 {{event.dueOn}}），请督办。' },
    en: { subject: 'Agency task escalated ({{event.workingDaysLate}} working days late): {{event.title}}', text: 'Task "{{event.title}}" of ' + PE + ' is {{event.workingDaysLate}} working days overdue ({{event.dueOn}}).' },
  },
  'agency.task-overdue': {
    'zh-CN': { subject: '代办超期 {{event.workingDaysLate}} 个工作日：{{event.title}}', text: '项目' + P + '的代办事项“{{event.title}}”已超期 {{event.workingDaysLate}} 个工作日（到期日 {{event.dueOn}}），请尽快办理。' },
    en: { subject: 'Agency task overdue by {{event.workingDaysLate}} working days: {{event.title}}', text: 'Task "{{event.title}}" of ' + PE + ' is {{event.workingDaysLate}} working days overdue ({{event.dueOn}}).' },
  },
  'agency.delegation-closed': {
    'zh-CN': { subject: '全代办已办结，请评价：{{project.name}}', text: '项目' + P + '的全代办已于 {{event.closedOn}} 办结（{{event.tasksDelivered}} 项），欢迎对代办服务作出评价（好差评）。' },
    en: { subject: 'Full agency service completed: {{project.name}}', text: 'The full agency service for ' + PE + ' was completed on {{event.closedOn}} ({{event.tasksDelivered}} tasks). Please rate it.' },
  },
};

export interface Rendered {
  subject: string;
  text: string;
  html: string;
  /** The message as one line of a digest (the template's `line`, else its text). */
  line: string;
}

interface Compiled {
  subject: HandlebarsTemplateDelegate;
  text: HandlebarsTemplateDelegate;
  line?: HandlebarsTemplateDelegate;
}

const compiled = new Map<string, Compiled>();

function compile(key: string, locale: Locale): Compiled {
  const cacheKey = `${key}/${locale}`;
  let c = compiled.get(cacheKey);
  if (!c) {
    const source = TEMPLATES[key]?.[locale];
    if (!source) throw new Error(`no template ${key} in ${locale}`);
    const strict = (template: string) => hb.compile(template, { strict: true, noEscape: true });
    c = { subject: strict(source.subject), text: strict(source.text), ...(source.line ? { line: strict(source.line) } : {}) };
    compiled.set(cacheKey, c);
  }
  return c;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
/** Escaped, with its web addresses made links. */
export const htmlText = (text: string) => escapeHtml(text).replace(/https?:\/\/[^\s<"]+/g, (url) => `<a href="${url}">${url}</a>`);
export const FOOTER: Record<Locale, string> = { 'zh-CN': '开发区项目全生命周期服务平台', en: 'Development-zone project service' };

/** Renders a template; throws on a missing variable (strict mode). */
export function render(key: string, locale: Locale, context: Record<string, unknown>): Rendered {
  const c = compile(key, locale);
  const subject = c.subject(context);
  const text = c.text(context);
  const html = `<!doctype html><html lang="${locale}"><body style="font-family: sans-serif"><h2>${escapeHtml(subject)}</h2><p>${htmlText(text)}</p><p style="color:#888">${FOOTER[locale]}</p></body></html>`;
  return { subject, text, html, line: c.line ? c.line(context) : text };
}
