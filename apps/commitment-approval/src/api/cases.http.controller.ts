import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@devzone/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@devzone/auth';
import { CurrentActor, PageOf, type Page } from '@devzone/platform';
import { CaseService } from '../application/case.service';
import { ItemService } from '../application/item.service';
import { ApprovalQueries } from '../application/queries.service';
import { CASE_COMMAND_ROLES, ITEM_COMMANDS, QUEUE_ROLES } from '../domain/permissions';
import { CaseSummaryView, CaseView } from './case.views';
import { QueueEntryView, QueueSummaryView } from './queue.views';
import { AcceptanceResultRequest, CasesQuery, CommitmentRequest, ItemDecisionRequest, OpinionRequest, PauseRequest, PrecheckRequest, QueueQuery, QueueSummaryQuery, RevocationRequest } from './requests.dto';

const REFUSED = { description: '案件或事项当前状态不允许此操作 (refused in the current state; nothing changed)' };
const NOT_FOUND = { description: '案件或事项不存在 (no such case or item)' };
const uuid = new ParseUUIDPipe({ version: '4' });
const NOT_DEPARTMENT = { description: '该事项不属于本人所在部门 (the item belongs to another department)' };
const CASE = { type: CaseView, description: '更新后的案件，含事项与当前用户可执行的操作 (the case after the command, with its items and the caller’s actions)' };
const WITH_OPINION = '；须填写审查意见 opinion（2–500 字），与操作人、时间一并记入案件审查记录 (with the reviewer’s opinion, recorded)';

@ApiTags('cases 承诺制案件')
@Controller()
export class CasesController {
  constructor(
    private readonly cases: CaseService,
    private readonly items: ItemService,
    private readonly queries: ApprovalQueries,
  ) {}

  @Get('cases')
  @ApiOperation({ summary: '案件列表 (cases by zone and status)' })
  @ApiOkResponse({ type: PageOf(CaseSummaryView), description: '案件（不含事项），每页 { items, total, page, pageSize } (cases without their items, one page)' })
  list(@Query() q: CasesQuery, @CurrentPrincipal() p: Principal): Promise<Page<CaseSummaryView>> {
    return this.queries.list(q, p);
  }

  @Get('cases/:id')
  @ApiOperation({ summary: '案件详情，含事项、期限与红黄绿 (a case with its items, due dates, red/amber/green)' })
  @ApiOkResponse({ type: CaseView })
  @ApiNotFoundResponse(NOT_FOUND)
  get(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal): Promise<CaseView> {
    return this.queries.caseById(id, p);
  }

  @Get('projects/:projectId/case')
  @ApiOperation({ summary: '项目的承诺制案件 (the case of a project)' })
  @ApiOkResponse({ type: CaseView })
  @ApiNotFoundResponse(NOT_FOUND)
  ofProject(@Param('projectId', uuid) projectId: string, @CurrentPrincipal() p: Principal): Promise<CaseView> {
    return this.queries.caseOfProject(projectId, p);
  }

  @Get('queue')
  @ApiOperation({ summary: '审批工作队列：待受理、审查中、暂停计时的事项，按期限排序，红黄绿预警；部门人员默认本部门；可按项目名称/代码/企业名称（q）、状态、到期、预警筛选 (the departments’ queue by deadline, searchable)' })
  @ApiOkResponse({ type: PageOf(QueueEntryView), description: '一页事项 { items, total, page, pageSize } (one page of open items)' })
  @Roles(...QUEUE_ROLES)
  queue(@Query() q: QueueQuery, @CurrentPrincipal() p: Principal): Promise<Page<QueueEntryView>> {
    return this.queries.queue(q, p);
  }

  @Get('queue/summary')
  @ApiOperation({ summary: '审批工作队列统计：按与队列相同的筛选条件，统计全部（非本页）事项的已逾期、今日到期、7 天内到期、暂停计时、待前置事项 (counts over the whole filtered queue)' })
  @ApiOkResponse({ type: QueueSummaryView })
  @Roles(...QUEUE_ROLES)
  queueSummary(@Query() q: QueueSummaryQuery, @CurrentPrincipal() p: Principal): Promise<QueueSummaryView> {
    return this.queries.queueSummary(q, p);
  }

