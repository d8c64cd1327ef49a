import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ACTOR_ROLES, type Actor, type ActorRole } from '@devzone/contracts';
import type { Request } from 'express';

/**
 * Who is acting, from the `X-Actor-Id` and `X-Actor-Role` headers, recorded on
 * every event and timeline entry. Authentication (JWT, scoping by zone and
 * enterprise) replaces these headers in issue 8; until then they are trusted.
 */
export function actorFromRequest(request: Request): Actor {
  const id = request.header('x-actor-id')?.trim() || 'anonymous';
  const role = (request.header('x-actor-role')?.trim() || 'zone-officer') as ActorRole;
  if (!ACTOR_ROLES.includes(role)) {
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: '请求参数不合法 (invalid request)',
      issues: [{ field: 'X-Actor-Role', reason: `未知角色 unknown role ${role}; one of ${ACTOR_ROLES.join(', ')}` }],
    });
  }
  return { id: id.slice(0, 128), role };
}

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  actorFromRequest(context.switchToHttp().getRequest<Request>()),
);
