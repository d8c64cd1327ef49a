import { ApiProperty } from '@nestjs/swagger';
import type { Role } from '@devzone/auth';
import { STAFF_ROLES } from './accounts.request.dto';

/** A staff account created at the identity provider, with its owner invited to set the password. */
export class StaffAccountView {
  @ApiProperty({ type: String, format: 'uuid', description: '统一身份认证中的账号主体 (the account’s subject)' }) userId!: string;
  @ApiProperty({ type: String, example: 'sx-zhujian-li' }) username!: string;
  @ApiProperty({ enum: STAFF_ROLES, enumName: 'StaffRole' }) role!: Exclude<Role, 'enterprise'>;
  @ApiProperty({ type: String, format: 'date-time', description: '邀请链接的有效期 (when the invitation link expires)' }) invitationExpiresAt!: string;
}

/** What an invitation link is for (the set-password page greets the person). */
export class InvitationView {
  @ApiProperty({ type: String, description: '登录名 (the sign-in name)' }) username!: string;
  @ApiProperty({ type: String, description: '被邀请人姓名 (whom it greets)' }) name!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
}

/** The password is set: the person signs in with this name. */
export class AcceptedInvitationView {
  @ApiProperty({ type: String }) username!: string;
}
