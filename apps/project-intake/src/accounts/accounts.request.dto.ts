import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@devzone/auth';

export const STAFF_ROLES = ROLES.filter((r): r is Exclude<Role, 'enterprise'> => r !== 'enterprise');

/** 开通工作人员账号 */
export class StaffAccountRequest {
  @ApiProperty({ example: 'sx-zhujian-li', description: '登录名：小写字母、数字、点、横线、下划线，3–64 位' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: '登录名应为 3–64 位小写字母、数字或 ._- (username: 3–64 lower-case letters, digits or ._-)' })
  username!: string;

  @ApiProperty({ example: '李红' })
  @IsString() @IsNotEmpty({ message: '姓名不能为空 (name must not be empty)' }) @MaxLength(50)
  name!: string;

  @ApiProperty({ example: 'lihong@zone.example.cn', description: '设置密码的邀请发往此邮箱' })
  @IsEmail({}, { message: '邮箱格式不正确 (email is not a valid address)' })
  email!: string;

  @ApiProperty({ enum: STAFF_ROLES, enumName: 'StaffRole' })
  @IsIn(STAFF_ROLES, { message: `角色应为 ${STAFF_ROLES.join(' / ')} (role unknown)` })
  role!: Exclude<Role, 'enterprise'>;

  @ApiProperty({ example: ['SX-ZGQ'], description: '负责的开发区（GET /zones）；省级角色与管理员可为空' })
  @IsArray({ message: 'zones 应为开发区代码数组 (zones must be a list of zone codes)' }) @ArrayMaxSize(100) @IsString({ each: true })
  zones!: string[];

  @ApiPropertyOptional({ example: '住房和城乡建设局', description: '所属部门（委办局）；部门审批人员（department-officer）必填，只办理本部门的事项' })
  @IsOptional() @IsString() @MaxLength(100)
  department?: string;
}

export class InvitationRequest {
  @ApiProperty({ description: '邀请邮件链接中的令牌 (the token from the invitation link)' })
  @IsString() @Length(20, 200, { message: '邀请令牌无效 (token is not an invitation token)' })
  token!: string;
}

export class AcceptInvitationRequest extends InvitationRequest {
  @ApiProperty({ description: '新密码：8–64 位，不能与登录名相同' })
  @IsString() @Length(8, 64, { message: '密码应为 8–64 位 (password must be 8–64 characters)' })
  password!: string;
}
