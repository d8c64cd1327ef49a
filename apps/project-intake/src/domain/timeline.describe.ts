import {
  LAND_PATH_ZH,
  PAUSE_REASON_ZH,
  PROCEDURE_ZH,
  STAGE_NAMES_ZH,
  findEventDefinition,
  type AcceptanceFailedV1,
  type ApprovalCaseGrantedV1,
  type ApprovalCaseOpenedV1,
  type CommitmentSubmittedV1,
  type EventEnvelope,
  type GrantRevokedV1,
  type ItemAcceptedV1,
  type ItemPausedV1,
  type ItemResumedV1,
  type LandContractSignedV1,
  type LandSecuredV1,
  type ProjectAccountInvitedV1,
  type ProjectSignedV1,
  type ProceduresChosenV1,
  type ProjectStageChangedV1,
  type RectificationOrderedV1,
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
  APPROVALS_REVOKED: () => '依承诺作出的准予被撤销，重新审批',
  LAND_SECURED: () => '用地已落实',
  LAND_REVIEW_PASSED: () => '标准地达产复核通过',
  LAND_REVIEW_DECIDED: () => '标准地达产复核未通过，已按履约协议作出违约处理',
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
  'approval.procedures-chosen': (e) => {
    const p = e.payload as ProceduresChosenV1;
    const ordinary = p.procedures.filter((i) => i.procedure === 'ordinary').map((i) => i.itemCode);
    return p.scope === 'none' ? '不作承诺，全部事项按一般程序办理' : `确定办理方式：${ordinary.length ? `${ordinary.join('、')} 按${PROCEDURE_ZH.ordinary}，其余可承诺事项按${PROCEDURE_ZH.commitment}` : '可承诺事项全部按承诺制'}`;
  },
  'approval.item-accepted': (e) => {
    const p = e.payload as ItemAcceptedV1;
    return `${p.department}${p.deemed ? '逾期未作处理，依法视为' : ''}受理${p.itemName}（${PROCEDURE_ZH[p.procedure]}，承诺 ${p.promisedDueOn} 前办结）`;
  },
  'approval.item-paused': (e) => {
    const p = e.payload as ItemPausedV1;
    return `${p.itemName}暂停计时：${PAUSE_REASON_ZH[p.reason]}${p.note ? `（${p.note}）` : ''}`;
  },
  'approval.item-resumed': (e) => {
    const p = e.payload as ItemResumedV1;
    return `${p.itemName}恢复计时（${PAUSE_REASON_ZH[p.reason]}暂停 ${p.pausedWorkingDays} 个工作日），承诺办结日顺延至 ${p.promisedDueOn}`;
  },
  'approval.rectification-ordered': (e) => {
    const p = e.payload as RectificationOrderedV1;
    return `对标验收未通过，责令限期整改（第 ${p.round} 轮，${p.rectifyBy} 前）：${p.reasons.join('；')}`;
  },
  'approval.grant-revoked': (e) => {
    const p = e.payload as GrantRevokedV1;
    return `虚假承诺，撤销${p.itemName}的准予决定：${p.reason}${p.caseReopened ? '（项目重新进入审批）' : ''}`;
  },
  'approval.case-granted': (e) => `审批通过（批复文号 ${(e.payload as ApprovalCaseGrantedV1).decisionNumber}）`,
  'approval.acceptance-passed': () => '对标验收通过',
  'approval.acceptance-failed': (e) => {
    const p = e.payload as AcceptanceFailedV1;
    return `对标验收未通过：${p.reasons.join('；')}${p.rectifyBy ? `（整改期限 ${p.rectifyBy}）` : ''}`;
  },
  'land.land-secured': (e) => {
    const p = e.payload as LandSecuredV1;
    const detail =
      p.path === 'lease' ? `${p.landlord ?? ''}${p.premises ? `，${p.premises}` : ''}，租赁合同 ${p.reference}` : p.path === 'none' ? '利用现有场地' : `${p.path === 'grant' ? '出让合同' : '不动产权证'} ${p.reference}${p.areaMu ? `，${p.areaMu} 亩` : ''}`;
    return `落实项目用地：${LAND_PATH_ZH[p.path]}（${detail}）`;
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
