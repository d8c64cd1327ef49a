import {
  BREACH_SEVERITY_ZH,
  CHECK_STAGE_NAMES_ZH,
  COMMITTED_MILESTONE_ZH,
  INDICATOR_NAMES_ZH,
  LAND_PATH_ZH,
  TASK_STATUS_NAMES_ZH,
  PAUSE_REASON_ZH,
  PROCEDURE_ZH,
  STAGE_NAMES_ZH,
  findEventDefinition,
  type AcceptanceFailedV1,
  type AgentAssignedV1,
  type BreachRecordedV1,
  type CommitmentDateMissedV1,
  type CorrectionsRequestedV1,
  type DelegationClosedV1,
  type DelegationOpenedV1,
  type IdleLandV1,
  type IndicatorAtRiskV1,
  type ItemAppliedV1,
  type ItemDueSoonV1,
  type ItemGrantedV1,
  type ItemOverdueV1,
  type ItemRejectedV1,
  type LandCheckFailedV2,
  type LandCheckPassedV1,
  type NoticeIssuedV1,
  type PenaltyAssessedV1,
  type PlotReservedV1,
  type ProjectImportedV1,
  type PublicityStartedV1,
  type RectificationDueV1,
  type ServiceRatedV1,
  type TaskEscalatedV1,
  type TaskOverdueV1,
  type TasksPlannedV1,
  type TaskUpdatedV1,
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
  'project.imported': (e) => {
    const p = e.payload as ProjectImportedV1;
    return `导入：据项目台账（${p.source.fileName} 第${p.source.row}行）带入，阶段 ${STAGE_NAMES_ZH[p.stage]}（${p.enterprise.name}，总投资 ${p.totalInvestment} 万元，项目代码 ${p.projectCode}）`;
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

const checkStage = (stage: string) => CHECK_STAGE_NAMES_ZH[stage as keyof typeof CHECK_STAGE_NAMES_ZH] ?? '指标核验';
const indicator = (code: string) => INDICATOR_NAMES_ZH[code as keyof typeof INDICATOR_NAMES_ZH] ?? code;
const taskStatus = (status: string) => TASK_STATUS_NAMES_ZH[status] ?? status;
const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;
/** A list of names, the first few of a long one. */
const some = (names: string[], most = 5) => (names.length > most ? `${names.slice(0, most).join('、')} 等 ${names.length} 项` : names.join('、'));

/** The items, the plots' checks and the 全代办 tasks: what people act on most, each named (issue 17). */
const DESCRIBE_MORE: Record<string, (e: EventEnvelope<never>) => string> = {
  'approval.item-applied': (e) => {
    const p = e.payload as ItemAppliedV1;
    return `提交${p.itemName}申请（${p.department}，${p.acceptanceDueOn} 前受理）`;
  },
  'approval.item-granted': (e) => {
    const p = e.payload as ItemGrantedV1;
    const missing = p.missingDocuments?.length ? `，容缺 ${p.missingDocuments.length} 份材料${p.supplyBy ? `，${p.supplyBy} 前补交` : ''}` : '';
    return `${p.department}准予${p.itemName}（${p.by === 'commitment' ? '依承诺准予' : '审查决定'}${missing}）`;
  },
  'approval.item-rejected': (e) => {
    const p = e.payload as ItemRejectedV1;
    return `${p.itemName}不予许可：${p.reason}`;
  },
  'approval.corrections-requested': (e) => {
    const p = e.payload as CorrectionsRequestedV1;
    return `${p.itemName}要求补正材料：${p.corrections}`;
  },
  'approval.item-overdue': (e) => {
    const p = e.payload as ItemOverdueV1;
    return `${p.itemName}超过承诺办结日 ${p.dueOn}（${p.department}，超期 ${p.workingDaysLate} 个工作日）`;
  },
  'approval.item-due-soon': (e) => {
    const p = e.payload as ItemDueSoonV1;
    return `${p.itemName}即将到期（${p.department}，${p.dueOn} 前办结，剩 ${p.workingDaysLeft} 个工作日）`;
  },
  'approval.notice-issued': (e) => {
    const p = e.payload as NoticeIssuedV1;
    return `发放告知书 ${p.noticeNumber}（${p.itemCodes.length} 个事项）`;
  },
  'approval.publicity-started': (e) => {
    const p = e.payload as PublicityStartedV1;
    return `承诺公示：${p.startsOn} 至 ${p.endsOn}`;
  },
  'approval.breach-recorded': (e) => {
    const p = e.payload as BreachRecordedV1;
    return `记录${BREACH_SEVERITY_ZH[p.severity] ?? ''}失信行为：${p.reason}`;
  },
  'approval.commitment-date-missed': (e) => {
    const p = e.payload as CommitmentDateMissedV1;
    return `承诺${COMMITTED_MILESTONE_ZH[p.milestone] ?? ''}日期 ${p.committedOn} 已过 ${p.daysLate} 天${p.level === 'record' ? '，记入信用记录' : '（预警）'}`;
  },
  'land.plot-reserved': (e) => {
    const p = e.payload as PlotReservedV1;
    return `预留标准地地块 ${p.plotCode}（${p.areaMu} 亩）`;
  },
  'land.check-passed': (e) => {
    const p = e.payload as LandCheckPassedV1;
    return `标准地${checkStage(p.stage)}${p.recheck ? '复核' : ''}通过（地块 ${p.plotCode}）`;
  },
  'land.check-failed': (e) => {
    const p = e.payload as LandCheckFailedV2;
    return `标准地${checkStage(p.stage)}${p.recheck ? '复核' : ''}未通过（地块 ${p.plotCode}${p.rectifyBy ? `，${p.rectifyBy} 前整改` : ''}）`;
  },
  'land.rectification-due': (e) => {
    const p = e.payload as RectificationDueV1;
    return `${checkStage(p.stage)}限期整改：${some(p.indicators.map(indicator))}，${p.rectifyBy} 前`;
  },
  'land.penalty-assessed': (e) => {
    const p = e.payload as PenaltyAssessedV1;
    return `核定违约金 ${yuan(p.amountFen)}（地块 ${p.plotCode}${p.stage ? `，${checkStage(p.stage)}` : ''}）`;
  },
  'land.idle-land': (e) => {
    const p = e.payload as IdleLandV1;
    return `认定闲置土地（地块 ${p.plotCode}，闲置 ${p.daysIdle} 天${p.level === 'recovery' ? '，拟无偿收回' : `，闲置费 ${yuan(p.feeFen)}`}）`;
  },
  'land.indicator-at-risk': (e) => {
    const p = e.payload as IndicatorAtRiskV1;
    return `${p.period} 指标存在不达标风险：${some(p.indicators.map((i) => i.nameZh))}`;
  },
  'agency.delegation-opened': (e) => `受理全代办委托（授权委托书 ${(e.payload as DelegationOpenedV1).authorizationNumber}）`,
  'agency.agent-assigned': (e) => {
    const p = e.payload as AgentAssignedV1;
    return `${p.previousAgentId ? '改派' : '指派'}代办员 ${p.agentName}${p.assignedBy === 'lead' ? '（代办专班负责人指派）' : ''}`;
  },
  'agency.tasks-planned': (e) => `制定代办计划：${some((e.payload as TasksPlannedV1).tasks.map((t) => t.title))}`,
  'agency.task-updated': (e) => {
    const p = e.payload as TaskUpdatedV1;
    return `${p.title}：${taskStatus(p.from)} → ${taskStatus(p.to)}${p.note ? `（${p.note}）` : ''}`;
  },
  'agency.task-overdue': (e) => {
    const p = e.payload as TaskOverdueV1;
    return `${p.title}超期 ${p.workingDaysLate} 个工作日（应于 ${p.dueOn} 前完成）`;
  },
  'agency.task-escalated': (e) => {
    const p = e.payload as TaskEscalatedV1;
    return `${p.title}超期 ${p.workingDaysLate} 个工作日，代办专班负责人督办`;
  },
  'agency.delegation-closed': (e) => `全代办办结（${(e.payload as DelegationClosedV1).tasksDelivered} 个事项已送达）`,
  'agency.service-rated': (e) => {
    const p = e.payload as ServiceRatedV1;
    return `企业评价代办服务：${p.score} 星${p.comment ? `（${p.comment}）` : ''}`;
  },
};

/**
 * One line in zh-CN for a timeline: specific where we know the event, else its
 * contract's title; never a service's or an event's id.
 */
export function describeEvent(event: EventEnvelope): string {
  const describe = DESCRIBE[event.type] ?? DESCRIBE_MORE[event.type];
  if (describe) {
    try {
      const text = describe(event as EventEnvelope<never>);
      if (!/undefined|null|NaN/.test(text)) return text;
    } catch {
      // A payload of another shape than the one described: its title will do.
    }
  }
  return findEventDefinition(event.type, event.version)?.title ?? '其他事项';
}
