import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@devzone/contracts';
import { ACTING_FOR_PROJECTS, CurrentPrincipal, OFFICERS, Roles, type Principal } from '@devzone/auth';
import { CurrentActor } from '@devzone/platform';
import { CaseService } from '../application/case.service';
import { ApprovalQueries } from '../application/queries.service';
import { AcceptanceResultRequest, CasesQuery, CommitmentRequest, ItemDecisionRequest, PrecheckRequest, QueueQuery } from './requests.dto';

const REFUSED = { description: '案件或事项当前状态不允许此操作 (refused in the current state; nothing changed)' };
const NOT_FOUND = { description: '案件或事项不存在 (no such case or item)' };
const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('cases 承诺制案件')
@Controller()
export class CasesController {
  constructor(
    private readonly cases: CaseService,
    private readonly queries: ApprovalQueries,
  ) {}

  @Get('cases')
  @ApiOperation({ summary: '案件列表 (cases by zone and status)' })
  list(@Query() q: CasesQuery, @CurrentPrincipal() p: Principal) {
    return this.queries.list(q, p);
  }

  @Get('cases/:id')
  @ApiOperation({ summary: '案件详情，含事项、期限与红黄绿 (a case with its items, due dates, red/amber/green)' })
  @ApiNotFoundResponse(NOT_FOUND)
  get(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    return this.queries.caseById(id, p);
  }

  @Get('projects/:projectId/case')
  @ApiOperation({ summary: '项目的承诺制案件 (the case of a project)' })
  @ApiNotFoundResponse(NOT_FOUND)
  ofProject(@Param('projectId', uuid) projectId: string, @CurrentPrincipal() p: Principal) {
    return this.queries.caseOfProject(projectId, p);
  }

  @Get('queue')
  @ApiOperation({ summary: '审批工作队列：按承诺时限排序，红黄绿预警 (the officer queue by deadline)' })
  @Roles('zone-officer', 'zone-manager', 'province-manager', 'admin')
  queue(@Query() q: QueueQuery, @CurrentPrincipal() p: Principal) {
    return this.queries.queue(q, p);
  }

  @Post('cases/:id/notice')
  @HttpCode(200)
  @ApiOperation({ summary: '发放告知书 (issue the requirement notice)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...OFFICERS)
  async notice(@Param('id', uuid) id: string, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.queries.caseById(await this.cases.issueNotice(id, actor, p), p);
  }

  @Post('cases/:id/commitment')
  @HttpCode(200)
  @ApiOperation({ summary: '提交承诺书：承诺开工、竣工、投产日期，全部或部分事项 (submit the commitment letter)' })
  @ApiConflictResponse({ description: '状态不允许，或企业已列入黑名单 (refused, e.g. the enterprise is blacklisted)' })
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...ACTING_FOR_PROJECTS)
  async commitment(@Param('id', uuid) id: string, @Body() body: CommitmentRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.queries.caseById(await this.cases.submitCommitment(id, body, actor, p), p);
  }

  @Post('cases/:id/precheck')
  @HttpCode(200)
  @ApiOperation({ summary: '预审：通过则进入公示 (pre-check; passed → publicity)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...OFFICERS)
  async precheck(@Param('id', uuid) id: string, @Body() body: PrecheckRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.queries.caseById(await this.cases.precheck(id, body, actor, p), p);
  }

  @Post('cases/:id/publicity/end')
  @HttpCode(200)
  @ApiOperation({ summary: '结束公示（公示期满后）(end the publicity once its period is over)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...OFFICERS)
  async endPublicity(@Param('id', uuid) id: string, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.queries.caseById(await this.cases.endPublicity(id, actor, p), p);
  }

  @Post('cases/:id/items/:itemCode/decision')
  @HttpCode(200)
  @ApiOperation({ summary: '事项决定：准予、容缺准予、要求补正、不予许可 (decide an item)' })
  @ApiConflictResponse({ description: '事项已作出决定，或案件状态不允许 (already decided, or the case does not take decisions now)' })
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...OFFICERS)
  async decide(@Param('id', uuid) id: string, @Param('itemCode') itemCode: string, @Body() body: ItemDecisionRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.queries.caseById(await this.cases.decideItem(id, itemCode, body, actor, p), p);
  }

  @Post('cases/:id/items/:itemCode/resubmit')
  @HttpCode(200)
  @ApiOperation({ summary: '补正后重新提交 (resubmit after corrections)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...ACTING_FOR_PROJECTS)
  async resubmit(@Param('id', uuid) id: string, @Param('itemCode') itemCode: string, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.queries.caseById(await this.cases.resubmitItem(id, itemCode, actor, p), p);
  }

  @Post('cases/:id/items/:itemCode/documents-supplied')
  @HttpCode(200)
  @ApiOperation({ summary: '容缺材料已补交 (the missing documents are supplied)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...ACTING_FOR_PROJECTS)
  async supplied(@Param('id', uuid) id: string, @Param('itemCode') itemCode: string, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.queries.caseById(await this.cases.supplyDocuments(id, itemCode, actor, p), p);
  }

  @Post('cases/:id/acceptance-request')
  @HttpCode(200)
  @ApiOperation({ summary: '申请对标验收（项目竣工后）(request benchmark acceptance after completion)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...ACTING_FOR_PROJECTS)
  async requestAcceptance(@Param('id', uuid) id: string, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.queries.caseById(await this.cases.requestAcceptance(id, actor, p), p);
  }

  @Post('cases/:id/acceptance')
  @HttpCode(200)
  @ApiOperation({ summary: '对标验收结果；不通过记重大失信并限期整改 (record the acceptance result)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...OFFICERS)
  async acceptance(@Param('id', uuid) id: string, @Body() body: AcceptanceResultRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.queries.caseById(await this.cases.recordAcceptance(id, body, actor, p), p);
  }
}
