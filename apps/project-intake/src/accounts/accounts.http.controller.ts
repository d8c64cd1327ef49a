import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@devzone/contracts';
import { Public, Roles } from '@devzone/auth';
import { CurrentActor } from '@devzone/platform';
import { DomainError } from '@devzone/shared-kernel';
import { DataSource, In } from 'typeorm';
import { ZoneOrm } from '../infrastructure/orm-entities';
import { AccountsService } from './accounts.service';
import { AcceptInvitationRequest, InvitationRequest, StaffAccountRequest } from './accounts.request.dto';
import { AcceptedInvitationView, InvitationView, StaffAccountView } from './accounts.views';

@ApiTags('accounts 账号与邀请')
@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly dataSource: DataSource,
  ) {}

  @Post('accounts')
  @ApiOperation({ summary: '开通工作人员账号（管理员）：在统一身份认证中建号，邮件邀请本人设置密码 (create a staff account and invite its owner)' })
  @ApiCreatedResponse({ type: StaffAccountView })
  @ApiConflictResponse({ description: '登录名已被使用；或未配置账号管理 (the username is taken; or accounts are not provisioned here)' })
  @Roles('admin')
  async createStaff(@Body() body: StaffAccountRequest, @CurrentActor() actor: Actor): Promise<StaffAccountView> {
    const known = await this.dataSource.getRepository(ZoneOrm).findBy({ code: In(body.zones) });
    const unknown = body.zones.filter((z) => !known.some((k) => k.code === z));
    if (unknown.length) throw DomainError.invalid('zones', { zh: `未知的开发区：${unknown.join('、')}`, en: `unknown zones ${unknown.join(', ')}` });
    if (!body.zones.length && !['province-manager', 'admin'].includes(body.role)) throw DomainError.invalid('zones', { zh: '该角色须指定负责的开发区', en: `a ${body.role} needs at least one zone` });
    return this.accounts.createStaff(body, actor);
  }

  @Post('invitations/check')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: '查看邀请（无需登录）：账号与有效期 (what an invitation link is for; no sign-in)' })
  @ApiOkResponse({ type: InvitationView })
  @ApiNotFoundResponse({ description: '邀请链接无效 (no such invitation)' })
  @ApiConflictResponse({ description: '邀请已使用或已过期 (the invitation was used or has expired)' })
  check(@Body() body: InvitationRequest): Promise<InvitationView> {
    return this.accounts.check(body.token);
  }

  @Post('invitations/accept')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: '接受邀请并设置密码（无需登录；一次有效）(set the password from an invitation, once)' })
  @ApiOkResponse({ type: AcceptedInvitationView })
  @ApiNotFoundResponse({ description: '邀请链接无效，或账号已不存在 (no such invitation, or the account is gone)' })
  @ApiConflictResponse({ description: '邀请已使用或已过期 (the invitation was used or has expired)' })
  accept(@Body() body: AcceptInvitationRequest): Promise<AcceptedInvitationView> {
    return this.accounts.accept(body.token, body.password);
  }
}
