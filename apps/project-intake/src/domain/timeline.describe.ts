import {
  STAGE_NAMES_ZH,
  findEventDefinition,
  type AcceptanceFailedV1,
  type ApprovalCaseGrantedV1,
  type ApprovalCaseOpenedV1,
  type CommitmentSubmittedV1,
  type EventEnvelope,
  type LandContractSignedV1,
  type ProjectAccountInvitedV1,
  type ProjectSignedV1,
  type ProjectStageChangedV1,
} from '@devzone/contracts';

const TRIGGER_DETAIL: Partial<Record<ProjectStageChangedV1['trigger'], (p: ProjectStageChangedV1) => string>> = {
  REPORT_START: (p) => `开工日期 ${p.milestoneDate}${p.permitNumber ? `，许可/批复文号 ${p.permitNumber}` : ''}`,
  REPORT_COMPLETION: (p) => `竣工日期 ${p.milestoneDate}`,
  REPORT_PRODUCTION: (p) => `投产日期 ${p.milestoneDate}`,
  REPORT_FULL_PRODUCTION: (p) => `达产日期 ${p.milestoneDate}${p.actualAnnualOutput !== undefined ? `，实际年产值 ${p.actualAnnualOutput} 万元` : ''}`,
  SUSPEND: (p) => `原因：${p.reason}`,
  RESUME: (p) => `原因：${p.reason}`,
  TERMINATE: (p) => `原因：${p.reason}`,
  APPROVALS_GRANTED: () => '审批已办结',
  LAND_SECURED: () => '用地已落实',
};

const DESCRIBE: Record<string, (e: EventEnvelope<never>) => string> = {
  'project.signed': (e) => {
    const p = e.payload as ProjectSignedV1;
    return `项目签约：${p.name}（${p.enterprise.name}，总投资 ${p.totalInvestment} 万元，项目代码 ${p.projectCode}）`;
  },
  'project.account-invited': (e) => {
    const p = e.payload as ProjectAccountInvitedV1;
    return `邀请联系人 ${p.name} 开通平台账号（登录名 ${p.username}，设置密码的链接已发至其邮箱）`;
  },
  'project.stage-changed': (e) => {
    const p = e.payload as ProjectStageChangedV1;
    const detail = TRIGGER_DETAIL[p.trigger]?.(p);
    return `阶段变更：${STAGE_NAMES_ZH[p.from]} → ${STAGE_NAMES_ZH[p.to]}${detail ? `（${detail}）` : ''}`;
  },
  'approval.case-opened': (e) => `承诺制审批立案（${(e.payload as ApprovalCaseOpenedV1).itemCount} 个审批事项）`,
  'approval.commitment-submitted': (e) => {
    const p = e.payload as CommitmentSubmittedV1;
    const d = p.committedDates;
    return `提交承诺书（${p.scope === 'all' ? '全部事项' : `部分事项 ${p.itemCodes.length} 项`}；承诺开工 ${d.start}、竣工 ${d.completion}、投产 ${d.production}）`;
  },
  'approval.case-granted': (e) => `审批通过（批复文号 ${(e.payload as ApprovalCaseGrantedV1).decisionNumber}）`,
  'approval.acceptance-passed': () => '对标验收通过',
  'approval.acceptance-failed': (e) => {
    const p = e.payload as AcceptanceFailedV1;
    return `对标验收未通过：${p.reasons.join('；')}${p.rectifyBy ? `（整改期限 ${p.rectifyBy}）` : ''}`;
  },
  'land.contract-signed': (e) => {
    const p = e.payload as LandContractSignedV1;
    return `签订土地出让合同 ${p.contractNumber}（地块 ${p.plotCode}，${p.areaMu} 亩；约定开工 ${p.agreedDates.start}、竣工 ${p.agreedDates.completion}）`;
  },
};

/** One line in zh-CN for a timeline: specific where we know the event, else its contract's title. */
export function describeEvent(event: EventEnvelope): string {
  const describe = DESCRIBE[event.type];
  if (describe) return describe(event as EventEnvelope<never>);
  return findEventDefinition(event.type, event.version)?.title ?? event.type;
}