  @Post('cases/:id/notice')
  @HttpCode(200)
  @ApiOperation({ summary: `发放告知书 (issue the requirement notice)${WITH_OPINION}` })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOkResponse(CASE)
  @Roles(...CASE_COMMAND_ROLES.notice)
  async notice(@Param('id', uuid) id: string, @Body() body: OpinionRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<CaseView> {
    return this.queries.caseById(await this.cases.issueNotice(id, body, actor, p), p);
  }

  @Post('cases/:id/commitment')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '提交承诺书：确认承诺书声明（declarationConfirmed: true），承诺开工、竣工、投产日期（不早于今天，依次不早于前一日期），各可承诺事项选择承诺制或一般程序（或全部按一般程序）(submit the commitment letter, or choose the ordinary procedure)',
  })
  @ApiConflictResponse({ description: '状态不允许，或企业已列入黑名单 (refused, e.g. the enterprise is blacklisted)' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOkResponse(CASE)
  @Roles(...CASE_COMMAND_ROLES.commitment)
  async commitment(@Param('id', uuid) id: string, @Body() body: CommitmentRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<CaseView> {
    return this.queries.caseById(await this.cases.submitCommitment(id, body, actor, p), p);
  }

  @Post('cases/:id/precheck')
  @HttpCode(200)
  @ApiOperation({ summary: `预审：通过则进入公示 (pre-check; passed → publicity)${WITH_OPINION}` })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOkResponse(CASE)
  @Roles(...CASE_COMMAND_ROLES.precheck)
  async precheck(@Param('id', uuid) id: string, @Body() body: PrecheckRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<CaseView> {
    return this.queries.caseById(await this.cases.precheck(id, body, actor, p), p);
  }

  @Post('cases/:id/publicity/end')
  @HttpCode(200)
  @ApiOperation({ summary: '结束公示（公示期满后）(end the publicity once its period is over)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOkResponse(CASE)
  @Roles(...CASE_COMMAND_ROLES['publicity-end'])
  async endPublicity(@Param('id', uuid) id: string, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<CaseView> {
    return this.queries.caseById(await this.cases.endPublicity(id, actor, p), p);
  }

  @Post('cases/:id/items/:itemCode/application')
  @HttpCode(200)
  @ApiOperation({ summary: '申请审批事项（企业或代办员）：部门须在 5 个工作日内受理或退回 (apply for an item)' })
  @ApiConflictResponse({ description: '事项状态不允许，或可承诺事项尚未选择办理方式 (refused)' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOkResponse(CASE)
  @Roles(...ITEM_COMMANDS.application.roles)
  async apply(@Param('id', uuid) id: string, @Param('itemCode') itemCode: string, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<CaseView> {
    return this.queries.caseById(await this.items.apply(id, itemCode, actor, p), p);
  }

  @Post('cases/:id/items/:itemCode/acceptance')
  @HttpCode(200)
  @ApiOperation({ summary: `受理（本部门）：时限自受理日起计算；前置事项须已办结 (accept: the clock starts; prerequisites first)${WITH_OPINION}` })
  @ApiConflictResponse({ description: '前置事项未办结，或状态不允许 (prerequisites not granted, or refused)' })
  @ApiForbiddenResponse(NOT_DEPARTMENT)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOkResponse(CASE)
  @Roles(...ITEM_COMMANDS.acceptance.roles)
  async accept(@Param('id', uuid) id: string, @Param('itemCode') itemCode: string, @Body() body: OpinionRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<CaseView> {
    return this.queries.caseById(await this.items.accept(id, itemCode, body, actor, p), p);
  }

  @Post('cases/:id/items/:itemCode/pause')
  @HttpCode(200)
  @ApiOperation({ summary: '暂停计时（本部门）：听证、检验检测、专家评审 (pause the clock)' })
  @ApiConflictResponse(REFUSED)
  @ApiForbiddenResponse(NOT_DEPARTMENT)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOkResponse(CASE)
  @Roles(...ITEM_COMMANDS.pause.roles)
  async pause(@Param('id', uuid) id: string, @Param('itemCode') itemCode: string, @Body() body: PauseRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<CaseView> {
    return this.queries.caseById(await this.items.pause(id, itemCode, body, actor, p), p);
  }

  @Post('cases/:id/items/:itemCode/resume')
  @HttpCode(200)
  @ApiOperation({ summary: '恢复计时（本部门）：期限顺延暂停的工作日 (resume the clock)' })
  @ApiConflictResponse(REFUSED)
  @ApiForbiddenResponse(NOT_DEPARTMENT)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOkResponse(CASE)
  @Roles(...ITEM_COMMANDS.resume.roles)
  async resume(@Param('id', uuid) id: string, @Param('itemCode') itemCode: string, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<CaseView> {
    return this.queries.caseById(await this.items.resume(id, itemCode, actor, p), p);
  }

  @Post('cases/:id/items/:itemCode/decision')
  @HttpCode(200)
  @ApiOperation({ summary: `事项决定（本部门）：准予、容缺准予、要求补正（暂停计时）、不予许可 (decide an item)${WITH_OPINION}` })
  @ApiConflictResponse({ description: '事项已作出决定，或案件状态不允许 (already decided, or the case does not take decisions now)' })
  @ApiForbiddenResponse(NOT_DEPARTMENT)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOkResponse(CASE)
  @Roles(...ITEM_COMMANDS.decision.roles)
  async decide(@Param('id', uuid) id: string, @Param('itemCode') itemCode: string, @Body() body: ItemDecisionRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<CaseView> {
    return this.queries.caseById(await this.items.decide(id, itemCode, body, actor, p), p);
  }

  @Post('cases/:id/items/:itemCode/resubmit')
  @HttpCode(200)
  @ApiOperation({ summary: '补正后重新提交：恢复计时 (resubmit after corrections)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOkResponse(CASE)
  @Roles(...ITEM_COMMANDS.resubmit.roles)
  async resubmit(@Param('id', uuid) id: string, @Param('itemCode') itemCode: string, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<CaseView> {
    return this.queries.caseById(await this.items.resubmit(id, itemCode, actor, p), p);
  }

  @Post('cases/:id/items/:itemCode/documents-supplied')
  @HttpCode(200)
  @ApiOperation({ summary: '容缺材料已补交 (the missing documents are supplied)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOkResponse(CASE)
  @Roles(...ITEM_COMMANDS['documents-supplied'].roles)
  async supplied(@Param('id', uuid) id: string, @Param('itemCode') itemCode: string, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<CaseView> {
    return this.queries.caseById(await this.items.supplyDocuments(id, itemCode, actor, p), p);
  }

  @Post('cases/:id/items/:itemCode/revocation')
  @HttpCode(200)
  @ApiOperation({ summary: `虚假承诺，撤销依承诺作出的准予：记严重失信；开工前案件回到审批 (revoke a grant obtained by a false commitment)${WITH_OPINION}` })
  @ApiConflictResponse({ description: '该事项不是依承诺准予的 (not granted by commitment)' })
  @ApiForbiddenResponse(NOT_DEPARTMENT)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOkResponse(CASE)
  @Roles(...ITEM_COMMANDS.revocation.roles)
  async revoke(@Param('id', uuid) id: string, @Param('itemCode') itemCode: string, @Body() body: RevocationRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<CaseView> {
    return this.queries.caseById(await this.items.revoke(id, itemCode, body, actor, p), p);
  }

  @Post('cases/:id/acceptance-request')
  @HttpCode(200)
  @ApiOperation({ summary: '申请对标验收（项目竣工后）(request benchmark acceptance after completion)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOkResponse(CASE)
  @Roles(...CASE_COMMAND_ROLES['acceptance-request'])
  async requestAcceptance(@Param('id', uuid) id: string, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<CaseView> {
    return this.queries.caseById(await this.cases.requestAcceptance(id, actor, p), p);
  }

  @Post('cases/:id/acceptance')
  @HttpCode(200)
  @ApiOperation({ summary: `对标验收结果：首次不通过责令限期整改；整改后复查仍不通过记重大失信 (record the acceptance result)${WITH_OPINION}` })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiOkResponse(CASE)
  @Roles(...CASE_COMMAND_ROLES.acceptance)
  async acceptance(@Param('id', uuid) id: string, @Body() body: AcceptanceResultRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<CaseView> {
    return this.queries.caseById(await this.cases.recordAcceptance(id, body, actor, p), p);
  }
}
